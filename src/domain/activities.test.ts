import { describe, expect, it } from 'vitest';
import { type ApplicationTypeCount, applicationCounts, pcUseCounts } from './activities.js';

const type = (typeId: number, level: ApplicationTypeCount['level'], count: number, extra: Partial<ApplicationTypeCount> = {}) => ({
  typeId,
  code: `t${typeId}`,
  labelIt: `Tipo ${typeId}`,
  labelEn: `Type ${typeId}`,
  level,
  anagrafe: false,
  sortOrder: typeId * 10,
  count,
  ...extra,
});

describe('applicationCounts', () => {
  it('by type and by level add up to the total; the Anagrafe part is counted apart', () => {
    const counts = applicationCounts([
      type(3, 'national', 4),
      type(1, 'municipal', 2, { anagrafe: true }),
      type(2, 'municipal', 5),
      type(4, 'regional', 1),
    ]);
    expect(counts.total).toBe(12);
    expect(counts.byLevel).toEqual({ municipal: 7, regional: 1, national: 4 });
    expect(counts.anagrafe).toBe(2);
    expect(counts.byType.map((row) => row.typeId)).toEqual([1, 2, 4, 3]);
    expect(counts.byType.reduce((sum, row) => sum + row.count, 0)).toBe(counts.total);
  });

  it('a period without applications has every level at zero', () => {
    expect(applicationCounts([])).toEqual({ total: 0, anagrafe: 0, byLevel: { municipal: 0, regional: 0, national: 0 }, byType: [] });
  });

  it('types without applications are left out, the catalogue order breaks ties within a level', () => {
    const counts = applicationCounts([
      type(1, 'national', 0),
      type(2, 'national', 1, { sortOrder: 50 }),
      type(3, 'national', 1, { sortOrder: 5 }),
    ]);
    expect(counts.byType.map((row) => row.typeId)).toEqual([3, 2]);
  });
});

describe('pcUseCounts', () => {
  it('every purpose is present and the parts add up to the totals', () => {
    const counts = pcUseCounts(
      [
        { purpose: 'job_search', uses: 3, minutes: 90 },
        { purpose: 'email', uses: 1, minutes: 15 },
      ],
      2,
    );
    expect(counts).toMatchObject({ uses: 4, minutes: 105, people: 2 });
    expect(counts.byPurpose.job_search).toEqual({ uses: 3, minutes: 90 });
    expect(counts.byPurpose.school).toEqual({ uses: 0, minutes: 0 });
    expect(Object.values(counts.byPurpose).reduce((sum, p) => sum + p.uses, 0)).toBe(counts.uses);
    expect(Object.values(counts.byPurpose).reduce((sum, p) => sum + p.minutes, 0)).toBe(counts.minutes);
  });
});
