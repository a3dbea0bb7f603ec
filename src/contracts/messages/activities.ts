/** The field messages of activities, by code: English for scripts, Italian for the app. */
import type { Messages } from './message.js';

export const ACTIVITIES_MESSAGES = {
  'application.type_unknown': {
    en: 'Unknown or inactive application type: {id}',
    it: 'Tipo di domanda sconosciuto o non attivo: {id}',
  },
  'application.visit_of_person': {
    en: 'The visit is of a person: name them, or leave the visit out',
    it: 'L’accesso è di una persona: indicala, oppure togli l’accesso',
  },
  'application.visit_other_person': {
    en: 'The visit is of another person',
    it: 'L’accesso è di un’altra persona',
  },
} as const satisfies Messages;
