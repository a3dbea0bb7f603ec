import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { filledIn } from './FilterForm.js';

/**
 * A list's filters kept in the address (?from=…&topicId=…&page=…), so a filtered list can be
 * bookmarked and reloaded: `values` by name (undefined when not set), the `page`, `apply` for the
 * filter form's submit (the filled-in fields, back to the first page), `setPage`, `reset`, and
 * `key`, which changes with the address (a form keyed by it shows the filters again).
 */
export function useAddressFilters<Name extends string>(names: readonly Name[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(names.map((name) => [name, params.get(name) ?? undefined])) as Record<Name, string | undefined>;
  return {
    values,
    page: Number(params.get('page') ?? 1) || 1,
    key: params.toString(),
    apply(event: FormEvent<HTMLFormElement>) {
      event.preventDefault();
      const filled = filledIn(event.currentTarget);
      const next: Record<string, string> = {};
      for (const name of names) if (filled[name]) next[name] = filled[name];
      setParams(next);
    },
    setPage(page: number) {
      const next = new URLSearchParams(params);
      next.set('page', String(page));
      setParams(next);
    },
    reset: () => setParams({}),
  };
}
