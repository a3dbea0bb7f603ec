import { afterEach, describe, expect, it } from 'vitest';
import { newPassword } from '../contracts/auth.js';
import { type AppDatabase, createDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { verifyPassword } from '../modules/auth/secrets.js';
import { DemoRefused, fillDemo, randomPassword } from './demo.js';

const NOW = new Date('2025-05-14T10:00:00Z'); // a Wednesday morning in Rome

const opened: AppDatabase[] = [];
async function freshDatabase(): Promise<AppDatabase> {
  const database = createDatabase(':memory:');
  await migrateToLatest(database.db, database.dialect);
  opened.push(database);
  return database;
}

afterEach(async () => {
  while (opened.length > 0) await opened.pop()?.close();
});

describe('randomPassword', () => {
  it('is long enough for the password rules and different every time', () => {
    const passwords = new Set(Array.from({ length: 50 }, () => randomPassword()));
    expect(passwords.size).toBe(50);
    for (const p of passwords) expect(newPassword.safeParse(p).success).toBe(true);
  });
});

describe('fillDemo', () => {
  it('creates the centre, four accounts with random passwords, and people and visits over the last two years', async () => {
    const { db } = await freshDatabase();
    const result = await fillDemo(db, { centreCode: 'DEMO', people: 40, visits: 200, seed: 42, now: NOW });
    expect(result).toMatchObject({ people: 40, visits: 200 });
    expect(result.accounts.map((a) => a.role)).toEqual(['admin', 'coordinator', 'operator', 'viewer']);

    for (const account of result.accounts) {
      const user = await db.selectFrom('users').selectAll().where('email', '=', account.email).executeTakeFirstOrThrow();
      expect(await verifyPassword(user.passwordHash, account.password)).toBe(true);
      const centres = await db.selectFrom('userCentres').select('centreId').where('userId', '=', user.id).execute();
      expect(centres.map((c) => c.centreId)).toEqual([result.centreId]);
    }

    const range = await db
      .selectFrom('visits')
      .select((eb) => [eb.fn.min('visitDate').as('first'), eb.fn.max('occurredAt').as('last'), eb.fn.countAll<number>().as('n')])
      .where('centreId', '=', result.centreId)
      .executeTakeFirstOrThrow();
    expect(Number(range.n)).toBe(200);
    expect(String(range.first) >= '2023-05-16').toBe(true);
    expect(String(range.last) <= NOW.toISOString()).toBe(true);
  });

  it('fills the centre’s year: the Jesi calendar, staff, courses with lessons and enrolments, events and meetings', async () => {
    const { db } = await freshDatabase();
    const result = await fillDemo(db, { centreCode: 'DEMO', people: 300, visits: 1500, seed: 42, now: NOW });
    const count = async (table: 'courses' | 'lessons' | 'enrolments' | 'attendance' | 'events' | 'networkMeetings' | 'staffMembers') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    // Two years up to 14 May 2025: the clubs of 2023 from May on, of 2024, and of 2025 so far.
    expect(result.courses).toBe(await count('courses'));
    expect(result.courses).toBeGreaterThanOrEqual(8);
    expect(result.enrolments).toBe(await count('enrolments'));
    expect(result.enrolments).toBeGreaterThan(result.courses * 5);
    expect(await count('lessons')).toBeGreaterThan(result.courses * 10);
    expect(await count('attendance')).toBeGreaterThan(0);
    expect(result.events).toBeGreaterThanOrEqual(1);
    expect(result.events).toBe(await count('events'));
    expect(await count('networkMeetings')).toBeGreaterThan(0);
    expect(await count('staffMembers')).toBe(3);
    const centre = await db.selectFrom('centres').select('patronDay').where('id', '=', result.centreId).executeTakeFirstOrThrow();
    expect(centre.patronDay).toBe('09-22');
    // The last full year is 2024: the hours change on 15 October 2024, as in Jesi.
    const sets = await db
      .selectFrom('openingHourSets')
      .select('validFrom')
      .where('centreId', '=', result.centreId)
      .orderBy('validFrom')
      .execute();
    expect(sets.map((s) => s.validFrom)).toEqual(['2023-01-01', '2024-10-15']);
    // Nothing attended after today.
    const lastHeld = await db
      .selectFrom('lessons')
      .select((eb) => eb.fn.max('lessonDate').as('last'))
      .where('status', '=', 'held')
      .executeTakeFirstOrThrow();
    expect(String(lastHeld.last) < '2025-05-14').toBe(true);
  });

  it('makes new passwords on every run, even with the same seed', async () => {
    const a = await fillDemo((await freshDatabase()).db, { centreCode: 'DEMO', people: 5, visits: 10, seed: 1, now: NOW });
    const b = await fillDemo((await freshDatabase()).db, { centreCode: 'DEMO', people: 5, visits: 10, seed: 1, now: NOW });
    expect(a.accounts.map((x) => x.password)).not.toEqual(b.accounts.map((x) => x.password));
  });

  it('refuses to fill a centre that has data, and changes nothing', async () => {
    const { db } = await freshDatabase();
    await fillDemo(db, { centreCode: 'DEMO', people: 10, visits: 30, seed: 42, now: NOW });
    const count = async () =>
      Number(
        (
          await db
            .selectFrom('visits')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    await expect(fillDemo(db, { centreCode: 'DEMO', people: 10, visits: 30, seed: 42, now: NOW })).rejects.toThrow(DemoRefused);
    await expect(fillDemo(db, { centreCode: 'DEMO', people: 10, visits: 30, seed: 42, now: NOW })).rejects.toThrow(/already has 10 people/);
    expect(await count()).toBe(30);

    // Another centre of the same organisation can be filled.
    const other = await fillDemo(db, { centreCode: 'DEMO2', people: 10, visits: 30, seed: 43, now: NOW });
    expect(other.visits).toBe(30);
    expect(await count()).toBe(60);
    expect(await db.selectFrom('organisations').select('id').execute()).toHaveLength(1);
  });

  it('refuses nonsense sizes', async () => {
    const { db } = await freshDatabase();
    await expect(fillDemo(db, { centreCode: 'DEMO', people: Number.NaN, visits: 10, seed: 1 })).rejects.toThrow(/--people/);
  });
});
