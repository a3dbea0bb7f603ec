/**
 * A seeded, reproducible generator of synthetic centres, people and visits, shared by the
 * demo (`approdo demo`) and the benchmark. Same seed and sizes, same rows.
 *
 * Everything derived is computed by the domain's own functions, as the application does when
 * an operator records the same facts: origin group (`originGroupOf`), age band (`ageBandOn`),
 * instants and dates in Europe/Rome (`romeInstant`, `romeDateOf`, `todayInRome`) and the rows of
 * the name search index (`nameIndexEntries`). Check characters of codici fiscali come from the
 * domain too.
 *
 * Rows go in with multi-row INSERTs in batches (see bulk.ts), people and visits in time order
 * as a real desk would have written them, with explicit ids taken after the current maximum.
 * Run it on a database nobody else writes to at the same time (a demo or benchmark copy).
 *
 * The parts: the desk's calendar (desk-calendar.ts), people (draw-people.ts, fiscal-codes.ts),
 * visits (draw-visits.ts), writing both (write-people-visits.ts, populate-centres.ts); cases and
 * permits (care-generator.ts). This module puts a whole organisation together.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { todayInRome } from '../domain/dates.js';
import { createCentre, createOrganisation, createUser } from '../modules/accounts/accounts.usecases.js';
import { recordAudit } from '../modules/audit/audit.repository.js';
import { resolveComuneName } from '../reference/index.js';
import { type PopulateCareResult, populateCare } from './care-generator.js';
import type { CentreTarget } from './draw-people.js';
import { NAME_POOLS } from './names.js';
import { type PopulateResult, populateCentres } from './populate-centres.js';
import { addDays, CENTRE_SITES } from './profiles.js';
import { deriveSeed, Rng } from './random.js';

// What the demo, the benchmark and the tests import from here.
export { clockTimeOf, type DeskCalendar, deskCalendar } from './desk-calendar.js';
export { type CentreTarget, JESI_ISTAT, nearbyComuniOf } from './draw-people.js';
export { personalFiscalCode, provisionalFiscalCode } from './fiscal-codes.js';
export { type PopulateOptions, type PopulateResult, populateCentres } from './populate-centres.js';
export { deriveSeed, mulberry32, Rng } from './random.js';

/** Integers proportional to `weights` that add up to `total` exactly (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : 0));
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    counts[i] = (counts[i] as number) + 1;
  }
  return counts;
}

export interface GenerateOptions {
  seed: number;
  centres: number;
  people: number;
  visits: number;
  /** Years of visits up to `endDate`. */
  years: number;
  /** Last date of the visits (Europe/Rome; default today). Fix it for reproducible data. */
  endDate?: string;
  now?: Date;
  organisationName?: string;
  /** Prepended to the centre codes (which are unique in a database). */
  codePrefix?: string;
  /** Operators per centre, besides the coordinator (default 2). */
  operatorsPerCentre?: number;
  anonymousShare?: number;
  commitEvery?: number;
  onProgress?: (phase: string, done: number, total: number) => void;
}

export interface GeneratedCentre {
  id: number;
  code: string;
  name: string;
  comuneIstat: string;
  people: number;
  visits: number;
  /** The coordinator first, then the operators: accounts without a password. */
  userIds: number[];
}

export interface GeneratedOrganisation extends PopulateResult {
  organisationId: number;
  care: PopulateCareResult;
  centres: GeneratedCentre[];
  startDate: string;
  endDate: string;
}

/** How people and visits spread over centres: a few large ones (the first is the largest), many small. */
export const CENTRE_SIZE_EXPONENT = 0.6;

/**
 * Creates an organisation with its request topics, `centres` centres in comuni of the province
 * of Ancona (Jesi first), a coordinator and operators per centre (no passwords), and fills them
 * with `people` people and `visits` visits over `years` years.
 */
