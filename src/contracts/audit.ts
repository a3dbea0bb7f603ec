import { z } from 'zod';
import { id, isoDate, pageQuery, shortText } from './common.js';

/** `list`: a list showed identified people (their ids are in the details). */
export const AUDIT_ACTIONS = ['create', 'read', 'list', 'update', 'delete', 'login', 'logout', 'export'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditEntrySchema = z
  .object({
    id: z.number(),
    at: z.string(),
    userId: z.number().nullable(),
    userEmail: z.string().nullable(),
    centreId: z.number().nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const auditQuery = z.strictObject({
  userId: id.optional(),
  centreId: id.optional(),
  entity: shortText(40).optional(),
  entityId: shortText(40).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pageQuery,
});
