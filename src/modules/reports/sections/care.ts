/**
 * Section 4, "Utenti presi in carico": the distinct people named by a case open at some moment
 * of the year (domain/care.ts: a household case counts each member it names; new = first case
 * opened in the year), in total and by origin group, gender, country and residence, and the
 * comparison over the last years.
 *
 * Which attributes a person has in year Y (the rule, the same for every year):
 * - they come from the case members' snapshots, never from the person's current file, so that a
 *   past year does not move when a file is edited, and erased people count like everyone else;
 * - a snapshot is taken when a case is opened and taken again when it is closed (reopening keeps
 *   the closing one), so of the member rows of the person's cases open in Y the one whose
 *   snapshot is the latest taken on or before 31 Dec Y wins; failing that (a case closed after Y
 *   has only its closing snapshot left), the earliest taken after it; ties go to the newer row;
 * - the origin group is that citizenship's on 31 Dec Y, or on the day the person's last case
 *   open in Y was closed if that was earlier (originGroupOf: the United Kingdom left on 31 Jan
 *   2020).
 * So a change of residence written in the file while a case stays open shows from that case's
 * closing on.
 */
import { ORIGIN_GROUP_LABELS } from '../../../contracts/labels.js';
import type { ReportBlock, ReportTable } from '../../../contracts/reports.js';
import { firstDayOf, lastDayOf, periodOverlapsYear } from '../../../domain/care.js';
import { ORIGIN_GROUPS, type OriginGroup, originGroupOf } from '../../../domain/origin-group.js';
import { findComune } from '../../../reference/index.js';
import { breakdownBlocks, ReconciliationError, totalsBlock, UNSPECIFIED_KEY, UNSPECIFIED_LABEL } from '../blocks.js';
import type { SectionBuilder } from '../context.js';
import { type CareMemberPeriod, careMemberPeriods } from '../visits-care.repository.js';
import { type HistoricalPart, historicalComparison, type PublishedGroups } from './historical.js';
import { comparisonYears, countBy, countryCategories, originAndGenderBlocks } from './visits.js';

/** A person in care in a year, with the attributes the rule above gives them. */
export interface PersonInCare {
  personKey: number;
  isNew: boolean;
  gender: string;
  citizenship: string;
  originGroup: OriginGroup;
  residenceKind: string;
  residenceComune: string | null;
}

/** The member periods of each person (careMemberPeriods' rows). */
export function periodsByPerson(rows: readonly CareMemberPeriod[]): Map<number, CareMemberPeriod[]> {
  const byPerson = new Map<number, CareMemberPeriod[]>();
  for (const row of rows) {
    const list = byPerson.get(row.personKey);
    if (list) list.push(row);
    else byPerson.set(row.personKey, [row]);
  }
  return byPerson;
}

/**
 * The people in care in `year` from the member periods (careMemberPeriods, grouped by person), one
 * each. `openedBefore`: a person's first opening in periods left out of the rows, all closed
 * before the year (the home page's counts by centre, care-counts.ts): such a period only makes
 * them not new.
 */
export function peopleInCareIn(
  rows: readonly CareMemberPeriod[] | Map<number, CareMemberPeriod[]>,
  year: number,
  openedBefore: ReadonlyMap<number, string> = new Map(),
): PersonInCare[] {
  const first = firstDayOf(year);
  const last = lastDayOf(year);
  const byPerson = rows instanceof Map ? rows : periodsByPerson(rows);
  const people: PersonInCare[] = [];
  for (const [key, periods] of byPerson) {
    const open = periods.filter((p) => periodOverlapsYear(p, year));
    if (open.length === 0) continue;
    let firstOpening = openedBefore.get(key) ?? last;
    for (const p of periods) if (p.openedOn < firstOpening) firstOpening = p.openedOn;
    const chosen = [...open].sort(bySnapshotFor(last))[0] as CareMemberPeriod;
    const stillOpen = open.some((p) => p.closedOn === null || p.closedOn > last);
    const asOf = stillOpen ? last : open.reduce((max, p) => ((p.closedOn as string) > max ? (p.closedOn as string) : max), first);
    people.push({
      personKey: key,
      isNew: firstOpening >= first && firstOpening <= last,
      gender: chosen.gender,
      citizenship: chosen.citizenship,
      originGroup: originGroupOf(chosen.citizenship, asOf),
      residenceKind: chosen.residenceKind,
      residenceComune: chosen.residenceComune,
    });
  }
  return people;
}

