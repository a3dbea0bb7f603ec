/**
 * The reviewer's rule for reading outside the centre's hours: a personal file read when its
 * centre was closed (after hours, a weekend or a day without hours, a holiday, the patron day, a
 * closure). A centre whose hours are not yet recorded for that day flags nothing
 * (isOutsideHours). The readings of one file by one user in one Rome clock hour are one
 * opening: the person's page loads its sections one by one, each logged.
 */
import { type CentreCalendar, isOutsideHours } from './calendar.js';
import { romeDateOf, romeTimeOf } from './dates.js';

/** A logged reading of a person's file: when (ISO UTC instant), by whom, in which centre. */
export interface FileReading {
  at: string;
  userId: number | null;
  personId: number;
  centreId: number;
}

export interface OpeningOutsideHours {
  userId: number | null;
  personId: number;
  centreId: number;
  /** The first reading of the hour. */
  at: string;
  reads: number;
}

/** The readings made while their centre was closed; `calendarOf` gives each centre's calendar. */
export function readingsOutsideHours(
  readings: readonly FileReading[],
  calendarOf: (centreId: number) => CentreCalendar | undefined,
): FileReading[] {
  return readings.filter((reading) => {
    const calendar = calendarOf(reading.centreId);
    if (!calendar) return false;
    const instant = new Date(reading.at);
    return isOutsideHours(calendar, romeDateOf(instant), romeTimeOf(instant));
  });
}

/** Readings as openings (one per user, file and Rome clock hour), newest first. */
export function openingsOf(readings: readonly FileReading[]): OpeningOutsideHours[] {
  const openings = new Map<string, OpeningOutsideHours>();
  for (const reading of readings) {
    // The UTC hour of the ISO instant is Rome's clock hour (whole-hour offsets), the repeated October hour kept apart.
    const key = `${reading.userId}|${reading.personId}|${reading.at.slice(0, 13)}`;
    const opening = openings.get(key);
    if (!opening) openings.set(key, { ...reading, reads: 1 });
    else {
      opening.reads++;
      if (reading.at < opening.at) opening.at = reading.at;
    }
  }
  return [...openings.values()].sort((a, b) => b.at.localeCompare(a.at) || a.personId - b.personId);
}
