/**
 * The reading of one row's cells by field, shared by the person and the kinds' records: a cell
 * as written, a text within its limit, a date, a value of a list through the user's value
 * mappings first; each reason to reject the row noted with its column and message code, each
 * value that matched nothing noted for the user to map.
 */
import type { MessageCode, MessageParams } from '../../../contracts/messages/index.js';
import { foldText, KIND_FIELDS } from '../../../domain/imports/columns.js';
import type { ImportFieldKey, ImportKind } from '../../../domain/imports/fields.js';
import { readDate } from '../../../domain/imports/values.js';
import type { ColumnMapping, RowReject, UnmatchedValue, ValueMappings } from './types.js';

/** The longest texts, as the API takes them (contracts/people.ts, visits.ts, cases.ts, documents.ts). */
export const IMPORT_TEXT_LIMITS = {
  name: 100,
  phone: 40,
  email: 254,
  notes: 2000,
  caseSummary: 4000,
  permitNumber: 40,
  fiscalCode: 32,
} as const;

/** The earliest date the API stores (contracts/common.ts isoDate). */
const EARLIEST = '1900-01-01';

/** The longest value as written that a value mapping names (contracts/imports.ts importUpdateInput). */
const MAX_MAPPED_VALUE = 200;

/** A reason's values as shown: a long value cut (a cell may hold thousands of characters). */
function shortParams(params: MessageParams): MessageParams {
  const short: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    short[name] = typeof value === 'string' && value.length > MAX_MAPPED_VALUE ? `${value.slice(0, MAX_MAPPED_VALUE)}…` : value;
  }
  return short;
}

/** What a mapped value resolved to: a stored value, nothing written, or the row rejected (the reason already noted). */
export type Resolved<T> = { value: T } | { empty: true } | { failed: true };

/** The reading of one row: its cells by field, and the rejects and unmatched values noted as it goes. */
export class RowReader {
  readonly rejects: RowReject[] = [];
  readonly unmatched: UnmatchedValue[] = [];
  private readonly columns = new Map<ImportFieldKey, number>();

  constructor(
    readonly kind: ImportKind,
    private readonly headers: readonly string[],
    mapping: ColumnMapping,
    private readonly cells: ReadonlyArray<string | null>,
    private readonly valueMappings: ValueMappings,
    readonly today: string,
  ) {
    const accepted = new Set(KIND_FIELDS[kind]);
    for (const [column, field] of Object.entries(mapping)) {
      if (field !== null && accepted.has(field) && !this.columns.has(field)) this.columns.set(field, Number(column));
    }
  }

  has(field: ImportFieldKey): boolean {
    return this.columns.has(field);
  }

  /** The column's header as written (the file's column number when it has none). */
  header(field: ImportFieldKey): string | null {
    const column = this.columns.get(field);
    if (column === undefined) return null;
    const header = this.headers[column]?.trim();
    return header ? header : `#${column + 1}`;
  }

  /** The cell of a field, trimmed; null when the field is not mapped or the cell is empty. */
  raw(field: ImportFieldKey): string | null {
    const column = this.columns.get(field);
    if (column === undefined) return null;
    const text = this.cells[column]?.trim() ?? '';
    return text === '' ? null : text;
  }

  reject(field: ImportFieldKey | null, code: MessageCode, params?: MessageParams): void {
    const column = field && this.header(field);
    this.rejects.push(params ? { column, code, params: shortParams(params) } : { column, code });
  }

  /** A value that matched nothing: noted for the user to map (once per field and value) and rejected with its reason. */
  unmatchedValue(field: ImportFieldKey, value: string, code: MessageCode): void {
    // A value longer than a mapping may name (contracts/imports.ts) cannot be mapped: its rows are only rejected.
    const mappable = value.length <= MAX_MAPPED_VALUE;
    if (mappable && !this.unmatched.some((u) => u.field === field && u.value === value)) this.unmatched.push({ field, value });
    this.reject(field, code, { value });
  }

