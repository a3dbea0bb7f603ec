/**
 * The annual management report (Report di Gestione): its settings, the report a coordinator
 * keeps for a set of centres and a year (narratives, settings, published versions), and the
 * report's data, a plain object of sections and blocks that every renderer (web preview, PDF,
 * DOCX, XLSX, CSV, JSON) reads the same way.
 */
import { z } from 'zod';
import { centreContacts, id, version } from './common.js';
import { messageEn } from './messages/index.js';

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

const threshold = z.number().int().min(0).max(1000);

/**
 * The breakdowns whose small categories may be grouped as "Altro", each with its own threshold
 * (0: listed in full, however small). The defaults follow the reference report: the countries
 * are grouped under 5 (its footnote of the visits' countries), the comuni of residence are
 * listed one by one, and so are the types of application (the bonuses) and the nationalities of
 * a course's few learners, where grouping would only hide names.
 */
export const GROUPING_DEFAULTS = {
  'visits.byCountry': 5,
  'care.byCountry': 5,
  'care.residenceOutside': 0,
  'applications.byType': 0,
  'driving.nationalities': 0,
} as const;
export type GroupedTableId = keyof typeof GROUPING_DEFAULTS;
export const GROUPED_TABLES = Object.keys(GROUPING_DEFAULTS) as GroupedTableId[];

/** An object of the grouped tables, each field made by `field`. */
const perTable = <T extends z.ZodType>(field: (table: GroupedTableId) => T) =>
  z.strictObject(Object.fromEntries(GROUPED_TABLES.map((table) => [table, field(table)])) as Record<GroupedTableId, T>);

export const groupingThresholds = perTable((table) => threshold.default(GROUPING_DEFAULTS[table]));
export type GroupingThresholds = z.infer<typeof groupingThresholds>;

export const reportSettings = z.strictObject({
  /** By table: its categories under this count are grouped as "Altro", listed in a footnote (0: never). */
  groupingThresholds: groupingThresholds.prefault({}),
  /**
   * For publication: counts of people or visits from 1 to this − 1 are shown as "< N", and enough
   * other cells with them that none can be worked out by subtraction (0: every count shown).
   */
  disclosureThreshold: threshold.default(0),
  /** How many years the comparisons cover, this one included (the reference report: 3 for people in care, 2 for courses). */
  comparisonYears: z.number().int().min(2).max(10).default(3),
});
export type ReportSettings = z.infer<typeof reportSettings>;

/** A change of settings: only what is given changes (no defaults filled in), a table's threshold on its own. */
export const reportSettingsChange = z.strictObject({
  groupingThresholds: perTable(() => threshold.optional()).optional(),
  disclosureThreshold: threshold.optional(),
  comparisonYears: z.number().int().min(2).max(10).optional(),
});
export type ReportSettingsChange = z.infer<typeof reportSettingsChange>;

/** The settings with a change applied (the thresholds merged table by table). */
export function changeSettings(settings: ReportSettings, change: ReportSettingsChange): ReportSettings {
  const defined = (values: object) => Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
  const { groupingThresholds: thresholds = {}, ...rest } = change;
  return reportSettings.parse({
    ...settings,
    ...defined(rest),
    groupingThresholds: { ...settings.groupingThresholds, ...defined(thresholds) },
  });
}

/**
 * Settings as stored (a report's, a published version's): those saved before the thresholds
 * were per table had one `groupingThreshold` for every breakdown; it stays the countries'
 * threshold, and the other tables take their defaults (listed in full).
 */
export function storedSettings(stored: unknown): ReportSettings {
  const { groupingThreshold, ...rest } = (stored ?? {}) as Record<string, unknown> & { groupingThreshold?: number };
  if (typeof groupingThreshold === 'number' && rest.groupingThresholds === undefined) {
    rest.groupingThresholds = { 'visits.byCountry': groupingThreshold, 'care.byCountry': groupingThreshold };
  }
  return reportSettings.parse(rest);
}

export const DEFAULT_REPORT_SETTINGS: ReportSettings = reportSettings.parse({});

// ---------------------------------------------------------------------------------------------
// The report's data: sections of blocks
// ---------------------------------------------------------------------------------------------

/** The sections of the domain document, in the reference report's order. */
export const REPORT_SECTION_IDS = [
  'centre',
  'visits',
  'topics',
  'care',
  'applications',
  'network',
  'courses',
  'driving',
  'services',
  'needs',
] as const;
export type ReportSectionId = (typeof REPORT_SECTION_IDS)[number];

