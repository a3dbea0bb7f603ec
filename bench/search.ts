/**
 * Person search through the HTTP API: realistic queries an operator types (full names, one
 * name, the first letters, two partial words, names in the other order, spelling variants),
 * sent one after the other as the front desk does, timed from the client.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.js';
import { SPELLING_VARIANT_QUERIES } from '../src/demo/names.js';
import { deriveSeed, Rng } from '../src/demo/random.js';
import { type LatencySummary, summarise } from './lib.js';

export type QueryKind = 'full name' | 'family name' | 'prefix' | 'two partial words' | 'other order' | 'spelling variant';

export interface SearchQuery {
  q: string;
  kind: QueryKind;
  /** For queries made from a person's names: that person should be among the results. */
  personId?: number;
}

const KINDS = new Map<QueryKind, number>([
  ['full name', 25],
  ['family name', 15],
  ['prefix', 20],
  ['two partial words', 15],
  ['other order', 10],
  ['spelling variant', 15],
]);

function prefix(rng: Rng, word: string): string {
  const first = word.split(' ')[0] ?? word;
  return first.slice(0, Math.min(first.length, rng.int(3, 5)));
}

/** Queries drawn (seeded) from the names of people in the given centres. */
export async function buildQueries(db: Kysely<Database>, centreIds: number[], count: number, seed: number): Promise<SearchQuery[]> {
  const people = await db
    .selectFrom('people')
    .select(['id', 'givenNames', 'familyNames'])
    .where('centreId', 'in', centreIds)
    .orderBy('id')
    .execute();
  if (people.length === 0) throw new Error('No people to search for');
  const rng = new Rng(deriveSeed(seed, centreIds.length, 0x5ea));
  const kinds = [...KINDS.keys()];
  const weights = [...KINDS.values()];
  const total = weights.reduce((a, b) => a + b, 0);
  const queries: SearchQuery[] = [];
  for (let i = 0; i < count; i++) {
    let u = rng.float() * total;
    let kind = kinds[0] as QueryKind;
    for (const [k, w] of KINDS) {
      if (u < w) {
        kind = k;
        break;
      }
      u -= w;
    }
    const p = rng.pick(people);
    const lower = rng.chance(0.6);
    const cased = (s: string) => (lower ? s.toLowerCase() : s);
    switch (kind) {
      case 'full name':
        queries.push({ q: cased(`${p.givenNames} ${p.familyNames}`), kind, personId: p.id });
        break;
      case 'family name':
        queries.push({ q: cased(p.familyNames), kind, personId: p.id });
        break;
      case 'prefix':
        queries.push({ q: prefix(rng, p.familyNames).toLowerCase(), kind, personId: p.id });
        break;
      case 'two partial words':
        queries.push({ q: `${prefix(rng, p.givenNames)} ${prefix(rng, p.familyNames)}`.toLowerCase(), kind, personId: p.id });
        break;
      case 'other order':
        queries.push({ q: cased(`${p.familyNames} ${p.givenNames}`), kind, personId: p.id });
        break;
      case 'spelling variant':
        queries.push({ q: rng.pick(SPELLING_VARIANT_QUERIES), kind });
        break;
    }
  }
  return queries;
}

export interface SearchRun extends LatencySummary {
  scope: string;
  /** Queries made from a person's names whose person came back in the first page. */
  found: string;
  meanTotal: number;
  byKind: Record<string, LatencySummary>;
  slowest: Array<{ q: string; kind: QueryKind; ms: number; total: number }>;
}

interface PageOfPeople {
  items: Array<{ id: number }>;
  total: number;
}

/** Runs the queries one after the other (after a warm-up) and times each request. */
export async function runSearches(
  baseUrl: string,
  token: string,
  queries: SearchQuery[],
  scope: string,
  centreId?: number,
): Promise<SearchRun> {
  const headers = { authorization: `Bearer ${token}` };
  const request = async (query: SearchQuery) => {
    const params = new URLSearchParams({ q: query.q, pageSize: '20' });
    if (centreId !== undefined) params.set('centreId', String(centreId));
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/v1/people?${params}`, { headers });
    const body = (await response.json()) as PageOfPeople;
    const ms = performance.now() - started;
    if (!response.ok) throw new Error(`search "${query.q}" answered ${response.status}: ${JSON.stringify(body)}`);
    return { ms, body };
  };
  for (const query of queries.slice(0, 20)) await request(query); // warm-up: JIT, page cache, statements

  const samples: number[] = [];
  const byKind = new Map<QueryKind, number[]>();
  const slowest: SearchRun['slowest'] = [];
  let withPerson = 0;
  let found = 0;
  let totals = 0;
  for (const query of queries) {
    const { ms, body } = await request(query);
    samples.push(ms);
    byKind.set(query.kind, [...(byKind.get(query.kind) ?? []), ms]);
    slowest.push({ q: query.q, kind: query.kind, ms: Math.round(ms * 10) / 10, total: body.total });
    totals += body.total;
    if (query.personId !== undefined && query.kind !== 'prefix' && query.kind !== 'two partial words' && query.kind !== 'family name') {
      withPerson++;
      if (body.items.some((item) => item.id === query.personId)) found++;
    }
  }
  slowest.sort((a, b) => b.ms - a.ms);
  return {
    scope,
    ...summarise(samples),
    found: `${found}/${withPerson} full-name queries found their person on the first page`,
    meanTotal: Math.round(totals / Math.max(1, queries.length)),
    byKind: Object.fromEntries([...byKind].map(([k, v]) => [k, summarise(v)])),
    slowest: slowest.slice(0, 5),
  };
}
