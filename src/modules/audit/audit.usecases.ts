/** Reading the audit log: an administrator's, bounded by their centres and organisation. */
import type { Kysely } from 'kysely';
import {
  type AuditExportQuery,
  type AuditQuery,
  UNUSUAL_READING_DEFAULT_DAYS,
  UNUSUAL_READING_MAX_DAYS,
  type UnusualReading,
  type UnusualReadingQuery,
} from '../../contracts/audit.js';
import type { Database } from '../../db/schema.js';
import { type FileReading, openingsOf, readingsOutsideHours } from '../../domain/audit-review.js';
import type { CentreCalendar } from '../../domain/calendar.js';
import { addDays, romeInstant, todayInRome } from '../../domain/dates.js';
import type { Actor } from '../auth/actor.js';
import { loadCentreCalendar } from '../calendar/calendar.repository.js';
import { auditCsv } from './audit.export.js';
import {
  type AuditFilter,
  busyReadingHours,
  countAudit,
  listAudit,
  namesOf,
  recordAudit,
  streamAudit,
  streamPersonReadings,
} from './audit.repository.js';

type Db = Kysely<Database>;

/** How many of the openings outside hours the answer lists (all are counted). */
const OUTSIDE_HOURS_LISTED = 200;

/** The instants of a period of Rome days: from the start of `from` to the start of the day after `to`. */
function instantsOf(from: string | undefined, to: string | undefined) {
  return {
    fromInstant: from ? romeInstant(from, '00:00').toISOString() : undefined,
    // Not +24 hours: the days the clocks change last 23 or 25.
    toInstant: to ? romeInstant(addDays(to, 1), '00:00').toISOString() : undefined,
  };
}

function auditFilterFor(actor: Actor, query: AuditExportQuery): AuditFilter {
  const { from, to, ...filters } = query;
  return { ...filters, centreIds: actor.centreIds, organisationId: actor.organisationId, ...instantsOf(from, to) };
}

/** The events of the period (Rome days, `to` included), newest first. */
export async function listAuditFor(db: Db, actor: Actor, query: AuditQuery) {
  const { page, pageSize, ...filters } = query;
  const result = await listAudit(db, auditFilterFor(actor, filters), page, pageSize);
  return { ...result, page, pageSize };
}

/**
 * The filtered log as CSV text, a batch at a time. The export is itself logged before it is
 * sent: who, with which filters, and how many rows it holds at this moment.
 */
export async function exportAuditFor(db: Db, actor: Actor, query: AuditExportQuery): Promise<AsyncIterable<string>> {
  const filter = auditFilterFor(actor, query);
  const rows = await countAudit(db, filter);
  await recordAudit(db, {
    userId: actor.userId,
    centreId: query.centreId ?? null,
    action: 'export',
    entity: 'audit_log',
    details: { filters: query, rows },
  });
  return auditCsv(streamAudit(db, filter));
}

/**
 * The period reviewed: as given; an open end closed at today, or at the longest period after
 * `from`; an open start 30 days before the end.
 */
function reviewPeriod(query: { from?: string; to?: string }, today: string) {
  const earliest = (a: string, b: string) => (a < b ? a : b);
  const to =
    query.to ?? (query.from ? earliest(addDays(query.from, UNUSUAL_READING_MAX_DAYS - 1), today < query.from ? query.from : today) : today);
  return { from: query.from ?? addDays(to, 1 - UNUSUAL_READING_DEFAULT_DAYS), to };
}

/**
 * Unusual reading of personal files in the actor's centres over a period (the last 30 days by
 * default): users who opened more than `perHour` files in one hour (counted by SQL), and files
 * opened while their centre was closed (the calendar's rule, domain/audit-review.ts).
 */
export async function unusualReadingFor(db: Db, actor: Actor, query: UnusualReadingQuery, now = new Date()): Promise<UnusualReading> {
  const { from, to } = reviewPeriod(query, todayInRome(now));
  const { fromInstant, toInstant } = instantsOf(from, to) as { fromInstant: string; toInstant: string };
  const period = { centreIds: actor.centreIds, fromInstant, toInstant };

  const busyHours = await busyReadingHours(db, { ...period, moreThan: query.perHour });

  const calendars = new Map<number, CentreCalendar>();
  for (const centreId of actor.centreIds) calendars.set(centreId, await loadCentreCalendar(db, centreId));
  const outside: FileReading[] = [];
  for await (const readings of streamPersonReadings(db, period)) {
    outside.push(...readingsOutsideHours(readings, (centreId) => calendars.get(centreId)));
  }
  const openings = openingsOf(outside);
  const listed = openings.slice(0, OUTSIDE_HOURS_LISTED);
  const names = await namesOf(
    db,
    [...new Set(listed.flatMap((o) => (o.userId === null ? [] : [o.userId])))],
    [...new Set(listed.map((o) => o.centreId))],
  );
  return {
    from,
    to,
    perHour: query.perHour,
    busyHours,
    outsideHours: {
      total: openings.length,
      items: listed.map((opening) => {
        const user = opening.userId === null ? undefined : names.users.get(opening.userId);
        return {
          ...opening,
          userEmail: user?.email ?? null,
          userName: user?.displayName ?? null,
          centreName: names.centres.get(opening.centreId) ?? null,
        };
      }),
    },
  };
}
