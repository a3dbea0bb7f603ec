/**
 * The one way the web app talks to the API: JSON in and out, the CSRF token on every write,
 * and problem+json errors turned into ApiError with the stable code.
 */
export type { Page } from '../../contracts/common.js';

import type { ErrorCode, ProblemDetails } from '../../contracts/errors.js';
import type { Locale } from '../../contracts/labels.js';
import { fieldMessage } from '../i18n/field-messages.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    readonly problem?: ProblemDetails,
  ) {
    super(problem?.detail ?? code);
  }

  /**
   * Field errors of a validation problem, keyed by field path without the "body." prefix, each
   * in the UI's language (the one the I18nProvider last set).
   */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem?.errors ?? []) {
      out[e.path.replace(/^(body|querystring|params)\.?/, '')] = fieldMessage(e, messageLocale);
    }
    return out;
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => {};
let messageLocale: Locale = 'it';

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** The language of the field errors: the I18nProvider sets it whenever the UI's language changes. */
export function setMessageLocale(locale: Locale) {
  messageLocale = locale;
}

export function setUnauthenticatedHandler(handler: () => void) {
  onUnauthenticated = handler;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withQuery(`/api/v1${path}`, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network');
  }
  if (response.status === 204) return undefined as T;
  const failure = await failureOf(response, path);
  if (failure) throw failure;
  return (await response.json()) as T;
}

/**
 * POSTs (or PUTs) a file as the raw body (application/octet-stream), with the CSRF token, as the
 * imports take a register and a centre its logo: the answer is JSON, a problem an ApiError like api()'s.
 */
export async function upload<T>(path: string, file: Blob, query?: Query, method: 'POST' | 'PUT' = 'POST'): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/octet-stream' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withQuery(`/api/v1${path}`, query), { method, headers, body: file, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network');
  }
  const failure = await failureOf(response, path);
  if (failure) throw failure;
  return (await response.json()) as T;
}

/**
 * The ApiError of an answer that is a problem (undefined if it is not). An expired session
 * sends the user to the login, wherever the request came from.
 */
export async function failureOf(response: Response, path: string): Promise<ApiError | undefined> {
  const isProblem = response.headers.get('content-type')?.includes('application/problem+json');
  if (response.ok && !isProblem) return undefined;
  const problem = (await response.json().catch(() => undefined)) as ProblemDetails | undefined;
  const error = new ApiError(response.status, problem?.code ?? 'server.internal', problem);
  if (error.code === 'auth.unauthenticated' && !path.startsWith('/auth/login')) onUnauthenticated();
  return error;
}
