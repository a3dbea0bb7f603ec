/**
 * Person search against a model of its rules, over many centres: on PostgreSQL the words are
 * joined on the person (matchesByJoin), on SQLite a union is grouped and counted (matchesByUnion);
 * both must give the same people, in the same order, with the same totals.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestOrganisation } from '../../../test/support/app.js';
import { createTestDatabase, DIALECTS, describeDialect } from '../../../test/support/databases.js';
import type { AppDatabase } from '../../db/database.js';
import { isUsefulSkeleton, nameSkeleton, nameTokens } from '../../domain/names.js';
import { insertPerson } from './people.repository.js';
import { searchPeople } from './people-search.repository.js';

const GIVEN = ['Mohamed', 'Mohammed', 'Muhammad', 'Fatima', 'Fatma', 'Ali', 'Amina', 'Youssef', 'Yusuf', 'Ahmed', 'Mamadou', 'Awa', 'Jose'];
const FAMILY = ['Ali', 'Diallo', 'Ben Salah', 'El Idrissi', 'Hossain', 'Rahman', 'Mohamed', 'Ahmadi', 'Ba', 'Sow', 'Garcia Lopez'];

const QUERIES = [
  'mohamed',
  'moh',
  'mohamed ali',
  'ali mohamed',
  'moh mohamed', // two words that the same token matches
  'muhammad rahman',
  'fatima',
  'fat el',
  'ba',
  'ali',
  'el idrissi fatma',
  'yusuf hossain',
  'jose garcia lopez',
  'mamadou diallo sow', // no one has all three
  'zzz',
];

interface Model {
  id: number;
  centreId: number;
  givenNames: string;
  familyNames: string;
}

/** The rules of searchPeople, in memory. */
function expected(people: Model[], centreIds: number[], query: string) {
  const words = nameTokens(query);
  const ranked = people
    .filter((p) => centreIds.includes(p.centreId))
    .map((p) => {
      const tokens = nameTokens(`${p.givenNames} ${p.familyNames}`);
      const scores = words.map((w) => {
        const skeleton = nameSkeleton(w);
        const bySkeleton = isUsefulSkeleton(w, skeleton);
        return Math.max(0, ...tokens.map((t) => (t.startsWith(w) ? 2 : bySkeleton && nameSkeleton(t) === skeleton ? 1 : 0)));
      });
      return { p, matched: scores.every((s) => s > 0), rank: scores.reduce((a, b) => a + b, 0) };
    })
    .filter((r) => r.matched);
  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  ranked.sort(
    (a, b) => b.rank - a.rank || byCode(a.p.familyNames, b.p.familyNames) || byCode(a.p.givenNames, b.p.givenNames) || a.p.id - b.p.id,
  );
  return ranked.map((r) => r.p.id);
}

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: person search over many centres`, () => {
    let database: AppDatabase;
    let centreIds: number[];
    const people: Model[] = [];

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      const org = await createTestOrganisation(database.db, { centres: Array.from({ length: 12 }, (_, i) => `C${i + 1}`) });
      centreIds = org.centres.map((c) => c.id);
      let seed = 7;
      const next = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed % n;
      };
      const now = new Date().toISOString();
      for (let i = 0; i < 240; i++) {
        const given = next(5) === 0 ? `${GIVEN[next(GIVEN.length)]} ${GIVEN[next(GIVEN.length)]}` : (GIVEN[next(GIVEN.length)] as string);
        const row = await insertPerson(database.db, {
          centreId: centreIds[next(centreIds.length)] as number,
          givenNames: given,
          familyNames: FAMILY[next(FAMILY.length)] as string,
          gender: 'female',
          citizenship: 'MA',
          languages: '[]',
          residenceKind: 'unknown',
          version: 1,
          createdAt: now,
          updatedAt: now,
        });
        people.push({ id: row.id, centreId: row.centreId, givenNames: row.givenNames, familyNames: row.familyNames });
      }
    });
    afterAll(() => database?.close());

    it('finds the same people, in the same order, with the same totals as the rules say, whatever the centres', async () => {
      const scopes = [centreIds, centreIds.slice(2, 7), [centreIds[3] as number]];
      let compared = 0;
      for (const scope of scopes) {
        for (const query of QUERIES) {
          const want = expected(people, scope, query);
          const all = await searchPeople(database.db, scope, query, 1, 500);
          expect({ query, scope: scope.length, ids: all.items.map((p) => p.id), total: all.total }).toEqual({
            query,
            scope: scope.length,
            ids: want,
            total: want.length,
          });
          // Pages of 7, and one past the end: the total still counted.
          const second = await searchPeople(database.db, scope, query, 2, 7);
          expect(second.items.map((p) => p.id)).toEqual(want.slice(7, 14));
          expect(second.total).toBe(want.length);
          const past = await searchPeople(database.db, scope, query, Math.ceil(want.length / 7) + 1, 7);
          expect(past).toEqual({ items: [], total: want.length });
          compared += want.length;
        }
      }
      expect(compared).toBeGreaterThan(300); // the queries do find people
    });
  });
}
