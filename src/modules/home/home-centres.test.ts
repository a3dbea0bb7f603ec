/**
 * The home's figures of several centres are put together from each centre's part (decision 014,
 * kept-figures.ts): a write in one centre recounts that centre's part alone, and a person in care
 * at two centres counts once, new only if their first case of all the centres is of the period,
 * as the report of those centres counts them.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, api, type Cast, expectStatus, loginAs, seedCast, startTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS, describeDialect } from '../../../test/support/databases.js';
import type { Case } from '../../contracts/cases.js';
import type { CoordinatorHome, PeriodFigures } from '../../contracts/home.js';
import type { Person } from '../../contracts/people.js';
import type { Report, ReportData } from '../../contracts/reports.js';
import { todayInRome } from '../../domain/dates.js';
import { ORIGIN_GROUPS } from '../../domain/origin-group.js';
import { keptByCentre } from './kept-figures.js';

/** The report's people in care and new ones, in total and by origin group. */
function careOfReport(data: ReportData) {
  const blocks = data.sections.flatMap((s) => s.blocks);
  const totals = blocks.find((b) => b.id === 'care.totals');
  const byGroup = blocks.find((b) => b.id === 'care.byOriginGroup');
  if (totals?.kind !== 'figures' || byGroup?.kind !== 'table') throw new Error('no care blocks');
  return {
    inCare: Number(totals.items.find((i) => i.key === 'total')?.value),
    newInCare: Number(totals.items.find((i) => i.key === 'new')?.value),
    byGroup: ORIGIN_GROUPS.map((group) => Number(byGroup.rows.find((r) => r.key === group)?.cells.count ?? 0)),
  };
}

