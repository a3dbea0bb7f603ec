/**
 * The audit log: who did what to which record, when, in which centre. Append-only (the
 * database refuses updates and deletes). Details name fields, never personal values.
 */
import { type ExpressionBuilder, type Insertable, type Kysely, sql } from 'kysely';
import type { AuditAction, AuditEntry } from '../../contracts/audit.js';
import { isPostgres } from '../../db/database.js';
import { inIdBatches, readPage } from '../../db/paging.js';
import { prepared } from '../../db/prepared.js';
import { countRows, whereEqual } from '../../db/queries.js';
import type { AuditLogTable, Database } from '../../db/schema.js';

export interface AuditEvent {
  userId: number | null;
  centreId: number | null;
  action: AuditAction;
  entity: string;
  entityId?: string | number | null;
  details?: Record<string, unknown>;
}

/**
 * Logs that a list showed these people (one row per list, the ids in its details), so that
 * an administrator can tell who saw whose name.
 */
export async function recordListing(
  db: Kysely<Database>,
  userId: number,
  /** What the list showed: person, visit, application, case… */
  entity: string,
  personIds: Array<number | null | undefined>,
): Promise<void> {
  const ids = [...new Set(personIds.filter((id): id is number => typeof id === 'number'))];
  if (ids.length === 0) return;
  await recordAudit(db, { userId, centreId: null, action: 'list', entity, details: { personIds: ids } });
}

/**
 * Logs that a person's file, or one part of it (visits, household, permits, applications…),
 * was read: reading a part is reading the file.
 */
export async function recordPersonRead(
  db: Kysely<Database>,
  userId: number,
  person: { id: number; centreId: number },
  part?: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  await recordAudit(db, {
    userId,
    centreId: person.centreId,
    action: 'read',
    entity: 'person',
    entityId: person.id,
    details: part ? { part, ...details } : Object.keys(details).length > 0 ? details : undefined,
  });
}

// Prepared: nearly every request writes one.
const insertAudit = prepared((db, row: Insertable<AuditLogTable>) =>
  db.insertInto('auditLog').values({
    at: row.at,
    userId: row.userId,
    centreId: row.centreId,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    details: row.details,
  }),
);

export async function recordAudit(db: Kysely<Database>, event: AuditEvent, at = new Date()): Promise<void> {
  await insertAudit(db, {
    at: at.toISOString(),
    userId: event.userId,
    centreId: event.centreId,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId == null ? null : String(event.entityId),
    details: event.details ? JSON.stringify(event.details) : null,
  });
}

/** A record of a centre, as the log names it. */
export interface AuditedRecord {
  id: number;
  centreId: number | null;
}

/**
 * Logs what the acting user (none: the command line) did to a record (create, read, update,
 * delete…), at `at` (now by default). The details name fields or ids, never personal values.
 */
export async function recordChange(
  db: Kysely<Database>,
  actor: { userId: number } | null,
  action: AuditAction,
  entity: string,
  record: AuditedRecord,
  { details, at }: { details?: Record<string, unknown>; at?: Date } = {},
): Promise<void> {
  await recordAudit(db, { userId: actor?.userId ?? null, centreId: record.centreId, action, entity, entityId: record.id, details }, at);
}

export interface AuditFilter {
  userId?: number;
  centreId?: number;
  /** The person's file and the rows that name them (contracts/audit.ts says which). */
  personId?: number;
  entity?: string;
  entityId?: string;
  action?: string;
  fromInstant?: string;
  toInstant?: string;
  /** Only events of these centres, or with no centre (logins, accounts) by users of this organisation. */
  centreIds: number[];
  organisationId: number;
}

/**
 * Rows whose details name the person (`personId`, or among `personIds`), read as JSON per
 * dialect. The LIKE on the id's digits first spares parsing the details of most rows.
 */
function detailsNamePerson(
  db: Kysely<Database>,
  eb: ExpressionBuilder<Database & { auditLog: AuditLogTable }, 'auditLog'>,
  personId: number,
) {
  const details = eb.ref('auditLog.details');
  const named = isPostgres(db)
    ? sql<boolean>`(cast(${details} as jsonb) @> ${JSON.stringify({ personId })}::jsonb
        or cast(${details} as jsonb) @> ${JSON.stringify({ personIds: [personId] })}::jsonb)`
    : sql<boolean>`(json_extract(${details}, '$.personId') = ${personId}
        or exists (select 1 from json_each(${details}, '$.personIds') where value = ${personId}))`;
  return eb.and([eb(details, 'like', `%${personId}%`), named]);
}

/** The log's rows an administrator may read, filtered; no columns yet. */
function filteredAudit(db: Kysely<Database>, filter: AuditFilter) {
  let query = db
    .selectFrom('auditLog')
    .leftJoin('users', 'users.id', 'auditLog.userId')
    .where((eb) =>
      eb.or([
        eb('auditLog.centreId', 'in', filter.centreIds),
        eb.and([
          eb('auditLog.centreId', 'is', null),
          // Rows without a user come from the command line, which serves the whole installation.
          eb.or([eb('users.organisationId', '=', filter.organisationId), eb('auditLog.userId', 'is', null)]),
        ]),
      ]),
    );
  query = whereEqual(query, {
    'auditLog.userId': filter.userId,
    'auditLog.centreId': filter.centreId,
    'auditLog.entity': filter.entity,
    'auditLog.entityId': filter.entityId,
    'auditLog.action': filter.action,
  });
  const { personId } = filter;
  if (personId) {
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('auditLog.entity', '=', 'person'), eb('auditLog.entityId', '=', String(personId))]),
        detailsNamePerson(db, eb, personId),
      ]),
    );
  }
  if (filter.fromInstant) query = query.where('auditLog.at', '>=', filter.fromInstant);
  if (filter.toInstant) query = query.where('auditLog.at', '<', filter.toInstant);
  return query;
}

