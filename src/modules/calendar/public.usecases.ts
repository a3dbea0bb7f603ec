/**
 * What anyone may read without logging in: a centre's hours, its coming closures and holidays,
 * and the same as an iCalendar feed. Nothing personal: no staff, no users, no visits.
 */
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import type { Kysely } from 'kysely';
import type { PublicHours } from '../../contracts/calendar.js';
import { orNotFound } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { addDays, closedDaysBetween, datesBetween, dayOf, hoursSetOn, nextHoursSet } from '../../domain/calendar.js';
import { romeInstant, todayInRome } from '../../domain/dates.js';
import { findComune } from '../../reference/index.js';
import { findCentreByCode } from '../accounts/accounts.repository.js';
import { comuneTitle } from '../accounts/centres.usecases.js';
import { loadCentreCalendar } from './calendar.repository.js';

type Db = Kysely<Database>;

/** How far ahead the public page lists closures and holidays. */
export const PUBLIC_DAYS_AHEAD = 90;
/** The iCalendar feed: closures and holidays for a year ahead, opening slots for eight weeks. */
const FEED_DAYS_AHEAD = 365;
const FEED_SLOT_DAYS = 56;

async function publicCalendar(db: Db, code: string) {
  const centre = await orNotFound(findCentreByCode(db, code), 'centre');
  return { centre, calendar: await loadCentreCalendar(db, centre.id) };
}

/** The closures overlapping a period, and the holidays (and patron day) that close a day with hours outside them. */
function closedBetween(calendar: Awaited<ReturnType<typeof loadCentreCalendar>>, from: string, to: string) {
  const closures = calendar.closures.filter((c) => c.to >= from && c.from <= to);
  const holidays: PublicHours['holidays'] = [];
  for (const day of closedDaysBetween(calendar, from, to)) {
    if (closures.some((c) => c.from <= day.date && day.date <= c.to)) continue;
    const why = day.closedBecause;
    if (why?.kind === 'holiday') holidays.push({ date: day.date, kind: 'holiday', name: why.name });
    if (why?.kind === 'patron_day') holidays.push({ date: day.date, kind: 'patron_day', name: null });
  }
  return { closures, holidays };
}

export async function publicHours(db: Db, code: string, now = new Date()): Promise<PublicHours> {
  const { centre, calendar } = await publicCalendar(db, code);
  const today = todayInRome(now);
  const until = addDays(today, PUBLIC_DAYS_AHEAD);
  const current = hoursSetOn(calendar.hours, today);
  const next = nextHoursSet(calendar.hours, today);
  const { closures, holidays } = closedBetween(calendar, today, until);
  return {
    centre: {
      code: centre.code,
      name: centre.name,
      comune: comuneTitle(centre.comuneIstat),
      address: centre.address,
      phone: centre.phone,
      email: centre.email,
    },
    today,
    until,
    current: current ? { validFrom: current.validFrom, slots: current.slots } : null,
    next: next ? { validFrom: next.validFrom, slots: next.slots } : null,
    closures: closures.map((c) => ({ from: c.from, to: c.to, reason: c.reason })),
    holidays,
  };
}

const dateArray = (date: string): DateArray => [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];

/**
 * The centre's calendar as iCalendar text: closures, holidays and the patron day as all-day
 * events, and the opening slots of the coming weeks as timed events (in UTC, from Rome time, so
 * that the change to and from summer time is right).
 */
export async function publicCalendarIcs(db: Db, code: string, now = new Date()): Promise<string> {
  const { centre, calendar } = await publicCalendar(db, code);
  const today = todayInRome(now);
  const uid = (what: string) => `${what}@${encodeURIComponent(centre.code)}.approdo`;
  // Where the centre is, for a calendar application's map: its address and comune, as known.
  const comune = centre.comuneIstat ? findComune(centre.comuneIstat) : undefined;
  const location = [centre.address, comune && `${comune.name} (${comune.province})`].filter(Boolean).join(', ');
  const contacts = [centre.phone && `Tel. ${centre.phone}`, centre.email && `E-mail ${centre.email}`].filter(Boolean).join(' · ');
  const { closures, holidays } = closedBetween(calendar, today, addDays(today, FEED_DAYS_AHEAD));
  const events: EventAttributes[] = [
    ...closures.map((c) => ({
      uid: uid(`closure-${c.from}-${c.to}`),
      title: `Chiuso: ${c.reason}`,
      start: dateArray(c.from),
      end: dateArray(addDays(c.to, 1)),
      transp: 'TRANSPARENT' as const,
    })),
    ...holidays.map((h) => ({
      uid: uid(`holiday-${h.date}`),
      title: `Chiuso: ${h.name ?? 'festa del santo patrono'}`,
      start: dateArray(h.date),
      end: dateArray(addDays(h.date, 1)),
      transp: 'TRANSPARENT' as const,
    })),
  ];
  for (const date of datesBetween(today, addDays(today, FEED_SLOT_DAYS - 1))) {
    for (const slot of dayOf(calendar, date).slots) {
      events.push({
        uid: uid(`open-${date}-${slot.from}`),
        title: `Aperto: ${centre.name}`,
        ...(location && { location }),
        ...(contacts && { description: contacts }),
        start: romeInstant(date, slot.from).getTime(),
        startInputType: 'utc',
        startOutputType: 'utc',
        end: romeInstant(date, slot.to).getTime(),
        endInputType: 'utc',
        endOutputType: 'utc',
      });
    }
  }
  const { error, value } = createEvents(events, { productId: '-//Approdo//Orari//IT', calName: `${centre.name}: orari e chiusure` });
  if (error || value === null) throw error ?? new Error('The iCalendar feed could not be made');
  return value;
}
