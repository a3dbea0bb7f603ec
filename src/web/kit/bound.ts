import type { Change } from './useChange.js';

/**
 * A form's fields with their errors: `const bound = boundTo(form, change)` (form from useFields),
 * then `<TextField label="…" {...bound('title')} />` gives the field its value, its onChange and
 * the change's error under the same name, so a field and its error cannot drift apart.
 */
export function boundTo<N extends string, P extends object>(form: { field(name: N): P }, change: Pick<Change, 'fieldErrors'>) {
  return (name: N) => ({ ...form.field(name), error: change.fieldErrors[name] });
}

/**
 * A record's text fields as a form's starting values (for useFields): each of `names`, a blank
 * field where the record has none (null, or no record yet: a new one).
 */
export function textsOf<const K extends string>(record: { [N in NoInfer<K>]?: string | null } | null | undefined, names: readonly K[]) {
  return Object.fromEntries(names.map((name) => [name, record?.[name] ?? ''])) as Record<K, string>;
}
