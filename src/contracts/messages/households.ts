/** The field messages of households, by code: English for scripts, Italian for the app. */
import type { Messages } from './message.js';

export const HOUSEHOLDS_MESSAGES = {
  'household.person_twice': {
    en: 'A person can be named only once',
    it: 'Una persona può essere indicata una sola volta',
  },
  'household.one_reference_person': {
    en: 'A household has one reference person',
    it: 'Un nucleo familiare ha una sola persona di riferimento',
  },
  'household.join_in_future': {
    en: 'A person cannot join a household in the future',
    it: 'Una persona non può entrare in un nucleo in una data futura',
  },
  'household.join_overlaps': {
    en: 'A person belongs to one household at a time: joining must be on or after {date}, when the previous membership ends',
    it: 'Una persona fa parte di un solo nucleo alla volta: l’ingresso deve essere il {date} o dopo, quando finisce l’appartenenza precedente',
  },
  'household.leave_in_future': {
    en: 'A person cannot leave a household in the future',
    it: 'Una persona non può lasciare un nucleo in una data futura',
  },
  'household.leave_before_joining': {
    en: 'A person cannot leave before joining ({date})',
    it: 'Una persona non può uscire dal nucleo prima di esserci entrata ({date})',
  },
} as const satisfies Messages;
