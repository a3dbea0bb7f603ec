/** The field messages of the years before the records (historical figures), by code: English for scripts, Italian for the app. */
import type { Messages } from './message.js';

export const HISTORY_MESSAGES = {
  'history.year_out_of_range': {
    en: 'Expected a year from {first} to {last}: the current year comes from the records',
    it: 'Indica un anno dal {first} al {last}: l’anno in corso si conta dalle registrazioni',
  },
  'history.breakdown_short': {
    en: 'Italian + EU + non-EU + unspecified = {sum}, the total is {total}: {difference} missing',
    it: 'Italiani + Comunitari + Extracomunitari + Non specificato = {sum}, il totale è {total}: mancano {difference}',
  },
  'history.breakdown_over': {
    en: 'Italian + EU + non-EU + unspecified = {sum}, the total is {total}: {difference} too many',
    it: 'Italiani + Comunitari + Extracomunitari + Non specificato = {sum}, il totale è {total}: {difference} in più',
  },
  'history.total_required': {
    en: 'Enter the total of the figures given',
    it: 'Indica il totale delle cifre inserite',
  },
  'history.new_over_total': {
    en: 'New people cannot be more than the people in care ({total})',
    it: 'Gli utenti nuovi non possono essere più degli utenti presi in carico ({total})',
  },
  'history.nothing_entered': {
    en: 'Enter at least one total',
    it: 'Inserisci almeno un totale',
  },
} as const satisfies Messages;
