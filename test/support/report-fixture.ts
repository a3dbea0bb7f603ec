/**
 * A hand-made ReportData, the Jesi 2024 management report as the renderers receive it: every
 * kind of block (tables with and without charts of every type, "Altro" footnotes, a total
 * column, notes, hidden counts, headline figures, Markdown texts), with the reference report's
 * figures where it has them (Accessi 371, the countries footnote, the 3-year comparison, the
 * residence table, the five language clubs). The breakdowns the reference drew as pictures
 * (lost) are made up, and add up to their totals.
 */
import {
  DEFAULT_REPORT_SETTINGS,
  type ReportBlock,
  type ReportData,
  type ReportSection,
  type ReportTable,
} from '../../src/contracts/reports.js';
import { breakdownBlocks } from '../../src/modules/reports/blocks.js';

export interface ReportFixtureOptions {
  /** null (default): a draft; a number: that published version. */
  versionNumber?: number | null;
}

const text = (id: string, title: string | undefined, markdown: string, extra: { free?: boolean } = {}): ReportBlock => ({
  kind: 'text',
  id,
  ...(title ? { title } : {}),
  markdown,
  draft: markdown,
  edited: false,
  ...extra,
});

const cat = (key: string, label: string, count: number) => ({ key, label, count });

/** The countries of the 2024 visits: the footnote's twenty (under 5) and the larger ones. */
const VISIT_COUNTRIES = [
  cat('IT', 'Italia', 62),
  cat('NG', 'Nigeria', 58),
  cat('MA', 'Marocco', 41),
  cat('PK', 'Pakistan', 33),
  cat('BD', 'Bangladesh', 29),
  cat('TN', 'Tunisia', 25),
  cat('SN', 'Senegal', 22),
  cat('AL', 'Albania', 18),
  cat('UA', 'Ucraina', 15),
  cat('CM', 'Camerun', 12),
  cat('RO', 'Romania', 9),
  cat('EG', 'Egitto', 9),
  // The reference report's footnote ("Inghilterra" is Regno Unito).
  cat('DZ', 'Algeria', 1),
  cat('AR', 'Argentina', 3),
  cat('BR', 'Brasile', 1),
  cat('BF', 'Burkina Faso', 1),
  cat('CN', 'Cina', 2),
  cat('CI', "Costa d'Avorio", 4),
  cat('CU', 'Cuba', 1),
  cat('SV', 'El Salvador', 2),
  cat('GM', 'Gambia', 4),
  cat('GE', 'Georgia', 1),
  cat('GH', 'Ghana', 2),
  cat('GN', 'Guinea', 1),
  cat('GB', 'Regno Unito', 2),
  cat('MD', 'Moldavia', 1),
  cat('PE', 'Perù', 1),
  cat('CD', 'Rep. Dem. del Congo', 4),
  cat('DO', 'Repubblica Dominicana', 1),
  cat('SL', 'Sierra Leone', 1),
  cat('SO', 'Somalia', 1),
  cat('VE', 'Venezuela', 1),
  cat('unspecified', 'Non specificato', 3),
];

const HOURS: ReportTable = {
  kind: 'table',
  id: 'centre.hours',
  title: 'Orario di apertura',
  columns: [
    { key: 'day', label: 'Giorno', numeric: false },
    { key: 'morning', label: 'Mattina', numeric: false },
    { key: 'afternoon', label: 'Pomeriggio', numeric: false },
  ],
  rows: [
    { key: 'mon', cells: { day: 'Lunedì', morning: '9 - 12', afternoon: 'chiuso' } },
    { key: 'tue', cells: { day: 'Martedì', morning: '9 - 12', afternoon: '15 - 18 fino al 14/10; chiuso dal 15/10' } },
    { key: 'wed', cells: { day: 'Mercoledì', morning: '9 - 12', afternoon: 'chiuso' } },
    { key: 'thu', cells: { day: 'Giovedì', morning: 'chiuso', afternoon: '15 - 18' } },
    { key: 'fri', cells: { day: 'Venerdì', morning: '9 - 12', afternoon: 'chiuso' } },
  ],
  protect: false,
  notes: ['Dal 15 ottobre 2024 il martedì pomeriggio è chiuso.'],
};