/**
 * A count hidden by the disclosure threshold: "small" is under it (shown "< N"); "complementary"
 * is hidden with it so that it cannot be worked out by subtraction from the total (shown "*").
 * It keeps no value at all, so a published version cannot leak it.
 */
export const hiddenCell = z.strictObject({ hidden: z.enum(['small', 'complementary']), below: z.number().int() });
export type HiddenCell = z.infer<typeof hiddenCell>;

/** A cell: text, a number, empty (null), or a hidden count. */
export const reportCell = z.union([z.string(), z.number(), z.null(), hiddenCell]);
export type ReportCell = z.infer<typeof reportCell>;
export const isHidden = (cell: ReportCell): cell is HiddenCell => typeof cell === 'object' && cell !== null;

export const reportColumn = z.strictObject({
  key: z.string(),
  label: z.string(),
  /** Numbers are right-aligned, stored as numbers in XLSX and written with Italian separators. */
  numeric: z.boolean(),
  /** A measure (lessons, hours), not a count of people or visits: the disclosure threshold leaves it shown. */
  measure: z.boolean().optional(),
});
export type ReportColumn = z.infer<typeof reportColumn>;

export const reportRow = z.strictObject({
  /** Stable within its table (a country code, a topic code, a year): versions are compared by it. */
  key: z.string(),
  cells: z.record(z.string(), reportCell),
  /** The total row: the other rows add up to it, column by column. */
  total: z.boolean().optional(),
});
export type ReportRow = z.infer<typeof reportRow>;

/** How a table is drawn: the same definition serves the web page (ECharts) and the documents. */
export const chartSpec = z.strictObject({
  type: z.enum(['bar', 'horizontalBar', 'pie', 'line']),
  /** The column whose cells name the categories (x axis, pie slices). */
  categoryColumn: z.string(),
  /** The numeric columns drawn, one series each. */
  seriesColumns: z.array(z.string()).min(1),
  /** Shown under the chart, e.g. "Una visita con due tipologie conta sotto ciascuna". */
  caption: z.string().optional(),
});
export type ChartSpec = z.infer<typeof chartSpec>;

const blockBase = {
  /** Unique in the report, "section.block": the key of narratives, CSV files, XLSX sheets, comparisons. */
  id: z.string(),
  title: z.string().optional(),
};

export const reportTable = z.strictObject({
  ...blockBase,
  kind: z.literal('table'),
  title: z.string(),
  columns: z.array(reportColumn).min(1),
  rows: z.array(reportRow),
  /** Its counts are of people or visits: the disclosure threshold applies (not to hours or days). */
  protect: z.boolean(),
  /** The column that is, on each row, the sum of the count columns (numeric, not measures), if any. */
  totalColumn: z.string().optional(),
  chart: chartSpec.optional(),
  /** Notes printed under the table (e.g. what "Altro" holds, how a figure is counted). */
  notes: z.array(z.string()).optional(),
});
export type ReportTable = z.infer<typeof reportTable>;

export const reportFigures = z.strictObject({
  ...blockBase,
  kind: z.literal('figures'),
  /** Headline figures, "Totale: 371". */
  items: z.array(z.strictObject({ key: z.string(), label: z.string(), value: reportCell })),
  protect: z.boolean(),
});
export type ReportFigures = z.infer<typeof reportFigures>;

export const reportText = z.strictObject({
  ...blockBase,
  kind: z.literal('text'),
  /** What is shown: the coordinator's Markdown if saved, else the draft. */
  markdown: z.string(),
  /** Filled in from the figures (the closures sentence, the change of hours…): the starting point. */
  draft: z.string(),
  edited: z.boolean(),
  /** A block the coordinator added (projects, events, observed needs…): it can be removed. */
  free: z.boolean().optional(),
});
export type ReportText = z.infer<typeof reportText>;

export const reportBlock = z.discriminatedUnion('kind', [reportTable, reportFigures, reportText]);
export type ReportBlock = z.infer<typeof reportBlock>;

export const reportSection = z.strictObject({
  id: z.enum(REPORT_SECTION_IDS),
  number: z.number().int(),
  title: z.string(),
  blocks: z.array(reportBlock),
});
export type ReportSection = z.infer<typeof reportSection>;

