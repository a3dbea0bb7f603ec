import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Page } from '../../contracts/common.js';
import type { ItemsPage } from '../../db/paging.js';
import type { DateRange, PeriodFilter } from '../../db/queries.js';
import { can, type Permission, type Role } from '../../domain/permissions.js';
import { forbidden, notFound, validationFailed } from '../../errors/index.js';
import { notLoggedIn } from './auth.errors.js';

/** The cookie that carries a web session's secret (its SHA-256 is the session's id). */
export const SESSION_COOKIE = 'approdo_session';

/** Where a request comes from, as a new session keeps it (listed to its user). */
export const deviceOf = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] });

/** Gives the browser its new session's cookie. */
export function setSessionCookie(app: FastifyInstance, reply: FastifyReply, session: { cookieValue: string }): void {
  reply.setCookie(SESSION_COOKIE, session.cookieValue, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: app.config.cookieSecure,
    // No expiry on the cookie: the server ends the session after SESSION_HOURS without use
    // (sliding), and the browser forgets the cookie when it closes.
  });
}

/** The authenticated user a request acts for. */
export interface Actor {
  userId: number;
  email: string;
  displayName: string;
  role: Role;
  locale: string;
  organisationId: number;
  /** The centres this user works in: every read and write is bounded by them. */
  centreIds: number[];
}

export interface RequestAuth {
  actor: Actor;
  via: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
}

/** The request's authentication, or 401. */
export function requireLogin(auth: RequestAuth | null): RequestAuth {
  if (!auth) throw notLoggedIn();
  return auth;
}

/** The acting user, if logged in (401) and allowed (403). */
export function requireAuth(auth: RequestAuth | null, permission?: Permission): Actor {
  const { actor } = requireLogin(auth);
  if (permission && !can(actor.role, permission)) throw forbidden();
  return actor;
}

/**
 * The centres a query may read: all of the actor's, or the one asked for if it is theirs.
 * Another centre's id answers 404, as if it did not exist.
 */
export function centreScope(actor: Actor, requested?: number): number[] {
  if (requested === undefined) return actor.centreIds;
  if (!actor.centreIds.includes(requested)) throw notFound('centre');
  return [requested];
}

/** The filter of a period's figures (?from=, ?to=, ?centreId=): its dates, and its centres bounded by centreScope. */
export function periodScope(actor: Actor, query: DateRange & { centreId?: number }): PeriodFilter {
  return { from: query.from, to: query.to, centreIds: centreScope(actor, query.centreId) };
}

/**
 * A page of a list of the centres' records: the query's paging and ?centreId= taken off, its
 * other filters given to `list` with the centres centreScope allows.
 */
export async function pageInScope<Query extends { page: number; pageSize: number; centreId?: number }, Item>(
  actor: Actor,
  query: Query,
  list: (
    filter: Omit<Query, 'page' | 'pageSize' | 'centreId'> & { centreIds: number[] },
    page: number,
    pageSize: number,
  ) => Promise<ItemsPage<Item>>,
): Promise<Page<Item>> {
  const { page, pageSize, centreId, ...filters } = query;
  const result = await list({ ...filters, centreIds: centreScope(actor, centreId) }, page, pageSize);
  return { ...result, page, pageSize };
}

/** The centre a new record goes to: the one asked for, or the actor's only centre. */
export function targetCentre(actor: Actor, requested?: number): number {
  if (requested !== undefined) return centreScope(actor, requested)[0] as number;
  if (actor.centreIds.length === 1) return actor.centreIds[0] as number;
  throw validationFailed([{ field: 'centreId', code: 'centre.required' }], 'centreId is required: you work in more than one centre');
}
