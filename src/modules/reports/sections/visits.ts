/**
 * Section 2, "Accessi": the visits of the year (every request at the desk, anonymous ones
 * included) in total and by origin group, gender, country of citizenship, referral source and
 * channel, from the snapshot stored on each visit; and the visits of the last years.
 */
import { CHANNELS, GENDERS, REFERRAL_SOURCES } from '../../../contracts/enums.js';
import { CHANNEL_LABELS, GENDER_LABELS, ORIGIN_GROUP_LABELS, REFERRAL_LABELS } from '../../../contracts/labels.js';
import type { ReportBlock, ReportTable } from '../../../contracts/reports.js';
import { ORIGIN_GROUPS, UNKNOWN_CITIZENSHIP } from '../../../domain/origin-group.js';
import type { Category } from '../../../domain/report/small-numbers.js';
import { findCountry } from '../../../reference/index.js';
import { breakdownBlocks, totalsBlock, UNSPECIFIED_KEY, UNSPECIFIED_LABEL } from '../blocks.js';
import type { SectionBuilder } from '../context.js';
import { type VisitCell, visitsByYear } from '../visits-care.repository.js';
import { historicalComparison } from './historical.js';
import { visitCellsOfYear } from './shared-figures.js';

export const VISITS_DEFINITION = 'Si considerano accessi tutte le richieste di informazione comprensive o meno di prestazione o servizi.';

/** Sums counts by a key. */
export function countBy<T>(items: readonly T[], key: (item: T) => string, count: (item: T) => number = () => 1): Map<string, number> {
  const totals = new Map<string, number>();
  for (const item of items) totals.set(key(item), (totals.get(key(item)) ?? 0) + count(item));
  return totals;
}

/**
 * The categories of a closed list in its order, zeros included; a value outside the list (none
 * is expected) is added after it under its own code, so that the parts still add up.
 */
export function fixedCategories(
  order: readonly string[],
  labels: Readonly<Record<string, string>>,
  counts: Map<string, number>,
): Category[] {
  const known = order.map((key) => ({ key, label: labels[key] ?? key, count: counts.get(key) ?? 0 }));
  const extra = [...counts.entries()].filter(([key]) => !order.includes(key)).map(([key, count]) => ({ key, label: key, count }));
  return [...known, ...extra];
}

/** The two pies a count of visits or of people opens with: by origin group and by gender, every value shown. */
export function originAndGenderBlocks(
  section: string,
  countLabel: string,
  counts: { originGroup: Map<string, number>; gender: Map<string, number> },
  total: number,
): ReportBlock[] {
  const pie = { countLabel, total, chart: 'pie', mode: 'fixed' } as const;
  return [
    ...breakdownBlocks({
      id: `${section}.byOriginGroup`,
      title: 'Provenienza',
      categoryLabel: 'Provenienza',
      categories: fixedCategories(ORIGIN_GROUPS, ORIGIN_GROUP_LABELS.it, counts.originGroup),
      ...pie,
    }),
    ...breakdownBlocks({
      id: `${section}.byGender`,
      title: 'Genere',
      categoryLabel: 'Genere',
      categories: fixedCategories(GENDERS, GENDER_LABELS.it, counts.gender),
      ...pie,
    }),
  ];
}

/** A citizenship as a category: the Italian name; unknown → Non specificato; stateless → Apolide. */
export function countryCategory(code: string): { key: string; label: string } {
  if (!code || code.toUpperCase() === UNKNOWN_CITIZENSHIP) return { key: UNSPECIFIED_KEY, label: UNSPECIFIED_LABEL };
  const country = findCountry(code);
  return { key: code.toUpperCase(), label: country?.it ?? code.toUpperCase() };
}

/** Countries as categories (unknown citizenships merged into one "Non specificato"). */
export function countryCategories(counts: Map<string, number>): Category[] {
  const merged = new Map<string, Category>();
  for (const [code, count] of counts) {
    const { key, label } = countryCategory(code);
    const known = merged.get(key);
    if (known) known.count += count;
    else merged.set(key, { key, label, count });
  }
  return [...merged.values()];
}

/** The years a comparison covers, oldest first, this one last. */
export const comparisonYears = (year: number, count: number) => Array.from({ length: count }, (_, i) => year - count + 1 + i);

export const visitsSection: SectionBuilder = async (ctx) => {
  const { db, centreIds, year, settings } = ctx;
  const threshold = settings.groupingThresholds['visits.byCountry'];
  const years = comparisonYears(year, settings.comparisonYears);
  // The year's own count is the sum of its cells: only the years before it are counted apart.
  const [cells, perYear, published] = await Promise.all([
    visitCellsOfYear(ctx),
    visitsByYear(db, centreIds, years[0] as number, year - 1),
    historicalComparison(ctx, years),
  ]);
  const total = cells.reduce((sum, c) => sum + c.n, 0);
  perYear.set(year, total);
  // A year before the records: the visits the centres without records published (sections/historical.ts).
  for (const [y, visits] of published.visits.byYear) perYear.set(y, (perYear.get(y) ?? 0) + visits);
  const by = (column: keyof Omit<VisitCell, 'n'>) =>
    countBy(
      cells,
      (c) => c[column],
      (c) => c.n,
    );

  const byYear: ReportTable = {
    kind: 'table',
    id: 'visits.byYear',
    title: `Accessi ${years[0]}/${year}`,
    columns: [
      { key: 'category', label: 'Anno', numeric: false },
      { key: 'count', label: 'Accessi', numeric: true },
    ],
    rows: years.map((y) => ({ key: String(y), cells: { category: String(y), count: perYear.get(y) ?? 0 } })),
    protect: true,
    chart: { type: 'bar', categoryColumn: 'category', seriesColumns: ['count'] },
    ...(published.visits.note ? { notes: [published.visits.note] } : {}),
  };

  const blocks: ReportBlock[] = [
    totalsBlock('visits.total', [{ key: 'total', label: 'Totale', value: total }]),
    ...originAndGenderBlocks('visits', 'Accessi', { originGroup: by('originGroup'), gender: by('gender') }, total),
    { kind: 'text', id: 'visits.definition', markdown: VISITS_DEFINITION, draft: VISITS_DEFINITION, edited: false },
    ...breakdownBlocks({
      id: 'visits.byCountry',
      title: 'Paesi di provenienza',
      categoryLabel: 'Paese di provenienza',
      countLabel: 'Numero di accessi',
      categories: countryCategories(by('citizenship')),
      total,
      chart: 'horizontalBar',
      mode: 'open',
      groupingThreshold: threshold,
      otherTitle: `Paesi con meno di ${threshold} accessi`,
    }),
    ...breakdownBlocks({
      id: 'visits.byReferral',
      title: 'Inviato da',
      categoryLabel: 'Inviato da',
      countLabel: 'Accessi',
      categories: fixedCategories(REFERRAL_SOURCES, REFERRAL_LABELS.it, by('referralSource')),
      total,
      chart: 'bar',
      mode: 'fixed',
    }),
    ...breakdownBlocks({
      id: 'visits.byChannel',
      title: 'Canale di accesso',
      categoryLabel: 'Canale',
      countLabel: 'Accessi',
      categories: fixedCategories(CHANNELS, CHANNEL_LABELS.it, by('channel')),
      total,
      chart: 'pie',
      mode: 'fixed',
    }),
    byYear,
  ];
  return { id: 'visits', title: `Accessi ${year}`, blocks };
};
