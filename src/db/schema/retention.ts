/** Retention (migration 0013-retention): an organisation's settings and the log of its runs. */
import type { Generated } from 'kysely';

/** An organisation's retention settings; an organisation without a row has retention off. */
export interface RetentionSettingsTable {
  organisationId: number;
  /** 0/1 */
  enabled: number;
  yearsAfterContact: number;
  yearsAfterCase: number;
  updatedBy: number | null;
  updatedAt: string;
}

export interface RetentionRunsTable {
  id: Generated<number>;
  organisationId: number;
  /** manual | scheduled */
  trigger: string;
  startedBy: number | null;
  startedAt: string;
  finishedAt: string | null;
  /** running | completed | failed | skipped | interrupted */
  outcome: string;
  peopleRemoved: Generated<number>;
  yearsAfterContact: number;
  yearsAfterCase: number;
  detail: string | null;
}

/** This area's part of `Database` (schema.ts). */
export interface RetentionTables {
  retentionSettings: RetentionSettingsTable;
  retentionRuns: RetentionRunsTable;
}
