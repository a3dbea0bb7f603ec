/** Reading the audit log: an administrator's, bounded by their centres and organisation. */
import { addDays, format, parseISO } from 'date-fns';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { auditQuery } from '../../contracts/audit.js';
import type { Database } from '../../db/schema.js';
import { romeInstant } from '../../domain/dates.js';
import type { Actor } from '../auth/actor.js';
import { listAudit } from './audit.repository.js';

/** The events of the period (Rome days, `to` included), newest first. */
export async function listAuditFor(db: Kysely<Database>, actor: Actor, query: z.infer<typeof auditQuery>) {
  const { page, pageSize, from, to, ...filters } = query;
  // Up to the start of the next Rome day: not +24 hours, since the days the clocks change last 23 or 25.
  const toInstant = to ? romeInstant(format(addDays(parseISO(to), 1), 'yyyy-MM-dd'), '00:00').toISOString() : undefined;
  const result = await listAudit(
    db,
    {
      ...filters,
      centreIds: actor.centreIds,
      organisationId: actor.organisationId,
      fromInstant: from ? romeInstant(from, '00:00').toISOString() : undefined,
      toInstant,
    },
    page,
    pageSize,
  );
  return { ...result, page, pageSize };
}
