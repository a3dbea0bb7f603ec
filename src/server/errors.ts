/**
 * Every error the API returns is an RFC 9457 application/problem+json body with a stable
 * `code`. Use cases throw AppError (src/errors); the one error handler below turns anything
 * into a problem, says where each field at fault was sent, and never lets a stack trace or an
 * internal message reach the client.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode, FieldError, ProblemDetails } from '../contracts/errors.js';
import { codeOfEnglish, isMessageCode, type MessageParams, messageEn } from '../contracts/messages/index.js';
import { AppError, type FieldProblem } from '../errors/index.js';

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

/** A use case's field at fault, where the request sent it: a write's body, a read's query string. */
function fieldError(field: FieldProblem, request: FastifyRequest): FieldError {
  const part = request.method === 'GET' ? 'querystring' : 'body';
  return {
    path: `${part}.${field.field}`,
    message: messageEn(field.code, field.params),
    code: field.code,
    ...(field.params && { params: field.params }),
  };
}

/**
 * The message code of a zod issue: given by a refinement (`params.messageCode`, see
 * contracts/common.ts's `issue`), or the code of a check's message written with messageEn.
 */
function messageCodeOf(issue: { message?: string; params: Record<string, unknown> }) {
  const given = (issue.params.params as { messageCode?: unknown; messageParams?: MessageParams } | undefined) ?? {};
  if (typeof given.messageCode === 'string' && isMessageCode(given.messageCode)) {
    return { code: given.messageCode, params: given.messageParams };
  }
  const code = issue.message ? codeOfEnglish(issue.message) : undefined;
  return code ? { code, params: undefined } : undefined;
}

function toProblem(err: FastifyError | AppError | Error, request: FastifyRequest): ProblemDetails {
  if (err instanceof AppError) {
    const errors = err.fields.map((field) => fieldError(field, request));
    return problem(err.status, err.code, err.message, errors.length > 0 ? { ...err.extra, errors } : err.extra);
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const part = (err as FastifyError).validationContext ?? 'body';
    const input =
      part === 'querystring' ? request.query : part === 'params' ? request.params : part === 'headers' ? request.headers : request.body;
    const errors = err.validation.map((issue): FieldError => {
      const segments = issue.instancePath.split('/').filter(Boolean);
      const where = segments.join('.');
      const ours = messageCodeOf(issue);
      const code = ours?.code ?? issue.keyword;
      return {
        path: where ? `${part}.${where}` : part,
        message: issue.message ?? 'Invalid value',
        code,
        ...issueParams(issue.params),
        ...(issue.keyword === 'invalid_type' ? { received: typeAt(input, segments) } : {}),
        ...(ours?.params && { params: ours.params }),
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
