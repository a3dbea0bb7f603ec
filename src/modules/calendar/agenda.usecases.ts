/**
 * The centre's agenda for the calendar: everything the centre does in a period (lessons, events,
 * network meetings, the lawyer's sessions), beside the open days and closures (days.usecases.ts).
 */
import type { Kysely } from 'kysely';
import type { AgendaEntry, AgendaQuery } from '../../contracts/calendar-agenda.js';
import type { Database } from '../../db/schema.js';
import { agendaOrder } from '../../domain/agenda.js';
import { can } from '../../domain/permissions.js';
import { type Actor, targetCentre } from '../auth/actor.js';
import { consultationsBetween, eventsBetween, lessonsBetween, meetingsBetween } from './agenda.repository.js';

type Db = Kysely<Database>;

/**
 * A period's activities in order. The lawyer's sessions are the staff's: someone who may not open
 * personal files (a municipal viewer) sees the rest.
 */
export async function agendaFor(db: Db, actor: Actor, query: AgendaQuery): Promise<AgendaEntry[]> {
  const period = { centreIds: [targetCentre(actor, query.centreId)], from: query.from, to: query.to };
  const entries = [
    ...(await lessonsBetween(db, period)),
    ...(await eventsBetween(db, period)),
    ...(await meetingsBetween(db, period)),
    ...(can(actor.role, 'personal.read') ? await consultationsBetween(db, period) : []),
  ];
  return agendaOrder(entries);
}
