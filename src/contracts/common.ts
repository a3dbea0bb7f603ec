import { z } from 'zod';
import { isIsoDate, todayInRome } from '../domain/dates.js';
import { type MessageCode, type MessageParams, messageEn } from './messages/index.js';

/** Ids and versions are 32-bit integer columns: larger numbers are refused here, not by PostgreSQL. */
const MAX_INT32 = 2_147_483_647;

export const id = z.coerce.number().int().positive().max(MAX_INT32);

/** The version of a record read earlier, sent back to detect concurrent changes. */
export const version = z.number().int().positive().max(MAX_INT32);

export const isoDate = z
  .string()
  .max(10)
  .refine(isIsoDate, { message: messageEn('date.not_real') })
  // Years before 1900 or after 2100 are typing mistakes here (0050 would even be read as 1950).
  .refine((date) => date >= '1900-01-01' && date <= '2100-12-31', { message: messageEn('date.out_of_range') })
  .meta({ format: 'date', example: '2024-05-17' });

/** A date of something that has happened: a real date, not in the future (Europe/Rome). */
export const pastDate = isoDate.refine((date) => date <= todayInRome(), { message: messageEn('date.in_future') });

/** A date of birth: a real date, not in the future (Europe/Rome). */
export const birthDate = isoDate.refine((date) => date <= todayInRome(), { message: messageEn('date.birth_in_future') });

/** Deleting names the version read (?version=), so that a change made meanwhile is not thrown away unseen. */
export const deleteQuery = z.strictObject({ version: z.coerce.number().int().positive().max(MAX_INT32) });

export const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, messageEn('time.not_valid'))
  .meta({ example: '09:30' });

/** ISO 3166-1 alpha-2, or XS (stateless) / XU (unknown). Existence is checked against the shipped list. */
export const countryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, messageEn('country.not_two_letters'))
  .transform((code) => code.toUpperCase());

export const comuneIstat = z.string().regex(/^\d{6}$/, messageEn('comune.not_istat_code'));

/** Free text. PostgreSQL cannot store the NUL character (SQLite can): refused for both alike. */
export const shortText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((text) => !text.includes('\u0000'), { message: messageEn('text.nul_character') });

/**
 * A custom zod issue with one of the API's messages, its code and values carried to the
 * problem: `ctx.addIssue(issue('course.too_long', ['endDate']))`.
 */
export function issue(code: MessageCode, path: PropertyKey[], params?: MessageParams) {
  return { code: 'custom' as const, message: messageEn(code, params), path, params: { messageCode: code, messageParams: params } };
}

/** A year of the figures, as a query gives it (?year=2024). */
export const year = z.coerce.number().int().min(1900).max(2100);

/** A read narrowed to one of the caller's centres (?centreId=), or to all of them without it. */
export const centreQuery = z.strictObject({ centreId: id.optional() });

/** A year's figures (?year=), of one of the caller's centres or of all of them. */
export const yearFiguresQuery = z.strictObject({ year, centreId: id.optional() });

/** A person's names as the API answers them. */
export const personNames = { givenNames: z.string(), familyNames: z.string() };

/** A person as another record names them (their file is read by its id). */
export const personRef = z.object({ id: z.number(), ...personNames });

/** A user as a record names them: who wrote, who is responsible. */
export const userRef = z.object({ id: z.number(), displayName: z.string() });

/** A centre's contacts as the API answers them: in its settings, on the public page, in the report's heading. */
export const centreContacts = { address: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() };

/** When something takes place, as the API answers it: its day, and its hours (HH:MM) when known. */
export const dayAndHours = { date: z.string(), startTime: z.string().nullable(), endTime: z.string().nullable() };

/** When a record was created and last changed (ISO UTC instants). */
export const timestamps = { createdAt: z.string(), updatedAt: z.string() };

/** A stored record as the API answers it, an OpenAPI component named `name`: its id first. */
export function storedRecord<S extends z.ZodRawShape>(name: string, fields: S) {
  return z.object({ id: z.number(), ...fields }).meta({ id: name });
}

/** A record that is changed: last, the version that a change or a deletion sends back (see `version`). */
export function versionedRecord<S extends z.ZodRawShape>(name: string, fields: S) {
  return storedRecord(name, { ...fields, version: z.number() });
}

/** A versioned record kept by a centre: its id, its centre's, then its fields and its version. */
export function centreRecord<S extends z.ZodRawShape>(name: string, fields: S) {
  return versionedRecord(name, { centreId: z.number(), ...fields });
}

type WithoutDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;
export type OptionalShape<S extends z.ZodRawShape> = { [K in keyof S]: z.ZodOptional<WithoutDefault<S[K]>> };

/** The fields of a creation as a change takes them: each optional, without the default it has when adding. */
export function optionalFields<S extends z.ZodRawShape>(fields: S): OptionalShape<S> {
  return Object.fromEntries(
    Object.entries(fields).map(([key, field]) => [
      key,
      (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional(),
    ]),
  ) as unknown as OptionalShape<S>;
}

/** The body of a creation in one of the caller's centres: `centreId` for users of several centres, otherwise theirs is taken. */
export function createInCentre<S extends z.ZodRawShape>(fields: S) {
  return z.strictObject({ centreId: id.optional(), ...fields });
}

/** The body of a change: the version read, and only the fields sent (a field left out keeps its value). */
export function updateOf<S extends z.ZodRawShape>(fields: S) {
  return z.strictObject({ version, ...optionalFields(fields) });
}

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

/** One page of a list, as every list route answers. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}

/** A field error: the English message for scripts, zod's issue code and its parameters for a translation. */
export const fieldErrorSchema = z
  .object({
    path: z.string(),
    message: z.string(),
    code: z.string().meta({
      description: "the code of one of the API's own messages (case.closed_before_opening, …) or zod's issue code (too_small, …)",
    }),
    origin: z.string().optional(),
    minimum: z.union([z.number(), z.string()]).optional(),
    maximum: z.union([z.number(), z.string()]).optional(),
    inclusive: z.boolean().optional(),
    exact: z.boolean().optional(),
    format: z.string().optional(),
    expected: z.string().optional(),
    received: z.string().optional(),
    values: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    keys: z.array(z.string()).optional(),
    divisor: z.number().optional(),
    params: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .optional()
      .meta({ description: "the values one of the API's own messages names ({date}, {ids}, …)" }),
  })
  .meta({ id: 'FieldError' });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    errors: z.array(fieldErrorSchema).optional(),
  })
  .loose()
  .meta({ id: 'Problem' });

/** The problem responses every authenticated API route may give, for the OpenAPI document. */
export const problemResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
} as const;
