/** The field messages of the audit log's review, by code: English for scripts, Italian for the app. */
import type { Messages } from './message.js';

export const AUDIT_MESSAGES = {
  'audit.period_too_long': {
    en: 'Review at most {days} days at a time',
    it: 'Si possono esaminare al massimo {days} giorni alla volta',
  },
} as const satisfies Messages;
