import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type LabelList, type LabelValue, type Locale, labelOf, labelsOf } from '../../contracts/labels.js';
import { setMessageLocale } from '../api/client.js';
import { en } from './en.js';
import { it, type MessageKey } from './it.js';

const DICTIONARIES = { it, en } as const;
const STORAGE_KEY = 'approdo.locale';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A catalogue entry (topic, course kind, application type…): named by the centre in both languages. */
export interface CatalogueEntryName {
  labelIt: string;
  labelEn: string;
}

interface Label {
  <L extends LabelList>(list: L, value: LabelValue<L>): string;
  (entry: CatalogueEntryName): string;
}

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
  /** Dates as the desk reads them: 17/05/2024, or with the weekday. */
  formatDate(isoDate: string, withWeekday?: boolean): string;
  formatNumber(value: number): string;
  /**
   * Words in the UI's language, one way for both kinds of list: a fixed value,
   * `label('gender', p.gender)` (the lists: contracts/labels.ts), or a catalogue entry the centre
   * named in both languages, `label(course.kind)`.
   */
  label: Label;
  /** A list's words keyed by value, for `<Options values={…} labels={labels('role')} />`. */
  labels<L extends LabelList>(list: L): Record<LabelValue<L>, string>;
}

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'it';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    // Before the pages render: the API client words their field errors in this language.
    setMessageLocale(locale);
    const dictionary = DICTIONARIES[locale];
    const tag = locale === 'it' ? 'it-IT' : 'en-GB';
    const numbers = new Intl.NumberFormat(tag);
    return {
      locale,
      setLocale,
      t: (key, values) => {
        // A message with a `.one` variant uses it for a count of 1 ("1 accesso", not "1 accessi").
        const singular = `${key}.one` as MessageKey;
        const message = values?.count === 1 && singular in dictionary ? dictionary[singular] : dictionary[key];
        return message.replace(/\{(\w+)\}/g, (_, name: string) => (values && name in values ? String(values[name]) : `{${name}}`));
      },
      formatDate: (isoDate, withWeekday = false) => {
        const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
        // Noon UTC: the calendar date is the same in every time zone.
        return new Intl.DateTimeFormat(tag, {
          timeZone: 'UTC',
          ...(withWeekday
            ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
            : { day: '2-digit', month: '2-digit', year: 'numeric' }),
        }).format(new Date(Date.UTC(y, m - 1, d, 12)));
      },
      formatNumber: (n) => numbers.format(n),
      label: ((listOrEntry: LabelList | CatalogueEntryName, value?: never) =>
        typeof listOrEntry === 'string'
          ? labelOf(locale, listOrEntry, value as never)
          : locale === 'it'
            ? listOrEntry.labelIt
            : listOrEntry.labelEn) as Label,
      labels: (list) => labelsOf(locale, list),
    };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