/** Snapshots on or before the year's last day first, latest first; then those after, earliest first; then newer rows. */
function bySnapshotFor(last: string) {
  return (a: CareMemberPeriod, b: CareMemberPeriod) => {
    const aAfter = a.snapshotOn > last;
    const bAfter = b.snapshotOn > last;
    if (aAfter !== bAfter) return aAfter ? 1 : -1;
    if (a.snapshotOn !== b.snapshotOn) return (a.snapshotOn < b.snapshotOn ? 1 : -1) * (aAfter ? -1 : 1);
    return b.memberId - a.memberId;
  };
}

export const CARE_DESCRIPTION = [
  "Gli utenti presi in carico dal Centro Servizi per l'Integrazione Sociale accedono al centro più volte durante l'anno, in base alle necessità.",
  'Sono persone singole e nuclei familiari che intraprendono un percorso personalizzato per la risoluzione e/o gestione delle loro situazioni complesse (familiari; lavorative; economiche; sociali; legali; sanitarie; ecc...).',
  'Tutti gli operatori del centro lavorano in stretta collaborazione e sinergia con gli altri attori sociali dei vari servizi pubblici e privati presenti nel territorio{{territory}}.',
].join('\n\n');

/**
 * Where a person lives, for the residence summary: in the centre's comune or outside it, or,
 * while the centre's comune is not set, only "in a comune" (never everyone "outside").
 */
type ResidenceGroup = 'host' | 'outside' | 'comune' | 'no_fixed_abode' | typeof UNSPECIFIED_KEY;

/** Said in place of the residence split when the report's centres have no comune. */
export const NO_HOST_COMUNE_NOTE =
  'Il comune del centro non è impostato: la residenza degli utenti non può essere divisa tra dentro e fuori il comune. Impostalo in Amministrazione › Impostazioni del centro.';

export const careSection: SectionBuilder = async (ctx) => {
  const { db, centreIds, year, settings, hostComune } = ctx;
  const { 'care.byCountry': countryThreshold, 'care.residenceOutside': comuneThreshold } = settings.groupingThresholds;
  const years = comparisonYears(year, settings.comparisonYears);
  const rows = periodsByPerson(await careMemberPeriods(db, centreIds, year));
  const people = peopleInCareIn(rows, year);
  const total = people.length;
  const newPeople = people.filter((p) => p.isNew).length;

  const published = await historicalComparison(ctx, years);
  const comparison: ReportTable = comparisonTable(
    years.map((y) => (y === year ? people : peopleInCareIn(rows, y))),
    years,
    published.inCare,
  );

  const residenceOf = (p: PersonInCare): ResidenceGroup => {
    if (p.residenceKind === 'no_fixed_abode') return 'no_fixed_abode';
    if (p.residenceKind !== 'comune' || !p.residenceComune) return UNSPECIFIED_KEY;
    if (!hostComune) return 'comune';
    return p.residenceComune === hostComune.istat ? 'host' : 'outside';
  };
  const residence = countBy(people, residenceOf);
  const hostName = hostComune?.name;
  const residenceLabels: Record<ResidenceGroup, string> = {
    host: `Nel comune di ${hostName}`,
    outside: `Fuori dal comune di ${hostName}`,
    comune: 'Residenti in un comune',
    no_fixed_abode: 'Senza fissa dimora / senza residenza',
    unspecified: UNSPECIFIED_LABEL,
  };
  // With the centre's comune: those outside it by comune; without: everyone with a comune.
  const listed: ResidenceGroup = hostComune ? 'outside' : 'comune';
  const outsideComuni = countBy(
    people.filter((p) => residenceOf(p) === listed),
    (p) => p.residenceComune as string,
  );
  const residenceGroups = hostComune
    ? (['host', 'outside', 'no_fixed_abode', UNSPECIFIED_KEY] as const)
    : (['comune', 'no_fixed_abode', UNSPECIFIED_KEY] as const);

  const territory = hostName ? ` di ${hostName} e dintorni` : '';
  const description = CARE_DESCRIPTION.replace('{{territory}}', territory);
  const blocks: ReportBlock[] = [
    { kind: 'text', id: 'care.description', markdown: description, draft: description, edited: false },
    totalsBlock('care.totals', [
      { key: 'total', label: 'Totale', value: total },
      { key: 'new', label: 'Utenti nuovi', value: newPeople },
    ]),
    ...originAndGenderBlocks(
      'care',
      'Utenti',
      { originGroup: countBy(people, (p) => p.originGroup), gender: countBy(people, (p) => p.gender) },
      total,
    ),
    comparison,
    ...breakdownBlocks({
      id: 'care.byCountry',
      title: 'Paesi di provenienza',
      categoryLabel: 'Paese di provenienza',
      countLabel: 'Utenti',
      categories: countryCategories(countBy(people, (p) => p.citizenship)),
      total,
      chart: 'horizontalBar',
      mode: 'open',
      groupingThreshold: countryThreshold,
      otherTitle: `Paesi con meno di ${countryThreshold} utenti`,
    }),
    ...breakdownBlocks({
      id: 'care.residenceOutside',
      title: hostName ? `Residenza fuori dal comune di ${hostName}` : 'Comune di residenza',
      categoryLabel: 'Comune di residenza',
      countLabel: 'N. utenti residenti',
      categories: [...outsideComuni.entries()].map(([istat, count]) => ({ key: istat, label: findComune(istat)?.name ?? istat, count })),
      total: residence.get(listed) ?? 0,
      chart: 'horizontalBar',
      mode: 'open',
      groupingThreshold: comuneThreshold,
      otherTitle: `Comuni con meno di ${comuneThreshold} utenti residenti`,
    }),
    ...breakdownBlocks({
      id: 'care.residence',
      title: 'Residenza utenti presi in carico',
      categoryLabel: 'Residenza',
      countLabel: 'N. utenti',
      categories: residenceGroups.map((key) => ({
        key,
        label: residenceLabels[key],
        count: residence.get(key) ?? 0,
      })),
      total,
      chart: 'pie',
      mode: 'fixed',
      notes: [
        ...(hostComune ? [] : [NO_HOST_COMUNE_NOTE]),
        'La residenza è quella registrata alla fine dell’anno o alla chiusura della presa in carico; una frazione conta nel suo comune.',
      ],
    }),
  ];
  return { id: 'care', title: `Utenti presi in carico nel ${year}`, blocks };
};

