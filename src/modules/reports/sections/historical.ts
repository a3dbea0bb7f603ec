/**
 * The years before the records in the report's comparisons (Accessi, Utenti presi in carico,
 * Iscritti Club Linguistici over the years): the figures a centre published before Approdo
 * stand in for its records where it has none (domain/history.ts).
 *
 * The rule, per figure, centre and year:
 * - visits: the records when the centre has at least one visit in the year;
 * - people in care: the records when the centre has at least one case period open at some
 *   moment of the year;
 * - enrolments: the records when the centre has at least one language club started in the year;
 * otherwise the figure the centre published for that year, if it published one (else 0, as
 * the records say). A report of several centres adds up, for each year, the count from the
 * records of all its centres (the centres without records add nothing to it) and the published
 * figures of the centres without records: per centre, never a mix within one centre.
 * The report's own year always comes from the records (its sections count it): figures are
 * only read for the years before it. Published versions are frozen and keep what they showed.
 */
import {
  figuresInPlaceOfRecords,
  historicalNote,
  inCareBreakdown,
  originGroupsOf,
  type YearSource,
  yearSource,
} from '../../../domain/history.js';
import { centreYear, listHistoricalFigures, recordYears } from '../../history/history.repository.js';
import { type ReportContext, sharedFigures } from '../context.js';

export interface PublishedGroups {
  total: number;
  italian: number;
  eu: number;
  non_eu: number;
  unspecified: number;
}

/** What the published figures add to a measure's comparison, by year, and the note under its table. */
export interface HistoricalPart<T> {
  /** The years (before the report's) for which at least one centre's published figure is used. */
  byYear: Map<number, T>;
  /** The note under the table, or null when every year comes from the records. */
  note: string | null;
}

export interface HistoricalComparison {
  visits: HistoricalPart<number>;
  inCare: HistoricalPart<PublishedGroups>;
  enrolments: HistoricalPart<number>;
}

const addGroups = (a: PublishedGroups, b: PublishedGroups): PublishedGroups => ({
  total: a.total + b.total,
  italian: a.italian + b.italian,
  eu: a.eu + b.eu,
  non_eu: a.non_eu + b.non_eu,
  unspecified: a.unspecified + b.unspecified,
});

/** The published figures used in the comparisons of the years before the report's (`years` includes it): read once per report. */
export function historicalComparison(ctx: ReportContext, years: readonly number[]): Promise<HistoricalComparison> {
  const earlier = years.filter((y) => y < ctx.year);
  return sharedFigures(ctx, `historical:${earlier.join(',')}`, async () => {
    const empty = { byYear: new Map(), note: null };
    if (earlier.length === 0) return { visits: empty, inCare: empty, enrolments: empty };
    const from = Math.min(...earlier);
    const to = Math.max(...earlier);
    const rows = await listHistoricalFigures(ctx.db, ctx.centreIds, { from, to });
    if (rows.length === 0) return { visits: empty, inCare: empty, enrolments: empty };
    const records = await recordYears(ctx.db, ctx.centreIds, from, to);
    const several = ctx.centreIds.length > 1;

    function part<T>(
      figureOf: (row: (typeof rows)[number]) => T | null,
      kind: keyof typeof records,
      add: (a: T, b: T) => T,
    ): HistoricalPart<T> {
      const figures = rows.map((row) => ({ centreId: row.centreId, year: row.year, figure: figureOf(row) }));
      const byYear = new Map<number, T>();
      const sources = new Map<number, YearSource>();
      for (const year of earlier) {
        const used = figuresInPlaceOfRecords(figures, year, (centreId, y) => records[kind].has(centreYear(centreId, y)));
        const withRecords = ctx.centreIds.filter((centreId) => records[kind].has(centreYear(centreId, year))).length;
        sources.set(year, yearSource(used.length, withRecords));
        if (used.length > 0) byYear.set(year, used.map((u) => u.figure).reduce(add));
      }
      return { byYear, note: historicalNote(sources, several) };
    }

    return {
      visits: part(
        (row) => row.visitsTotal,
        'visits',
        (a, b) => a + b,
      ),
      inCare: part((row) => originGroupsOf(inCareBreakdown(row)), 'inCare', addGroups),
      enrolments: part(
        (row) => row.enrolmentsTotal,
        'enrolments',
        (a, b) => a + b,
      ),
    };
  });
}
