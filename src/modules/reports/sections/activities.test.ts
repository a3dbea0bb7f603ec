/**
 * Report sections 1 and 5–10 from the activities data set (test/support/report-dataset/activities.ts),
 * seeded through the HTTP API, on every database: every figure and every draft sentence, the
 * hours table, the weekdays, and the tables' totals.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, type Cast, loginAs, seedCast, startTestApp, type TestApp } from '../../../../test/support/app.js';
import { DIALECTS, describeDialect } from '../../../../test/support/databases.js';
import { ACTIVITIES_2024, seedActivities } from '../../../../test/support/report-dataset/activities.js';
import {
  DEFAULT_REPORT_SETTINGS,
  type ReportBlock,
  type ReportCell,
  type ReportData,
  type ReportFigures,
  type ReportSettings,
  type ReportTable,
  type ReportText,
} from '../../../contracts/reports.js';
import type { ReportContext } from '../context.js';
import { computeReportData } from '../report-data.js';
import { centreSection } from './centre.js';

const blocksOf = (report: ReportData) => report.sections.flatMap((s) => s.blocks);
const find = (report: ReportData, id: string): ReportBlock => {
  const block = blocksOf(report).find((b) => b.id === id);
  if (!block) throw new Error(`no block ${id}`);
  return block;
};
const table = (report: ReportData, id: string) => find(report, id) as ReportTable;
const draft = (report: ReportData, id: string) => (find(report, id) as ReportText).draft;
const figures = (report: ReportData, id: string) =>
  Object.fromEntries((find(report, id) as ReportFigures).items.map((i) => [i.key, i.value] as [string, ReportCell]));
/** The rows as arrays of cells, in column order. */
const rows = (t: ReportTable) => t.rows.map((r) => t.columns.map((c) => r.cells[c.key] ?? null));

