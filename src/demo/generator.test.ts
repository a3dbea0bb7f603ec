import { afterEach, describe, expect, it } from 'vitest';
import { type AppDatabase, createDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { isValidFiscalCode } from '../domain/codice-fiscale.js';
import { ageBandOn, romeDateOf, romeInstant, romeTimeOf } from '../domain/dates.js';
import { nameIndexEntries } from '../domain/names.js';
import { originGroupOf } from '../domain/origin-group.js';
import { findComune, findCountry } from '../reference/index.js';
import { apportion, deskCalendar, generateOrganisation, mulberry32, personalFiscalCode } from './generator.js';
import { NAME_POOLS } from './names.js';
import { NATIONALITIES, openingSlots } from './profiles.js';

const NOW = new Date('2021-03-10T17:30:00Z'); // a Wednesday, after closing time in Rome
const SMALL = { centres: 3, people: 120, visits: 900, years: 2, endDate: '2021-03-10', now: NOW } as const;

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

async function firstRows({ db }: AppDatabase) {
  return {
    people: await db.selectFrom('people').selectAll().orderBy('id').limit(30).execute(),
    visits: await db.selectFrom('visits').selectAll().orderBy('id').limit(30).execute(),
    topics: await db.selectFrom('visitTopics').selectAll().orderBy('visitId').orderBy('topicId').limit(50).execute(),
    tokens: await db.selectFrom('personNameTokens').selectAll().orderBy('personId').orderBy('token').limit(50).execute(),
  };
}

describe('mulberry32', () => {
  it('gives the same sequence for the same seed, another for another seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(seqA);
    for (const x of seqA) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});

describe('apportion', () => {
  it('splits a total exactly, in proportion', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(100, [3, 1])).toEqual([75, 25]);
    expect(apportion(7, [1, 0.5, 0.25]).reduce((a, b) => a + b, 0)).toBe(7);
  });
});

describe('reference codes', () => {
  it('uses only citizenships and comuni that the reference data knows', () => {
    for (const n of NATIONALITIES) expect(findCountry(n.code), n.code).toBeDefined();
    for (const pool of Object.values(NAME_POOLS)) {
      expect(pool.female.length).toBeGreaterThan(0);
      expect(pool.male.length).toBeGreaterThan(0);
      expect(pool.family.length).toBeGreaterThan(0);
    }
  });
});

describe('personalFiscalCode', () => {
  it('builds a valid codice fiscale from the person’s data', () => {
    // Mario Rossi, born in Jesi (E388) on 1 January 1980.
    const mario = personalFiscalCode('Rossi', 'Mario', '1980-01-01', false, 'E388');
    expect(mario).toMatch(/^RSSMRA80A01E388.$/);
    expect(isValidFiscalCode(mario as string)).toBe(true);
    const code = personalFiscalCode('El Amrani', 'Fatima Zahra', '1991-07-23', true, 'Z330');
    expect(code).toMatch(/^LMRFMZ91L63Z330.$/);
    expect(isValidFiscalCode(code as string)).toBe(true);
  });
});

describe('deskCalendar', () => {
  it('keeps weekdays with opening hours, skips holidays and closures, and never passes now', () => {
    const calendar = deskCalendar('2020-12-20', '2021-01-10', new Date('2021-01-08T09:30:00Z'));
    // 25-27 and 31 December, 1-6 January are closed; weekends have no opening hours; 8 January is cut at 10:30 Rome.
    expect(calendar.days).toEqual([
      '2020-12-21',
      '2020-12-22',
      '2020-12-23',
      '2020-12-28',
      '2020-12-29',
      '2020-12-30',
      '2021-01-07',
      '2021-01-08',
    ]);
    expect(calendar.slots.at(-1)).toEqual([[540, 631]]);
  });
});

