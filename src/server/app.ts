/**
 * buildApp wires the HTTP layer: validation, OpenAPI, errors, authentication, the API
 * modules and the web app's static files. It does not listen: main.ts does, tests inject.
 */
import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDatabase } from '../db/database.js';
import { accountsRoutes } from '../modules/accounts/accounts.routes.js';
import { activitiesRoutes } from '../modules/activities/activities.routes.js';
import { auditRoutes } from '../modules/audit/audit.routes.js';
import { authRoutes } from '../modules/auth/auth.routes.js';
import { calendarRoutes } from '../modules/calendar/calendar.routes.js';
import { casesRoutes } from '../modules/cases/cases.routes.js';
import { TOPICS } from '../modules/catalogues/catalogues.js';
import { catalogueRoutes } from '../modules/catalogues/catalogues.routes.js';
import { coursesRoutes } from '../modules/courses/courses.routes.js';
import { documentsRoutes } from '../modules/documents/documents.routes.js';
import { eventsRoutes } from '../modules/events/events.routes.js';
import { historyRoutes } from '../modules/history/history.routes.js';
import { homeRoutes } from '../modules/home/home.routes.js';
import { householdsRoutes } from '../modules/households/households.routes.js';
import { importsRoutes, registerImportJobs } from '../modules/imports/imports.routes.js';
import { peopleRoutes } from '../modules/people/people.routes.js';
import { personFileRoutes } from '../modules/person-file/person-file.routes.js';
import { privacyRoutes } from '../modules/privacy/privacy.routes.js';
import { processingRegisterRoutes } from '../modules/processing-register/processing-register.routes.js';
import { referenceRoutes } from '../modules/reference/reference.routes.js';
import { remindersRoutes } from '../modules/reminders/reminders.routes.js';
import { reportsRoutes } from '../modules/reports/reports.routes.js';
import { retentionRoutes } from '../modules/retention/retention.routes.js';
import { setupRoutes } from '../modules/setup/setup.routes.js';
import { visitsRoutes } from '../modules/visits/visits.routes.js';
import { APP_VERSION } from '../version.js';
import type { AppConfig } from './config.js';
import { registerErrorHandling, sendFrameworkProblem } from './errors.js';
import { registerRequestAuth } from './request-auth.js';
import './types.js';

/** Every area's routes under /api/v1, in the order the OpenAPI document lists them. */
const AREA_ROUTES = [
  authRoutes,
  setupRoutes,
  accountsRoutes,
  catalogueRoutes(TOPICS),
  referenceRoutes,
  peopleRoutes,
  visitsRoutes,
  auditRoutes,
  casesRoutes,
  householdsRoutes,
  documentsRoutes,
  activitiesRoutes,
  personFileRoutes,
  calendarRoutes,
  coursesRoutes,
  eventsRoutes,
  reportsRoutes,
  historyRoutes,
  importsRoutes,
  privacyRoutes,
  retentionRoutes,
  processingRegisterRoutes,
  remindersRoutes,
  homeRoutes,
];

/** The headers of every answer; HSTS once users reach the app over https (a year, subdomains too). */
function securityHeaders(config: AppConfig): Record<string, string> {
  return {
    'content-security-policy':
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'x-frame-options': 'DENY',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
    ...(config.publicUrl.startsWith('https:') && { 'strict-transport-security': 'max-age=31536000; includeSubDomains' }),
  };
}

type OpenApiDocument = ReturnType<typeof jsonSchemaTransformObject>;

/** Error responses are documented as what they are: application/problem+json. */
function problemContentTypes(document: OpenApiDocument): OpenApiDocument {
  const paths = (
    document as { paths?: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>> }
  ).paths;
  for (const operations of Object.values(paths ?? {})) {
    for (const operation of Object.values(operations)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const json = response.content?.['application/json'];
        if (Number(status) >= 400 && json && response.content) {
          response.content = { 'application/problem+json': json };
        }
      }
    }
  }
  return document;
}

export async function buildApp(database: AppDatabase, config: AppConfig): Promise<FastifyInstance> {
  const headers = securityHeaders(config);
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Neither credentials nor personal data reach the logs: no headers, and no query strings
      // (a search for a name is personal data).
      serializers: {
        req: (req) => ({ method: req.method, url: req.url.split('?')[0], remoteAddress: req.ip }),
      },
    },
    bodyLimit: 256 * 1024,
    trustProxy: config.trustProxy,
    // A URL the router cannot decode (bad percent-encoding) never reaches the hooks below.
    frameworkErrors: (error, request, reply) => sendFrameworkProblem(error, request, reply, headers),
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('db', database.db);
  app.decorate('dialect', database.dialect);
  app.decorate('config', config);
  registerImportJobs(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  app.addHook('onSend', async (request, reply) => {
    reply.headers(headers);
    if (request.url.startsWith('/api/')) reply.header('cache-control', reply.getHeader('cache-control') ?? 'no-store');
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Approdo API',
        version: APP_VERSION,
        description:
          'The API of Approdo. Authenticate with `Authorization: Bearer <token>` (personal API tokens) or the session cookie plus the `X-CSRF-Token` header. Errors are application/problem+json with a stable `code`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'approdo_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (document) => problemContentTypes(jsonSchemaTransformObject(document)),
  });
  await app.register(fastifyCookie);
  registerRequestAuth(app);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness with the database kind and the app version',
        security: [],
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']), version: z.string() }) },
      },
    },
    async () => {
      await database.db.selectFrom('organisations').select('id').limit(1).execute();
      return { status: 'ok' as const, database: database.dialect, version: APP_VERSION };
    },
  );

  await app.register(
    async (api) => {
      for (const routes of AREA_ROUTES) await api.register(routes);
    },
    { prefix: '/api/v1' },
  );

  if (existsSync(config.webRoot)) {
    await app.register(fastifyStatic, {
      root: config.webRoot,
      wildcard: false,
      index: false,
      // Source maps carry the app's sources: the build makes none, and none is served if one is there.
      allowedPath: (path) => !path.endsWith('.map'),
      preCompressed: true, // .br and .gz made at build time (scripts/compress-web.mjs)
      setHeaders: (res, path) => {
        // Vite names assets by their content: they never change, so browsers may keep them.
        if (path.includes('/assets/')) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
    // The web app routes on the client: every other GET outside /api serves its page.
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      if (request.url.startsWith('/api/')) return reply.callNotFound();
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  }
  return app;
}
