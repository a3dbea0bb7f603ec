/**
 * The centre's calendar (opening hours valid from a date, closures, computed open days
 * and hours, the public page). Its staff with their contracts, and its projects, are in
 * staff.ts, exported from here too.
 */
import { z } from 'zod';
import { centreContacts, centreQuery, centreRecord, clockTime, createInCentre, id, isoDate, shortText, updateOf, year } from './common.js';
import { CLOSED_BECAUSE_KINDS } from './enums.js';
import { messageEn } from './messages/index.js';
import { endAfterStart, period, periodInOrder } from './period.js';

export * from './staff.js';

export { centreQuery };
export type CentreQuery = z.infer<typeof centreQuery>;

// --- opening hours

const weekday = z.number().int().min(1).max(7).meta({ description: 'ISO weekday: 1 Monday … 7 Sunday' });

export const openingSlot = z
  .strictObject({
    weekday,
    /** Included. */
    from: clockTime,
    /** Excluded. */
    to: clockTime,
  })
  .meta({ id: 'OpeningSlot' });
export type OpeningSlotInput = z.infer<typeof openingSlot>;

const slots = z.array(openingSlot).max(70);

/** A slot as the API answers it, in an hours set or a day. */
const slotRead = z.object({ weekday: z.number(), from: z.string(), to: z.string() });

export const hoursSetSchema = centreRecord('OpeningHoursSet', {
  validFrom: z.string(),
  notes: z.string().nullable(),
  slots: z.array(slotRead),
});
export type HoursSet = z.infer<typeof hoursSetSchema>;

const hoursSetFields = {
  /** The hours apply from this day until the next set's. */
  validFrom: isoDate,
  notes: shortText(500).nullable().optional(),
  /** Without slots, a new set copies the set in force on `validFrom` (to be edited after); a change sending them replaces them. */
  slots: slots.optional(),
};

export const hoursSetCreateInput = createInCentre(hoursSetFields);
export type HoursSetCreateInput = z.infer<typeof hoursSetCreateInput>;

export const hoursSetUpdateInput = updateOf(hoursSetFields);
export type HoursSetUpdateInput = z.infer<typeof hoursSetUpdateInput>;

// --- closures

/** A closure as the API answers it: in the centre's list and on the public page. */
const closureRead = { from: z.string(), to: z.string(), reason: z.string() };

export const closureSchema = centreRecord('Closure', closureRead);
export type ClosureRecord = z.infer<typeof closureSchema>;

const closureFields = {
  from: isoDate,
  to: isoDate,
  /** Shown on the public page and in the iCalendar feed: a reason like «Chiusura estiva», no names. */
  reason: shortText(200).min(1),
};

export const closureCreateInput = createInCentre(closureFields).refine(periodInOrder, endAfterStart);
export type ClosureCreateInput = z.infer<typeof closureCreateInput>;

export const closureUpdateInput = updateOf(closureFields).refine(periodInOrder, endAfterStart);
export type ClosureUpdateInput = z.infer<typeof closureUpdateInput>;

export const closureListQuery = z.strictObject({ centreId: id.optional(), ...period }).refine(periodInOrder, endAfterStart);
export type ClosureListQuery = z.infer<typeof closureListQuery>;

// --- the centre as the public page names it

/** The centre's name, with its comune and contacts (its settings, contracts/centres.ts, have them). */
const centreContact = {
  code: z.string(),
  name: z.string(),
  /** «Comune di Jesi», or null when the centre's comune is not set. */
  comune: z.string().nullable(),
  ...centreContacts,
};

// --- computed days and figures

const closedBecause = z
  .object({
    kind: z.enum(CLOSED_BECAUSE_KINDS),
    /** The holiday's Italian name. */
    name: z.string().optional(),
    /** The closure's reason. */
    reason: z.string().optional(),
  })
  .nullable();

export const daySchema = z
  .object({
    date: z.string(),
    weekday: z.number(),
    /** The slots of the day, empty when closed. */
    slots: z.array(slotRead),
    closedBecause,
    /** Whether an hours set was in force on the day (before the first one the hours are unknown). */
    hoursKnown: z.boolean(),
  })
  .meta({ id: 'CalendarDay' });
export type CalendarDay = z.infer<typeof daySchema>;

/** At most a year and a day at a time. */
const MAX_DAYS = 367;

export const daysQuery = z
  .strictObject({ centreId: id.optional(), from: isoDate, to: isoDate })
  .refine(periodInOrder, endAfterStart)
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) < MAX_DAYS * 86_400_000, {
    message: messageEn('calendar.range_too_long'),
    path: ['to'],
  });
export type DaysQuery = z.infer<typeof daysQuery>;

export const figuresQuery = z.strictObject({
  centreId: id.optional(),
  year,
  month: z.coerce.number().int().min(1).max(12).optional(),
});
export type FiguresQuery = z.infer<typeof figuresQuery>;

const figures = {
  openDays: z.number(),
  openMinutes: z.number(),
  /** Days that would have been open but for a holiday, the patron day or a closure. */
  closedDays: z.number(),
};

export const figuresSchema = z
  .object({
    centreId: z.number(),
    year: z.number(),
    month: z.number().nullable(),
    from: z.string(),
    to: z.string(),
    ...figures,
    /** Month by month (the whole year when no month is asked). */
    months: z.array(z.object({ month: z.number(), ...figures })),
    /** The days counted in closedDays, with why each was closed. */
    closed: z.array(daySchema),
  })
  .meta({ id: 'CalendarFigures' });
export type CalendarFigures = z.infer<typeof figuresSchema>;

// --- the public page

export const publicCentreParams = z.strictObject({ code: z.string().trim().min(1).max(40) });

const publicSet = z.object({ validFrom: z.string(), slots: z.array(slotRead) });

export const publicHoursSchema = z
  .object({
    centre: z.object(centreContact),
    /** Today in Europe/Rome, and the last day the lists below cover. */
    today: z.string(),
    until: z.string(),
    current: publicSet.nullable(),
    /** The next change of hours, if one is planned. */
    next: publicSet.nullable(),
    closures: z.array(z.object(closureRead)),
    /** Public holidays and the patron day that close a day with hours (outside the closures above). */
    holidays: z.array(z.object({ date: z.string(), kind: z.enum(['holiday', 'patron_day']), name: z.string().nullable() })),
  })
  .meta({ id: 'PublicHours' });
export type PublicHours = z.infer<typeof publicHoursSchema>;
