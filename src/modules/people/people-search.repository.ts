/**
 * Finding people: by name (accents, case, word order and transliteration forgiven, through the
 * name token index), by codice fiscale, and the probable duplicates of a new file.
 */
import { type AliasedExpression, type Kysely, sql } from 'kysely';
import type { Gender } from '../../contracts/enums.js';
import type { PersonSummary } from '../../contracts/people.js';
import { isPostgres } from '../../db/database.js';
import type { Database, PersonRow } from '../../db/schema.js';
import { isUsefulSkeleton, nameSkeleton, nameTokens } from '../../domain/names.js';

type Db = Kysely<Database>;

const SUMMARY_COLUMNS = ['id', 'centreId', 'givenNames', 'familyNames', 'gender', 'birthDate', 'citizenship', 'fiscalCode'] as const;

const FISCAL_CODE_LIKE = /^(?=.*\d)[A-Za-z0-9]{11,16}$/;

/**
 * The people who match every query word, as (personId, rank), aliased `r`. A word matches a name
 * token that starts with it (score 2) or, for words long enough, one with its consonant skeleton
 * (score 1); a person's score for a word is the best of their tokens, their rank the sum over the words.
 */
type Matches = (db: Db, centreIds: number[], tokens: string[]) => AliasedExpression<{ personId: number; rank: number }, 'r'>;

function queryWords(tokens: string[]) {
  return tokens.map((token) => {
    const skeleton = nameSkeleton(token);
    // '{' sorts right after 'z': [token, token{) is the prefix range
    return { token, upper: `${token}{`, skeleton, bySkeleton: isUsefulSkeleton(token, skeleton) };
  });
}

/**
 * SQLite: per word, one grouped scan of the name index; union all; a person must be there once per word.
 * SQLite's planner has no per-value statistics of the name index: given the join of matchesByJoin it
 * starts from the first word whatever its size ("garcía hernández josé luis", 20 centres: 0.12 s
 * instead of 6 ms), so it keeps this form, which is fast there.
 */
const matchesByUnion: Matches = (db, centreIds, tokens) => {
  const perWord = queryWords(tokens).map((w, index) =>
    db
      .selectFrom('personNameTokens')
      .select([
        'personId',
        sql.lit(index).as('word'),
        sql<number>`max(case when token >= ${w.token} and token < ${w.upper} then 2 else 1 end)`.as('score'),
      ])
      .where('centreId', 'in', centreIds)
      .where((eb) =>
        eb.or([
          eb.and([eb('token', '>=', w.token), eb('token', '<', w.upper)]),
          ...(w.bySkeleton ? [eb('skeleton', '=', w.skeleton)] : []),
        ]),
      )
      .groupBy('personId'),
  );
  const [first, ...rest] = perWord;
  const union = rest.reduce((acc, q) => acc.unionAll(q), first!);
  return db
    .selectFrom(union.as('m'))
    .select(['m.personId', sql<number>`sum(m.score)`.as('rank')])
    .groupBy('m.personId')
    .having(sql`count(*)`, '=', tokens.length)
    .as('r');
};

/**
 * PostgreSQL: one scan of the name index per word, joined on the person (all in the given centres),
 * grouped by person. PostgreSQL's statistics of the index's columns tell a rare word (fassi: 567
 * tokens) from a common one (skeleton md, the Mohameds: 11,346), so it starts from the rarest and
 * looks the others up by person ("mohamed el fassi", 20 centres: 31 ms → 5 ms). With the union of
 * matchesByUnion it read every word's matches, and its estimate of the grouped union (200 rows, a
 * default) led it to a parallel plan whose workers' start-up cost more than the query: on the
 * bench's 20 centres "Javed Syed Imran" took 100 ms, 11 ms without the workers (issue 2).
 * The inner join is the "every word" condition: no count is needed.
 */
const matchesByJoin: Matches = (_db, centreIds, tokens) => {
  const words = queryWords(tokens);
  const t = (i: number) => sql.raw(`t${i}`);
  const isPrefix = (i: number) => sql`${t(i)}.token >= ${words[i]?.token} and ${t(i)}.token < ${words[i]?.upper}`;
  const matchesWord = (i: number) =>
    words[i]?.bySkeleton ? sql`((${isPrefix(i)}) or ${t(i)}.skeleton = ${words[i]?.skeleton})` : sql`(${isPrefix(i)})`;
  const each = <T>(make: (i: number) => T) => words.map((_, i) => make(i));
  // A person with two tokens matching a word is joined twice: max() keeps the best score once.
  return sql<{ personId: number; rank: number }>`(select t0.person_id, ${sql.join(
    each((i) => sql`max(case when ${isPrefix(i)} then 2 else 1 end)`),
    sql` + `,
  )} as rank
    from ${sql.join(
      each((i) => (i === 0 ? sql`person_name_tokens t0` : sql`join person_name_tokens ${t(i)} on ${t(i)}.person_id = t0.person_id`)),
      sql` `,
    )}
    where ${sql.join(
      each((i) => sql`${t(i)}.centre_id in (${sql.join(centreIds)}) and ${matchesWord(i)}`),
      sql` and `,
    )}
    group by t0.person_id)`.as('r');
};

