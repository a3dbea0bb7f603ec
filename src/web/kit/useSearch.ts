import { useEffect, useRef, useState } from 'react';
import { api, type Page } from '../api/client.js';
import { useDebounced } from '../components/Combobox.js';

/**
 * Search-as-you-type for a combobox: what `find` answers for `query`, asked once typing pauses for
 * `delay` ms and at least `minLength` characters are typed. Null until then; an empty list when the
 * search failed (the combobox then says nothing was found). An answer that comes after the query
 * changed is dropped.
 */
export function useSearchWith<T>(query: string, find: (typed: string) => Promise<T[]>, { delay = 150, minLength = 1 } = {}): T[] | null {
  const debounced = useDebounced(query.trim(), delay);
  const [results, setResults] = useState<T[] | null>(null);
  // The latest `find`, so that a new function at each render does not ask again.
  const finder = useRef(find);
  finder.current = find;
  useEffect(() => {
    if (debounced.length < minLength) {
      setResults(null);
      return;
    }
    let live = true;
    finder
      .current(debounced)
      .then((found) => live && setResults(found))
      .catch(() => live && setResults([]));
    return () => {
      live = false;
    };
  }, [debounced, minLength]);
  return results;
}

/** Search-as-you-type in the list at `path` (`?q=`): its first `pageSize` matching records (see useSearchWith). */
export function useSearch<T>(path: string, query: string, { delay = 150, pageSize = 8 } = {}): T[] | null {
  return useSearchWith(query, (q) => api<Page<T>>('GET', path, undefined, { q, pageSize }).then((page) => page.items), { delay });
}