  /** The user's mapping of a value as written: undefined when none, null when its rows are to be rejected. */
  mapped(field: ImportFieldKey, value: string): string | null | undefined {
    const mappings = this.valueMappings[field];
    if (!mappings) return undefined;
    if (Object.hasOwn(mappings, value)) return mappings[value];
    const folded = foldText(value);
    for (const [written, stored] of Object.entries(mappings)) if (foldText(written) === folded) return stored;
    return undefined;
  }

  /**
   * A value read by its mapping first, then by `read`; `valid` checks a mapped value. Unmatched
   * when neither gives one.
   */
  resolve<T>(
    field: ImportFieldKey,
    value: string,
    read: (value: string) => T | null | undefined,
    valid: (stored: string) => T | null | undefined,
    unknown: MessageCode,
  ): Resolved<T> {
    const mapped = this.mapped(field, value);
    if (mapped === null) {
      this.reject(field, 'import.value_rejected', { value });
      return { failed: true };
    }
    if (mapped !== undefined) {
      const stored = valid(mapped);
      if (stored === null || stored === undefined) {
        this.reject(field, 'import.value_mapping_invalid', { value: mapped });
        return { failed: true };
      }
      return { value: stored };
    }
    const found = read(value);
    if (found === null || found === undefined) {
      this.unmatchedValue(field, value, unknown);
      return { failed: true };
    }
    return { value: found };
  }

  /** A field of a value list read from its cell: empty, matched, or failed. */
  listValue<T>(
    field: ImportFieldKey,
    read: (value: string) => T | null | undefined,
    valid: (stored: string) => T | null | undefined,
    unknown: MessageCode,
  ): Resolved<T> {
    const value = this.raw(field);
    if (value === null) return { empty: true };
    return this.resolve(field, value, read, valid, unknown);
  }

  /** A text within its limit; null when empty, undefined when too long (rejected). */
  text(field: ImportFieldKey, max: number): string | null | undefined {
    const value = this.raw(field);
    if (value === null) return null;
    if (value.length > max) {
      this.reject(field, 'import.text_too_long', { max });
      return undefined;
    }
    return value;
  }

  /** A date: null when empty, undefined when unreadable or (unless allowed) in the future (rejected). */
  date(field: ImportFieldKey, options: { future?: boolean; birth?: boolean } = {}): string | null | undefined {
    const value = this.raw(field);
    if (value === null) return null;
    const date = readDate(value);
    if (date === null || date < EARLIEST || date > '2100-12-31') {
      this.reject(field, 'import.date_invalid', { value });
      return undefined;
    }
    if (!options.future && date > this.today) {
      this.reject(field, options.birth ? 'import.birth_date_in_future' : 'import.date_in_future', { value });
      return undefined;
    }
    return date;
  }

  /** A date the row cannot do without. */
  requiredDate(field: ImportFieldKey, options: { future?: boolean } = {}): string | undefined {
    const date = this.date(field, options);
    if (date === null) {
      this.reject(field, 'import.value_missing');
      return undefined;
    }
    return date;
  }
}

/** A stored value checked against its list (a value mapping's target). */
export const oneOf =
  <T extends string>(values: readonly T[]) =>
  (stored: string): T | null =>
    (values as readonly string[]).includes(stored) ? (stored as T) : null;

/** A resolved value, `fallback` when nothing was written, undefined when the row is rejected. */
export const resolvedOr = <T>(resolved: Resolved<T>, fallback: T): T | undefined =>
  'value' in resolved ? resolved.value : 'empty' in resolved ? fallback : undefined;

/** The row's reasons, each once. */
export function distinctRejects(rejects: readonly RowReject[]): RowReject[] {
  const seen = new Set<string>();
  return rejects.filter((reject) => {
    const key = JSON.stringify([reject.column, reject.code, reject.params ?? null]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
