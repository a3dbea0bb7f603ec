/** The public PC station's log (postazione PC): a quick record per use, and its figures. */
import type { Kysely } from 'kysely';
import type {
  PcStationSummary,
  PcStationUse,
  PcStationUseCreateInput,
  PcStationUseListQuery,
  SummaryQuery,
} from '../../contracts/activities.js';
import { orNotFound } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { todayInRome } from '../../domain/dates.js';
import { notFound } from '../../errors/index.js';
import { recordChange } from '../audit/audit.repository.js';
import { pageNamingPeople } from '../audit/logged-lists.js';
import { type Actor, centreScope, periodScope, targetCentre } from '../auth/actor.js';
import { findPersonRow } from '../people/people.repository.js';
import { allPcUses, deletePcUseRow, findPcUseCentre, insertPcUse, listPcUses, summarisePcUses, toPcUse } from './pc-station.repository.js';

type Db = Kysely<Database>;

export async function createPcUse(db: Db, actor: Actor, input: PcStationUseCreateInput, now = new Date()): Promise<PcStationUse> {
  return inTransaction(db, async (trx) => {
    const person = input.personId ? await findPersonRow(trx, input.personId, centreScope(actor, input.centreId)) : undefined;
    if (input.personId && !person) throw notFound('person');
    // A person's uses go to the person's centre, so they never show in another centre's lists.
    const centreId = person?.centreId ?? targetCentre(actor, input.centreId);
    const row = {
      centreId,
      usedOn: input.date ?? todayInRome(now),
      personId: person?.id ?? null,
      purpose: input.purpose,
      minutes: input.minutes,
      operatorId: actor.userId,
      createdAt: now.toISOString(),
    };
    const id = await insertPcUse(trx, row);
    await recordChange(trx, actor, 'create', 'pc_station_use', { id, centreId }, { at: now });
    // Everything the answer shows is known here: no need to read it back.
    return toPcUse({
      ...row,
      id,
      givenNames: person?.givenNames ?? null,
      familyNames: person?.familyNames ?? null,
      operatorName: actor.displayName,
    });
  });
}

export async function deletePcUse(db: Db, actor: Actor, id: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const existing = await orNotFound(findPcUseCentre(trx, id, actor.centreIds), 'PC station use');
    await deletePcUseRow(trx, id);
    await recordChange(trx, actor, 'delete', 'pc_station_use', { id, centreId: existing.centreId });
  });
}

export async function listPcUsesFor(db: Db, actor: Actor, query: PcStationUseListQuery) {
  const { page, pageSize, centreId, ...rest } = query;
  const filter = { ...rest, centreIds: centreScope(actor, centreId) };
  const logged = { part: 'pc_station_uses', entity: 'pc_station_use' };
  return pageNamingPeople(db, actor, filter, logged, { page, pageSize }, () => listPcUses(db, filter, page, pageSize));
}

/** Aggregated figures (statistics.read): by period and centre only. */
export async function summarisePcUsesFor(db: Db, actor: Actor, query: SummaryQuery): Promise<PcStationSummary> {
  return summarisePcUses(db, periodScope(actor, query));
}

/**
 * A person's uses of the PC station, newest first, in one query: for the person's file.
 * Bounded by the actor's centres; the caller logs the opening of the file.
 */
export async function pcStationUsesForPerson(db: Db, actor: Actor, personId: number): Promise<PcStationUse[]> {
  return allPcUses(db, { centreIds: actor.centreIds, personId });
}
