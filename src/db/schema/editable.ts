import type { Generated } from 'kysely';

/** created_at, updated_at and version of an editable record (optimistic concurrency). */
export interface Editable {
  createdAt: string;
  updatedAt: string;
  version: Generated<number>;
}
