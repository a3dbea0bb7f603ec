/**
 * A catalogue: a list of coded values per organisation that a coordinator adds to, renames,
 * reorders and deactivates, but never deletes (past records keep theirs). Each catalogue gives
 * its own fields (labels or a name, and extras); the code, `active` and `sortOrder` are common.
 */
import { z } from 'zod';
import { optionalFields, shortText } from './common.js';
import { messageEn } from './messages/index.js';

const sortOrder = z.number().int().min(0).max(10_000);
/** A sorted catalogue's place to move a value to: 1 is the first (the others shift, in one change). */
const position = z.number().int().min(1).max(10_000);

/** The two labels of a catalogue value, as answered and as written (at most `max` characters). */
export const catalogueLabels = (max: number) => ({
  item: { labelIt: z.string(), labelEn: z.string() },
  input: { labelIt: shortText(max).min(1), labelEn: shortText(max).min(1) },
});

type SortShape<Sorted extends boolean, T> = Sorted extends true ? { sortOrder: T } : Record<never, never>;

/**
 * The contract of one catalogue: its item (an OpenAPI component named `id`), the body that adds
 * a value, the body that changes one (every field optional, without the defaults of adding), and
 * the list's query. `sorted` catalogues carry a `sortOrder`; the others are ordered by the server.
 */
export function catalogueContract<Item extends z.ZodRawShape, Input extends z.ZodRawShape, Sorted extends boolean>(spec: {
  id: string;
  item: Item;
  input: Input;
  sorted: Sorted;
}) {
  const sorted = <T>(value: T) => (spec.sorted ? { sortOrder: value } : {}) as SortShape<Sorted, T>;
  return {
    sorted: spec.sorted,
    item: z.object({ id: z.number(), code: z.string(), ...spec.item, active: z.boolean(), ...sorted(z.number()) }).meta({ id: spec.id }),
    create: z.strictObject({
      code: z
        .string()
        .trim()
        .regex(/^[a-z0-9_]{2,40}$/, messageEn('key.not_valid')),
      ...spec.input,
      ...sorted(sortOrder.optional()),
    }),
    update: z.strictObject({
      ...optionalFields(spec.input),
      active: z.boolean().optional(),
      ...sorted(sortOrder.optional()),
      ...((spec.sorted ? { position: position.optional() } : {}) as Sorted extends true
        ? { position: z.ZodOptional<typeof position> }
        : Record<never, never>),
    }),
    listQuery: z.strictObject({ active: z.enum(['true', 'false']).optional() }),
  };
}

export type CatalogueContract = ReturnType<typeof catalogueContract<z.ZodRawShape, z.ZodRawShape, boolean>>;
