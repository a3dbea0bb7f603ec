/**
 * The errors use cases raise, apart from HTTP: a stable code (contracts/errors.ts), the status
 * the API answers with, an English message and, for a validation problem, the fields at fault
 * named as the use case's input names them (the HTTP layer says where they were sent).
 * Each area makes its own with createErrorFactory (modules/<area>/<area>.errors.ts), as Papra does.
 */
import type { ErrorCode } from '../contracts/errors.js';
import type { MessageCode, MessageParams } from '../contracts/messages/index.js';

/** A field at fault: its name in the use case's input (`openedOn`, `members.2.personId`) and the message's code. */
export interface FieldProblem {
  field: string;
  code: MessageCode;
  params?: MessageParams;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly fields: readonly FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

interface ErrorSpec<P> {
  code: ErrorCode;
  status: number;
  /** English, for scripts and logs; the web app words the code. */
  message: string | ((params: P) => string);
  /** Members the problem carries beside its code (ids a client acts on, never personal data). */
  extra?: (params: P) => Record<string, unknown>;
  /** The fields at fault, for a validation problem. */
  fields?: (params: P) => readonly FieldProblem[];
}

/** A function making one kind of error: `const alreadyOpen = createErrorFactory({ code: 'case.already_open', status: 409, … })`. */
export function createErrorFactory<P = void>(spec: ErrorSpec<P>): (params: P) => AppError {
  return (params: P) =>
    new AppError(
      spec.code,
      spec.status,
      typeof spec.message === 'function' ? spec.message(params) : spec.message,
      spec.extra?.(params) ?? {},
      spec.fields?.(params) ?? [],
    );
}

/** An error that takes nothing and always says the same: `const caseNotOpen = fixedError('case.not_open', 409, 'This case is closed already')`. */
export function fixedError(code: ErrorCode, status: number, message: string): () => AppError {
  return createErrorFactory({ code, status, message });
}

/**
 * An error whose problem carries its params as they are, beside its code (ids, counts, a status a
 * client acts on, never personal data): `const wrongStatus = errorCarrying<{ status: string }>('import.wrong_status', 409, …)`.
 */
export function errorCarrying<P extends Record<string, unknown>>(
  code: ErrorCode,
  status: number,
  message: string | ((params: P) => string),
): (params: P) => AppError {
  return createErrorFactory<P>({ code, status, message, extra: (params) => ({ ...params }) });
}
