/**
 * Retention keeps every past year's report as it was (issue 14): three years of a centre's
 * records (the demo's people, visits, cases, permits, courses, events), every past year's report
 * computed before, a run that removes many files, the same reports after: equal as a whole.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { actorOf, type Cast, seedCast, startTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS, describeDialect } from '../../../test/support/databases.js';
import type { ReportData } from '../../contracts/reports.js';
import { fillDemo } from '../../demo/demo.js';
import { reportDataForScope } from '../reports/reports.usecases.js';
import { runRetention, setRetentionSettings } from './retention.usecases.js';

const NOW = new Date('2026-03-11T09:30:00Z');
/** The run, fourteen months after the last records: every file without a case is due, those with a case closed lately are not. */
const RUN_AT = new Date('2027-05-11T04:00:00Z');
const PAST_YEARS = [2023, 2024, 2025];

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: retention and the reports`, () => {
    let t: TestApp;
    let cast: Cast;
    let centreId: number;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      // Three years and a bit of records, up to NOW.
      ({ centreId } = await fillDemo(t.db, { centreCode: 'RET', people: 200, visits: 1000, seed: 14, days: 3 * 365 + 70, now: NOW }));
    }, 120_000);
    afterAll(() => t?.close());

    const reports = async (): Promise<ReportData[]> => {
      const all: ReportData[] = [];
      for (const year of PAST_YEARS) {
        all.push(await reportDataForScope(t.db, { organisationId: cast.organisationId, centreIds: [centreId], year }, {}, NOW));
      }
      return all;
    };
    const peopleOfCentre = async () =>
      Number(
        (
          await t.db
            .selectFrom('people')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('centreId', '=', centreId)
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('every figure of every past year is the same after a run that removed most of the files', async () => {
      const before = await reports();
      const people = await peopleOfCentre();
      const admin = await actorOf(t.db, cast.admin.id);
      await setRetentionSettings(t.db, admin, { enabled: true, yearsAfterContact: 1, yearsAfterCase: 2 });

      const run = await runRetention(t.db, { organisationId: cast.organisationId, trigger: 'manual', userId: admin.userId, now: RUN_AT });
      expect(run.outcome).toBe('completed');
      // Many files went: the comparison below is not an empty one.
      expect(run.peopleRemoved).toBeGreaterThan(people / 2);
      expect(run.peopleRemoved).toBeLessThan(people);
      expect(await peopleOfCentre()).toBe(people - run.peopleRemoved);

      expect(await reports()).toEqual(before);
    }, 120_000);
  });
}