const CARE_COMPARISON: ReportTable = {
  kind: 'table',
  id: 'care.comparison',
  title: 'Utenti presi in carico 2022/2023/2024',
  columns: [
    { key: 'year', label: 'Anno', numeric: false },
    { key: 'total', label: 'Totale', numeric: true },
    { key: 'italian', label: 'Italiani', numeric: true },
    { key: 'eu', label: 'Comunitari', numeric: true },
    { key: 'non_eu', label: 'Extracomunitari', numeric: true },
    { key: 'unspecified', label: 'Non specificato', numeric: true },
  ],
  rows: [
    { key: '2022', cells: { year: '2022', total: 149, italian: 11, eu: 1, non_eu: 128, unspecified: 9 } },
    { key: '2023', cells: { year: '2023', total: 160, italian: 21, eu: 2, non_eu: 137, unspecified: 0 } },
    { key: '2024', cells: { year: '2024', total: 163, italian: 22, eu: 0, non_eu: 141, unspecified: 0 } },
  ],
  protect: true,
  totalColumn: 'total',
  chart: { type: 'line', categoryColumn: 'year', seriesColumns: ['total', 'italian', 'eu', 'non_eu'] },
  notes: ['Il 2022 comprende 9 utenti senza cittadinanza registrata, che il report di allora non contava.'],
};

/** The people in care by country, as published with the disclosure threshold 5: hidden counts. */
const CARE_COUNTRIES: ReportTable = {
  kind: 'table',
  id: 'care.countries',
  title: 'Utenti presi in carico per paese di provenienza',
  columns: [
    { key: 'category', label: 'Paese di provenienza', numeric: false },
    { key: 'count', label: 'N. utenti', numeric: true },
  ],
  rows: [
    { key: 'NG', cells: { category: 'Nigeria', count: 31 } },
    { key: 'IT', cells: { category: 'Italia', count: 22 } },
    { key: 'MA', cells: { category: 'Marocco', count: 19 } },
    { key: 'PK', cells: { category: 'Pakistan', count: 17 } },
    { key: 'BD', cells: { category: 'Bangladesh', count: 14 } },
    { key: 'TN', cells: { category: 'Tunisia', count: 12 } },
    { key: 'SN', cells: { category: 'Senegal', count: 11 } },
    { key: 'AL', cells: { category: 'Albania', count: 9 } },
    { key: 'UA', cells: { category: 'Ucraina', count: 7 } },
    { key: 'CM', cells: { category: 'Camerun', count: { hidden: 'small', below: 5 } } },
    { key: 'EG', cells: { category: 'Egitto', count: { hidden: 'complementary', below: 5 } } },
    { key: '_other', cells: { category: 'Altro', count: 14 } },
    { key: 'total', cells: { category: 'Totale', count: 163 }, total: true },
  ],
  protect: true,
  chart: { type: 'horizontalBar', categoryColumn: 'category', seriesColumns: ['count'] },
  notes: ['I numeri inferiori a 5 sono indicati come «< 5»; «*» indica un numero nascosto perché non si possa ricavare per differenza.'],
};

const RESIDENCE: ReportTable = {
  kind: 'table',
  id: 'care.residence',
  title: 'Residenza utenti presi in carico',
  columns: [
    { key: 'category', label: 'Comune di residenza', numeric: false },
    { key: 'count', label: 'N. utenti residenti', numeric: true },
  ],
  rows: [
    ...(
      [
        ['042002', 'Ancona', 1],
        ['042009', 'Castelplanio', 2],
        ['042016', 'Cupramontana', 6],
        ['042018', 'Falconara Marittima', 2],
        ['042023', 'Maiolati Spontini (Moie)', 2],
        ['042028', 'Monte Roberto', 1],
        ['042027', 'Montecarotto', 1],
        ['042031', "Morro d'Alba", 1],
        ['042039', 'Rosora', 1],
        ['042041', 'San Marcello', 1],
        ['042043', 'Santa Maria Nuova', 8],
        ['042045', "Serra de' Conti", 3],
        ['042046', 'Serra San Quirico', 1],
        ['042047', 'Staffolo', 4],
      ] as const
    ).map(([key, label, count]) => ({ key, cells: { category: label, count } })),
    { key: 'total', cells: { category: 'N. utenti residenti fuori dal comune di Jesi', count: 34 }, total: true },
  ],
  protect: true,
};