/**
 * People whose names contain every word of the query, in any order: a word matches a name
 * token that starts with it, or one with the same consonant skeleton (Mohamed ~ Muhammad).
 * Prefix matches rank first. A query that looks like a codice fiscale also matches it.
 */
export async function searchPeople(
  db: Db,
  centreIds: number[],
  query: string,
  page: number,
  pageSize: number,
): Promise<{ items: PersonSummary[]; total: number }> {
  if (centreIds.length === 0) return { items: [], total: 0 };
  const offset = (page - 1) * pageSize;
  const compact = query.replace(/\s+/g, '');

  if (FISCAL_CODE_LIKE.test(compact)) {
    const rows = await db
      .selectFrom('people')
      .select(SUMMARY_COLUMNS)
      .where('centreId', 'in', centreIds)
      .where('fiscalCode', '=', compact.toUpperCase())
      .execute();
    // A codice fiscale names one person, or a few registered twice: all of them fit a page.
    if (rows.length > 0) return { items: rows.slice(offset, offset + pageSize).map(toSummary), total: rows.length };
  }

  const tokens = nameTokens(query);
  // A query of single letters or punctuation names nobody: an answer of everyone would not help.
  if (tokens.length === 0 && query.trim() !== '') return { items: [], total: 0 };
  if (tokens.length === 0) {
    const [rows, count] = await Promise.all([
      db
        .selectFrom('people')
        .select(SUMMARY_COLUMNS)
        .where('centreId', 'in', centreIds)
        .orderBy('id', 'desc')
        .limit(pageSize)
        .offset(offset)
        .execute(),
      db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('centreId', 'in', centreIds)
        .executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toSummary), total: Number(count.n) };
  }

  const matches = (isPostgres(db) ? matchesByJoin : matchesByUnion)(db, centreIds, tokens);

  // One pass: the page and, beside each row, the number of all matches (a window count).
  const ranked = await db
    .selectFrom(matches)
    .innerJoin('people', 'people.id', 'r.personId')
    .select([...SUMMARY_COLUMNS.map((c) => `people.${c}` as const), sql<number>`count(*) over ()`.as('total')])
    // Already true of every match (a person's name tokens carry their centre, which does not change):
    // said again on people, it lets PostgreSQL read only those centres' people for a large match set
    // (one centre, "mohammed", 1,733 matches: p95 of the bench's one-centre searches 17 → 12 ms).
    .where('people.centreId', 'in', centreIds)
    .orderBy('r.rank', 'desc')
    .orderBy('people.familyNames')
    .orderBy('people.givenNames')
    .orderBy('people.id')
    .limit(pageSize)
    .offset(offset)
    .execute();
  if (ranked.length > 0) return { items: ranked.map(({ total: _, ...row }) => toSummary(row)), total: Number(ranked[0]?.total) };
  // A page past the end has no row to carry the total: count apart.
  const count =
    offset === 0
      ? { n: 0 }
      : await db
          .selectFrom(matches)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
  return { items: [], total: Number(count.n) };
}

function toSummary(row: Pick<PersonRow, (typeof SUMMARY_COLUMNS)[number]>): PersonSummary {
  return { ...row, gender: row.gender as Gender };
}

/** People in the given centres with the same codice fiscale, or with the same birth date. */
export async function duplicateCandidates(
  db: Db,
  centreIds: number[],
  probe: { fiscalCode?: string | null; birthDate?: string | null },
  excludeId?: number,
) {
  if (centreIds.length === 0 || (!probe.fiscalCode && !probe.birthDate)) return [];
  let query = db
    .selectFrom('people')
    .select(SUMMARY_COLUMNS)
    .where('centreId', 'in', centreIds)
    .where((eb) =>
      eb.or([
        ...(probe.fiscalCode ? [eb('fiscalCode', '=', probe.fiscalCode)] : []),
        ...(probe.birthDate ? [eb('birthDate', '=', probe.birthDate)] : []),
      ]),
    )
    .limit(500);
  if (excludeId) query = query.where('id', '!=', excludeId);
  return (await query.execute()).map(toSummary);
}
