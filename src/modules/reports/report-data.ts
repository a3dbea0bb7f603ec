/**
 * The report's data for a set of centres and a year: every section built from the records in
 * the reference report's order, the coordinator's texts put in their place, and, when the
 * settings ask for it, the small counts hidden for publication. One plain object that the
 * preview, the documents and the JSON API all read.
 */
import type { Kysely } from 'kysely';
import type { FreeBlock, ReportBlock, ReportData, ReportSettings } from '../../contracts/reports.js';
import type { Database } from '../../db/schema.js';
import { protectFigure, protectTable } from '../../domain/report/disclosure.js';
import { findComune } from '../../reference/index.js';
import { APP_VERSION } from '../../version.js';
import type { ReportContext, SectionBuilder } from './context.js';
import { applicationsSection } from './sections/applications.js';
import { careSection } from './sections/care.js';
import { centreSection } from './sections/centre.js';
import { coursesSection } from './sections/courses.js';
import { drivingSection } from './sections/driving.js';
import { needsSection } from './sections/needs.js';
import { networkSection } from './sections/network.js';
import { servicesSection } from './sections/services.js';
import { topicsSection } from './sections/topics.js';
import { visitsSection } from './sections/visits.js';

/** The sections in the reference report's order. */
export const SECTION_BUILDERS: readonly SectionBuilder[] = [
  centreSection,
  visitsSection,
  topicsSection,
  careSection,
  applicationsSection,
  networkSection,
  coursesSection,
  drivingSection,
  servicesSection,
  needsSection,
];

export interface ReportInput {
  organisationId: number;
  centreIds: number[];
  year: number;
  settings: ReportSettings;
  narratives: Record<string, string>;
  freeBlocks: FreeBlock[];
  /** null for a draft computed live. */
  versionNumber?: number | null;
  now?: Date;
  /** Told after each section: the CLI and the web app show it as progress. */
  onProgress?: (done: number, total: number, section: string) => void;
}

export const reportTitle = (year: number) => `Report di Gestione gennaio - dicembre ${year}`;

export async function computeReportData(db: Kysely<Database>, input: ReportInput): Promise<ReportData> {
  const [organisation, centres] = await Promise.all([
    db.selectFrom('organisations').select('name').where('id', '=', input.organisationId).executeTakeFirstOrThrow(),
    db
      .selectFrom('centres')
      .select(['id', 'code', 'name', 'comuneIstat', 'address', 'phone', 'email'])
      .where('organisationId', '=', input.organisationId)
      .where('id', 'in', input.centreIds)
      .orderBy('name')
      .execute(),
  ]);
  // The comune the residence split is by: the centres' (the first one set, when they differ);
  // none set, the report says so in place of the split (sections/care.ts).
  const hostIstat = centres.find((c) => c.comuneIstat)?.comuneIstat ?? null;
  const host = hostIstat ? findComune(hostIstat) : undefined;
  const ctx: ReportContext = {
    db,
    organisationId: input.organisationId,
    centreIds: centres.map((c) => c.id),
    year: input.year,
    settings: input.settings,
    hostComune: host ? { istat: host.istat, name: host.name } : null,
    shared: new Map(),
  };

  const sections: ReportData['sections'] = [];
  for (const [index, build] of SECTION_BUILDERS.entries()) {
    const section = await build(ctx);
    const blocks: ReportBlock[] = section.blocks.map((block) => {
      if (block.kind !== 'text') return block;
      const saved = input.narratives[block.id];
      return saved !== undefined && saved !== '' ? { ...block, markdown: saved, edited: true } : block;
    });
    for (const free of input.freeBlocks.filter((b) => b.sectionId === section.id)) {
      blocks.push({ kind: 'text', id: free.id, title: free.title, markdown: free.markdown, draft: '', edited: true, free: true });
    }
    sections.push({ ...section, number: index + 1, blocks });
    input.onProgress?.(index + 1, SECTION_BUILDERS.length, section.title);
  }

  if (input.settings.disclosureThreshold > 1) hideSmallCounts(sections, input.settings.disclosureThreshold);

  const single = centres.length === 1 ? centres[0] : undefined;
  // The cover names the comune when every centre of the report is in it.
  const sharedComune = centres.every((c) => c.comuneIstat === hostIstat) ? host : undefined;
  return {
    title: reportTitle(input.year),
    heading: {
      organisation: organisation.name,
      name: single ? single.name : `${organisation.name} (${centres.length} centri)`,
      centres: centres.map(({ id, code, name }) => ({ id, code, name })),
      comune: sharedComune ? `Comune di ${sharedComune.name}` : null,
      address: single?.address ?? null,
      phone: single?.phone ?? null,
      email: single?.email ?? null,
    },
    year: input.year,
    settings: input.settings,
    generatedAt: (input.now ?? new Date()).toISOString(),
    appVersion: APP_VERSION,
    versionNumber: input.versionNumber ?? null,
    sections,
  };
}

/** Publication: counts of people and visits under the threshold hidden, with their complements. */
function hideSmallCounts(sections: ReportData['sections'], threshold: number) {
  for (const section of sections) {
    for (const block of section.blocks) {
      if (block.kind === 'table' && block.protect) {
        if (protectTable(block, threshold) > 0) {
          block.notes = [
            ...(block.notes ?? []),
            `I numeri inferiori a ${threshold} sono indicati come «< ${threshold}»; quelli segnati «*» sono nascosti perché permetterebbero di ricavarli per differenza.`,
          ];
        }
      } else if (block.kind === 'figures' && block.protect) {
        for (const item of block.items) item.value = protectFigure(item.value, threshold);
      }
    }
  }
}
