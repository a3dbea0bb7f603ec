/**
 * The audit log: who did what to which record, when, in which centre. Append-only (the
 * database refuses updates and deletes). Details name fields, never personal values.
 */
import type { Insertable, Kysely } from 'kysely';
import type { AuditAction } from '../../contracts/audit.js';
import { readPage } from '../../db/paging.js';
import { prepared } from '../../db/prepared.js';
import { whereEqual } from '../../db/queries.js';
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
  entity?: string;
  entityId?: string;
  action?: string;
  fromInstant?: string;
  toInstant?: string;
  /** Only events of these centres, or with no centre (logins, accounts) by users of this organisation. */
  centreIds: number[];
  organisationId: number;
}

export async function listAudit(db: Kysely<Database>, filter: AuditFilter, page: number, pageSize: number) {
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
  if (filter.fromInstant) query = query.where('auditLog.at', '>=', filter.fromInstant);
  if (filter.toInstant) query = query.where('auditLog.at', '<', filter.toInstant);

  const { rows, total } = await readPage(
    query
      .select([
        'auditLog.id',
        'auditLog.at',
        'auditLog.userId',
        'users.email as userEmail',
        'auditLog.centreId',
        'auditLog.action',
        'auditLog.entity',
        'auditLog.entityId',
        'auditLog.details',
      ])
      .orderBy('auditLog.id', 'desc'),
    query,
    page,
    pageSize,
  );
  return {
    items: rows.map((row) => ({ ...row, details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null })),
    total,
  };
}
