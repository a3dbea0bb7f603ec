import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import type { Database } from './schema.js';

const KEY = Symbol('prepared parameter');
type Placeholder = { readonly [KEY]: string };

function isPlaceholder(value: unknown): value is Placeholder {
  return typeof value === 'object' && value !== null && KEY in value;
}

interface Template {
  compiled: CompiledQuery;
  /** For each parameter of the SQL: the name of the value to bind, or a constant of the query. */
  slots: ReadonlyArray<{ name: string } | { constant: unknown }>;
}

/**
 * A query that Kysely builds and compiles once per database, then runs with new values.
 *
 * Kysely rebuilds, transforms (snake_case) and compiles its query tree on every call; on the
 * desk's hot path that cost more CPU than SQLite spent running the statements (decision 006).
 * `build` receives placeholders in place of the values: it must use each one as a plain value
 * (not in an `in` list, not in arithmetic). The SQL text is the dialect's own, so the same code
 * runs on SQLite and PostgreSQL; results still pass through the plugins (camelCase columns).
 */
export function prepared<P extends Record<string, unknown>, R>(
  build: (db: Kysely<Database>, values: P) => Compilable<R>,
): (db: Kysely<Database>, values: P) => Promise<QueryResult<R>> {
  // By adapter: a transaction shares its database's dialect, and so its SQL text.
  const templates = new WeakMap<object, Template>();
  return async (db, values) => {
    const adapter = db.getExecutor().adapter;
    let template = templates.get(adapter);
    if (!template) {
      const placeholders = new Proxy({} as P, { get: (_, name) => ({ [KEY]: String(name) }) });
      const compiled = build(db, placeholders).compile();
      template = {
        compiled,
        slots: compiled.parameters.map((value) => (isPlaceholder(value) ? { name: value[KEY] } : { constant: value })),
      };
      templates.set(adapter, template);
    }
    const parameters = template.slots.map((slot) => ('name' in slot ? values[slot.name] : slot.constant));
    return db.executeQuery<R>({ ...template.compiled, parameters });
  };
}
