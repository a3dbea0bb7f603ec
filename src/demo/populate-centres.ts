/**
 * People and visits for given centres of one organisation: the desk's calendar, then each
 * centre's people and visits drawn from their own random streams, then written in time order.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { TOPICS } from '../modules/catalogues/catalogues.js';
import { listCatalogue } from '../modules/catalogues/catalogues.repository.js';
import { deskCalendar } from './desk-calendar.js';
import { type CentreTarget, centreContexts, drawPeople } from './draw-people.js';
import { drawVisits, topicTables } from './draw-visits.js';
import { type PopulateResult, writePeopleAndVisits } from './write-people-visits.js';

export type { CentreTarget } from './draw-people.js';
export type { PopulateResult } from './write-people-visits.js';

export interface PopulateOptions {
  seed: number;
  organisationId: number;
  centres: readonly CentreTarget[];
  /** First and last date of the visits (Europe/Rome); nothing is placed after `now`. */
  startDate: string;
  endDate: string;
  now?: Date;
  /** Share of anonymous visits (default 0.12). */
  anonymousShare?: number;
  /** Commit every so many rows when not given a transaction (default 250,000). */
  commitEvery?: number;
  onProgress?: (phase: string, done: number, total: number) => void;
}

/**
 * Writes people (with their search index rows) and visits (with their topics) for the given
 * centres of one organisation. The organisation must have active request topics.
 */
export async function populateCentres(db: Kysely<Database>, options: PopulateOptions): Promise<PopulateResult> {
  const now = options.now ?? new Date();
  const anonymousShare = options.anonymousShare ?? 0.12;
  const progress = options.onProgress ?? (() => {});
  const calendar = deskCalendar(options.startDate, options.endDate, now);
  const totalVisits = options.centres.reduce((a, c) => a + c.visits, 0);
  const totalPeople = options.centres.reduce((a, c) => a + c.people, 0);
  if (calendar.days.length === 0 && totalVisits + totalPeople > 0)
    throw new Error(`The desk is never open between ${options.startDate} and ${options.endDate}`);

  const topics = await listCatalogue(db, TOPICS, options.organisationId, true);
  if (topics.length === 0) throw new Error(`Organisation ${options.organisationId} has no active request topics`);
  const topicsFor = topicTables(topics);

  const centres = centreContexts(options.centres, options.seed);
  const { people, centrePeople } = drawPeople(options.seed, centres, calendar, progress);
  const visits = drawVisits({ seed: options.seed, centres, people, centrePeople, calendar, anonymousShare, topicsFor, progress });
  return writePeopleAndVisits(db, { centres, calendar, people, visits }, options.commitEvery, progress);
}
