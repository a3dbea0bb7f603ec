/** The errors every area raises: not found, forbidden, a stale version, a conflict, fields at fault. */
import { messageEn } from '../contracts/messages/index.js';
import { type AppError, createErrorFactory, type FieldProblem, fixedError } from './app-error.js';

/** Another centre's record answers this too, as if it did not exist. */
export const notFound = createErrorFactory<string>({ code: 'resource.not_found', status: 404, message: (what) => `No such ${what}` });

export const forbidden = fixedError('auth.forbidden', 403, 'Your role does not allow this');

export const unauthenticated = createErrorFactory<string>({ code: 'auth.unauthenticated', status: 401, message: (why) => why });

/** Only the current version is told: the record itself is read (and logged) by reloading it. */
export const staleVersion = createErrorFactory<number>({
  code: 'resource.stale_version',
  status: 409,
  message: 'Someone else changed this record: reload it and try again',
  extra: (currentVersion) => ({ currentVersion }),
});

/** Something that exists already (an e-mail, a centre's code): the message says what. */
export const conflict = createErrorFactory<string>({ code: 'resource.conflict', status: 409, message: (what) => what });

/** A request the API does not take as it is, beyond its fields (e.g. logging out with a token). */
export const badRequest = createErrorFactory<string>({ code: 'validation.failed', status: 400, message: (why) => why });

const fieldsAtFault = createErrorFactory<{ fields: readonly FieldProblem[]; detail?: string }>({
  code: 'validation.failed',
  status: 400,
  message: ({ fields, detail }) => detail ?? fields.map((f) => `${f.field}: ${messageEn(f.code, f.params)}`).join('; '),
  fields: ({ fields }) => fields,
});

/** The fields at fault, each with its message's code; `detail` defaults to their English messages. */
export const validationFailed = (fields: readonly FieldProblem[], detail?: string): AppError => fieldsAtFault({ fields, detail });
