/** The values of the person's form: from the desk's search text or the saved file, and as the API's body. */
import type { Person } from '../../../contracts/people.js';
import { languagesAsText, languagesFromText } from '../../../domain/languages.js';

export type FormState = {
  givenNames: string;
  familyNames: string;
  gender: string;
  birthDate: string;
  birthCountry: string;
  citizenship: string;
  fiscalCode: string;
  phone: string;
  email: string;
  languages: string;
  residenceKind: 'comune' | 'no_fixed_abode' | 'unknown';
  comuneIstat: string;
  comuneText: string;
};

export const EMPTY: FormState = {
  givenNames: '',
  familyNames: '',
  gender: '',
  birthDate: '',
  birthCountry: '',
  citizenship: '',
  fiscalCode: '',
  phone: '',
  email: '',
  languages: '',
  residenceKind: 'unknown',
  comuneIstat: '',
  comuneText: '',
};

/**
 * What the front desk (or the case form) hands over when "Nuova persona" is pressed: the search
 * text and where to go back. Navigation state, not the query string, so names stay out of addresses and history.
 */
interface FromDesk {
  name?: string;
  returnTo?: string;
}

export function fromDesk(state: unknown): FromDesk {
  if (!state || typeof state !== 'object') return {};
  const { name, returnTo } = state as Record<string, unknown>;
  // Only a path of this app: never another site.
  const inApp = typeof returnTo === 'string' && returnTo.startsWith('/') && !returnTo.startsWith('//');
  return { name: typeof name === 'string' ? name : undefined, returnTo: inApp ? returnTo : undefined };
}

/** The form that asked for a new person (e.g. a case's) gets it back as ?personId=. */
export function withPersonId(path: string, personId: number): string {
  const url = new URL(path, window.location.origin);
  url.searchParams.set('personId', String(personId));
  return `${url.pathname}${url.search}`;
}

/** "Mario Rossi" typed in the desk search becomes given and family name suggestions. */
export function fromSearchText(text: string): Partial<FormState> {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return {};
  if (words.length === 1) return { familyNames: words[0] };
  return { givenNames: words.slice(0, -1).join(' '), familyNames: words[words.length - 1] };
}

/** The form's values as the API's body; the languages, written as words, as their codes (languagesFromText). */
export function toBody(form: FormState, locale: string) {
  const nullable = (v: string) => (v.trim() ? v.trim() : null);
  return {
    givenNames: form.givenNames.trim(),
    familyNames: form.familyNames.trim(),
    gender: form.gender,
    birthDate: nullable(form.birthDate),
    birthCountry: nullable(form.birthCountry),
    citizenship: form.citizenship,
    fiscalCode: nullable(form.fiscalCode),
    phone: nullable(form.phone),
    email: nullable(form.email),
    languages: languagesFromText(form.languages, locale).codes,
    residence: form.residenceKind === 'comune' ? { kind: 'comune', comuneIstat: form.comuneIstat } : { kind: form.residenceKind },
  };
}

/** A person's file as the form's values (the languages as words). */
export function fromPerson(p: Person, locale: string): FormState {
  return {
    givenNames: p.givenNames,
    familyNames: p.familyNames,
    gender: p.gender,
    birthDate: p.birthDate ?? '',
    birthCountry: p.birthCountry ?? '',
    citizenship: p.citizenship,
    fiscalCode: p.fiscalCode ?? '',
    phone: p.phone ?? '',
    email: p.email ?? '',
    languages: languagesAsText(p.languages, locale),
    residenceKind: p.residence.kind,
    comuneIstat: p.residence.kind === 'comune' ? p.residence.comuneIstat : '',
    comuneText: p.residence.kind === 'comune' ? (p.residence.comuneName ?? p.residence.comuneIstat) : '',
  };
}
