/** The SQL of signing in through the identity provider and of the organisation's sign-in policy. */
import type { Insertable, Kysely } from 'kysely';
import type { Database, SignInRequestsTable } from '../../db/schema.js';
import type { AccountCandidate, PasswordSignIn } from '../../domain/sign-in.js';

type Db = Kysely<Database>;

export async function insertSignInRequest(db: Db, request: Insertable<SignInRequestsTable>) {
  await db.insertInto('signInRequests').values(request).execute();
}

/** Takes a sign-in request out (it is used once, even by two callbacks at the same time), if there is one. */
export async function takeSignInRequest(db: Db, id: string) {
  return db.deleteFrom('signInRequests').where('id', '=', id).returningAll().executeTakeFirst();
}

export async function deleteExpiredSignInRequests(db: Db, nowIso: string) {
  await db.deleteFrom('signInRequests').where('expiresAt', '<', nowIso).execute();
}

const CANDIDATE_COLUMNS = ['id', 'ssoIssuer', 'ssoSubject'] as const;

/** The accounts an identity may be: the one bound to it, the one with its e-mail, the one with its codice fiscale. */
export async function findAccountCandidates(
  db: Db,
  identity: { issuer: string; subject: string; email: string | null; fiscalCode: string | null },
): Promise<{ bySubject: AccountCandidate | undefined; byEmail: AccountCandidate | undefined; byFiscalCode: AccountCandidate | undefined }> {
  const users = db.selectFrom('users').select(CANDIDATE_COLUMNS);
  const [bySubject, byEmail, byFiscalCode] = await Promise.all([
    users.where('ssoIssuer', '=', identity.issuer).where('ssoSubject', '=', identity.subject).executeTakeFirst(),
    identity.email ? users.where('email', '=', identity.email).executeTakeFirst() : undefined,
    // More than one (two organisations on one installation) is no match: the sign-in is refused.
    identity.fiscalCode
      ? users
          .where('fiscalCode', '=', identity.fiscalCode)
          .limit(2)
          .execute()
          .then((rows) => (rows.length === 1 ? rows[0] : undefined))
      : undefined,
  ]);
  return { bySubject, byEmail, byFiscalCode };
}

export async function bindIdentity(db: Db, userId: number, identity: { issuer: string; subject: string }, nowIso: string) {
  await db
    .updateTable('users')
    .set({ ssoIssuer: identity.issuer, ssoSubject: identity.subject, updatedAt: nowIso })
    .where('id', '=', userId)
    .execute();
}

export interface SignInPolicyRow {
  ssoCreatesAccounts: boolean;
  passwordSignIn: PasswordSignIn;
  breakGlassUserId: number | null;
}

export async function signInPolicyOf(db: Db, organisationId: number): Promise<SignInPolicyRow> {
  const row = await db
    .selectFrom('organisations')
    .select(['ssoCreatesAccounts', 'passwordSignIn', 'breakGlassUserId'])
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return {
    ssoCreatesAccounts: row.ssoCreatesAccounts === 1,
    passwordSignIn: row.passwordSignIn as PasswordSignIn,
    breakGlassUserId: row.breakGlassUserId,
  };
}

export async function updateSignInPolicy(db: Db, organisationId: number, policy: SignInPolicyRow) {
  await db
    .updateTable('organisations')
    .set({
      ssoCreatesAccounts: policy.ssoCreatesAccounts ? 1 : 0,
      passwordSignIn: policy.passwordSignIn,
      breakGlassUserId: policy.breakGlassUserId,
    })
    .where('id', '=', organisationId)
    .execute();
}

/** A user who could be the break-glass administrator: active, an administrator of the organisation, with a password. */
export async function findBreakGlassCandidate(db: Db, userId: number, organisationId: number) {
  return db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('organisationId', '=', organisationId)
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .where('passwordHash', 'is not', null)
    .executeTakeFirst();
}

/** How a session was opened ('password' or 'sso'), if it is there. */
export async function sessionSignInOf(db: Db, sessionId: string): Promise<string | undefined> {
  const row = await db.selectFrom('sessions').select('signedInWith').where('id', '=', sessionId).executeTakeFirst();
  return row?.signedInWith;
}