/** Every table with a total row adds up, column by column (and row by row with a total column). */
function expectReconciles(t: ReportTable) {
  const total = t.rows.find((r) => r.total);
  const parts = t.rows.filter((r) => !r.total);
  const numeric = t.columns.filter((c) => c.numeric).map((c) => c.key);
  if (total) {
    for (const key of numeric) {
      const sum = Math.round(parts.reduce((s, r) => s + (r.cells[key] as number), 0) * 100) / 100;
      expect(sum, `${t.id}/${key}`).toBe(total.cells[key]);
    }
  }
  if (t.totalColumn) {
    for (const r of t.rows) {
      const counts = t.columns.filter((c) => c.numeric && !c.measure && c.key !== t.totalColumn).map((c) => c.key);
      const sum = counts.reduce((s, k) => s + (r.cells[k] as number), 0);
      expect(sum, `${t.id}/${r.key}`).toBe(r.cells[t.totalColumn]);
    }
  }
}

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: report sections 1 and 5–10 (the centre and its activities)`, () => {
    let t: TestApp;
    let cast: Cast;
    let report: ReportData;
    const compute = (settings: Partial<ReportSettings> = {}, year = 2024) =>
      computeReportData(t.db, {
        organisationId: cast.organisationId,
        centreIds: [cast.centreA.id],
        year,
        settings: { ...DEFAULT_REPORT_SETTINGS, ...settings },
        narratives: {},
        freeBlocks: [],
      });

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      await seedActivities(
        api(t.app, await loginAs(t.app, cast.coordinator.email)),
        api(t.app, await loginAs(t.app, cast.operatorA.email)),
      );
      report = await compute();
    }, 120_000);
    afterAll(async () => t?.close());

    it('section 1: the closures as a sentence, and the open days lost to each closure and holiday', () => {
      expect(draft(report, 'centre.description')).toContain('**informazione, accompagnamento, orientamento e sostegno**');
      expect(draft(report, 'centre.closures')).toBe(
        'Chiusure: il Centro è stato chiuso una settimana a gennaio (dal 2 al 5 gennaio), tre settimane ad agosto (dal 5 al 23 agosto) e 5 giorni a dicembre (dal 24 al 27 e il 31 dicembre).',
      );
      const closures = table(report, 'centre.closureDays');
      expect(closures.protect).toBe(false);
      expect(rows(closures)).toEqual([
        ['01/01/2024', '01/01/2024', 1, 'Capodanno'],
        ['02/01/2024', '05/01/2024', 4, 'Chiusura invernale'],
        ['01/04/2024', '01/04/2024', 1, 'Lunedì dell’Angelo'],
        ['25/04/2024', '25/04/2024', 1, 'Liberazione dal nazifascismo (1945)'],
        ['01/05/2024', '01/05/2024', 1, 'Festa del lavoro'],
        // 15 August is a holiday inside the closure: counted once, as the holiday.
        ['05/08/2024', '23/08/2024', 14, 'Chiusura estiva'],
        ['15/08/2024', '15/08/2024', 1, 'Assunzione di Maria'],
        ['01/11/2024', '01/11/2024', 1, 'Ognissanti'],
        ['24/12/2024', '27/12/2024', 2, 'Chiusura natalizia'],
        ['25/12/2024', '25/12/2024', 1, 'Natale di Gesù'],
        ['26/12/2024', '26/12/2024', 1, 'Santo Stefano'],
        ['31/12/2024', '31/12/2024', 1, 'Chiusura natalizia'],
        ['Totale', null, ACTIVITIES_2024.closedDays, null],
      ]);
      expectReconciles(closures);
    });

    it('section 1: the hours table with the change of 15 October, and the draft that says so', () => {
      const hours = table(report, 'centre.hours');
      expect(hours.columns.map((c) => c.label)).toEqual(['', 'MATTINA', 'POMERIGGIO']);
      expect(rows(hours)).toEqual([
        ['LUNEDÌ', '9 - 12', 'chiuso'],
        ['MARTEDÌ', '9 - 12', '15 - 18 fino al 15/10 chiuso dal 15/10'],
        ['MERCOLEDÌ', '9 - 12', 'chiuso'],
        ['GIOVEDÌ', 'chiuso', '15 - 18'],
        ['VENERDÌ', '9 - 12', 'chiuso'],
      ]);
      expect(draft(report, 'centre.hoursChange')).toBe(
        "L'orario del Centro ha subito una variazione a partire dal 15 ottobre: chiusura del martedì pomeriggio (prima 15 - 18).",
      );
    });

    it('section 1: open days and hours (hand-counted), visits and visits per open hour, month by month', () => {
      expect(figures(report, 'centre.opening')).toEqual({
        openDays: ACTIVITIES_2024.openDays,
        openHours: ACTIVITIES_2024.openHours,
        visitsPerOpenHour: 0.01, // 6 / 810
      });
      expect((find(report, 'centre.opening') as ReportFigures).protect).toBe(false);
      expect(figures(report, 'centre.visits')).toEqual({ visits: ACTIVITIES_2024.visits });
      expect((find(report, 'centre.visits') as ReportFigures).protect).toBe(true);
      const months = table(report, 'centre.months');
      expect(months.chart).toMatchObject({ type: 'bar', categoryColumn: 'month', seriesColumns: ['openDays', 'openHours'] });
      expect(rows(months).map((r) => r.slice(1))).toEqual([
        ...ACTIVITIES_2024.months,
        [ACTIVITIES_2024.openDays, ACTIVITIES_2024.openHours, ACTIVITIES_2024.closedDays],
      ]);
      expect(rows(months)[7]?.[0]).toBe('Agosto');
      expectReconciles(months);
    });

    it('section 1: the staff of the year with their periods, and the draft listing the figures and the changes', () => {
      expect(rows(table(report, 'centre.staff'))).toEqual([
        ['Coordinatore', '01/01/2023', '31/08/2024', 18, 'appalto precedente'],
        ['Coordinatore', '01/09/2024', null, 20, 'nuovo appalto per la gestione del centro'],
        ["Operatore dell'integrazione", '01/09/2024', null, 12, 'nuovo appalto per la gestione del centro'],
        ['Operatore della mediazione', '01/01/2023', null, 18, null],
        ['Operatore della mediazione', '15/10/2024', null, 6, "ampliamento dell'appalto"],
      ]);
      expect(table(report, 'centre.staff').notes).toEqual(['Ore settimanali in vigore al 31/12/2024: 56.']);
      expect(draft(report, 'centre.staffText')).toBe(
        [
          "Figure professionali presenti all'interno del Centro al 31 dicembre 2024:",
          '',
          '- 1 Coordinatore;',
          '- 1 Operatore della mediazione;',
          "- 1 Operatore dell'integrazione.",
          '',
          "Variazioni nell'anno: dal 1 settembre, nuovo appalto per la gestione del centro (Coordinatore, 20 ore settimanali; Operatore dell'integrazione, 12 ore settimanali); dal 15 ottobre, ampliamento dell'appalto (Operatore della mediazione, 6 ore settimanali).",
        ].join('\n'),
      );
    });

    it('section 1 of another year: the patron day on a Monday (22 September 2025) is a day lost; no closures, no change', async () => {
      const ctx: ReportContext = {
        db: t.db,
        organisationId: cast.organisationId,
        centreIds: [cast.centreA.id],
        year: 2025,
        settings: DEFAULT_REPORT_SETTINGS,
        hostComune: null,
        shared: new Map(),
      };
      const section = await centreSection(ctx);
      const get = (id: string) => section.blocks.find((b) => b.id === id) as ReportBlock;
      expect((get('centre.closures') as ReportText).draft).toBe('Chiusure: nel 2025 il Centro non ha avuto chiusure oltre alle festività.');
      expect((get('centre.hoursChange') as ReportText).draft).toBe("Nel 2025 l'orario di apertura non è cambiato.");
      const lost = rows(get('centre.closureDays') as ReportTable);
      expect(lost).toContainEqual(['22/09/2025', '22/09/2025', 1, 'Festa del patrono']);
      expect(rows(get('centre.hours') as ReportTable)[1]).toEqual(['MARTEDÌ', '9 - 12', 'chiuso']);
    });

    it('section 5: applications by type (every type listed, as the seed), by level, and the Anagrafe', async () => {
      expect(figures(report, 'applications.figures')).toEqual({ total: 7, anagrafe: 2 });
      expect(draft(report, 'applications.anagrafe')).toBe(
        "Il Centro collabora con l'ufficio anagrafe del Comune per un supporto nella compilazione delle richieste di residenza. Nel 2024 il Centro ha compilato con l'Anagrafe 2 domande.",
      );
      expect(draft(report, 'applications.forms')).toContain(
        'Nel 2024 le operatrici del centro hanno aiutato e supportato le persone nella compilazione di 7 domande (2 comunali, 1 regionale e 4 nazionali).',
      );
      // The types of application (the bonuses) are listed in full by default, however small.
      const byType = [
        ['Assegno unico universale', 3],
        ['Bonus sociale luce e gas / ISEE', 1],
        ['Cambio di indirizzo', 1],
        ['Contributo regionale', 1],
        ['Richiesta di residenza', 1],
        ['Totale', 7],
      ];
      expect(rows(table(report, 'applications.byType'))).toEqual(byType);
      expect(table(report, 'applications.byType').chart?.type).toBe('bar');
      expect(blocksOf(report).some((b) => b.id === 'applications.byType.other')).toBe(false);
      expect(rows(table(report, 'applications.byLevel'))).toEqual([
        ['Comunale', 2],
        ['Regionale', 1],
        ['Nazionale', 4],
        ['Totale', 7],
      ]);
      // Grouped under 2 when the coordinator asks: the single types as «Altro», listed in the footnote.
      const grouped = await compute({ groupingThresholds: { ...DEFAULT_REPORT_SETTINGS.groupingThresholds, 'applications.byType': 2 } });
      expect(rows(table(grouped, 'applications.byType'))).toEqual([
        ['Assegno unico universale', 3],
        ['Altro', 4],
        ['Totale', 7],
      ]);
      expect(rows(table(grouped, 'applications.byType.other'))).toEqual([...byType.slice(1, 5), ['Totale Altro', 4]]);
      // Under 5 every type would be «Altro»: a table of «Altro» alone is never made, every type is listed.
      const all = await compute({ groupingThresholds: { ...DEFAULT_REPORT_SETTINGS.groupingThresholds, 'applications.byType': 5 } });
      expect(rows(table(all, 'applications.byType'))).toEqual(byType);
    });

    it('section 6: the network meetings with their weekday, by organisation, and the draft', () => {
      expect(draft(report, 'network.text')).toBe(
        'Nel 2024 sono stati organizzati 3 incontri di rete con i sindacati del territorio (ACLI, CGIL, CISL, UIL) allo scopo di condividere informazioni e procedure per poter lavorare in rete e in maniera più agevole.',
      );
      expect(rows(table(report, 'network.meetings'))).toEqual([
        ['martedì 6 febbraio 2024', 'ACLI, CGIL', 'Procedure per le domande di disoccupazione'],
        ['martedì 9 aprile 2024', 'CISL', 'Permessi di soggiorno per lavoro'],
        ['martedì 19 novembre 2024', 'CGIL, UIL', 'Lavorare in rete sul territorio'],
      ]);
      expect(rows(table(report, 'network.byOrganisation'))).toEqual([
        ['CGIL', 2],
        ['ACLI', 1],
        ['CISL', 1],
        ['UIL', 1],
      ]);
    });

    it('section 7: the language clubs of the year with enrolments by programme, the distinct learners, the years compared', () => {
      const list = table(report, 'courses.list');
      expect(list.totalColumn).toBe('total');
      expect(list.protect).toBe(true);
      expect(rows(list)).toEqual([
        ['Club linguistico base', 'Base', "dall'8 al 29 gennaio", 3, 9, 2, 1, 0, 3],
        // Dawit placed from the waiting list (SAI); Chiara follows both clubs.
        ['Club linguistico alfabetizzazione', 'Alfabetizzazione', 'dal 1 al 31 agosto', 2, 6, 1, 1, 0, 2],
        ['Totale', null, null, 5, 15, 3, 2, 0, 5],
      ]);
      expect(figures(report, 'courses.totals')).toEqual({ enrolments: 5, distinctLearners: 4 });
      const years = table(report, 'courses.years');
      expect(years.title).toBe('Iscritti Club Linguistici 2022/2023/2024');
      expect(rows(years)).toEqual([
        ['2022', 0, 0, 0],
        ['2023', 1, 2, 2],
        ['2024', 2, 5, 4],
      ]);
      expect(years.chart).toMatchObject({ type: 'bar', seriesColumns: ['enrolments'] });
      expect(draft(report, 'courses.text')).toBe(
        [
          "Nel 2024 sono iniziati 2 Club Linguistici in collaborazione con Progetto SAI «Ancona Provincia d'Asilo», con 5 iscritti: 3 utenti del progetto SAI e 2 utenti del Centro Integrazione (4 persone distinte).",
          '',
          "- CLUB LINGUISTICO BASE: 3 incontri (3 ore) dall'8 al 29 gennaio; 3 iscritti: 2 utenti del progetto SAI e 1 utente del Centro Integrazione.",
          '- CLUB LINGUISTICO ALFABETIZZAZIONE: 2 incontri (3 ore) dal 1 al 31 agosto; 2 iscritti: 1 utente del progetto SAI e 1 utente del Centro Integrazione.',
        ].join('\n'),
      );
    });

    it('section 7: two comparison years when the settings say so', async () => {
      const two = await compute({ comparisonYears: 2 });
      expect(table(two, 'courses.years').title).toBe('Iscritti Club Linguistici 2023/2024');
      expect(rows(table(two, 'courses.years')).map((r) => r[2])).toEqual([2, 5]);
    });

    it('section 8: the driving course, its enrolments and nationalities, and the draft', () => {
      expect(rows(table(report, 'driving.courses'))).toEqual([
        ['Supporto alla scuola guida', 'dal 22 gennaio al 12 febbraio', 4, 6, 3],
        ['Totale', null, 4, 6, 3],
      ]);
      expect(figures(report, 'driving.figures')).toEqual({ enrolments: 3, distinctLearners: 3 });
      expect(rows(table(report, 'driving.nationalities'))).toEqual([
        ['Camerun', 1],
        ['Marocco', 1],
        ['Nigeria', 1],
        ['Totale', 3],
      ]);
      expect(draft(report, 'driving.text')).toBe(
        [
          "Si propongono degli incontri individualizzati e di gruppo per aiutare nella preparazione dell'esame di scuola guida attraverso simulazioni di prove di esame e approfondimenti su argomenti e terminologie specifiche.",
          '',
          'È stato organizzato un corso di **SUPPORTO ALLA SCUOLA GUIDA** presso Centro Integrazione:',
          '',
          // From the lessons held, not from the weekly pattern.
          '- 4 incontri in 4 settimane, uno a settimana (lunedì) dalle 9:30 alle 11:00',
          '- a partire dal 22 gennaio',
          '- **3 iscritti** di cittadinanza: Camerun, Marocco e Nigeria',
        ].join('\n'),
      );
    });

    it('section 9: PC station, legal consultations (counts and dates, no names), projects, events with their weekday', () => {
      expect(figures(report, 'services.pcFigures')).toEqual({ uses: 4, people: 2 });
      expect(rows(table(report, 'services.pc'))).toEqual([
        ['Ricerca di lavoro', 1, 0.5],
        ['Pratiche e documenti online', 1, 0.75],
        ['Stampa e scansione', 1, 0.25],
        ['Posta elettronica', 1, 0.33],
        ['Totale', 4, 1.83],
      ]);
      expect(draft(report, 'services.pcText')).toContain(
        'Nel 2024 la postazione è stata utilizzata 4 volte (1,83 ore in tutto) da 2 persone registrate.',
      );

      expect(figures(report, 'services.legalFigures')).toEqual({ consultations: 2, casesDiscussed: 2 });
      expect(rows(table(report, 'services.legal'))).toEqual([
        ['Martedì 12 marzo 2024', 60, 1],
        ['Martedì 14 maggio 2024', 90, 2],
        ['Totale', 150, 3],
      ]);
      const legalText = draft(report, 'services.legalText');
      expect(legalText).toContain(
        "Nel 2024 si sono svolti 2 incontri con l'avvocato (martedì 12 marzo 2024 e martedì 14 maggio 2024), nei quali sono stati discussi 2 casi.",
      );
      const everything = JSON.stringify(report);
      for (const name of ['Dawit', 'Hamid', 'Conti', 'Rinnovo del permesso', 'Amina', 'Carla Rossi'])
        expect(everything).not.toContain(name);

      expect(rows(table(report, 'services.projects'))).toEqual([
        ['Presi da (P)Arte', null, '01/06/2023', '29/02/2024', 4],
        ["Sportello per l'autonomia", "Progetto SAI «Ancona Provincia d'Asilo»", '01/03/2024', '31/07/2024', 6],
      ]);
      expect(draft(report, 'services.projectsText')).toBe(
        [
          'Presi da (P)Arte - da giugno 2023 a febbraio 2024',
          '',
          '- 4 ore settimanali in più.',
          '',
          "Ore in più per 1 operatore che hanno permesso di estendere l'orario di apertura dello sportello al pubblico.",
          '',
          "Sportello per l'autonomia - da marzo 2024 a luglio 2024",
          '',
          '- 6 ore settimanali in più.',
        ].join('\n'),
      );

      expect(rows(table(report, 'services.events'))).toEqual([
        ['Venerdì 20 dicembre 2024', 'Uscita didattica alla Pinacoteca Civica', 7],
        ['Totale', null, 7],
      ]);
      expect(draft(report, 'services.eventsText')).toBe(
        "Venerdì 20 dicembre 2024 si è svolto l'evento «Uscita didattica alla Pinacoteca Civica» in collaborazione con Progetto SAI «Ancona Provincia d'Asilo» presso Palazzo Pianetti, con 7 partecipanti.",
      );
    });

    it('section 10: waiting lists by kind (placed, withdrawn, still waiting, waiting at the year’s end) and the draft', () => {
      expect(rows(table(report, 'needs.waiting'))).toEqual([
        ['Italiano L2 adulti', 2, 1, 0, 1, 2],
        ['Italiano L2 minori', 2, 0, 1, 1, 1],
        ['Totale', 4, 1, 1, 2, 3],
      ]);
      expect(draft(report, 'needs.text')).toBe(
        [
          'Nel suo ruolo di osservatorio di primo livello dei bisogni del territorio il Centro Integrazione ha evidenziato 2 necessità:',
          '',
          '► Corsi di italiano L2 per adulti',
          '',
          'Nel 2024 sono arrivate 2 richieste, 1 inserita in un corso; al 31 dicembre 2 persone erano ancora in attesa di un posto.',
          '',
          '► Corsi di italiano L2 per minorenni',
          '',
          'Nel 2024 sono arrivate 2 richieste; al 31 dicembre 1 persona era ancora in attesa di un posto.',
        ].join('\n'),
      );
    });

    it('protects the tables that count people or visits, not the calendar, and every total reconciles', async () => {
      const mine = report.sections.filter((s) =>
        ['centre', 'applications', 'network', 'courses', 'driving', 'services', 'needs'].includes(s.id),
      );
      const tables = mine.flatMap((s) => s.blocks).filter((b): b is ReportTable => b.kind === 'table');
      expect(tables.filter((b) => b.protect).map((b) => b.id)).toEqual([
        'applications.byType',
        'applications.byLevel',
        'courses.list',
        'courses.years',
        'driving.courses',
        'driving.nationalities',
        'services.pc',
        'services.legal',
        'services.events',
        'needs.waiting',
      ]);
      for (const block of tables) expectReconciles(block);

      // For publication: small counts hidden in the protected tables only; the calendar stays.
      const published = await compute({ disclosureThreshold: 10 });
      expect(rows(table(published, 'centre.months'))[7]).toEqual(['Agosto', 7, 24, 15]);
      expect(figures(published, 'centre.visits').visits).toEqual({ hidden: 'small', below: 10 });
      // 6 visits under the threshold: the ratio would give them away.
      expect(figures(published, 'centre.opening')).toEqual({ openDays: 233, openHours: 810, visitsPerOpenHour: null });
      expect(table(published, 'needs.waiting').rows[0]?.cells.requested).toEqual({ hidden: 'small', below: 10 });
    });
  });
}
