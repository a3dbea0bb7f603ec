import { useEffect, useState } from 'react';
import { api, type Page } from '../api/client.js';
import { useDebounced } from '../components/Combobox.js';

/**
 * Search-as-you-type for a combobox: the first `pageSize` records of the list at `path` that match
 * `query` (`?q=`), asked once typing pauses for `delay` ms. Null while nothing is typed; an empty
 * list when the search failed (the combobox then says nothing was found).
 */
export function useSearch<T>(path: string, query: string, { delay = 150, pageSize = 8 } = {}): T[] | null {
  const debounced = useDebounced(query.trim(), delay);
  const [results, setResults] = useState<T[] | null>(null);
  useEffect(() => {
    if (!debounced) {
      setResults(null);
      return;
    }
    // An answer that comes after the query changed is dropped.
    let live = true;
    api<Page<T>>('GET', path, undefined, { q: debounced, pageSize })
      .then((page) => live && setResults(page.items))
      .catch(() => live && setResults([]));
    return () => {
      live = false;
    };
  }, [path, debounced, pageSize]);
  return results;
}
