/** The field messages of data protection records (privacy notices, erasure requests), by code. */
import type { Messages } from './message.js';

export const PRIVACY_MESSAGES = {
  'erasure.refusal_reason_required': {
    en: 'A refused request needs the reason it was refused',
    it: 'Una richiesta respinta richiede il motivo del rifiuto',
  },
  'erasure.refusal_reason_only_when_refused': {
    en: 'Only a refused request has a reason for the refusal',
    it: 'Il motivo del rifiuto si indica solo per una richiesta respinta',
  },
} as const satisfies Messages;
