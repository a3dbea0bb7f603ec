import { z } from 'zod';
import { isValidFiscalCode, normaliseFiscalCode } from '../domain/codice-fiscale.js';
import {
  birthDate,
  centreRecord,
  comuneIstat,
  countryCode,
  id,
  pageQuery,
  personNames,
  shortText,
  timestamps,
  updateOf,
} from './common.js';
import { GENDERS, ORIGIN_GROUPS } from './enums.js';
import { messageEn } from './messages/index.js';

export const fiscalCode = z
  .string()
  .max(32)
  .transform(normaliseFiscalCode)
  .refine(isValidFiscalCode, { message: messageEn('person.codice_fiscale_not_valid') });

export const residence = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('comune'), comuneIstat }),
  z.strictObject({ kind: z.literal('no_fixed_abode') }),
  z.strictObject({ kind: z.literal('unknown') }),
]);

/** Residence as the API returns it: with the comune's name for display. */
export const residenceView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('comune'), comuneIstat: z.string(), comuneName: z.string().nullable() }),
  z.object({ kind: z.literal('no_fixed_abode') }),
  z.object({ kind: z.literal('unknown') }),
]);

const personFields = {
  givenNames: shortText(100).min(1),
  familyNames: shortText(100).min(1),
  gender: z.enum(GENDERS),
  birthDate: birthDate.nullable().optional(),
  birthCountry: countryCode.nullable().optional(),
  citizenship: countryCode,
  fiscalCode: fiscalCode.nullable().optional(),
  phone: shortText(40)
    .regex(/^[+0-9 ()./-]*$/, messageEn('person.phone_not_valid'))
    .nullable()
    .optional(),
  email: z.string().trim().max(254).pipe(z.email()).nullable().optional(),
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}$/))
    .max(10)
    .optional(),
  residence: residence.optional(),
};

export const personCreateInput = z.strictObject({
  centreId: id.optional(),
  ...personFields,
  /** Set after the operator has seen the possible duplicates and chose to go on. */
  confirmNotDuplicate: z.boolean().optional(),
});
export type PersonCreateInput = z.infer<typeof personCreateInput>;

export const personUpdateInput = updateOf(personFields);
export type PersonUpdateInput = z.infer<typeof personUpdateInput>;

/** Who a person is, as the API answers it: in their file and in the export of what is held about them. */
export const personParticulars = {
  ...personNames,
  gender: z.enum(GENDERS),
  birthDate: z.string().nullable(),
  birthCountry: z.string().nullable(),
  citizenship: z.string(),
};

export const personSchema = centreRecord('Person', {
  ...personParticulars,
  /** Derived from the citizenship today. */
  originGroup: z.enum(ORIGIN_GROUPS),
  fiscalCode: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  languages: z.array(z.string()),
  residence: residenceView,
  ...timestamps,
});
export type Person = z.infer<typeof personSchema>;

/** A person as search results and possible duplicates show them. */
export const personSummary = personSchema
  .pick({
    id: true,
    centreId: true,
    givenNames: true,
    familyNames: true,
    gender: true,
    birthDate: true,
    citizenship: true,
    fiscalCode: true,
  })
  .meta({ id: 'PersonSummary' });
export type PersonSummary = z.infer<typeof personSummary>;

export const peopleSearchQuery = z.strictObject({
  q: z.string().trim().max(200).default(''),
  centreId: id.optional(),
  ...pageQuery,
});

export const duplicateCandidate = personSummary.extend({
  reason: z.enum(['fiscal_code', 'name_and_birth_date']),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidate>;