describe('generateOrganisation', () => {
  it('gives the same rows for the same seed', async () => {
    const a = await freshDatabase();
    const b = await freshDatabase();
    await generateOrganisation(a.db, { seed: 7, ...SMALL });
    await generateOrganisation(b.db, { seed: 7, ...SMALL });
    const rowsA = await firstRows(a);
    expect(rowsA.people).toHaveLength(30);
    expect(rowsA.visits).toHaveLength(30);
    expect(await firstRows(b)).toEqual(rowsA);
  });

  it('gives other rows for another seed', async () => {
    const a = await freshDatabase();
    const b = await freshDatabase();
    await generateOrganisation(a.db, { seed: 7, ...SMALL });
    await generateOrganisation(b.db, { seed: 8, ...SMALL });
    const names = async ({ db }: AppDatabase) =>
      (await db.selectFrom('people').select(['givenNames', 'familyNames']).orderBy('id').limit(20).execute()).map(
        (p) => `${p.givenNames} ${p.familyNames}`,
      );
    expect(await names(b)).not.toEqual(await names(a));
  });

  it('derives every derived field with the domain functions', async () => {
    const database = await freshDatabase();
    const { db } = database;
    const result = await generateOrganisation(db, { seed: 3, ...SMALL });
    expect(result.centres).toHaveLength(3);
    expect(result.centres[0]?.comuneIstat).toBe('042021'); // Jesi first

    const people = await db.selectFrom('people').selectAll().execute();
    const visits = await db.selectFrom('visits').selectAll().orderBy('id').execute();
    const tokens = await db.selectFrom('personNameTokens').selectAll().execute();
    const visitTopics = await db.selectFrom('visitTopics').selectAll().execute();
    const topicIds = new Set(
      (await db.selectFrom('requestTopics').select('id').where('organisationId', '=', result.organisationId).execute()).map((t) => t.id),
    );
    expect(people).toHaveLength(SMALL.people);
    expect(visits).toHaveLength(SMALL.visits);
    expect(result.centres.reduce((a, c) => a + c.people, 0)).toBe(SMALL.people);

    const byId = new Map(people.map((p) => [p.id, p]));
    for (const person of people) {
      expect(findCountry(person.citizenship), person.citizenship).toBeDefined();
      if (person.residenceKind === 'comune') expect(findComune(person.residenceComune ?? '')?.province).toBe('AN');
      else expect(person.residenceComune).toBeNull();
      if (person.fiscalCode) expect(isValidFiscalCode(person.fiscalCode), person.fiscalCode).toBe(true);
      const expected = nameIndexEntries(person.givenNames, person.familyNames)
        .map((e) => `${e.token}/${e.skeleton}`)
        .sort();
      const stored = tokens
        .filter((t) => t.personId === person.id)
        .map((t) => {
          expect(t.centreId).toBe(person.centreId);
          return `${t.token}/${t.skeleton}`;
        })
        .sort();
      expect(stored).toEqual(expected);
    }

    const topicsOf = new Map<number, number[]>();
    for (const vt of visitTopics) topicsOf.set(vt.visitId, [...(topicsOf.get(vt.visitId) ?? []), vt.topicId]);
    let anonymous = 0;
    let previous = '';
    for (const visit of visits) {
      const instant = new Date(visit.occurredAt);
      expect(instant.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(visit.occurredAt >= previous).toBe(true); // ids follow time
      previous = visit.occurredAt;
      expect(romeDateOf(instant)).toBe(visit.visitDate);
      expect(romeInstant(visit.visitDate, romeTimeOf(instant)).toISOString()).toBe(visit.occurredAt);
      expect(visit.visitYear).toBe(Number(visit.visitDate.slice(0, 4)));
      expect(visit.originGroup).toBe(originGroupOf(visit.citizenship, visit.visitDate));
      // Inside the opening hours of a weekday.
      const weekday = ((new Date(`${visit.visitDate}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
      const [h, m] = romeTimeOf(instant).split(':').map(Number) as [number, number];
      const minute = h * 60 + m;
      expect(openingSlots(visit.visitDate, weekday).some(([start, end]) => minute >= start && minute < end)).toBe(true);

      const topics = topicsOf.get(visit.id) ?? [];
      expect(topics.length).toBeGreaterThanOrEqual(1);
      expect(topics.length).toBeLessThanOrEqual(2);
      for (const t of topics) expect(topicIds.has(t)).toBe(true);

      if (visit.personId === null) {
        anonymous++;
        expect(findCountry(visit.citizenship)).toBeDefined();
        continue;
      }
      const person = byId.get(visit.personId);
      expect(person).toBeDefined();
      if (!person) continue;
      expect(visit.centreId).toBe(person.centreId);
      expect(visit.gender).toBe(person.gender);
      expect(visit.citizenship).toBe(person.citizenship);
      expect(visit.ageBand).toBe(ageBandOn(person.birthDate, visit.visitDate));
      expect(visit.occurredAt >= person.createdAt).toBe(true);
    }
    expect(anonymous).toBeGreaterThan(SMALL.visits * 0.05);
    expect(anonymous).toBeLessThan(SMALL.visits * 0.25);
    // Every person was first seen at a visit: their record was created then.
    const firstVisit = new Map<number, string>();
    for (const v of visits) if (v.personId !== null && !firstVisit.has(v.personId)) firstVisit.set(v.personId, v.occurredAt);
    for (const [personId, at] of firstVisit) expect(byId.get(personId)?.createdAt).toBe(at);
  });

  it('counts the United Kingdom as EU before February 2020 and non-EU after, from the date of each visit', async () => {
    const { db } = await freshDatabase();
    await generateOrganisation(db, { seed: 11, centres: 1, people: 3000, visits: 6000, years: 2, endDate: '2021-03-10', now: NOW });
    const british = await db.selectFrom('visits').select(['visitDate', 'originGroup']).where('citizenship', '=', 'GB').execute();
    expect(british.some((v) => v.visitDate <= '2020-01-31')).toBe(true);
    expect(british.some((v) => v.visitDate >= '2020-02-01')).toBe(true);
    for (const v of british) expect(v.originGroup).toBe(v.visitDate <= '2020-01-31' ? 'eu' : 'non_eu');
  });
});
