/**
 * A second factor for local accounts (issue 14): TOTP with recovery codes. A user sets up a
 * seed (answered once, with its QR code), turns it on with a code from it (the recovery codes
 * answered once), and from then on logs in with a code besides the password. The organisation
 * may require it of administrators and coordinators. The seed and the recovery codes never
 * reach the browser again, nor the log: the audit rows name what happened, never a secret.
 */
import type { Kysely } from 'kysely';
import type { Me, SecondFactorPolicy, SecondFactorSetup, SecondFactorStatus } from '../../contracts/auth.js';
import { SECOND_FACTOR_ROLES } from '../../contracts/auth.js';
import { orNotFound } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { findUserOfOrganisation } from '../accounts/accounts.repository.js';
import { type AuditEvent, recordAudit } from '../audit/audit.repository.js';
import type { Actor, RequestAuth } from './actor.js';
import {
  loginRateLimited,
  secondFactorAlreadyOn,
  secondFactorMandatory,
  secondFactorNeedsSession,
  secondFactorNotOn,
  secondFactorNotSetUp,
  wrongSecondFactorCode,
} from './auth.errors.js';
import { verifyOwnPassword } from './login-limits.js';
import {
  activateTotp,
  claimTotpStep,
  clearTotp,
  countRefusedCode,
  countUnusedRecoveryCodes,
  deleteRecoveryCodes,
  findSecondFactorOf,
  findSecondFactorRoles,
  forgetRefusedCodes,
  recentRefusedCodes,
  replaceRecoveryCodes,
  setPendingTotpSecret,
  setSecondFactorRoles,
  spendRecoveryCode,
} from './second-factor.repository.js';
import { looksLikeTotp, newRecoveryCodes, newTotpSeed, otpauthUri, qrCodeOf, recoveryCodeHash, totpStepOf } from './totp.js';

type Db = Kysely<Database>;

/** The roles of the organisation's policy, from its JSON text (anything unknown left out). */
function rolesOf(json: string): SecondFactorPolicy['roles'] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? SECOND_FACTOR_ROLES.filter((role) => parsed.includes(role)) : [];
  } catch {
    return [];
  }
}

const requiredFor = (rolesJson: string, role: string) => (rolesOf(rolesJson) as readonly string[]).includes(role);

/** on; off; or required: the organisation requires it of the user's role and the user has none yet. */
export async function secondFactorStateOf(db: Db, userId: number): Promise<Me['secondFactor']> {
  const user = await findSecondFactorOf(db, userId);
  if (user.totpSecret) return 'on';
  return requiredFor(user.secondFactorRoles, user.role) ? 'required' : 'off';
}

/** What a code given for a user with a second factor turns out to be. */
export type CodeCheck = 'totp' | 'recovery code' | 'wrong' | 'reused';

/**
 * Checks a code against the user's active seed (6 digits) or unused recovery codes (anything
 * else), and uses it: the TOTP step is taken as the last one, the recovery code marked used.
 */
async function spendSecondFactorCode(
  db: Db,
  user: { id: number; totpSecret: string; totpLastStep: number | null },
  code: string,
  now: Date,
): Promise<CodeCheck> {
  const typed = code.trim();
  // Authenticator apps show "123 456": the digits are the code.
  const digits = typed.replace(/[\s-]/g, '');
  if (looksLikeTotp(digits)) {
    const step = await totpStepOf(user.totpSecret, digits, now);
    if (step === null) return 'wrong';
    if (user.totpLastStep !== null && step <= user.totpLastStep) return 'reused';
    return (await claimTotpStep(db, user.id, step)) ? 'totp' : 'reused';
  }
  return (await spendRecoveryCode(db, user.id, recoveryCodeHash(typed), now.toISOString())) ? 'recovery code' : 'wrong';
}

/** Codes refused (from any clients) in a window before the account takes no code for the rest of it. */
export const MAX_REFUSED_CODES = 10;
const CODE_WINDOW_MINUTES = 15;

/**
 * Spends a code as spendSecondFactorCode does, within the account's own limit: past
 * MAX_REFUSED_CODES refused in the window, from whatever clients, no code is looked at (429).
 * The login limits count per client and never lock an address (decision 003); but only someone
 * who has the password already can guess codes, so here the account itself is held.
 * A wrong or reused code is logged as `refusal` says (who, what; the details say why) and
 * answered with `refuse(check)`; a good one answers what it was.
 */
export async function spendCodeWithinLimit(
  db: Db,
  user: { id: number; totpSecret: string; totpLastStep: number | null },
  code: string,
  now: Date,
  refusal: Omit<AuditEvent, 'details'>,
  refuse: (check: 'wrong' | 'reused') => Error,
): Promise<Exclude<CodeCheck, 'wrong' | 'reused'>> {
  const windowStart = new Date(now.getTime() - CODE_WINDOW_MINUTES * 60_000).toISOString();
  if ((await recentRefusedCodes(db, user.id, windowStart)) >= MAX_REFUSED_CODES) {
    throw loginRateLimited({ windowMinutes: CODE_WINDOW_MINUTES });
  }
  const check = await spendSecondFactorCode(db, user, code, now);
  if (check === 'wrong' || check === 'reused') {
    await countRefusedCode(db, user.id, windowStart, now.toISOString());
    await recordAudit(db, { ...refusal, details: { refused: `second factor ${check}` } }, now);
    throw refuse(check);
  }
  await forgetRefusedCodes(db, user.id);
  return check;
}

function sessionOnly(auth: RequestAuth): Actor {
  if (auth.via !== 'session') throw secondFactorNeedsSession();
  return auth.actor;
}

