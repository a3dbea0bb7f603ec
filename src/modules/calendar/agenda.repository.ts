/** What the centre does on the days of a period, for the calendar: lessons, events, network meetings, legal consultations. SQL only. */
import type { Kysely } from 'kysely';
import type { AgendaEntry } from '../../contracts/calendar-agenda.js';
import { inCentresAndPeriod, type PeriodFilter, withinDates } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { addMinutes } from '../../domain/agenda.js';

type Db = Kysely<Database>;

const entry = (fields: Partial<AgendaEntry> & Pick<AgendaEntry, 'kind' | 'id' | 'date'>): AgendaEntry => ({
  startTime: null,
  endTime: null,
  title: null,
  courseId: null,
  status: null,
  place: null,
  ...fields,
});

/** The lessons of the centre's courses in the period, with their course and status. */
export async function lessonsBetween(db: Db, period: PeriodFilter): Promise<AgendaEntry[]> {
  const lessons = db
    .selectFrom('lessons as l')
    .innerJoin('courses as c', 'c.id', 'l.courseId')
    .select(['l.id', 'l.lessonDate', 'l.startTime', 'l.minutes', 'l.status', 'c.id as courseId', 'c.title', 'c.place'])
    .where('c.centreId', 'in', period.centreIds);
  const rows = await withinDates(lessons, 'l.lessonDate', period).execute();
  return rows.map((row) =>
    entry({
      kind: 'lesson',
      id: row.id,
      date: row.lessonDate,
      startTime: row.startTime,
      endTime: addMinutes(row.startTime, row.minutes),
      title: row.title,
      courseId: row.courseId,
      status: row.status,
      place: row.place,
    }),
  );
}

/** The centre's events in the period. */
export async function eventsBetween(db: Db, period: PeriodFilter): Promise<AgendaEntry[]> {
  const rows = await inCentresAndPeriod(db, 'events', 'eventDate', period)
    .select(['id', 'eventDate', 'startTime', 'endTime', 'title', 'place'])
    .execute();
  return rows.map(({ eventDate, ...row }) => entry({ kind: 'event', date: eventDate, ...row }));
}

/** The centre's network meetings in the period: the day and the topic. */
export async function meetingsBetween(db: Db, period: PeriodFilter): Promise<AgendaEntry[]> {
  const rows = await inCentresAndPeriod(db, 'networkMeetings', 'heldOn', period).select(['id', 'heldOn', 'topic']).execute();
  return rows.map((row) => entry({ kind: 'network_meeting', id: row.id, date: row.heldOn, title: row.topic }));
}

/** The lawyer's sessions in the period: the day and the lawyer, never the questions (they are a person's). */
export async function consultationsBetween(db: Db, period: PeriodFilter): Promise<AgendaEntry[]> {
  const rows = await inCentresAndPeriod(db, 'legalConsultations', 'heldOn', period).select(['id', 'heldOn', 'lawyerName']).execute();
  return rows.map((row) => entry({ kind: 'legal_consultation', id: row.id, date: row.heldOn, title: row.lawyerName }));
}
