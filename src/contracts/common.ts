import { z } from 'zod';
import { isIsoDate, todayInRome } from '../domain/dates.js';

/** Ids and versions are 32-bit integer columns: larger numbers are refused here, not by PostgreSQL. */
const MAX_INT32 = 2_147_483_647;

export const id = z.coerce.number().int().positive().max(MAX_INT32);

/** The version of a record read earlier, sent back to detect concurrent changes. */
export const version = z.number().int().positive().max(MAX_INT32);

export const isoDate = z
  .string()
  .max(10)
  .refine(isIsoDate, { message: 'Expected a real calendar date as YYYY-MM-DD' })
  // Years before 1900 or after 2100 are typing mistakes here (0050 would even be read as 1950).
  .refine((date) => date >= '1900-01-01' && date <= '2100-12-31', { message: 'Expected a date between 1900 and 2100' })
  .meta({ format: 'date', example: '2024-05-17' });

/** A date of something that has happened: a real date, not in the future (Europe/Rome). */
export const pastDate = isoDate.refine((date) => date <= todayInRome(), { message: 'The date cannot be in the future' });

/** A date of birth: a real date, not in the future (Europe/Rome). */
export const birthDate = isoDate.refine((date) => date <= todayInRome(), { message: 'A date of birth cannot be in the future' });

/** Deleting names the version read (?version=), so that a change made meanwhile is not thrown away unseen. */
export const deleteQuery = z.strictObject({ version: z.coerce.number().int().positive().max(MAX_INT32) });

export const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected a time as HH:mm')
  .meta({ example: '09:30' });

/** ISO 3166-1 alpha-2, or XS (stateless) / XU (unknown). Existence is checked against the shipped list. */
export const countryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'Expected a two-letter country code')
  .transform((code) => code.toUpperCase());

export const comuneIstat = z.string().regex(/^\d{6}$/, 'Expected a 6-digit ISTAT code');

/** Free text. PostgreSQL cannot store the NUL character (SQLite can): refused for both alike. */
export const shortText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((text) => !text.includes('\u0000'), { message: 'Text cannot contain the NUL character' });

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
    code: z.string().meta({ description: "zod's issue code (too_small, invalid_format, …); custom for the API's own checks" }),
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
