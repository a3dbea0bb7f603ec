/**
 * The years before the records: a centre's figures published before Approdo, one row a year
 * (domain/history.ts has the rules). Every figure may be null (not published).
 */
import { z } from 'zod';
import { todayInRome } from '../domain/dates.js';
import { FIRST_HISTORICAL_YEAR, lastHistoricalYear } from '../domain/history.js';
import { id, issue, shortText, updateOf, versionedRecord } from './common.js';

/** A count as a centre publishes it; null when it was not published. */
const figure = z.number().int().min(0).max(10_000_000).nullable();

/** A year before this one (Europe/Rome), from FIRST_HISTORICAL_YEAR. */
export const historicalYear = z
  .number()
  .int()
  .superRefine((year, ctx) => {
    const last = lastHistoricalYear(todayInRome());
    if (year < FIRST_HISTORICAL_YEAR || year > last) {
      ctx.addIssue(issue('history.year_out_of_range', [], { first: FIRST_HISTORICAL_YEAR, last }));
    }
  });

const figureFields = {
  year: historicalYear,
  visitsTotal: figure.default(null),
  visitsItalian: figure.default(null),
  visitsEu: figure.default(null),
  visitsNonEu: figure.default(null),
  visitsUnspecified: figure.default(null),
  inCareTotal: figure.default(null),
  /** People in care whose first case opened in the year: at most inCareTotal. */
  inCareNew: figure.default(null),
  inCareItalian: figure.default(null),
  inCareEu: figure.default(null),
  inCareNonEu: figure.default(null),
  inCareUnspecified: figure.default(null),
  /** Enrolments in the language clubs started in the year (the report's comparison of Club linguistici). */
  enrolmentsTotal: figure.default(null),
  /** Where the figures come from ("Relazione annuale 2022", …). */
  source: shortText(500).nullable().default(null),
};

export const historicalFiguresCreateInput = z.strictObject({
  /** For users of several centres: otherwise their centre is taken. */
  centreId: id.optional(),
  ...figureFields,
});
export type HistoricalFiguresCreateInput = z.infer<typeof historicalFiguresCreateInput>;

/** Only the fields sent change; the breakdowns are checked against the stored figures. */
export const historicalFiguresUpdateInput = updateOf(figureFields);
export type HistoricalFiguresUpdateInput = z.infer<typeof historicalFiguresUpdateInput>;

const storedFigure = z.number().nullable();

export const historicalFiguresSchema = versionedRecord('HistoricalFigures', {
  centreId: z.number(),
  year: z.number(),
  visitsTotal: storedFigure,
  visitsItalian: storedFigure,
  visitsEu: storedFigure,
  visitsNonEu: storedFigure,
  visitsUnspecified: storedFigure,
  inCareTotal: storedFigure,
  inCareNew: storedFigure,
  inCareItalian: storedFigure,
  inCareEu: storedFigure,
  inCareNonEu: storedFigure,
  inCareUnspecified: storedFigure,
  enrolmentsTotal: storedFigure,
  source: z.string().nullable(),
  /**
   * Whether the centre has records of that kind in the year (visits; a case period; a language
   * club started): the report then counts the records, and this figure is not used.
   */
  records: z.object({ visits: z.boolean(), inCare: z.boolean(), enrolments: z.boolean() }),
});
export type HistoricalFigures = z.infer<typeof historicalFiguresSchema>;

export const historicalFiguresQuery = z.strictObject({ centreId: id.optional() });
export type HistoricalFiguresQuery = z.infer<typeof historicalFiguresQuery>;
