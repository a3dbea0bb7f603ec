import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { filledIn } from './FilterForm.js';

/**
 * A list's filters kept in the address (?from=…&topicId=…&page=…), so a filtered list can be
 * bookmarked and reloaded: `values` by name (undefined when not set), the `page`, `filter` (the
 * filled-in fields by name, e.g. FilterForm's onApply: back to the first page), `apply` for a filter
 * form's own submit, `setPage`, `reset`, `key`, which changes with the address (a form keyed by
 * it shows the filters again), and `named(name)`, a filter field's name and value (for FilterSelect).
 */
export function useAddressFilters<Name extends string>(names: readonly Name[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(names.map((name) => [name, params.get(name) ?? undefined])) as Record<Name, string | undefined>;
  const filter = (filled: Record<string, string>) => {
    const next: Record<string, string> = {};
    for (const name of names) if (filled[name]) next[name] = filled[name];
    setParams(next);
  };
  return {
    values,
    page: Number(params.get('page') ?? 1) || 1,
    key: params.toString(),
    filter,
    apply(event: FormEvent<HTMLFormElement>) {
      event.preventDefault();
      filter(filledIn(event.currentTarget));
    },
    setPage(page: number) {
      const next = new URLSearchParams(params);
      next.set('page', String(page));
      setParams(next);
    },
    reset: () => setParams({}),
    named: (name: Name) => ({ name, value: values[name] }),
  };
}
