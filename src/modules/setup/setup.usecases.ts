/**
 * First run without a default password: while no user exists, the server issues a one-time
 * setup link (printed on start); whoever opens it creates the organisation, the first centre
 * and the administrator.
 */
import type { Kysely } from 'kysely';
import type { SetupInput } from '../../contracts/auth.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { createCentre, createOrganisation, createUser } from '../accounts/accounts.usecases.js';
import { randomSecret, sha256 } from '../auth/secrets.js';
import { comuneMatches } from '../reference/reference.usecases.js';
import { setupLinkInvalid, setupNotNeeded } from './setup.errors.js';
import { deleteSpentSetupTokens, hasActiveAdministrator, insertSetupToken, useSetupToken } from './setup.repository.js';

type Db = Kysely<Database>;
const SETUP_LINK_HOURS = 24;

/** Setup is needed while no active administrator exists (a demo may have made other users). */
export async function setupNeeded(db: Db): Promise<boolean> {
  return !(await hasActiveAdministrator(db));
}

/**
 * A new setup token, or null when the app is set up already. Links printed by other instances
 * (or earlier starts) keep working until they expire: the first one used sets Approdo up.
 */
export async function issueSetupToken(db: Db, now = new Date()): Promise<string | null> {
  if (!(await setupNeeded(db))) return null;
  const token = randomSecret();
  await deleteSpentSetupTokens(db, now.toISOString());
  await insertSetupToken(db, {
    tokenHash: sha256(token),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SETUP_LINK_HOURS * 3_600_000).toISOString(),
  });
  return token;
}

/** The organisation, its first centre (with its comune and contacts when given) and its administrator, in one transaction. */
export async function completeSetup(db: Db, input: SetupInput, now = new Date()): Promise<number> {
  return inTransaction(db, async (trx) => {
    if (!(await setupNeeded(trx))) throw setupNotNeeded();
    if (!(await useSetupToken(trx, sha256(input.token), now.toISOString()))) throw setupLinkInvalid();
    const organisationId = await createOrganisation(trx, input.organisationName, now.toISOString());
    const centre = await createCentre(
      trx,
      {
        organisationId,
        code: input.centreCode,
        name: input.centreName,
        comuneIstat: input.centreComuneIstat,
        address: input.centreAddress,
        phone: input.centrePhone,
        email: input.centreEmail,
      },
      null,
      'centreComuneIstat',
    );
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

/**
 * The comuni matching a name, for the setup page's comune search: public (nobody is logged in
 * yet) but only while setup is needed; the shipped ISTAT list, nothing of the database.
 */
export async function setupComuni(db: Db, query: string, limit: number) {
  if (!(await setupNeeded(db))) throw setupNotNeeded();
  return comuneMatches(query, limit);
}
