/** The field messages of common, by code: English for scripts, Italian for the app. */
import type { Messages } from './message.js';

export const COMMON_MESSAGES = {
  'date.not_real': {
    en: 'Expected a real calendar date as YYYY-MM-DD',
    it: 'Data non valida',
  },
  'date.out_of_range': {
    en: 'Expected a date between 1900 and 2100',
    it: 'La data deve essere tra il 1900 e il 2100',
  },
  'date.in_future': {
    en: 'The date cannot be in the future',
    it: 'La data non può essere nel futuro',
  },
  'date.birth_in_future': {
    en: 'A date of birth cannot be in the future',
    it: 'La data di nascita non può essere nel futuro',
  },
  'text.nul_character': {
    en: 'Text cannot contain the NUL character',
    it: 'Il testo non può contenere il carattere NUL',
  },
  'time.not_valid': {
    en: 'Expected a time as HH:mm',
    it: 'Ora non valida (HH:MM)',
  },
  'country.not_two_letters': {
    en: 'Expected a two-letter country code',
    it: 'Codice del paese non valido (due lettere)',
  },
  'comune.not_istat_code': {
    en: 'Expected a 6-digit ISTAT code',
    it: 'Codice ISTAT non valido (6 cifre)',
  },
  'period.from_after_to': {
    en: 'from must not be after to',
    it: 'La data finale non può essere prima di quella iniziale',
  },
  'key.not_valid': {
    en: 'Lower-case letters, digits and _',
    it: 'Solo lettere minuscole, cifre e _',
  },
  'centre.required': {
    en: 'Required when you work in more than one centre',
    it: 'Campo obbligatorio per chi lavora in più centri',
  },
} as const satisfies Messages;