function withColumns(query: ReturnType<typeof filteredAudit>) {
  return query
    .leftJoin('centres', 'centres.id', 'auditLog.centreId')
    .select([
      'auditLog.id',
      'auditLog.at',
      'auditLog.userId',
      'users.email as userEmail',
      'users.displayName as userName',
      'auditLog.centreId',
      'centres.name as centreName',
      'auditLog.action',
      'auditLog.entity',
      'auditLog.entityId',
      'auditLog.details',
    ]);
}

type AuditRow = Awaited<ReturnType<ReturnType<typeof withColumns>['execute']>>[number];

const entryOf = (row: AuditRow): AuditEntry => ({
  ...row,
  details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null,
});

export async function listAudit(db: Kysely<Database>, filter: AuditFilter, page: number, pageSize: number) {
  const query = filteredAudit(db, filter);
  const { rows, total } = await readPage(withColumns(query).orderBy('auditLog.id', 'desc'), query, page, pageSize);
  return { items: rows.map(entryOf), total };
}

export function countAudit(db: Kysely<Database>, filter: AuditFilter): Promise<number> {
  return countRows(filteredAudit(db, filter));
}

/** The filtered log, newest first, a batch at a time (for the export: never whole in memory). */
export async function* streamAudit(db: Kysely<Database>, filter: AuditFilter, batchSize = 2000): AsyncGenerator<AuditEntry[]> {
  let before: number | undefined;
  for (;;) {
    let query = withColumns(filteredAudit(db, filter));
    if (before !== undefined) query = query.where('auditLog.id', '<', before);
    const rows = await query.orderBy('auditLog.id', 'desc').limit(batchSize).execute();
    if (rows.length === 0) return;
    yield rows.map(entryOf);
    before = (rows[rows.length - 1] as AuditRow).id;
    if (rows.length < batchSize) return;
  }
}

/** The readings of personal files in a period (instants, `to` excluded) in these centres. */
interface ReadingsFilter {
  centreIds: number[];
  fromInstant: string;
  toInstant: string;
}

function personReadings(db: Kysely<Database>, filter: ReadingsFilter) {
  return db
    .selectFrom('auditLog')
    .where('auditLog.action', '=', 'read')
    .where('auditLog.entity', '=', 'person')
    .where('auditLog.centreId', 'in', filter.centreIds)
    .where('auditLog.at', '>=', filter.fromInstant)
    .where('auditLog.at', '<', filter.toInstant);
}

/**
 * Users who opened more than `moreThan` different personal files in one clock hour, newest hour
 * first. The hour is the ISO instant's first 13 characters: Rome's offset is whole hours, so a
 * UTC hour is a Rome clock hour.
 */
export async function busyReadingHours(db: Kysely<Database>, filter: ReadingsFilter & { moreThan: number }) {
  if (filter.centreIds.length === 0) return [];
  const hour = sql<string>`substr(${sql.ref('auditLog.at')}, 1, 13)`;
  const rows = await personReadings(db, filter)
    .leftJoin('users', 'users.id', 'auditLog.userId')
    .select((eb) => [
      'auditLog.userId',
      'users.email as userEmail',
      'users.displayName as userName',
      hour.as('hour'),
      eb.fn.count<number>('auditLog.entityId').distinct().as('files'),
    ])
    .groupBy(['auditLog.userId', 'users.email', 'users.displayName', hour])
    .having((eb) => eb.fn.count('auditLog.entityId').distinct(), '>', filter.moreThan)
    .orderBy(hour, 'desc')
    .orderBy('auditLog.userId')
    .execute();
  return rows.map((row) => ({ ...row, hour: `${row.hour}:00:00.000Z`, files: Number(row.files) }));
}

/** The readings of personal files in the period, oldest first, a batch at a time. */
export async function* streamPersonReadings(db: Kysely<Database>, filter: ReadingsFilter, batchSize = 5000) {
  if (filter.centreIds.length === 0) return;
  const readings = personReadings(db, filter).select([
    'auditLog.id',
    'auditLog.at',
    'auditLog.userId',
    'auditLog.centreId',
    'auditLog.entityId',
  ]);
  for await (const rows of inIdBatches(readings, 'auditLog.id', batchSize)) {
    yield rows.map((row) => ({ at: row.at, userId: row.userId, centreId: row.centreId as number, personId: Number(row.entityId) }));
  }
}

/** Names of users and centres, for the openings found outside hours. */
export async function namesOf(db: Kysely<Database>, userIds: number[], centreIds: number[]) {
  const [users, centres] = await Promise.all([
    userIds.length ? db.selectFrom('users').select(['id', 'email', 'displayName']).where('id', 'in', userIds).execute() : [],
    centreIds.length ? db.selectFrom('centres').select(['id', 'name']).where('id', 'in', centreIds).execute() : [],
  ]);
  return { users: new Map(users.map((u) => [u.id, u])), centres: new Map(centres.map((c) => [c.id, c.name])) };
}