export const reportData = z.strictObject({
  /** "Report di Gestione gennaio - dicembre 2024". */
  title: z.string(),
  /** The heading: the centre (or centres, or organisation) it is about. */
  heading: z.strictObject({
    organisation: z.string(),
    name: z.string(),
    centres: z.array(z.strictObject({ id: z.number(), code: z.string(), name: z.string() })),
    /** «Comune di Jesi»: the comune of the centre (of the centres, when they share one); absent in versions published before it was kept. */
    comune: z.string().nullable().optional(),
    ...centreContacts,
  }),
  year: z.number().int(),
  settings: reportSettings,
  /** ISO instant the figures were computed. */
  generatedAt: z.string(),
  appVersion: z.string(),
  /** null while a draft (computed live); the number of the published version otherwise. */
  versionNumber: z.number().int().nullable(),
  sections: z.array(reportSection),
});
export type ReportData = z.infer<typeof reportData>;

// ---------------------------------------------------------------------------------------------
// The report a coordinator keeps: scope, year, settings, narratives, versions
// ---------------------------------------------------------------------------------------------

const year = z.number().int().min(2000).max(2100);

export const freeBlock = z.strictObject({
  id: z.string().regex(/^free-[a-z0-9-]{1,40}$/, messageEn('report.block_id_not_valid')),
  sectionId: z.enum(REPORT_SECTION_IDS),
  title: z.string().trim().min(1).max(200),
  markdown: z.string().max(20_000),
});
export type FreeBlock = z.infer<typeof freeBlock>;

const narratives = z.record(z.string().max(100), z.string().max(20_000));

export const reportCreateInput = z.strictObject({
  year,
  /** The centres it covers; omitted: every centre of the caller. */
  centreIds: z.array(id).min(1).max(200).optional(),
});
export type ReportCreateInput = z.infer<typeof reportCreateInput>;

export const reportUpdateInput = z.strictObject({
  version,
  settings: reportSettingsChange.optional(),
  /** Text of a narrative block by its id; an empty string goes back to the draft. */
  narratives: narratives.optional(),
  freeBlocks: z.array(freeBlock).max(50).optional(),
});
export type ReportUpdateInput = z.infer<typeof reportUpdateInput>;

export const reportVersionSummary = z.object({
  number: z.number().int(),
  publishedAt: z.string(),
  publishedBy: z.string().nullable(),
  appVersion: z.string(),
  settings: reportSettings,
});
export type ReportVersionSummary = z.infer<typeof reportVersionSummary>;

export const reportSchema = z.object({
  id: z.number(),
  year: z.number(),
  centreIds: z.array(z.number()),
  settings: reportSettings,
  narratives: z.record(z.string(), z.string()),
  freeBlocks: z.array(freeBlock),
  versions: z.array(reportVersionSummary),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type Report = z.infer<typeof reportSchema>;

export const REPORT_FORMATS = ['pdf', 'docx', 'xlsx', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const reportExportQuery = z.strictObject({
  format: z.enum(REPORT_FORMATS),
  /** A published version; omitted: the draft as it is now (marked "Bozza"). */
  version: z.coerce.number().int().positive().max(100_000).optional(),
  /** For CSV: the table (block id) to export. */
  table: z.string().max(100).optional(),
});

export const reportDataQuery = z.strictObject({
  version: z.coerce.number().int().positive().max(100_000).optional(),
});

export const reportCompareQuery = z.strictObject({
  from: z.coerce.number().int().positive().max(100_000),
  to: z.coerce.number().int().positive().max(100_000),
});

/** One figure that differs between two versions (or exists in one only). */
export const reportDifference = z.object({
  /** "blockId/rowKey/columnKey" or "blockId/itemKey". */
  path: z.string(),
  section: z.string(),
  table: z.string(),
  row: z.string(),
  column: z.string(),
  from: reportCell.optional(),
  to: reportCell.optional(),
});
export type ReportDifference = z.infer<typeof reportDifference>;

export const reportComparison = z.object({
  from: z.number(),
  to: z.number(),
  /** Figures compared (present in either version). */
  figures: z.number(),
  differences: z.array(reportDifference),
  /** Narrative blocks whose text changed. */
  changedTexts: z.array(z.strictObject({ id: z.string(), title: z.string() })),
});
export type ReportComparison = z.infer<typeof reportComparison>;