/**
 * Utenti presi in carico over the years: Totale and every origin group, each column adding up.
 * A year before the records adds the people in care the centres without records published
 * (sections/historical.ts; a total published without its groups counts under Non specificato),
 * said in a note under the table.
 */
export function comparisonTable(
  perYear: ReadonlyArray<readonly PersonInCare[]>,
  years: readonly number[],
  published: HistoricalPart<PublishedGroups> = { byYear: new Map(), note: null },
): ReportTable {
  const column = (y: number) => `y${y}`;
  const counts = perYear.map((people, i) => {
    const byGroup = countBy(people, (p) => p.originGroup);
    const figures = published.byYear.get(years[i] as number);
    if (figures) for (const group of ORIGIN_GROUPS) byGroup.set(group, (byGroup.get(group) ?? 0) + figures[group]);
    return byGroup;
  });
  const totals = perYear.map((people, i) => people.length + (published.byYear.get(years[i] as number)?.total ?? 0));
  const rowOf = (key: string, label: string, value: (i: number) => number, total = false) => ({
    key,
    cells: Object.fromEntries([['category', label], ...years.map((y, i) => [column(y), value(i)])]),
    ...(total ? { total: true } : {}),
  });
  const table: ReportTable = {
    kind: 'table',
    id: 'care.comparison',
    title: `Utenti presi in carico ${years.join('/')}`,
    columns: [{ key: 'category', label: '', numeric: false }, ...years.map((y) => ({ key: column(y), label: String(y), numeric: true }))],
    rows: [
      rowOf('total', 'Totale', (i) => totals[i] ?? 0, true),
      ...ORIGIN_GROUPS.map((group) => rowOf(group, ORIGIN_GROUP_LABELS.it[group], (i) => counts[i]?.get(group) ?? 0)),
    ],
    protect: true,
    chart: { type: 'bar', categoryColumn: 'category', seriesColumns: years.map(column) },
    ...(published.note ? { notes: [published.note] } : {}),
  };
  years.forEach((y, i) => {
    const parts = ORIGIN_GROUPS.reduce((sum, g) => sum + (counts[i]?.get(g) ?? 0), 0);
    if (parts !== totals[i]) throw new ReconciliationError(`care.comparison ${y}: the groups add up to ${parts}, not ${totals[i]}`);
  });
  return table;
}
