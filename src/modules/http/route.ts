/**
 * One way to declare a route: each says only what is its own (method, path, permission,
 * summary, schemas, status, the call to its use case); the rest is said here once.
 *
 *   export const householdsRoutes = routesOf(['households'], (route, app) => {
 *     route.get('/households/:id', {
 *       permission: 'personal.read',
 *       summary: 'A household with its members',
 *       params: idParams,
 *       response: householdSchema,
 *       handle: (actor, { params }) => getHousehold(app.db, actor, params.id),
 *     });
 *   });
 *
 * - The caller must be logged in (401) and, unless `permission` is 'login', allowed (403);
 *   a 'public' route asks for nobody (no security in OpenAPI) and its handler gets no actor.
 * - The success answer is 200 with `response`, or `status: 201`; a route without `response`
 *   answers 204 with no body. The problem answers (400, 401, 403, 404, 409) are added.
 * - `params`, `querystring` and `body` are validated by fastify-type-provider-zod before the
 *   handler runs, so the handler gets them typed as the schemas' output.
 * - A route that writes its own answer (a file, headers) returns `reply.send(...)` itself.
 *
 * A route whose success status depends on the outcome (POST /reports: 201 or 200) uses
 * Fastify directly. A list page with its CSV and XLSX exports is `route.exportedList` (list-export.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id, problemResponses } from '../../contracts/common.js';
import type { Permission } from '../../domain/permissions.js';
import { type Actor, requireAuth } from '../auth/actor.js';
import { type ExportedListDeclarer, exportedListDeclarer } from './list-export.js';

/** The path parameter of one record: `/things/:id`. */
export const idParams = z.strictObject({ id });

/** A record inside another: `/things/:id/parts/:<childKey>`. */
export function nestedIdParams<K extends string>(childKey: K) {
  return z.strictObject({ id, [childKey]: id } as { id: typeof id } & Record<K, typeof id>);
}

type Schema = z.ZodType;
/** What a validated part of the request holds (nothing declared: nothing to read). */
type Parsed<S> = S extends Schema ? z.output<S> : unknown;
/** What the handler answers: the response schema's input (a 204 sends nothing, whatever it returns). */
type Answer<R> = R extends Schema ? z.input<R> | FastifyReply : unknown;

export interface RouteInput<P, Q, B> {
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
}

/** What the caller needs: a permission, just to be logged in, or nothing. */
export type Access = Permission | 'login' | 'public';
/** Who the handler acts for: the logged-in user, or nobody on a public route. */
type Caller<A> = A extends 'public' ? null : Actor;

export interface RouteSpec<A, P, Q, B, R> {
  permission: A;
  summary: string;
  params?: P;
  querystring?: Q;
  body?: B;
  /** The success answer's schema; without one the route answers 204 with no body. */
  response?: R;
  /** 201 for a creation; 200 otherwise. */
  status?: 201;
  /** The problem answers, when not the usual five. */
  problems?: Record<number, Schema>;
  /** The media types of a file answer, for OpenAPI. */
  produces?: string[];
  handle: (actor: Caller<A>, input: RouteInput<P, Q, B>, request: FastifyRequest, reply: FastifyReply) => Promise<Answer<R>> | Answer<R>;
}

export type Declare = <
  A extends Access,
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends Schema | undefined = undefined,
>(
  path: string,
  spec: RouteSpec<A, P, Q, B, R>,
) => void;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The routes' declarer: one function a method, and a list page with its exports. */
export interface RouteDeclarer {
  get: Declare;
  post: Declare;
  put: Declare;
  patch: Declare;
  delete: Declare;
  exportedList: ExportedListDeclarer;
}

/** Declares routes on `app`, each tagged with `tags` in the OpenAPI document. */
export function routeDeclarer(
  // biome-ignore lint/suspicious/noExplicitAny: any type provider: the schemas type the handler here
  app: FastifyInstance<any, any, any, any, any>,
  tags: string[],
): RouteDeclarer {
  const declare =
    (method: Method): Declare =>
    (path, spec) => {
      const { permission, summary, params, querystring, body, response, status = 200, problems = problemResponses, produces } = spec;
      const success = response ? { [status]: response } : { 204: z.null() };
      app.route({
        method,
        url: path,
        schema: {
          tags,
          summary,
          ...(permission === 'public' && { security: [] }),
          // Only the parts the route has: an absent key and an undefined one are not the same to OpenAPI.
          ...(params && { params }),
          ...(querystring && { querystring }),
          ...(body && { body }),
          ...(produces && { produces }),
          response: { ...success, ...problems },
        },
        handler: async (request: FastifyRequest, reply: FastifyReply) => {
          const actor = permission === 'public' ? null : requireAuth(request.auth, permission === 'login' ? undefined : permission);
          const input = { params: request.params, query: request.query, body: request.body } as RouteInput<never, never, never>;
          const answer = await spec.handle(actor as Caller<typeof permission>, input, request, reply);
          if (!response) return reply.code(204).send(null);
          return status === 200 ? answer : reply.code(status).send(answer);
        },
      });
    };
  const get = declare('GET');
  return {
    get,
    post: declare('POST'),
    put: declare('PUT'),
    patch: declare('PATCH'),
    delete: declare('DELETE'),
    exportedList: exportedListDeclarer(get, app.db),
  };
}

/**
 * A module's routes as a Fastify plugin: `declare` gets the declarer of routes tagged `tags` and
 * the app (its database, the plugins it registers). A plugin with routes of several tags makes
 * a `routeDeclarer` for each itself.
 */
export function routesOf(
  tags: string[],
  declare: (route: RouteDeclarer, app: Parameters<FastifyPluginAsyncZod>[0]) => Promise<void> | void,
): FastifyPluginAsyncZod {
  return async (app) => declare(routeDeclarer(app, tags), app);
}