const RESIDENCE_SUMMARY: ReportTable = {
  kind: 'table',
  id: 'care.residence-summary',
  title: 'Residenza: riepilogo',
  columns: [
    { key: 'category', label: 'Residenza', numeric: false },
    { key: 'count', label: 'N. utenti', numeric: true },
  ],
  rows: [
    { key: 'host', cells: { category: 'Residenti nel comune di Jesi', count: 123 } },
    { key: 'outside', cells: { category: 'Residenti fuori dal comune di Jesi', count: 34 } },
    { key: 'none', cells: { category: 'Senza fissa dimora / senza residenza', count: 6 } },
    { key: 'total', cells: { category: 'Totale', count: 163 }, total: true },
  ],
  protect: true,
  chart: { type: 'pie', categoryColumn: 'category', seriesColumns: ['count'] },
};

const CLUBS: ReportTable = {
  kind: 'table',
  id: 'courses.clubs',
  title: 'Club linguistici 2024',
  columns: [
    { key: 'course', label: 'Club', numeric: false },
    { key: 'dates', label: 'Periodo', numeric: false },
    { key: 'lessons', label: 'Incontri', numeric: true },
    { key: 'hours', label: 'Ore', numeric: true },
    { key: 'sai', label: 'Iscritti SAI', numeric: true },
    { key: 'centre', label: 'Iscritti Centro', numeric: true },
    { key: 'total', label: 'Totale iscritti', numeric: true },
  ],
  rows: [
    { key: 'c1', cells: { course: 'Club linguistico base', dates: '10/01 - 24/04', lessons: 31, hours: 93, sai: 8, centre: 8, total: 16 } },
    {
      key: 'c2',
      cells: { course: 'Club linguistico base', dates: '03/05 - 02/08', lessons: 24, hours: 72, sai: 10, centre: 10, total: 20 },
    },
    {
      key: 'c3',
      cells: {
        course: 'Club linguistico alfabetizzazione',
        dates: '01/03 - 22/07',
        lessons: 36,
        hours: 108,
        sai: 23,
        centre: 4,
        total: 27,
      },
    },
    {
      key: 'c4',
      cells: { course: 'Club linguistico alfabetizzazione', dates: '09/09 - 30/12', lessons: 31, hours: 93, sai: 16, centre: 9, total: 25 },
    },
    {
      key: 'c5',
      cells: { course: 'Club linguistico base', dates: '11/09 - 20/12', lessons: 30, hours: 90, sai: 17, centre: 5, total: 22 },
    },
    { key: 'total', cells: { course: 'Totale', dates: null, lessons: 152, hours: 456, sai: 74, centre: 36, total: 110 }, total: true },
  ],
  protect: true,
  totalColumn: 'total',
  chart: { type: 'bar', categoryColumn: 'course', seriesColumns: ['sai', 'centre'] },
  notes: [
    'Iscritti distinti: 97 (una persona può seguire due club).',
    "In collaborazione con il progetto SAI «Ancona Provincia d'Asilo», sede di Jesi.",
  ],
};

const CLUBS_YEARS: ReportTable = {
  kind: 'table',
  id: 'courses.years',
  title: 'Iscritti Club Linguistici 2023/2024',
  columns: [
    { key: 'year', label: 'Anno', numeric: false },
    { key: 'count', label: 'Totale iscritti', numeric: true },
  ],
  rows: [
    { key: '2023', cells: { year: '2023', count: 47 } },
    { key: '2024', cells: { year: '2024', count: 110 } },
  ],
  protect: true,
  chart: { type: 'bar', categoryColumn: 'year', seriesColumns: ['count'] },
};

