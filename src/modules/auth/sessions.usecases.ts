/**
 * A user's sessions (issue 14): each user sees the sessions open in their name (where and when,
 * never their secret) and ends any of them; an administrator ends all of a user's sessions at
 * once (a stolen laptop). API tokens are not sessions: an administrator revokes them apart.
 */
import type { Kysely } from 'kysely';
import type { Session } from '../../contracts/auth.js';
import { orNotFound } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { notFound } from '../../errors/index.js';
import { findUserOfOrganisation } from '../accounts/accounts.repository.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Actor, RequestAuth } from './actor.js';
import { deleteSessionByHandle, deleteSessionsOf, listSessionsOf, SESSION_HANDLE_LENGTH } from './auth.repository.js';

type Db = Kysely<Database>;

const handleOf = (sessionId: string) => sessionId.slice(0, SESSION_HANDLE_LENGTH);

export async function listMySessions(db: Db, auth: RequestAuth, now = new Date()): Promise<Session[]> {
  const rows = await listSessionsOf(db, auth.actor.userId, now.toISOString());
  return rows.map(({ id, ...row }) => ({ ...row, handle: handleOf(id), current: id === auth.sessionId }));
}

/** Ends one of the caller's sessions (their current one too: that is logging out); whether it was the current one. */
export async function endMySession(db: Db, auth: RequestAuth, handle: string): Promise<{ wasCurrent: boolean }> {
  await inTransaction(db, async (trx) => {
    if (!(await deleteSessionByHandle(trx, auth.actor.userId, handle))) throw notFound('session');
    await recordAudit(trx, {
      userId: auth.actor.userId,
      centreId: null,
      action: 'logout',
      entity: 'session',
      details: { ended: 'own session', handle },
    });
  });
  return { wasCurrent: auth.sessionId !== undefined && handleOf(auth.sessionId) === handle };
}

/** An administrator ends every session of a user of the organisation; how many ended. */
export async function endSessionsOfUser(db: Db, actor: Actor, userId: number): Promise<{ ended: number }> {
  await orNotFound(findUserOfOrganisation(db, userId, actor.organisationId), 'user');
  const ended = await inTransaction(db, async (trx) => {
    const count = await deleteSessionsOf(trx, userId);
    await recordAudit(trx, {
      userId: actor.userId,
      centreId: null,
      action: 'logout',
      entity: 'user',
      entityId: userId,
      details: { ended: 'all sessions', sessions: count },
    });
    return count;
  });
  return { ended };
}
