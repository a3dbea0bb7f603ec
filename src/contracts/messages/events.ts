/** The field messages of events, by code: English for scripts, Italian for the app. */
import type { Messages } from './message.js';

export const EVENTS_MESSAGES = {
  'network.organisation_required': {
    en: 'Choose at least one organisation',
    it: 'Scegli almeno un’organizzazione',
  },
  'network.organisation_unknown': {
    en: 'Unknown or inactive organisation: {ids}',
    it: 'Organizzazione sconosciuta o non attiva: {ids}',
  },
  'event.end_without_start': {
    en: 'An end time needs a start time',
    it: 'Per l’ora di fine serve l’ora di inizio',
  },
  'event.end_before_start': {
    en: 'The end time must come after the start time',
    it: 'L’ora di fine deve essere dopo l’ora di inizio',
  },
} as const satisfies Messages;
