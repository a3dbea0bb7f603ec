/**
 * Counting rules of the centre's other activities: applications (domande / bonus) by type and
 * level, and the public PC station's use by purpose. Every breakdown adds up to its total.
 */

/** Who handles an application: the Comune (the Anagrafe among its offices), the Region or the State. */
export const APPLICATION_LEVELS = ['municipal', 'regional', 'national'] as const;
export type ApplicationLevel = (typeof APPLICATION_LEVELS)[number];

export const PC_PURPOSES = ['job_search', 'documents_online', 'school', 'printing_scanning', 'email', 'other'] as const;
export type PcPurpose = (typeof PC_PURPOSES)[number];

export interface ApplicationTypeCount {
  typeId: number;
  code: string;
  labelIt: string;
  labelEn: string;
  level: ApplicationLevel;
  anagrafe: boolean;
  sortOrder: number;
  count: number;
}

export interface ApplicationCounts {
  total: number;
  /** Applications handled with the Anagrafe office (residence and the like), a part of the total. */
  anagrafe: number;
  /** Every level, 0 when none: the three add up to the total. */
  byLevel: Record<ApplicationLevel, number>;
  /** The types with at least one application, by level then catalogue order: they add up to the total. */
  byType: ApplicationTypeCount[];
}

/** The application figures of a period from the count of each type. */
export function applicationCounts(byType: ApplicationTypeCount[]): ApplicationCounts {
  const rows = byType
    .filter((row) => row.count > 0)
    .sort(
      (a, b) =>
        APPLICATION_LEVELS.indexOf(a.level) - APPLICATION_LEVELS.indexOf(b.level) || a.sortOrder - b.sortOrder || a.typeId - b.typeId,
    );
  const byLevel = Object.fromEntries(APPLICATION_LEVELS.map((level) => [level, 0])) as Record<ApplicationLevel, number>;
  let total = 0;
  let anagrafe = 0;
  for (const row of rows) {
    byLevel[row.level] += row.count;
    total += row.count;
    if (row.anagrafe) anagrafe += row.count;
  }
  return { total, anagrafe, byLevel, byType: rows };
}

export interface PcUseCounts {
  uses: number;
  minutes: number;
  /** Distinct identified people; anonymous uses count in `uses` and `minutes` only. */
  people: number;
  /** Every purpose, 0 when none: uses and minutes add up to the totals. */
  byPurpose: Record<PcPurpose, { uses: number; minutes: number }>;
}

/** The PC station's figures of a period from the uses and minutes of each purpose. */
export function pcUseCounts(byPurpose: Array<{ purpose: PcPurpose; uses: number; minutes: number }>, people: number): PcUseCounts {
  const counts = Object.fromEntries(PC_PURPOSES.map((purpose) => [purpose, { uses: 0, minutes: 0 }])) as PcUseCounts['byPurpose'];
  let uses = 0;
  let minutes = 0;
  for (const row of byPurpose) {
    counts[row.purpose].uses += row.uses;
    counts[row.purpose].minutes += row.minutes;
    uses += row.uses;
    minutes += row.minutes;
  }
  return { uses, minutes, people, byPurpose: counts };
}
