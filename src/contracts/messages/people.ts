/** The field messages of people, by code: English for scripts, Italian for the app. */
import type { Messages } from './message.js';

export const PEOPLE_MESSAGES = {
  'person.codice_fiscale_not_valid': {
    en: 'Not a valid codice fiscale (16 characters or the 11-digit provisional number)',
    it: 'Codice fiscale non valido (16 caratteri, oppure il numero provvisorio di 11 cifre)',
  },
  'person.phone_not_valid': {
    en: 'Digits, spaces and + ( ) . / - only',
    it: 'Solo cifre, spazi e + ( ) . / -',
  },
  'country.unknown_or_territory': {
    en: 'Unknown country code, or a territory (give the state instead)',
    it: 'Paese sconosciuto, oppure un territorio (indica lo Stato)',
  },
  'country.unknown': {
    en: 'Unknown country code',
    it: 'Paese sconosciuto',
  },
  'comune.unknown': {
    en: 'Unknown comune ISTAT code',
    it: 'Comune sconosciuto',
  },
} as const satisfies Messages;
