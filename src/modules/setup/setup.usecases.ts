/**
 * First run without a default password: while no user exists, the server issues a one-time
 * setup link (printed on start); whoever opens it creates the organisation, the first centre
 * and the administrator.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../errors/index.js';
import { createCentre, createOrganisation, createUser } from '../accounts/accounts.usecases.js';
import { randomSecret, sha256 } from '../auth/secrets.js';

type Db = Kysely<Database>;
const SETUP_LINK_HOURS = 24;

/** Setup is needed while no active administrator exists (a demo may have made other users). */
export async function setupNeeded(db: Db): Promise<boolean> {
  const admin = await db.selectFrom('users').select('id').where('role', '=', 'admin').where('active', '=', 1).limit(1).executeTakeFirst();
  return !admin;
}

/**
 * A new setup token, or null when the app is set up already. Links printed by other instances
 * (or earlier starts) keep working until they expire: the first one used sets Approdo up.
 */
export async function issueSetupToken(db: Db, now = new Date()): Promise<string | null> {
  if (!(await setupNeeded(db))) return null;
  const token = randomSecret();
  await db
    .deleteFrom('setupTokens')
    .where((eb) => eb.or([eb('expiresAt', '<', now.toISOString()), eb('usedAt', 'is not', null)]))
    .execute();
  await db
    .insertInto('setupTokens')
    .values({
      tokenHash: sha256(token),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SETUP_LINK_HOURS * 3_600_000).toISOString(),
    })
    .execute();
  return token;
}

export async function completeSetup(
  db: Db,
  input: {
    token: string;
    organisationName: string;
    centreCode: string;
    centreName: string;
    displayName: string;
    email: string;
    password: string;
  },
  now = new Date(),
): Promise<number> {
  return inTransaction(db, async (trx) => {
    if (!(await setupNeeded(trx))) throw new AppError('setup.not_needed', 409, 'Approdo is set up already: log in');
    const used = await trx
      .updateTable('setupTokens')
      .set({ usedAt: now.toISOString() })
      .where('tokenHash', '=', sha256(input.token))
      .where('usedAt', 'is', null)
      .where('expiresAt', '>', now.toISOString())
      .returning('id')
      .executeTakeFirst();
    if (!used) throw new AppError('setup.invalid_token', 403, 'This setup link is not valid any more: restart the server for a new one');
    const organisationId = await createOrganisation(trx, input.organisationName, now.toISOString());
    const centre = await createCentre(trx, { organisationId, code: input.centreCode, name: input.centreName }, null);
    const user = await createUser(
      trx,
      {
        organisationId,
        email: input.email,
        displayName: input.displayName,
        role: 'admin',
        centreIds: [centre.id],
        password: input.password,
      },
      null,
    );
    return user.id;
  });
}
