/**
 * The years before the records: a centre's figures published before Approdo, one row a year
 * (domain/history.ts has the rules). Every figure may be null (not published).
 */
import { z } from 'zod';
import { todayInRome } from '../domain/dates.js';
import { FIRST_HISTORICAL_YEAR, HISTORICAL_VALUE_KEYS, type HistoricalValueKey, lastHistoricalYear } from '../domain/history.js';
import { centreRecord, createInCentre, id, issue, shortText, updateOf } from './common.js';

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

/** The same schema for each of the year's figures, in the domain's order. */
const eachFigure = <T extends z.ZodType>(schema: T) =>
  Object.fromEntries(HISTORICAL_VALUE_KEYS.map((key) => [key, schema])) as Record<HistoricalValueKey, T>;

const figureFields = {
  year: historicalYear,
  /** inCareNew is at most inCareTotal; enrolmentsTotal: the language clubs started in the year (domain/history.ts). */
  ...eachFigure(figure.default(null)),
  /** Where the figures come from ("Relazione annuale 2022", …). */
  source: shortText(500).nullable().default(null),
};

export const historicalFiguresCreateInput = createInCentre(figureFields);
export type HistoricalFiguresCreateInput = z.infer<typeof historicalFiguresCreateInput>;

/** Only the fields sent change; the breakdowns are checked against the stored figures. */
export const historicalFiguresUpdateInput = updateOf(figureFields);
export type HistoricalFiguresUpdateInput = z.infer<typeof historicalFiguresUpdateInput>;

const storedFigure = z.number().nullable();

export const historicalFiguresSchema = centreRecord('HistoricalFigures', {
  year: z.number(),
  ...eachFigure(storedFigure),
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
