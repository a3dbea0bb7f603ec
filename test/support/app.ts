/**
 * The app in-process, on a fresh database, with the people who use it.
 *
 *   const t = await startTestApp(dialect);
 *   const cast = await seedCast(t.db);                    // once per file: argon2 is slow
 *   const operator = await loginAs(t.app, cast.operatorA.email);
 *   const res = await api(t.app, operator).post('/people', { ... });
 *   expect(res.statusCode).toBe(201);
 *
 * Paths that do not start with /api/ are taken as relative to /api/v1.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse as Response } from 'fastify';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { User } from '../../src/contracts/auth.js';
import type { ProblemDetails } from '../../src/contracts/errors.js';
import type { AppDatabase, DialectName } from '../../src/db/database.js';
import type { Database } from '../../src/db/schema.js';
import type { Role } from '../../src/domain/permissions.js';
import { createApiToken, createCentre, createOrganisation, createUser } from '../../src/modules/accounts/accounts.usecases.js';
import type { Actor } from '../../src/modules/auth/actor.js';
import { SESSION_COOKIE } from '../../src/modules/auth/actor.js';
import { loadActor } from '../../src/modules/auth/auth.repository.js';
import { buildApp } from '../../src/server/app.js';
import { type AppConfig, testConfig } from '../../src/server/config.js';
import { createTestDatabase } from './databases.js';

type Db = Kysely<Database>;

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  database: AppDatabase;
  dialect: DialectName;
  close(): Promise<void>;
}

export async function startTestApp(dialect: DialectName, config: Partial<AppConfig> = {}): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  try {
    const app = await buildApp(database, testConfig(config));
    await app.ready();
    return {
      app,
      db: database.db,
      database,
      dialect,
      async close() {
        try {
          await app.close();
        } finally {
          await database.close();
        }
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Organisations, centres and users, made through the use cases (not the HTTP API)
// ---------------------------------------------------------------------------------------------

/** The password of every test user unless one is given: long enough for the policy. */
export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestCentre {
  id: number;
  code: string;
  name: string;
}

export async function createTestOrganisation(
  db: Db,
  { name = 'Comune di Prova', centres = ['A'] }: { name?: string; centres?: string[] } = {},
): Promise<{ organisationId: number; centres: TestCentre[] }> {
  const organisationId = await createOrganisation(db, name);
  const made: TestCentre[] = [];
  for (const code of centres) {
    const centre = await createCentre(db, { organisationId, code, name: `Centro ${code}` }, null);
    made.push({ id: centre.id, code: centre.code, name: centre.name });
  }
  return { organisationId, centres: made };
}

export interface TestUser extends User {
  password: string;
  organisationId: number;
}

export async function createTestUser(
  db: Db,
  input: { organisationId: number; role: Role; centreIds: number[]; email?: string; displayName?: string; password?: string },
): Promise<TestUser> {
  const password = input.password ?? TEST_PASSWORD;
  const email = input.email ?? `${input.role}-${input.centreIds.join('-')}@example.test`;
  const user = await createUser(
    db,
    {
      organisationId: input.organisationId,
      email,
      displayName: input.displayName ?? `${input.role} ${input.centreIds.join('+')}`,
      role: input.role,
      centreIds: input.centreIds,
      password,
    },
    null,
  );
  return { ...user, password, organisationId: input.organisationId };
}

/**
 * The usual cast: one organisation with centres A and B, and a user of each role.
 * The administrator works in both centres; everyone else in one.
 */
export interface Cast {
  organisationId: number;
  centreA: TestCentre;
  centreB: TestCentre;
  admin: TestUser;
  coordinator: TestUser;
  operatorA: TestUser;
  operatorA2: TestUser;
  operatorB: TestUser;
  viewer: TestUser;
}

export async function seedCast(db: Db): Promise<Cast> {
  const { organisationId, centres } = await createTestOrganisation(db, { centres: ['A', 'B'] });
  const [centreA, centreB] = centres as [TestCentre, TestCentre];
  const user = (role: Role, centreIds: number[], email: string, displayName: string) =>
    createTestUser(db, { organisationId, role, centreIds, email, displayName });
  // One by one: SQLite has one connection, and each creation is a transaction.
  const admin = await user('admin', [centreA.id, centreB.id], 'admin@example.test', 'Anna Admin');
  const coordinator = await user('coordinator', [centreA.id], 'coordinator@example.test', 'Carla Coordinatrice');
  const operatorA = await user('operator', [centreA.id], 'operator.a@example.test', 'Omar Operatore');
  const operatorA2 = await user('operator', [centreA.id], 'operator.a2@example.test', 'Olga Operatrice');
  const operatorB = await user('operator', [centreB.id], 'operator.b@example.test', 'Bruno Operatore');
  const viewer = await user('viewer', [centreA.id], 'viewer@example.test', 'Vera Visualizza');
  return { organisationId, centreA, centreB, admin, coordinator, operatorA, operatorA2, operatorB, viewer };
}

