/** The field messages of visits, by code: English for scripts, Italian for the app. */
import type { Messages } from './message.js';

export const VISITS_MESSAGES = {
  'visit.person_or_anonymous': {
    en: 'A visit has either a person (personId) or an anonymous visitor (anonymous), not both',
    it: 'Un accesso è di una persona o di un visitatore anonimo, non di entrambi',
  },
  'visit.topic_required': {
    en: 'Choose at least one request topic',
    it: 'Scegli almeno una tipologia di richiesta',
  },
  'visit.date_in_future': {
    en: 'A visit cannot be dated in the future',
    it: 'Un accesso non può avere una data futura',
  },
  'visit.time_in_future': {
    en: 'A visit cannot be timed in the future',
    it: 'Un accesso non può avere un’ora futura',
  },
  'visit.topic_unknown': {
    en: 'Unknown or inactive request topic: {ids}',
    it: 'Tipologia di richiesta sconosciuta o non attiva: {ids}',
  },
  'visit.belongs_to_person': {
    en: 'This visit belongs to a person: edit the person instead',
    it: 'Questo accesso è di una persona: modifica la persona',
  },
} as const satisfies Messages;