const NEEDS: ReportTable = {
  kind: 'table',
  id: 'needs.waiting',
  title: "Liste d'attesa dei corsi di italiano L2",
  columns: [
    { key: 'category', label: 'Richiesta', numeric: false },
    { key: 'count', label: 'Persone in attesa', numeric: true },
  ],
  rows: [
    { key: 'adults', cells: { category: 'Corsi di italiano L2 per adulti', count: 38 } },
    { key: 'minors', cells: { category: 'Corsi di italiano L2 per minorenni', count: 11 } },
    { key: 'total', cells: { category: 'Totale', count: 49 }, total: true },
  ],
  protect: true,
  chart: { type: 'bar', categoryColumn: 'category', seriesColumns: ['count'] },
};

export function reportFixture(options: ReportFixtureOptions = {}): ReportData {
  const sections: Omit<ReportSection, 'number'>[] = [
    {
      id: 'centre',
      title: "Centro Servizi per l'Integrazione Sociale",
      blocks: [
        text(
          'centre.description',
          undefined,
          "Il Centro Servizi per l'Integrazione Sociale è un servizio attivo da ottobre 2008 che svolge attività di **informazione, accompagnamento, orientamento e sostegno** alla persona migrante o italiana. Gli utenti accedono al servizio spontaneamente o sono inviati da altri servizi comunali o dall'*ASP*.",
        ),
        text(
          'centre.closures',
          'Chiusure',
          'Il Centro è stato chiuso:\n\n- dal 2 al 5 gennaio;\n- dal 5 al 23 agosto;\n- dal 24 al 27 dicembre e il 31 dicembre.',
        ),
        HOURS,
        text(
          'centre.staff',
          'Figure professionali',
          "Dal 1 settembre, con il nuovo appalto per la gestione del centro, le figure professionali sono:\n\n1. Coordinatore;\n2. Operatore della mediazione;\n3. Operatore dell'integrazione.",
        ),
      ],
    },
    {
      id: 'visits',
      title: 'Accessi 2024',
      blocks: [
        { kind: 'figures', id: 'visits.total', items: [{ key: 'total', label: 'Totale', value: 371 }], protect: true },
        ...breakdownBlocks({
          id: 'visits.origin',
          title: 'Provenienza',
          categoryLabel: 'Provenienza',
          countLabel: 'N. accessi',
          categories: [
            cat('italian', 'Italiani', 62),
            cat('eu', 'Comunitari', 9),
            cat('non_eu', 'Extracomunitari', 297),
            cat('unspecified', 'Non specificato', 3),
          ],
          total: 371,
          chart: 'pie',
          mode: 'fixed',
        }),
        ...breakdownBlocks({
          id: 'visits.gender',
          title: 'Genere',
          categoryLabel: 'Genere',
          countLabel: 'N. accessi',
          categories: [cat('female', 'Donna', 201), cat('male', 'Uomo', 167), cat('not_stated', 'Non dichiarato', 3)],
          total: 371,
          chart: 'pie',
          mode: 'fixed',
          notes: ['Si considerano accessi tutte le richieste di informazione comprensive o meno di prestazione o servizi.'],
        }),
        ...breakdownBlocks({
          id: 'visits.countries',
          title: 'Paesi di provenienza',
          categoryLabel: 'Paese di provenienza',
          countLabel: 'N. accessi',
          categories: VISIT_COUNTRIES,
          total: 371,
          chart: 'horizontalBar',
          groupingThreshold: 5,
          otherTitle: 'Paesi con un numero di accessi inferiore a 5',
        }),
      ],
    },
    {
      id: 'topics',
      title: 'Tipologie di richieste presso lo Sportello',
      blocks: breakdownBlocks({
        id: 'topics.topics',
        title: 'Accessi per tipologia di richiesta',
        categoryLabel: 'Tipologia di richiesta',
        countLabel: 'N. accessi',
        categories: [
          cat('permit', 'Permesso di soggiorno', 112),
          cat('applications', 'Domande / bonus', 87),
          cat('residence', 'Residenza / anagrafe', 54),
          cat('work', 'Lavoro', 41),
          cat('courses', 'Corsi di italiano', 38),
          cat('citizenship', 'Cittadinanza', 29),
          cat('family', 'Ricongiungimento familiare', 21),
          cat('housing', 'Casa', 17),
          cat('health', 'Salute', 12),
          cat('school', 'Scuola', 9),
          cat('legal', 'Questioni legali', 7),
          cat('other', 'Altro', 6),
        ],
        total: 433,
        chart: 'horizontalBar',
        chartCaption: 'Una visita con due tipologie conta sotto ciascuna: il totale (433) supera gli accessi (371).',
      }),
    },
    {
      id: 'care',
      title: 'Utenti presi in carico nel 2024',
      blocks: [
        text(
          'care.intro',
          undefined,
          "Gli utenti presi in carico accedono al centro più volte durante l'anno, in base alle necessità.\n\nSono persone singole e nuclei familiari che intraprendono un **percorso personalizzato** per la risoluzione e/o gestione delle loro situazioni complesse (familiari, lavorative, economiche, sociali, legali, sanitarie…).",
        ),
        {
          kind: 'figures',
          id: 'care.total',
          items: [
            { key: 'total', label: 'Totale', value: 163 },
            { key: 'new', label: 'Utenti nuovi', value: 82 },
          ],
          protect: true,
        },
        ...breakdownBlocks({
          id: 'care.origin',
          title: 'Provenienza',
          categoryLabel: 'Provenienza',
          countLabel: 'N. utenti',
          categories: [
            cat('italian', 'Italiani', 22),
            cat('eu', 'Comunitari', 0),
            cat('non_eu', 'Extracomunitari', 141),
            cat('unspecified', 'Non specificato', 0),
          ],
          total: 163,
          chart: 'pie',
          mode: 'fixed',
        }),
        ...breakdownBlocks({
          id: 'care.gender',
          title: 'Genere',
          categoryLabel: 'Genere',
          countLabel: 'N. utenti',
          categories: [cat('female', 'Donna', 88), cat('male', 'Uomo', 75), cat('not_stated', 'Non dichiarato', 0)],
          total: 163,
          chart: 'pie',
          mode: 'fixed',
        }),
        CARE_COMPARISON,
        CARE_COUNTRIES,
        RESIDENCE,
        RESIDENCE_SUMMARY,
      ],
    },
    {
      id: 'applications',
      title: "Collaborazione con l'Anagrafe e compilazione domande",
      blocks: [
        text(
          'applications.intro',
          undefined,
          "Il Centro dal 2019 collabora con l'ufficio anagrafe del Comune di Jesi per un supporto nella compilazione delle richieste di residenza.\n\nGli utenti si rivolgono al Centro per la compilazione delle domande che si possono presentare **solo online**.",
        ),
        ...breakdownBlocks({
          id: 'applications.types',
          title: 'Compilazione domande/bonus',
          categoryLabel: 'Tipo di domanda',
          countLabel: 'N. domande',
          categories: [
            cat('residence', 'Richiesta di residenza', 46),
            cat('single', 'Assegno unico universale', 31),
            cat('energy', 'Bonus energia e gas', 18),
            cat('rent', 'Contributo affitto', 14),
            cat('school', 'Buoni libro', 9),
            cat('nursery', 'Bonus asilo nido', 3),
            cat('other', 'Altri bonus comunali', 2),
          ],
          total: 123,
          chart: 'horizontalBar',
          groupingThreshold: 5,
          otherTitle: 'Domande con meno di 5 richieste',
        }),
      ],
    },
    {
      id: 'network',
      title: 'Incontri di rete',
      blocks: [
        text(
          'network.text',
          'Incontri con i sindacati',
          'Sono stati organizzati incontri con i sindacati del territorio (**ACLI, CGIL, CISL, UIL**) tra la fine del 2023 e il 2024, per condividere informazioni e procedure e lavorare in rete.',
        ),
      ],
    },
    {
      id: 'courses',
      title: 'Club linguistici',
      blocks: [
        text(
          'courses.intro',
          undefined,
          "In collaborazione con il progetto SAI «Ancona Provincia d'Asilo», sede di Jesi:\n\n- presso il Centro Integrazione;\n- rivolti agli utenti del Centro e ai beneficiari del progetto SAI.",
        ),
        {
          kind: 'figures',
          id: 'courses.total',
          items: [
            { key: 'clubs', label: 'Club linguistici', value: 5 },
            { key: 'enrolments', label: 'Totale iscritti', value: 110 },
          ],
          protect: true,
        },
        CLUBS,
        CLUBS_YEARS,
      ],
    },
    {
      id: 'driving',
      title: "Supporto alla preparazione dell'esame di scuola guida",
      blocks: [
        {
          kind: 'figures',
          id: 'driving.total',
          items: [
            { key: 'courses', label: 'Corsi', value: 3 },
            { key: 'enrolments', label: 'Iscritti', value: 7 },
          ],
          protect: true,
        },
        text(
          'driving.text',
          undefined,
          'Incontri individuali e di gruppo, **un giorno a settimana** (lunedì o martedì) dalle 9:30 alle 11:00, a partire da lunedì 22 gennaio. Nazionalità: nigeriana, marocchina, tunisina, camerunense.',
        ),
      ],
    },
    {
      id: 'services',
      title: 'Postazione PC, consulenza legale, progetti ed eventi',
      blocks: [
        {
          kind: 'figures',
          id: 'services.pc',
          title: 'Postazione PC',
          items: [{ key: 'uses', label: 'Utilizzi della postazione PC', value: 1284 }],
          protect: false,
        },
        text(
          'services.legal',
          'Consulenza legale',
          "Da marzo 2024 il Centro si avvale della consulenza legale di un avvocato. Gli incontri hanno cadenza *bimensile*.\n\nNon è prevista la presa in carico di casi da parte dell'avvocato.",
        ),
        text(
          'free-projects',
          'Progetti svolti presso il Centro',
          "## Presi da (P)Arte\n\nDa giugno 2023 a febbraio 2024: ore in più per 1 operatore.\n\n## Sportello per l'autonomia\n\nProgetto SAI, da marzo a luglio 2024: **6 ore** in più per 1 operatore.",
          { free: true },
        ),
        text(
          'free-events',
          'Uscita didattica alla Pinacoteca Civica',
          'Mercoledì 20 dicembre 2023 si è svolta la visita guidata alla Pinacoteca Civica di Jesi con i partecipanti ai Club linguistici.',
          { free: true },
        ),
      ],
    },
    {
      id: 'needs',
      title: 'Bisogni rilevati sul territorio',
      blocks: [
        NEEDS,
        text(
          'needs.text',
          undefined,
          "### Corsi di italiano L2 per adulti\n\nLe richieste superano l'offerta del Centro e del territorio.\n\n### Corsi di italiano L2 per minorenni\n\nSono arrivate richieste di supporto per studenti minorenni in vista dell'iscrizione a scuola.",
        ),
      ],
    },
  ];
  return {
    title: 'Report di Gestione gennaio - dicembre 2024',
    heading: {
      organisation: 'Comune di Jesi',
      name: "Centro Servizi per l'Integrazione Sociale",
      centres: [{ id: 1, code: 'JESI', name: "Centro Servizi per l'Integrazione Sociale" }],
      address: 'Cortile Ex Appannaggio, 16 - 60035 Jesi (AN)',
      phone: '0731 204711',
      email: 'integrazione@comune.jesi.an.it',
    },
    year: 2024,
    settings: { ...DEFAULT_REPORT_SETTINGS, disclosureThreshold: 5 },
    generatedAt: '2025-02-14T09:30:00.000Z',
    appVersion: '0.1.0',
    versionNumber: options.versionNumber ?? null,
    sections: sections.map((section, index) => ({ ...section, number: index + 1 }) as ReportSection),
  };
}
