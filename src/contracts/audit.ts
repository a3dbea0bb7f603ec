import { z } from 'zod';
import { id, isoDate, issue, pageQuery, shortText, storedRecord } from './common.js';
import { periodQuery } from './period.js';

/** `list`: a list showed identified people (their ids are in the details). */
export const AUDIT_ACTIONS = ['create', 'read', 'list', 'update', 'delete', 'login', 'logout', 'export'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who read or wrote: the user as the log keeps them (null for what no user did). */
const reader = { userId: z.number().nullable(), userEmail: z.string().nullable(), userName: z.string().nullable() };

export const auditEntrySchema = storedRecord('AuditEntry', {
  at: z.string(),
  ...reader,
  centreId: z.number().nullable(),
  centreName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/**
 * The log's filters. `personId`: the rows of the person's file (entity `person` with that id:
 * created, read in whole or in part, changed, erased) and the rows whose details name the
 * person (`personId` or `personIds`: lists that showed their name, their documents, enrolments,
 * households, meetings). Other records of the person (a visit, a case) are logged by their own id.
 */
const auditFilters = {
  userId: id.optional(),
  centreId: id.optional(),
  personId: id.optional(),
  entity: shortText(40).optional(),
  entityId: shortText(40).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
};

export const auditQuery = periodQuery({ ...auditFilters, ...pageQuery });
export type AuditQuery = z.infer<typeof auditQuery>;

/** The same filters, for the CSV export (the whole filtered log, newest first). */
export const auditExportQuery = periodQuery(auditFilters);
export type AuditExportQuery = z.infer<typeof auditExportQuery>;

/** Unusual reading is looked for over at most a year at a time (the log is read whole for it). */
export const UNUSUAL_READING_MAX_DAYS = 366;
/** Without a period: the last 30 days, today included. */
export const UNUSUAL_READING_DEFAULT_DAYS = 30;
/** More personal files than this opened by one user in one hour is unusual (a query parameter for now, 5 to 500). */
export const UNUSUAL_READS_PER_HOUR = 30;

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;

export const unusualReadingQuery = periodQuery({
  perHour: z.coerce.number().int().min(5).max(500).default(UNUSUAL_READS_PER_HOUR),
}).superRefine((query, ctx) => {
  if (query.from && query.to && daysBetween(query.from, query.to) > UNUSUAL_READING_MAX_DAYS) {
    ctx.addIssue(issue('audit.period_too_long', ['to'], { days: UNUSUAL_READING_MAX_DAYS }));
  }
});
export type UnusualReadingQuery = z.infer<typeof unusualReadingQuery>;

export const unusualReadingSchema = z
  .object({
    from: isoDate,
    to: isoDate,
    perHour: z.number(),
    /** Users who opened more than `perHour` personal files in one clock hour (Rome time), newest first. */
    busyHours: z.array(
      z.object({
        ...reader,
        /** The start of the hour (ISO UTC instant). */
        hour: z.string(),
        /** Different files opened in that hour. */
        files: z.number(),
      }),
    ),
    /** Files opened when their centre was closed, newest first: the first `items` of `total`. */
    outsideHours: z.object({
      total: z.number(),
      items: z.array(
        z.object({
          ...reader,
          personId: z.number(),
          centreId: z.number(),
          centreName: z.string().nullable(),
          /** The first reading of the file by that user in that hour (ISO UTC instant). */
          at: z.string(),
          /** Readings of the file (or its parts) by that user in that hour. */
          reads: z.number(),
        }),
      ),
    }),
  })
  .meta({ id: 'UnusualReading' });
export type UnusualReading = z.infer<typeof unusualReadingSchema>;
