/**
 * What every section builder of the report receives, and what it returns. A builder reads the
 * records of the centres and the year and returns its section's blocks (tables with their
 * charts, headline figures, narrative drafts); the assembler (report-data.ts) numbers the
 * sections, puts in the coordinator's texts and hides small counts for publication.
 */
import type { Kysely } from 'kysely';
import type { ReportSection, ReportSettings } from '../../contracts/reports.js';
import type { Database } from '../../db/schema.js';

export interface ReportContext {
  db: Kysely<Database>;
  organisationId: number;
  /** The centres covered (at least one), all of the organisation. */
  centreIds: number[];
  year: number;
  settings: ReportSettings;
  /** The comune the centre serves (of the first centre with one): residence is "in" or "outside" it. */
  hostComune: { istat: string; name: string } | null;
  /** Figures two sections need (the courses of the year, the visits): computed once per report. */
  shared: Map<string, Promise<unknown>>;
}

/** The figures under this key, computed by the first section that asks. */
export function sharedFigures<T>(ctx: ReportContext, key: string, compute: () => Promise<T>): Promise<T> {
  let figures = ctx.shared.get(key) as Promise<T> | undefined;
  if (!figures) {
    figures = compute();
    ctx.shared.set(key, figures);
  }
  return figures;
}

export type SectionBuilder = (ctx: ReportContext) => Promise<Omit<ReportSection, 'number'>>;