/** A new pending seed for the caller, answered once (the active one, if any, stays until turned off). */
export async function setUpSecondFactor(db: Db, auth: RequestAuth, now = new Date()): Promise<SecondFactorSetup> {
  const actor = sessionOnly(auth);
  const user = await findSecondFactorOf(db, actor.userId);
  if (user.totpSecret) throw secondFactorAlreadyOn();
  const seed = newTotpSeed();
  await setPendingTotpSecret(db, actor.userId, seed, now.toISOString());
  const uri = otpauthUri(seed, user.email);
  return { otpauthUri: uri, secret: seed, qrCode: await qrCodeOf(uri) };
}

/** A user's second factor off: no seed, no recovery codes. */
async function turnOff(db: Db, userId: number, now: Date): Promise<void> {
  await clearTotp(db, userId, now.toISOString());
  await deleteRecoveryCodes(db, userId);
}

/** The audit row of a change of a user's second factor, by the user or an administrator (never a secret in it). */
function auditSecondFactor(db: Db, byUserId: number, userId: number, secondFactor: 'on' | 'off' | 'reset', now: Date) {
  return recordAudit(
    db,
    {
      userId: byUserId,
      centreId: null,
      action: 'update',
      entity: 'user',
      entityId: userId,
      details: { fields: ['secondFactor'], secondFactor },
    },
    now,
  );
}

/** Turns the pending seed on with a code from it; the recovery codes, answered once. */
export async function enableSecondFactor(
  db: Db,
  auth: RequestAuth,
  input: { password: string; code: string },
  ip: string,
  now = new Date(),
): Promise<{ recoveryCodes: string[] }> {
  const actor = sessionOnly(auth);
  const user = await findSecondFactorOf(db, actor.userId);
  if (user.totpSecret) throw secondFactorAlreadyOn();
  if (!user.totpPendingSecret) throw secondFactorNotSetUp();
  await verifyOwnPassword(db, actor, input.password, ip, now);
  const step = await totpStepOf(user.totpPendingSecret, input.code, now);
  if (step === null) throw wrongSecondFactorCode();
  const codes = newRecoveryCodes();
  const nowIso = now.toISOString();
  await inTransaction(db, async (trx) => {
    await activateTotp(trx, actor.userId, user.totpPendingSecret as string, step, nowIso);
    await replaceRecoveryCodes(trx, actor.userId, codes.map(recoveryCodeHash), nowIso);
    await auditSecondFactor(trx, actor.userId, actor.userId, 'on', now);
  });
  return { recoveryCodes: codes };
}

/** Turns the caller's second factor off, with their password and a code; not when the organisation requires it. */
export async function disableSecondFactor(
  db: Db,
  auth: RequestAuth,
  input: { password: string; code: string },
  ip: string,
  now = new Date(),
): Promise<void> {
  const actor = sessionOnly(auth);
  const user = await findSecondFactorOf(db, actor.userId);
  if (!user.totpSecret) throw secondFactorNotOn();
  if (requiredFor(user.secondFactorRoles, user.role)) throw secondFactorMandatory();
  await verifyOwnPassword(db, actor, input.password, ip, now);
  await spendCodeWithinLimit(
    db,
    { id: actor.userId, totpSecret: user.totpSecret, totpLastStep: user.totpLastStep },
    input.code,
    now,
    { userId: actor.userId, centreId: null, action: 'update', entity: 'user', entityId: actor.userId },
    () => wrongSecondFactorCode(),
  );
  await inTransaction(db, async (trx) => {
    await turnOff(trx, actor.userId, now);
    await auditSecondFactor(trx, actor.userId, actor.userId, 'off', now);
  });
}

/** An administrator takes a user's second factor off (a lost phone): the user sets it up again. */
export async function resetSecondFactorOf(db: Db, actor: Actor, userId: number, now = new Date()): Promise<void> {
  await orNotFound(findUserOfOrganisation(db, userId, actor.organisationId), 'user');
  await inTransaction(db, async (trx) => {
    await turnOff(trx, userId, now);
    await auditSecondFactor(trx, actor.userId, userId, 'reset', now);
  });
}

/** The caller's second factor as the account page shows it: its state, whether the role requires it, the recovery codes left. */
export async function secondFactorStatusOf(db: Db, actor: Actor): Promise<SecondFactorStatus> {
  const user = await findSecondFactorOf(db, actor.userId);
  const requiredForRole = requiredFor(user.secondFactorRoles, user.role);
  return {
    state: user.totpSecret ? 'on' : requiredForRole ? 'required' : 'off',
    requiredForRole,
    recoveryCodesLeft: user.totpSecret ? await countUnusedRecoveryCodes(db, actor.userId) : 0,
  };
}

export async function secondFactorPolicyOf(db: Db, actor: Actor): Promise<SecondFactorPolicy> {
  return { roles: rolesOf(await findSecondFactorRoles(db, actor.organisationId)) };
}

export async function setSecondFactorPolicy(db: Db, actor: Actor, policy: SecondFactorPolicy): Promise<SecondFactorPolicy> {
  const roles = SECOND_FACTOR_ROLES.filter((role) => policy.roles.includes(role));
  await inTransaction(db, async (trx) => {
    await setSecondFactorRoles(trx, actor.organisationId, JSON.stringify(roles));
    await recordAudit(trx, {
      userId: actor.userId,
      centreId: null,
      action: 'update',
      entity: 'organisation',
      entityId: actor.organisationId,
      details: { fields: ['secondFactorRoles'], secondFactorRoles: roles },
    });
  });
  return { roles };
}
