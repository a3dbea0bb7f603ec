import { useI18n } from '../../i18n/index.js';

/** An instant of the log as Rome's date and time in the UI's language (the log's times are UTC). */
export function useRomeDateTime() {
  const { locale } = useI18n();
  const format = new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', {
    timeZone: 'Europe/Rome',
    dateStyle: 'short',
    timeStyle: 'medium',
  });
  return (at: string) => format.format(new Date(at));
}
