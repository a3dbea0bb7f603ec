import { useCallback, useEffect, useRef, useState } from 'react';
import type { Topic } from '../../contracts/visits.js';
import { useI18n } from '../i18n/index.js';
import { type ApiError, api } from './client.js';

export interface Country {
  code: string;
  istat: string | null;
  it: string;
  en: string;
  kind: string;
}

/**
 * GET a resource, again whenever `key` changes. With `initial` (the same resource, already
 * fetched as part of a larger answer, e.g. the person's file) the first request is skipped.
 */
export function useApiGet<T>(path: string | null, query?: Record<string, string | number | undefined>, initial?: T) {
  const key = path ? `${path}?${JSON.stringify(query ?? {})}` : null;
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>(() =>
    initial !== undefined ? { data: initial, loading: false } : { loading: Boolean(path) },
  );
  const [version, setVersion] = useState(0);
  const hasInitial = useRef(initial !== undefined);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for path and query
  useEffect(() => {
    if (!path) return;
    if (hasInitial.current) {
      hasInitial.current = false;
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    api<T>('GET', path, undefined, query)
      .then((data) => live && setState({ data, loading: false }))
      .catch((error: ApiError) => live && setState({ error, loading: false }));
    return () => {
      live = false;
    };
  }, [key, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reload };
}

// Reference lists change only with a new release: fetched once per page load.
let countriesPromise: Promise<Country[]> | undefined;
export function useCountries(): Country[] {
  const [countries, setCountries] = useState<Country[]>([]);
  useEffect(() => {
    countriesPromise ??= api<Country[]>('GET', '/reference/countries').catch((e) => {
      countriesPromise = undefined;
      throw e;
    });
    countriesPromise.then(setCountries).catch(() => setCountries([]));
  }, []);
  return countries;
}

export function useTopics() {
  return useApiGet<Topic[]>('/topics');
}

/** The catalogue and a function naming a topic by id in the current language. */
export function useTopicLabels() {
  const topics = useTopics();
  const { label: entryLabel } = useI18n();
  const label = (id: number | string) => {
    const topic = topics.data?.find((x) => String(x.id) === String(id));
    return topic ? entryLabel(topic) : String(id);
  };
  return { topics, label };
}
