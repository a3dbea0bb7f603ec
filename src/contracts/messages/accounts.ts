/** The field messages of accounts, by code: English for scripts, Italian for the app. */
import type { Messages } from './message.js';

export const ACCOUNTS_MESSAGES = {
  'password.too_short': {
    en: 'At least 12 characters',
    it: 'Almeno 12 caratteri',
  },
  'centre.code_not_valid': {
    en: 'Letters, digits, - and _ (2 to 32)',
    it: 'Lettere, cifre, - e _ (da 2 a 32)',
  },
  'second_factor.code_not_valid': {
    en: 'The 6 digits the authenticator app shows',
    it: "Le 6 cifre che mostra l'app di autenticazione",
  },
} as const satisfies Messages;
