/** The field messages of documents, by code: English for scripts, Italian for the app. */
import type { Messages } from './message.js';

export const DOCUMENTS_MESSAGES = {
  'document.expiry_before_issue': {
    en: 'The expiry date cannot come before the issue date',
    it: 'La scadenza non può essere prima della data di rilascio',
  },
  'document.expiry_required': {
    en: 'An expiry date is required (only an EU long-term permit may have none)',
    it: 'La scadenza è obbligatoria (solo il permesso UE per soggiornanti di lungo periodo può non averla)',
  },
  'document.issuer_unknown': {
    en: 'Unknown country code (leave it empty when the issuer is not known)',
    it: 'Paese sconosciuto (lascia vuoto se non si sa chi ha rilasciato il documento)',
  },
  'permit.renewal_not_later': {
    en: 'The renewed permit must expire after the one it renews ({expiresOn})',
    it: 'Il permesso rinnovato deve scadere dopo quello che rinnova ({expiresOn})',
  },
} as const satisfies Messages;