const careOfHome = (period: PeriodFigures) => ({
  inCare: period.inCare,
  newInCare: period.newInCare,
  byGroup: ORIGIN_GROUPS.map((group) => period.byOriginGroup.find((g) => g.group === group)?.inCare ?? 0),
});

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: the home's figures of several centres, from each centre's part`, () => {
    let t: TestApp;
    let cast: Cast;
    let admin: Api;
    let operator: Api;
    const today = todayInRome();
    const year = Number(today.slice(0, 4));
    let seq = 0;

    const newPerson = async (citizenship: string) => {
      seq += 1;
      return expectStatus<Person>(
        await operator.post('/people', {
          givenNames: `Centri${String.fromCharCode(97 + seq)}`,
          familyNames: `Persona${seq}`,
          gender: 'female',
          citizenship,
          birthDate: `1980-03-${String(seq + 1).padStart(2, '0')}`,
          residence: { kind: 'comune', comuneIstat: '042021' },
        }),
        201,
      );
    };
    const openCase = async (personId: number, openedOn: string) =>
      expectStatus<Case>(await operator.post('/cases', { personId, areas: ['work'], openedOn }), 201);
    const moveToB = (caseId: number) => t.db.updateTable('cases').set({ centreId: cast.centreB.id }).where('id', '=', caseId).execute();
    /** The admin's home and report of this year over the centres (both, or one). */
    const homeAndReport = async (centreIds: number[]) => {
      const query = centreIds.length === 1 ? { centreId: String(centreIds[0]) } : undefined;
      const home = expectStatus<CoordinatorHome>(await admin.get('/home', query), 200);
      const res = await admin.post('/reports', { year, centreIds });
      const report = expectStatus<Report>(res, res.statusCode === 201 ? 201 : 200);
      const data = expectStatus<ReportData>(await admin.get(`/reports/${report.id}/data`), 200);
      return { home: careOfHome(home.yearSoFar.current), report: careOfReport(data) };
    };

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      admin = api(t.app, await loginAs(t.app, cast.admin.email));
      operator = api(t.app, await loginAs(t.app, cast.operatorA.email));
    });
    afterAll(() => t?.close());

    it('a person in care at two centres counts once, new only if their first case of both is of this year', async () => {
      // In care in A this year; their old case (closed two years ago) moved to B: not new over both, new in A alone.
      const returning = await newPerson('MA');
      const old = await openCase(returning.id, `${year - 3}-03-01`);
      expectStatus(
        await operator.post(`/cases/${old.id}/close`, { version: old.version, closedOn: `${year - 2}-02-01`, reason: 'goals_achieved' }),
        200,
      );
      await moveToB(old.id);
      await openCase(returning.id, `${year}-01-01`);
      // In care in A from last year to today and in B from today: once over both, not new.
      const twice = await newPerson('UA');
      const lastYears = await openCase(twice.id, `${year - 1}-06-01`);
      expectStatus(
        await operator.post(`/cases/${lastYears.id}/close`, { version: lastYears.version, closedOn: today, reason: 'goals_achieved' }),
        200,
      );
      await moveToB((await openCase(twice.id, today)).id);
      // New this year in B alone.
      await moveToB((await openCase((await newPerson('IT')).id, `${year}-01-01`)).id);

      const both = await homeAndReport([cast.centreA.id, cast.centreB.id]);
      expect(both.home).toEqual(both.report);
      expect(both.home).toMatchObject({ inCare: 3, newInCare: 1 });
      const ofA = await homeAndReport([cast.centreA.id]);
      expect(ofA.home).toEqual(ofA.report);
      expect(ofA.home).toMatchObject({ inCare: 2, newInCare: 1 });

      // The old case back to A: in A alone too, no longer new.
      await t.db.updateTable('cases').set({ centreId: cast.centreA.id }).where('id', '=', old.id).execute();
      const again = await homeAndReport([cast.centreA.id, cast.centreB.id]);
      expect(again.home).toEqual(again.report);
      expect(again.home).toMatchObject({ inCare: 3, newInCare: 1 });
      const ofAAgain = await homeAndReport([cast.centreA.id]);
      expect(ofAAgain.home).toEqual(ofAAgain.report);
      expect(ofAAgain.home).toMatchObject({ inCare: 2, newInCare: 0 });
    });
  });

  describeDialect(dialect)(`${dialect}: figures kept by centre`, () => {
    let t: TestApp;
    let cast: Cast;
    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
    });
    afterAll(() => t?.close());
    /** What the triggers do at a write of the centre's data of this kind. */
    const newVersion = (table: 'careVersions' | 'courseVersions', centreId: number) => {
      const version = randomUUID();
      return t.db
        .insertInto(table)
        .values({ centreId, version })
        .onConflict((oc) => oc.column('centreId').doUpdateSet({ version }))
        .execute();
    };

    describe('keptByCentre', () => {
      it('counts again the part of the centre whose version moved, and only it; the whole is put together again', async () => {
        const centres = [cast.centreA.id, cast.centreB.id];
        const counted: number[] = [];
        let combined = 0;
        const figures = () =>
          keptByCentre(
            t.db,
            'careVersions',
            centres,
            { part: 'a part', whole: 'a question' },
            async (id) => {
              counted.push(id);
              return `${id}@${counted.length}`;
            },
            (parts) => {
              combined += 1;
              return parts.join(' ');
            },
          );
        expect(await figures()).toBe(`${cast.centreA.id}@1 ${cast.centreB.id}@2`);
        expect(await figures()).toBe(`${cast.centreA.id}@1 ${cast.centreB.id}@2`);
        expect({ counted, combined }).toEqual({ counted: centres, combined: 1 });

        await newVersion('careVersions', cast.centreB.id);
        expect(await figures()).toBe(`${cast.centreA.id}@1 ${cast.centreB.id}@3`);
        expect({ counted, combined }).toEqual({ counted: [...centres, cast.centreB.id], combined: 2 });

        // Another question over the same parts (the next day's home) puts them together without counting them again.
        const nextDay = await keptByCentre(
          t.db,
          'careVersions',
          centres,
          { part: 'a part', whole: 'another question' },
          async () => 'counted again',
          (parts) => parts.join('+'),
        );
        expect(nextDay).toBe(`${cast.centreA.id}@1+${cast.centreB.id}@3`);

        // Another kind of data moved: this one is not counted again.
        await newVersion('courseVersions', cast.centreA.id);
        expect(await figures()).toBe(`${cast.centreA.id}@1 ${cast.centreB.id}@3`);
        expect(combined).toBe(2);
      });

      it('a failed count is not kept: the next answer counts again', async () => {
        let attempts = 0;
        const figures = () =>
          keptByCentre(
            t.db,
            'courseVersions',
            [cast.centreA.id],
            { part: 'a failing part', whole: 'a failing question' },
            async () => {
              attempts += 1;
              if (attempts === 1) throw new Error('the database went away');
              return attempts;
            },
            (parts) => parts[0],
          );
        await expect(figures()).rejects.toThrow('the database went away');
        expect(await figures()).toBe(2);
        expect(await figures()).toBe(2);
      });
    });
  });
}
