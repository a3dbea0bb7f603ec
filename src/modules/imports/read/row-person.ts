/**
 * The person a row names, read from its cells: names (a full name split when need be), gender,
 * citizenship, birth date and country, fiscal code, residence, phone and e-mail; or, for a
 * visits row without names, the anonymous visitor's facts.
 */
import type { Gender } from '../../../contracts/enums.js';
import { GENDERS } from '../../../contracts/enums.js';
import { isValidFiscalCode, normaliseFiscalCode } from '../../../domain/codice-fiscale.js';
import { givenNamesFirst } from '../../../domain/imports/columns.js';
import { isNoFixedAbode, readGender, splitFullName, tidyName } from '../../../domain/imports/values.js';
import { findComune, findCountry, isCitizenship } from '../../../reference/index.js';
import { matchCitizenship, matchComune, matchCountry } from '../../../reference/match.js';
import { IMPORT_TEXT_LIMITS, oneOf, type Resolved, type RowReader, resolvedOr } from './row-reader.js';
import type { ParsedPerson, ParsedVisit } from './types.js';

const PHONE = /^[+0-9 ()./-]*$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function readNames(reader: RowReader): { familyNames: string | null; givenNames: string | null; failed: boolean } {
  let familyNames = reader.raw('familyNames');
  let givenNames = reader.raw('givenNames');
  let failed = false;
  const fullName = reader.raw('fullName');
  if (fullName !== null && familyNames === null && givenNames === null) {
    const split = splitFullName(fullName, givenNamesFirst(reader.header('fullName') ?? ''));
    if (split) ({ familyNames, givenNames } = split);
    else {
      reader.reject('fullName', 'import.full_name_unsplit', { value: fullName });
      failed = true;
    }
  } else {
    familyNames = familyNames === null ? null : tidyName(familyNames);
    givenNames = givenNames === null ? null : tidyName(givenNames);
  }
  for (const [field, name] of [
    ['familyNames', familyNames],
    ['givenNames', givenNames],
  ] as const) {
    if (name !== null && name.length > IMPORT_TEXT_LIMITS.name) {
      reader.reject(reader.has(field) ? field : 'fullName', 'import.text_too_long', { max: IMPORT_TEXT_LIMITS.name });
      failed = true;
    }
  }
  return { familyNames, givenNames, failed };
}

const readGenderValue = (reader: RowReader): Resolved<Gender> =>
  reader.listValue<Gender>('gender', readGender, oneOf(GENDERS), 'import.gender_unknown');

const readCitizenship = (reader: RowReader): Resolved<string> =>
  reader.listValue(
    'citizenship',
    (value) => matchCitizenship(value)?.code,
    (stored) => (isCitizenship(stored) ? stored.toUpperCase() : null),
    'import.citizenship_unknown',
  );

