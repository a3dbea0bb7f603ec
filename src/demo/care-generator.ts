/**
 * Synthetic people in care for the demo and the benchmark: cases (with their periods, the
 * member snapshot, a plan, a diary and referrals) for a share of the people a centre already
 * has, and residence permits for non-EU citizens. Seeded and reproducible like generator.ts,
 * written in bulk with explicit ids after the current maximum: run it on a database nobody
 * else writes to at the same time.
 */
import type { Kysely } from 'kysely';
import type { RenewalStatus } from '../contracts/enums.js';
import type { Database } from '../db/schema.js';
import { originGroupOf } from '../domain/origin-group.js';
import { type RowCounts, writeInSession, zeroCounts } from './bulk.js';
import { APPLICATION_WEIGHTS, OUTCOME_TABLE, PC_PURPOSE_TABLE, PERMIT_TYPES } from './care-tables.js';
import { careWriters } from './care-writers.js';
import { type PersonFacts, readCentrePeople } from './centre-people.js';
import { type CareDraw, drawCase } from './draw-case.js';
import { addDays, dateMin } from './profiles.js';
import { deriveSeed, Rng, Weighted } from './random.js';

export interface CareCentreTarget {
  centreId: number;
  /** The centre's random stream (its position in the organisation). */
  stream: number;
  /** Staff who can be responsible for cases and write the diary (the coordinator first). */
  userIds: readonly number[];
}

export interface PopulateCareOptions {
  seed: number;
  centres: readonly CareCentreTarget[];
  /** Nothing is dated after this day (Europe/Rome). */
  endDate: string;
  /** Share of the people who have a case (default 0.2). */
  caseShare?: number;
  /** Share of the non-EU citizens with a residence permit on file (default 0.6). */
  permitShare?: number;
  commitEvery?: number;
  onProgress?: (phase: string, done: number, total: number) => void;
}

/** What populateCare reports: the rows it wrote, by kind. */
const CARE_COUNTS = ['cases', 'periods', 'goals', 'actions', 'notes', 'referrals', 'permits', 'applications', 'pcStationUses'] as const;
export type PopulateCareResult = RowCounts<(typeof CARE_COUNTS)[number]>;

export async function populateCare(db: Kysely<Database>, options: PopulateCareOptions): Promise<PopulateCareResult> {
  const caseShare = options.caseShare ?? 0.2;
  const permitShare = options.permitShare ?? 0.6;
  const progress = options.onProgress ?? (() => {});
  const end = options.endDate;
  const stamp = `${end}T12:00:00.000Z`;
  const counts = zeroCounts(CARE_COUNTS);
  const sequences = ['cases', 'case_goals', 'residence_permits'];
  return writeInSession(db, { commitEvery: options.commitEvery, sequences }, async (session) => {
    const ids = {
      case: await session.maxId('cases'),
      goal: await session.maxId('caseGoals'),
      permit: await session.maxId('residencePermits'),
    };
    const writers = careWriters(session);
    for (const centre of options.centres) {
      const rng = new Rng(deriveSeed(options.seed, centre.stream, 7));
      // The organisation's application catalogue, weighted towards what the desk fills in most.
      // (The connection is asked for at each read: the session commits every so many rows and starts a new transaction.)
      const types = await (await session.connection())
        .selectFrom('applicationTypes')
        .innerJoin('centres', 'centres.organisationId', 'applicationTypes.organisationId')
        .select(['applicationTypes.id', 'applicationTypes.code'])
        .where('centres.id', '=', centre.centreId)
        .where('applicationTypes.active', '=', 1)
        .orderBy('applicationTypes.id')
        .execute();
      const typeTable =
        types.length > 0 ? new Weighted(types.map((type) => [type.id, APPLICATION_WEIGHTS[type.code] ?? 1] as const)) : null;
      const draw: CareDraw = {
        rng,
        centreId: centre.centreId,
        staff: centre.userIds.length > 0 ? centre.userIds : [null],
        end,
        stamp,
        writers,
        ids,
        counts,
        application: async (personId, from, until, operatorId) => {
          if (!typeTable || from > until) return;
          const appliedOn = dateMin(addDays(from, rng.int(0, 120)), until);
          await writers.applications.add(
            centre.centreId,
            personId,
            typeTable.draw(rng),
            appliedOn,
            operatorId,
            OUTCOME_TABLE.draw(rng),
            null,
            null,
            stamp,
            stamp,
            1,
          );
          counts.applications++;
        },
      };
      const people = await readCentrePeople(await session.connection(), centre.centreId);
      for (const person of people) {
        if (person.firstDate > end) continue;
        if (rng.chance(caseShare)) await drawCase(draw, person);
        else if (rng.chance(0.05)) await draw.application(person.id, person.firstDate, end, rng.pick(draw.staff));
        if (rng.chance(0.08)) await drawPcUses(draw, person);
        if (originGroupOf(person.citizenship, end) === 'non_eu' && rng.chance(permitShare)) await drawPermit(draw, person);
      }
      progress('people in care drawn', counts.cases, counts.cases);
    }
    // In the writers' order: parents before children.
    for (const writer of Object.values(writers)) await writer.flush();
    return counts;
  });
}

/** A few sessions at the public PC station. */
async function drawPcUses(draw: CareDraw, person: PersonFacts): Promise<void> {
  const { rng, centreId, staff, end, stamp, writers, counts } = draw;
  const uses = rng.int(1, 3);
  for (let u = 0; u < uses; u++) {
    const usedOn = dateMin(addDays(person.firstDate, rng.int(0, 500)), end);
    await writers.pcUses.add(centreId, usedOn, person.id, PC_PURPOSE_TABLE.draw(rng), 10 + 5 * rng.int(0, 10), rng.pick(staff), stamp);
    counts.pcStationUses++;
  }
}

/** A residence permit, expired or expiring around the end (none for long-term EU residents). */
async function drawPermit(draw: CareDraw, person: PersonFacts): Promise<void> {
  const { rng, centreId, end, stamp, writers, ids, counts } = draw;
  const type = PERMIT_TYPES.draw(rng);
  // Expiries from well before the end to two years after it: the Scadenze page has both.
  const expiresOn = type === 'eu_long_term' ? null : addDays(end, rng.int(-240, 730));
  const issuedOn = expiresOn ? addDays(expiresOn, -rng.pick([365, 730, 1095])) : addDays(person.firstDate, -rng.int(30, 900));
  const renewal: RenewalStatus = expiresOn && expiresOn < end ? (rng.chance(0.5) ? 'requested' : 'to_renew') : 'none';
  await writers.permits.add(
    ++ids.permit,
    person.id,
    centreId,
    type,
    `J${String(1_000_000 + ids.permit).slice(1)}`,
    dateMin(issuedOn, end),
    expiresOn,
    renewal,
    0,
    null,
    stamp,
    stamp,
    1,
  );
  counts.permits++;
}
