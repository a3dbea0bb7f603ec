/**
 * Events and outings: the rules that need no database. Weekday names are computed, never typed
 * (the reference report dated an event "Venerdì 20 dicembre 2023", a Wednesday).
 */

// Noon UTC of the calendar date, formatted in UTC: the same date in every time zone.
const ITALIAN_LONG_DATE = new Intl.DateTimeFormat('it-IT', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** An ISO date as Italians write it in full, with its weekday: "mercoledì 20 dicembre 2023". */
export function italianLongDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return ITALIAN_LONG_DATE.format(new Date(Date.UTC(year, month - 1, day, 12)));
}

/** When an event takes place, in words: "dalle 15:00 alle 18:00", "alle 9:30", or nothing. */
export function italianTimeRange(startTime: string | null, endTime: string | null): string | null {
  if (!startTime) return null;
  const plain = (time: string) => time.replace(/^0(\d)/, '$1');
  return endTime ? `dalle ${plain(startTime)} alle ${plain(endTime)}` : `alle ${plain(startTime)}`;
}

/**
 * What is wrong with an event's times (HH:mm): an end needs a start, and comes after it.
 * Returns field problems, empty when the times are fine.
 */
export function eventTimeProblems(
  startTime: string | null,
  endTime: string | null,
): Array<{ field: 'endTime'; code: 'event.end_without_start' | 'event.end_before_start' }> {
  if (endTime === null) return [];
  if (startTime === null) return [{ field: 'endTime', code: 'event.end_without_start' }];
  if (endTime <= startTime) return [{ field: 'endTime', code: 'event.end_before_start' }];
  return [];
}

export interface EventParticipation {
  /** The people of the centre listed by name. */
  namedParticipants: number;
  /** The participants not registered by name (a count). */
  otherParticipants: number;
}

export interface EventTotals {
  events: number;
  namedParticipants: number;
  otherParticipants: number;
  /** Named plus others: the participants of the period, a person at two events counting twice. */
  participants: number;
}

/** The events of a period and their participants; the parts add up to the total. */
export function eventTotals(events: readonly EventParticipation[]): EventTotals {
  let namedParticipants = 0;
  let otherParticipants = 0;
  for (const event of events) {
    namedParticipants += event.namedParticipants;
    otherParticipants += event.otherParticipants;
  }
  return { events: events.length, namedParticipants, otherParticipants, participants: namedParticipants + otherParticipants };
}