/** The person's other fields: undefined when one is rejected. */
export function readPersonDetails(
  reader: RowReader,
): Omit<ParsedPerson, 'familyNames' | 'givenNames' | 'gender' | 'citizenship'> | undefined {
  const before = reader.rejects.length;
  const birthDate = reader.date('birthDate', { birth: true });
  const birthCountry = resolvedOr(
    reader.listValue(
      'birthCountry',
      (value) => matchCountry(value)?.code,
      (stored) => findCountry(stored)?.code,
      'import.birth_country_unknown',
    ),
    null as string | null,
  );

  let fiscalCode: string | null = null;
  const rawFiscal = reader.raw('fiscalCode');
  if (rawFiscal !== null) {
    const normalised = rawFiscal.length <= IMPORT_TEXT_LIMITS.fiscalCode ? normaliseFiscalCode(rawFiscal) : '';
    if (isValidFiscalCode(normalised)) fiscalCode = normalised;
    else reader.reject('fiscalCode', 'import.fiscal_code_invalid', { value: rawFiscal });
  }

  let residence: ParsedPerson['residence'] = { kind: 'unknown', comuneIstat: null };
  const rawResidence = reader.raw('residence');
  if (rawResidence !== null) {
    const resolved = reader.resolve<ParsedPerson['residence']>(
      'residence',
      rawResidence,
      (value) => {
        if (isNoFixedAbode(value)) return { kind: 'no_fixed_abode', comuneIstat: null };
        const comune = matchComune(value);
        return comune ? { kind: 'comune', comuneIstat: comune.istat } : null;
      },
      (stored) => {
        if (stored === 'no_fixed_abode' || stored === 'unknown') return { kind: stored, comuneIstat: null };
        const comune = /^\d{6}$/.test(stored) ? findComune(stored) : undefined;
        return comune ? { kind: 'comune', comuneIstat: comune.istat } : null;
      },
      'import.residence_unknown',
    );
    if ('value' in resolved) residence = resolved.value;
  }

  const phone = reader.text('phone', IMPORT_TEXT_LIMITS.phone);
  if (phone && !PHONE.test(phone)) reader.reject('phone', 'import.phone_invalid', { value: phone });
  const email = reader.text('email', IMPORT_TEXT_LIMITS.email);
  if (email && !EMAIL.test(email)) reader.reject('email', 'import.email_invalid', { value: email });

  if (
    reader.rejects.length > before ||
    birthDate === undefined ||
    birthCountry === undefined ||
    phone === undefined ||
    email === undefined
  ) {
    return undefined;
  }
  return { birthDate, birthCountry, fiscalCode, residence, phone, email: email === null ? null : email.toLowerCase() };
}

/**
 * The person a row names, null for an anonymous visit (a visits row without names), undefined
 * when rejected. A register other than people may leave gender and citizenship out: not
 * stated, and unknown (XU).
 */
export interface PersonReading {
  person: ParsedPerson | null | undefined;
  gender: Resolved<Gender>;
  citizenship: Resolved<string>;
}

export function readPerson(reader: RowReader): PersonReading {
  const names = readNames(reader);
  const gender = readGenderValue(reader);
  const citizenship = readCitizenship(reader);
  const noNames = names.familyNames === null && names.givenNames === null && !names.failed;
  if (reader.kind === 'visits' && noNames) {
    // An anonymous visit: its visitor's gender and citizenship are its only facts.
    if ('empty' in gender && 'empty' in citizenship) reader.reject(null, 'import.person_missing');
    else if ('empty' in gender) reader.reject(reader.has('gender') ? 'gender' : null, 'import.gender_missing');
    else if ('empty' in citizenship) reader.reject(reader.has('citizenship') ? 'citizenship' : null, 'import.citizenship_missing');
    return { person: null, gender, citizenship };
  }
  if (!names.failed) {
    if (names.familyNames === null) reader.reject(reader.has('familyNames') ? 'familyNames' : 'fullName', 'import.family_name_missing');
    if (names.givenNames === null) reader.reject(reader.has('givenNames') ? 'givenNames' : 'fullName', 'import.given_name_missing');
  }
  if (reader.kind === 'people') {
    if ('empty' in gender) reader.reject('gender', 'import.gender_missing');
    if ('empty' in citizenship) reader.reject('citizenship', 'import.citizenship_missing');
  }
  const details = readPersonDetails(reader);
  const genderValue = resolvedOr<Gender>(gender, 'not_stated');
  const citizenshipValue = resolvedOr(citizenship, 'XU');
  if (
    names.failed ||
    names.familyNames === null ||
    names.givenNames === null ||
    genderValue === undefined ||
    citizenshipValue === undefined ||
    details === undefined
  ) {
    return { person: undefined, gender, citizenship };
  }
  const person = {
    familyNames: names.familyNames,
    givenNames: names.givenNames,
    gender: genderValue,
    citizenship: citizenshipValue,
    ...details,
  };
  return { person, gender, citizenship };
}

/** An anonymous visitor's facts (a missing or unknown gender or citizenship was rejected by readPerson). */
export function readAnonymous(reader: RowReader, { gender, citizenship }: PersonReading): ParsedVisit['anonymous'] | undefined {
  const birthDate = reader.date('birthDate', { birth: true });
  if (!('value' in gender) || !('value' in citizenship) || birthDate === undefined) return undefined;
  return { gender: gender.value, citizenship: citizenship.value, birthDate };
}
