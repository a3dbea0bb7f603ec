/**
 * The limits of decision 003 on guessing a password: every attempt at a password, a login or
 * the caller's own password asked again before a change of their secrets, is written first as a
 * failure and counted with the others (parallel guesses see each other), per client and per
 * address, never locking the address as a whole.
 */
import { isIP } from 'node:net';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Actor } from './actor.js';
import { loginRateLimited, wrongCurrentPassword } from './auth.errors.js';
import { countRecentFailures, findPasswordHash, insertFailedAttempt, markAttemptSucceeded } from './auth.repository.js';
import { verifyPassword } from './secrets.js';

type Db = Kysely<Database>;

export const LOGIN_WINDOW_MINUTES = 15;
/**
 * Failures on one address from one client (within the window) before that client is refused on
 * it; more than this many from anywhere, and the address is under attack.
 */
export const MAX_FAILURES_PER_EMAIL = 5;
/** Failures from one client, whatever the addresses, before it is refused on all of them. */
export const MAX_FAILURES_PER_IP = 30;
/** The attempts a client gets on an address under attack, the current one included. */
export const ATTEMPTS_PER_CLIENT_UNDER_ATTACK = 2;

export const minutesBefore = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();

/**
 * An attempt at the password of `email` from the client at `ip`, written first as a failure and
 * counted with the others: its id (marked succeeded when the password proves right), or 429 for
 * a client past the limits. The address is never locked as a whole, or anyone who knows it could
 * keep its owner out: a client (see clientOf) that fails on it too often is refused on it, and a
 * client that fails too often on any addresses is refused on all. An address that has failed too
 * often from anywhere is under attack: then each client gets only a couple of attempts on it.
 */
export async function attemptWithinLimits(db: Db, email: string, ip: string, now: Date): Promise<number> {
  const client = clientOf(ip);
  const attemptId = await insertFailedAttempt(db, { email, ip: client, at: now.toISOString() });
  const since = minutesBefore(now, LOGIN_WINDOW_MINUTES);
  // Each count stops one above its threshold: that is all the decision needs.
  const [fromClient, onAddress, onAddressFromClient] = await Promise.all([
    countRecentFailures(db, { ip: client }, since, MAX_FAILURES_PER_IP + 1),
    countRecentFailures(db, { email }, since, MAX_FAILURES_PER_EMAIL + 1),
    countRecentFailures(db, { email, ip: client }, since, MAX_FAILURES_PER_EMAIL + 1),
  ]);
  const underAttack = onAddress > MAX_FAILURES_PER_EMAIL;
  if (
    fromClient > MAX_FAILURES_PER_IP ||
    onAddressFromClient > MAX_FAILURES_PER_EMAIL ||
    (underAttack && onAddressFromClient > ATTEMPTS_PER_CLIENT_UNDER_ATTACK)
  ) {
    throw loginRateLimited({ windowMinutes: LOGIN_WINDOW_MINUTES });
  }
  return attemptId;
}

/**
 * The caller's own password, asked again before a change of their secrets (the password, the
 * second factor): a wrong one is a guess like a failed login, counted within the same limits, so
 * that a session left open does not let anyone guess the password behind it.
 */
export async function verifyOwnPassword(db: Db, actor: Actor, password: string, ip: string, now = new Date()): Promise<void> {
  const attemptId = await attemptWithinLimits(db, actor.email, ip, now);
  if (!(await verifyPassword(await findPasswordHash(db, actor.userId), password))) throw wrongCurrentPassword();
  await markAttemptSucceeded(db, attemptId);
}

/**
 * The client a login attempt is counted against: its IPv4 address, or the /64 network of its
 * IPv6 address (one subscriber's: a single host may use any address in it, so counting
 * addresses would give it 2^64 fresh budgets). IPv4-mapped IPv6 addresses count as IPv4.
 */
export function clientOf(ip: string): string {
  const address = ip.split('%')[0] ?? ip; // without a zone (fe80::1%eth0)
  if (isIP(address) !== 6) return ip;
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const groupsOf = (part: string) => (part === '' ? [] : part.split(':'));
  const before = groupsOf(head);
  const after = tail === undefined ? [] : groupsOf(tail);
  const zeros = tail === undefined ? [] : Array<string>(8 - before.length - after.length).fill('0');
  const groups = [...before, ...zeros, ...after].map((group) => Number.parseInt(group, 16));
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6);
    return `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}