export async function generateOrganisation(db: Kysely<Database>, options: GenerateOptions): Promise<GeneratedOrganisation> {
  const now = options.now ?? new Date();
  const endDate = options.endDate ?? todayInRome(now);
  const startDate = addDays(endDate, -Math.round(options.years * 365.25) + 1);
  const prefix = options.codePrefix ?? '';
  const rng = new Rng(deriveSeed(options.seed, 0xc0ffee));
  const organisationId = await createOrganisation(
    db,
    options.organisationName ?? 'Ambito Territoriale Sociale (dati sintetici)',
    now.toISOString(),
  );

  const weights = Array.from({ length: options.centres }, (_, i) => 1 / (i + 1) ** CENTRE_SIZE_EXPONENT);
  const peopleCounts = apportion(options.people, weights);
  const visitCounts = apportion(options.visits, weights);
  const centres: GeneratedCentre[] = [];
  const targets: CentreTarget[] = [];
  const italian = NAME_POOLS.italian;
  for (let i = 0; i < options.centres; i++) {
    const site = CENTRE_SITES[i % CENTRE_SITES.length] as { code: string; comune: string };
    const round = Math.floor(i / CENTRE_SITES.length);
    const comune = resolveComuneName(site.comune, 'AN');
    if (!comune) throw new Error(`Unknown comune ${site.comune}`);
    const code = `${prefix}${site.code}${round > 0 ? `-${round + 1}` : ''}`;
    const name = `Centro Servizi per l'Integrazione Sociale – ${comune.name}${round > 0 ? ` (${round + 1})` : ''}`;
    const centre = await createCentre(db, { organisationId, code, name, comuneIstat: comune.istat }, null);
    const userIds: number[] = [];
    const staff = 1 + (options.operatorsPerCentre ?? 2);
    for (let u = 0; u < staff; u++) {
      const female = rng.chance(0.7);
      const displayName = `${rng.ranked(female ? italian.female : italian.male)} ${rng.ranked(italian.family, 0.7)}`;
      const user = await createUser(
        db,
        {
          organisationId,
          email: `${u === 0 ? 'coordinatore' : `operatore${u}`}.${code.toLowerCase()}@example.org`,
          displayName,
          role: u === 0 ? 'coordinator' : 'operator',
          centreIds: [centre.id],
        },
        null,
      );
      userIds.push(user.id);
    }
    centres.push({
      id: centre.id,
      code,
      name,
      comuneIstat: comune.istat,
      people: peopleCounts[i] as number,
      visits: visitCounts[i] as number,
      userIds,
    });
    targets.push({
      centreId: centre.id,
      stream: i + 1,
      hostComune: comune.istat,
      people: peopleCounts[i] as number,
      visits: visitCounts[i] as number,
      // Operators record most visits; the coordinator some.
      operatorIds: [...userIds.slice(1), ...userIds.slice(1), userIds[0] as number],
    });
  }

  const result = await populateCentres(db, {
    seed: options.seed,
    organisationId,
    centres: targets,
    startDate,
    endDate,
    now,
    anonymousShare: options.anonymousShare,
    commitEvery: options.commitEvery,
    onProgress: options.onProgress,
  });
  // Cases for a fifth of the people, and residence permits (see care-generator.ts).
  const care = await populateCare(db, {
    seed: options.seed,
    centres: centres.map((centre, i) => ({ centreId: centre.id, stream: i + 1, userIds: centre.userIds })),
    endDate,
    commitEvery: options.commitEvery,
    onProgress: options.onProgress,
  });
  for (const centre of centres) {
    await auditSyntheticData(db, centre.id, { seed: options.seed, people: centre.people, visits: centre.visits, startDate, endDate });
  }
  return { ...result, organisationId, care, centres, startDate, endDate };
}

/** The audit row that says a centre's records are synthetic: made by no user, with the seed and the figures drawn. */
export function auditSyntheticData(db: Kysely<Database>, centreId: number, details: Record<string, unknown>): Promise<void> {
  return recordAudit(db, { userId: null, centreId, action: 'create', entity: 'synthetic_data', entityId: centreId, details });
}