/** The actor of a user, for calling use cases directly. */
export async function actorOf(db: Db, userId: number): Promise<Actor> {
  const actor = await loadActor(db, userId);
  if (!actor) throw new Error(`user ${userId} is not active`);
  return actor;
}

/** A personal API token for the user (the secret). */
export async function bearerFor(db: Db, userId: number, name = 'test'): Promise<{ id: number; bearer: string }> {
  const token = await createApiToken(db, { userId, name }, null);
  return { id: token.id, bearer: token.token };
}

// ---------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------

/** How a request authenticates: a session (cookie, and the CSRF token for writes), a token, or not at all. */
export type Auth = { cookie: string; csrf?: string } | { bearer: string } | null;

export function sessionCookieOf(res: Response): string | undefined {
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  return cookie && cookie.value !== '' ? `${SESSION_COOKIE}=${cookie.value}` : undefined;
}

/** Logs in through POST /api/v1/auth/login; fails the test if it does not succeed. */
export async function loginAs(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<{ cookie: string; csrf: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login of ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = sessionCookieOf(res);
  const csrf = res.json<{ csrfToken: string | null }>().csrfToken;
  if (!cookie || !csrf) throw new Error(`login of ${email} set no session cookie or CSRF token`);
  return { cookie, csrf };
}

type Query = Record<string, string | number | boolean | undefined>;

export interface Api {
  get(path: string, query?: Query): Promise<Response>;
  post(path: string, body?: unknown): Promise<Response>;
  patch(path: string, body?: unknown): Promise<Response>;
  put(path: string, body?: unknown): Promise<Response>;
  delete(path: string): Promise<Response>;
  /** Anything else: raw payloads, other headers. The auth headers are added. */
  request(options: InjectOptions & { url: string }): Promise<Response>;
}

function fullPath(path: string, query?: Query): string {
  const url = path.startsWith('/api/') ? path : `/api/v1${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.append(key, String(value));
  const text = params.toString();
  return text ? `${url}${url.includes('?') ? '&' : '?'}${text}` : url;
}

function authHeaders(auth: Auth): Record<string, string> {
  if (!auth) return {};
  if ('bearer' in auth) return { authorization: `Bearer ${auth.bearer}` };
  return { cookie: auth.cookie, ...(auth.csrf !== undefined && { 'x-csrf-token': auth.csrf }) };
}

/** app.inject with the caller's credentials. */
export function api(app: FastifyInstance, auth: Auth): Api {
  const request = (options: InjectOptions & { url: string }) =>
    app.inject({ ...options, url: fullPath(options.url), headers: { ...authHeaders(auth), ...options.headers } });
  return {
    get: (path, query) => request({ method: 'GET', url: fullPath(path, query) }),
    post: (path, body) => request({ method: 'POST', url: path, ...(body !== undefined && { payload: body as InjectOptions['payload'] }) }),
    patch: (path, body) =>
      request({ method: 'PATCH', url: path, ...(body !== undefined && { payload: body as InjectOptions['payload'] }) }),
    put: (path, body) => request({ method: 'PUT', url: path, ...(body !== undefined && { payload: body as InjectOptions['payload'] }) }),
    delete: (path) => request({ method: 'DELETE', url: path }),
    request,
  };
}

/** Asserts an RFC 9457 problem with this status and code, and returns its body. */
export function expectProblem(res: Response, status: number, code: string): ProblemDetails {
  expect(res.headers['content-type'], res.body).toMatch(/^application\/problem\+json/);
  const body = res.json<ProblemDetails>();
  expect({ status: res.statusCode, code: body.code }, res.body).toEqual({ status, code });
  expect(body.status).toBe(status);
  return body;
}

/** The body of a response that must have this status (the body is shown when it has not). */
export function expectStatus<T = unknown>(res: Response, status: number): T {
  expect(res.statusCode, res.body).toBe(status);
  return (res.body === '' ? undefined : res.json()) as T;
}

/** The audit rows of one record (its entity and id), oldest first: what a change logged. */
export function auditRowsOf(db: Db, entity: string, entityId: number) {
  return db
    .selectFrom('auditLog')
    .select(['action', 'userId', 'centreId', 'details'])
    .where('entity', '=', entity)
    .where('entityId', '=', String(entityId))
    .orderBy('id')
    .execute();
}
