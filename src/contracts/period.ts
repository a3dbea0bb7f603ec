/** A period's ends in order, for the refinements of the records' and the queries' schemas that have one. */
import { z } from 'zod';
import { id, isoDate } from './common.js';
import { messageEn } from './messages/index.js';

/** True unless both ends are given and the end comes before the start. */
export const inOrder = (from: string | null | undefined, to: string | null | undefined) => !from || !to || from <= to;

/** The refinement of a period named `from` and `to`: `.refine(periodInOrder, endAfterStart)`. */
export const periodInOrder = (period: { from?: string | null; to?: string | null }) => inOrder(period.from, period.to);

/** The refinement's message for a record's period (a closure, a contract), on the period's end. */
export const endAfterStart = { message: messageEn('period.end_before_start'), path: ['to'] };

/** A list's or a summary's period (?from=&to=): either end may be left open. */
export const period = { from: isoDate.optional(), to: isoDate.optional() };

/** A query over a period and the given filters: its ends in order, or the message on `to`. */
export function periodQuery<S extends z.ZodRawShape>(filters: S) {
  return (
    z
      .strictObject({ ...period, ...filters })
      // The cast: TypeScript cannot see `from` and `to` through the generic shape.
      .refine((query) => periodInOrder(query as z.output<z.ZodObject<typeof period>>), {
        message: messageEn('period.from_after_to'),
        path: ['to'],
      })
  );
}

/** Aggregated figures: by period and centre only, so that nobody narrows them down to a person. */
export const summaryPeriodQuery = periodQuery({ centreId: id.optional() });
