/** Columns several areas' tables share. */
import type { Generated } from 'kysely';

/** created_at, updated_at and version of an editable record (optimistic concurrency). */
export interface Editable {
  createdAt: string;
  updatedAt: string;
  version: Generated<number>;
}

/** An entry of an organisation's catalogue (request topics, course kinds, application types): deactivated, never deleted. */
export interface CatalogueTable {
  id: Generated<number>;
  organisationId: number;
  code: string;
  labelIt: string;
  labelEn: string;
  active: number;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
}
