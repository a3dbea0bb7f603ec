/**
 * Every error the API returns is an RFC 9457 application/problem+json body with a stable
 * `code`. Use cases throw AppError; the one error handler below turns anything into a
 * problem, and never lets a stack trace or an internal message reach the client.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode, FieldError, ProblemDetails } from '../contracts/errors.js';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export const notFound = (what = 'resource') => new AppError('resource.not_found', 404, `No such ${what}`);
export const forbidden = () => new AppError('auth.forbidden', 403, 'Your role does not allow this');
/** Only the current version is told: the record itself is read (and logged) by reloading it. */
export const staleVersion = (currentVersion: number) =>
  new AppError('resource.stale_version', 409, 'Someone else changed this record: reload it and try again', {
    currentVersion,
  });
/**
 * A use case's own field errors: their code is `custom`, the English message says what is wrong.
 * `detail` defaults to the field errors joined.
 */
export const validationFailed = (errors: Array<{ path: string; message: string }>, detail?: string) =>
  new AppError('validation.failed', 400, detail ?? errors.map((e) => `${e.path}: ${e.message}`).join('; '), {
    errors: errors.map((e): FieldError => ({ ...e, code: 'custom' })),
  });

/** The parameters of a zod issue a message needs (never the input itself: it may be personal data). */
const ISSUE_PARAMS = ['origin', 'minimum', 'maximum', 'inclusive', 'exact', 'format', 'expected', 'values', 'keys', 'divisor'] as const;

function isPlain(value: unknown): value is string | number | boolean | null {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function issueParams(params: Record<string, unknown>): Partial<FieldError> {
  const out: Record<string, unknown> = {};
  for (const name of ISSUE_PARAMS) {
    const value = params[name];
    if (value instanceof Date) out[name] = value.toISOString();
    else if (Array.isArray(value)) out[name] = value.filter(isPlain);
    else if (isPlain(value)) out[name] = value;
  }
  return out;
}

/** The type of what was sent at a path (`undefined` when it is missing): a type name, never the value. */
function typeAt(root: unknown, path: string[]): string {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return 'undefined';
    value = (value as Record<string, unknown>)[key];
  }
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

function problem(status: number, code: ErrorCode, detail: string, extra: Record<string, unknown> = {}): ProblemDetails {
  return {
    type: `https://approdo.example/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    ...extra,
  };
}

export function sendProblem(reply: FastifyReply, body: ProblemDetails): FastifyReply {
  if (typeof body.retryAfterSeconds === 'number') reply.header('retry-after', String(body.retryAfterSeconds));
  return reply.code(body.status).type('application/problem+json').send(body);
}

/** A unique constraint refused a write, on SQLite or PostgreSQL. */
function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

function toProblem(err: FastifyError | AppError | Error, request: FastifyRequest): ProblemDetails {
  if (err instanceof AppError) return problem(err.status, err.code, err.message, err.extra);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const part = (err as FastifyError).validationContext ?? 'body';
    const input =
      part === 'querystring' ? request.query : part === 'params' ? request.params : part === 'headers' ? request.headers : request.body;
    const errors = err.validation.map((issue): FieldError => {
      const segments = issue.instancePath.split('/').filter(Boolean);
      const where = segments.join('.');
      const code = issue.keyword;
      return {
        path: where ? `${part}.${where}` : part,
        message: issue.message ?? 'Invalid value',
        code,
        ...issueParams(issue.params),
        ...(code === 'invalid_type' ? { received: typeAt(input, segments) } : {}),
      };
    });
    return problem(400, 'validation.failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  }
  if (isUniqueViolation(err)) {
    // Two requests raced to create the same thing; the loser learns it exists, nothing half-written.
    return problem(409, 'resource.conflict', 'This exists already');
  }
  const fastifyError = err as FastifyError;
  const status = fastifyError.statusCode ?? 500;
  if (status === 413) return problem(413, 'request.too_large', 'The request body is too large');
  if (status === 415) return problem(415, 'request.unsupported_media_type', 'Send the body as application/json');
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return problem(400, 'request.malformed', 'The body is not valid JSON');
  }
  if (status >= 400 && status < 500) {
    // Malformed JSON, wrong content type and the like: fastify's own message is safe to show.
    return problem(status, 'validation.failed', fastifyError.message);
  }
  // Message, code and stack only: a database error's detail may quote the row's personal values.
  request.log.error(
    { error: { name: err.name, message: err.message, code: (err as { code?: unknown }).code, stack: err.stack } },
    'unexpected error',
  );
  return problem(500, 'server.internal', 'Something went wrong on our side; nothing was saved');
}

/**
 * Errors the router raises before any route or hook runs (a path that is not valid
 * percent-encoding, a parameter too long): a problem like any other, with the same headers,
 * set here since the onSend hooks do not run for them.
 */
export function sendFrameworkProblem(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
  headers: Record<string, string>,
): FastifyReply {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const body = tooLong
    ? problem(414, 'request.malformed', 'The address is too long')
    : problem(400, 'request.malformed', 'The address is not valid (malformed percent-encoding)');
  request.log.info({ code: error.code }, 'refused a malformed address');
  return reply
    .code(body.status)
    .headers({ ...headers, 'cache-control': 'no-store' })
    .type('application/problem+json')
    .send(JSON.stringify(body));
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => sendProblem(reply, toProblem(err, request)));
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem(404, 'route.not_found', `No route ${request.method} ${request.url.split('?')[0]}`)),
  );
}
