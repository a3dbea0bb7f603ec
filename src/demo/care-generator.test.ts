import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, describeDialect } from '../../test/support/databases.js';
import type { AppDatabase } from '../db/database.js';
import { originGroupOf } from '../domain/origin-group.js';
import { generateOrganisation } from './generator.js';

const NOW = new Date('2021-03-10T17:30:00Z');
const SMALL = { centres: 2, people: 300, visits: 1500, years: 3, endDate: '2021-03-10', now: NOW } as const;

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: synthetic people in care`, () => {
    let database: AppDatabase;
    let result: Awaited<ReturnType<typeof generateOrganisation>>;

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      result = await generateOrganisation(database.db, { seed: 5, ...SMALL });
    });
    afterAll(async () => {
      await database?.close();
    });

    it('gives about a fifth of the people a case, each with its periods and one member snapshot', async () => {
      const { db } = database;
      expect(result.care.cases).toBeGreaterThan(300 * 0.12);
      expect(result.care.cases).toBeLessThan(300 * 0.28);
      const cases = await db.selectFrom('cases').selectAll().orderBy('id').execute();
      const periods = await db.selectFrom('casePeriods').selectAll().orderBy('caseId').orderBy('openedOn').execute();
      const members = await db.selectFrom('caseMembers').selectAll().execute();
      const people = new Map((await db.selectFrom('people').selectAll().execute()).map((p) => [p.id, p]));
      expect(cases).toHaveLength(result.care.cases);
      expect(members).toHaveLength(cases.length);
      for (const c of cases) {
        const own = periods.filter((p) => p.caseId === c.id);
        expect(own.length).toBeGreaterThanOrEqual(1);
        expect(c.openedOn).toBe(own[0]?.openedOn);
        expect(c.closedOn).toBe(own.at(-1)?.closedOn ?? null);
        expect(c.status).toBe(c.closedOn ? 'closed' : 'open');
        // Periods follow one another and nothing is dated after the end.
        let previousEnd = '';
        for (const p of own) {
          expect(p.openedOn > previousEnd).toBe(true);
          expect(p.openedOn <= SMALL.endDate).toBe(true);
          if (p.closedOn) {
            expect(p.closedOn >= p.openedOn).toBe(true);
            expect(p.closedOn <= SMALL.endDate).toBe(true);
            expect(p.closingReason).not.toBeNull();
          }
          previousEnd = p.closedOn ?? '9999';
        }
        const member = members.find((m) => m.caseId === c.id);
        const person = people.get(c.personId as number);
        expect(person?.centreId).toBe(c.centreId);
        expect(member).toMatchObject({ personId: c.personId, gender: person?.gender, citizenship: person?.citizenship });
      }
    });

    it('writes plans, diaries and referrals inside their case, and permits for non-EU citizens only', async () => {
      const { db } = database;
      const cases = new Map((await db.selectFrom('cases').selectAll().execute()).map((c) => [c.id, c]));
      const actions = await db
        .selectFrom('caseActions')
        .innerJoin('caseGoals', 'caseGoals.id', 'caseActions.goalId')
        .select(['caseActions.caseId', 'caseGoals.caseId as goalCase'])
        .execute();
      expect(actions.length).toBe(result.care.actions);
      for (const a of actions) expect(a.caseId).toBe(a.goalCase);
      const notes = await db.selectFrom('caseNotes').selectAll().execute();
      expect(notes.length).toBe(result.care.notes);
      for (const n of notes) {
        const c = cases.get(n.caseId);
        expect(n.noteDate >= (c?.openedOn as string)).toBe(true);
        expect(n.noteDate <= (c?.closedOn ?? SMALL.endDate)).toBe(true);
      }
      const permits = await db
        .selectFrom('residencePermits')
        .innerJoin('people', 'people.id', 'residencePermits.personId')
        .select(['people.citizenship', 'people.centreId as personCentre', 'residencePermits.centreId', 'expiresOn', 'issuedOn'])
        .execute();
      expect(permits.length).toBe(result.care.permits);
      expect(permits.length).toBeGreaterThan(0);
      for (const p of permits) {
        expect(originGroupOf(p.citizenship, SMALL.endDate)).toBe('non_eu');
        expect(p.centreId).toBe(p.personCentre);
        if (p.expiresOn && p.issuedOn) expect(p.expiresOn >= p.issuedOn).toBe(true);
      }
      const applications = await db
        .selectFrom('applications')
        .innerJoin('people', 'people.id', 'applications.personId')
        .select(['applications.centreId', 'people.centreId as personCentre', 'appliedOn'])
        .execute();
      expect(applications.length).toBe(result.care.applications);
      expect(applications.length).toBeGreaterThan(0);
      for (const a of applications) {
        expect(a.centreId).toBe(a.personCentre);
        expect(a.appliedOn <= SMALL.endDate).toBe(true);
      }
      const uses = await db.selectFrom('pcStationUses').select(['usedOn', 'minutes']).execute();
      expect(uses.length).toBe(result.care.pcStationUses);
      for (const u of uses) {
        expect(u.usedOn <= SMALL.endDate).toBe(true);
        expect(u.minutes).toBeGreaterThan(0);
      }
      // Both sides of the Scadenze page exist: expired, and expiring within 60 days or later.
      expect(permits.some((p) => p.expiresOn !== null && p.expiresOn < SMALL.endDate)).toBe(true);
      expect(permits.some((p) => p.expiresOn !== null && p.expiresOn >= SMALL.endDate)).toBe(true);
    });

    it('commits in batches (as the benchmark does) and writes the same rows as in one go', async () => {
      const batched = await createTestDatabase(dialect);
      try {
        const again = await generateOrganisation(batched.db, { seed: 5, ...SMALL, commitEvery: 100 });
        expect(again.care).toEqual(result.care);
      } finally {
        await batched.close();
      }
    });

    it('leaves the identity sequences after the generated ids', async () => {
      const { db } = database;
      const people = await db
        .selectFrom('people')
        .select(['id', 'centreId', 'gender', 'citizenship', 'residenceKind'])
        .limit(1)
        .executeTakeFirstOrThrow();
      const before = await db
        .selectFrom('cases')
        .select((eb) => eb.fn.max('id').as('m'))
        .executeTakeFirstOrThrow();
      const stamp = NOW.toISOString();
      const inserted = await db
        .insertInto('cases')
        .values({
          centreId: people.centreId,
          personId: people.id,
          householdId: null,
          responsibleId: null,
          referralSource: 'spontaneous',
          areas: '[]',
          summary: null,
          visitId: null,
          status: 'open',
          openedOn: '2021-03-10',
          closedOn: null,
          createdAt: stamp,
          updatedAt: stamp,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(inserted.id).toBeGreaterThan(Number(before.m));
      const goal = await db
        .insertInto('caseGoals')
        .values({ caseId: inserted.id, title: 'x', description: null, status: 'open', sortOrder: 0, createdAt: stamp, updatedAt: stamp })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(goal.id).toBeGreaterThan(0);
      const permit = await db
        .insertInto('residencePermits')
        .values({
          personId: people.id,
          centreId: people.centreId,
          permitType: 'family',
          number: null,
          issuedOn: null,
          expiresOn: null,
          renewalStatus: 'none',
          notes: null,
          createdAt: stamp,
          updatedAt: stamp,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(permit.id).toBeGreaterThan(0);
    });
  });
}
