/** The field messages of calendar, by code: English for scripts, Italian for the app. */
import type { Messages } from './message.js';

export const CALENDAR_MESSAGES = {
  'period.end_before_start': {
    en: 'The end cannot be before the start',
    it: 'La fine non può essere prima dell’inizio',
  },
  'calendar.day_not_real': {
    en: 'Expected a real day of the year',
    it: 'Giorno dell’anno non valido',
  },
  'calendar.day_not_valid': {
    en: 'Expected a day as MM-DD',
    it: 'Giorno non valido (MM-GG)',
  },
  'calendar.range_too_long': {
    en: 'Ask for at most a year at a time',
    it: 'Al massimo un anno alla volta',
  },
  'hours.slot_ends_before_start': {
    en: 'The slot {from}–{to} ends before it starts',
    it: 'La fascia {from}–{to} finisce prima di iniziare',
  },
  'hours.slots_overlap': {
    en: 'Two slots overlap on weekday {weekday}',
    it: 'Due fasce si sovrappongono nel giorno {weekday} della settimana',
  },
} as const satisfies Messages;
