/**
 * The centre's calendar: hours sets valid from a date, closures (the open days and hours computed
 * from them are in days.usecases.ts; the patron day is one of the centre's settings,
 * accounts/centres.usecases.ts). Managed by the coordinator
 * (catalogues.manage); read by everyone of the centre (no personal data).
 */
import type { Kysely } from 'kysely';
import type {
  ClosureCreateInput,
  ClosureListQuery,
  ClosureUpdateInput,
  HoursSet,
  HoursSetCreateInput,
  HoursSetUpdateInput,
} from '../../contracts/calendar.js';
import { orNotFound } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { deleteVersioned, updateVersioned } from '../../db/versioned.js';
import { hoursSetOn, type OpeningSlot, slotProblems } from '../../domain/calendar.js';
import { todayInRome } from '../../domain/dates.js';
import { staleVersion, validationFailed } from '../../errors/index.js';
import { recordChange } from '../audit/audit.repository.js';
import { type AuditedKind, findAndDelete } from '../audit/audited-records.js';
import { type Actor, targetCentre } from '../auth/actor.js';
import { hoursDateTaken, hoursNotFuture } from './calendar.errors.js';
import {
  findClosure,
  findHoursSet,
  hoursSetOnDate,
  insertClosure,
  insertHoursSet,
  listClosures,
  listHoursSets,
  replaceSlots,
} from './calendar.repository.js';

type Db = Kysely<Database>;

/** Slots that end before they start, or overlap on a day, are refused (400). */
function checkSlots(slots: readonly OpeningSlot[]) {
  const problems = slotProblems(slots);
  if (problems.length > 0) throw validationFailed(problems.map((problem) => ({ field: 'slots', ...problem })));
}

const asSlots = (slots: HoursSet['slots']) => slots as OpeningSlot[];

// --- opening hours

export async function listHoursSetsFor(db: Db, actor: Actor, centreId?: number): Promise<HoursSet[]> {
  return listHoursSets(db, targetCentre(actor, centreId));
}

/**
 * A new hours set from a date. Without slots it copies the set in force on that date, so that a
 * change (Tuesday afternoon closed from 15 October) is one edit of the copy; the past is untouched.
 */
export async function createHoursSet(db: Db, actor: Actor, input: HoursSetCreateInput, now = new Date()): Promise<HoursSet> {
  const centreId = targetCentre(actor, input.centreId);
  if (input.slots) checkSlots(asSlots(input.slots));
  const id = await inTransaction(db, async (trx) => {
    if (await hoursSetOnDate(trx, centreId, input.validFrom)) throw hoursDateTaken(input.validFrom);
    const sets = input.slots ? [] : await listHoursSets(trx, centreId);
    const copied = hoursSetOn(
      sets.map((set) => ({ validFrom: set.validFrom, slots: asSlots(set.slots) })),
      input.validFrom,
    );
    const slots = input.slots ?? copied?.slots ?? [];
    const stamp = now.toISOString();
    const values = { centreId, validFrom: input.validFrom, notes: input.notes || null };
    const id = await insertHoursSet(trx, { ...values, createdAt: stamp, updatedAt: stamp, version: 1 });
    await replaceSlots(trx, id, asSlots(slots));
    await recordChange(
      trx,
      actor,
      'create',
      'opening_hours',
      { id, centreId },
      { details: { validFrom: input.validFrom, slots: slots.length, ...(copied && { copiedFrom: copied.validFrom }) }, at: now },
    );
    return id;
  });
  return (await findHoursSet(db, id, [centreId])) as HoursSet;
}

export async function updateHoursSet(db: Db, actor: Actor, id: number, input: HoursSetUpdateInput, now = new Date()): Promise<HoursSet> {
  if (input.slots) checkSlots(asSlots(input.slots));
  const centreId = await inTransaction(db, async (trx) => {
    const existing = await orNotFound(findHoursSet(trx, id, actor.centreIds), 'hours set');
    if (existing.version !== input.version) throw staleVersion(existing.version);
    const changes: Record<string, unknown> = { updatedAt: now.toISOString() };
    const fields: string[] = [];
    if (input.validFrom !== undefined && input.validFrom !== existing.validFrom) {
      if (await hoursSetOnDate(trx, existing.centreId, input.validFrom)) throw hoursDateTaken(input.validFrom);
      changes.validFrom = input.validFrom;
      fields.push('validFrom');
    }
    if (input.notes !== undefined && (input.notes || null) !== existing.notes) {
      changes.notes = input.notes || null;
      fields.push('notes');
    }
    await updateVersioned(trx, 'openingHourSets', id, input.version, changes, 'hours set');
    if (input.slots) {
      await replaceSlots(trx, id, asSlots(input.slots));
      fields.push('slots');
    }
    await recordChange(trx, actor, 'update', 'opening_hours', { id, centreId: existing.centreId }, { details: { fields }, at: now });
    return existing.centreId;
  });
  return (await findHoursSet(db, id, [centreId])) as HoursSet;
}

/** Only a set that starts in the future may be deleted: the hours of the past are facts of the report. */
export async function deleteHoursSet(db: Db, actor: Actor, id: number, version: number, now = new Date()): Promise<void> {
  await inTransaction(db, async (trx) => {
    const existing = await orNotFound(findHoursSet(trx, id, actor.centreIds), 'hours set');
    if (existing.validFrom <= todayInRome(now)) throw hoursNotFuture();
    await deleteVersioned(trx, 'openingHourSets', id, version, 'hours set');
    await recordChange(
      trx,
      actor,
      'delete',
      'opening_hours',
      { id, centreId: existing.centreId },
      { details: { validFrom: existing.validFrom }, at: now },
    );
  });
}

// --- closures

export async function listClosuresFor(db: Db, actor: Actor, query: ClosureListQuery) {
  return listClosures(db, targetCentre(actor, query.centreId), { from: query.from, to: query.to });
}

export async function createClosure(db: Db, actor: Actor, input: ClosureCreateInput, now = new Date()) {
  const centreId = targetCentre(actor, input.centreId);
  const id = await inTransaction(db, async (trx) => {
    const stamp = now.toISOString();
    const values = { centreId, fromDate: input.from, toDate: input.to, reason: input.reason };
    const id = await insertClosure(trx, { ...values, createdAt: stamp, updatedAt: stamp, version: 1 });
    await recordChange(trx, actor, 'create', 'closure', { id, centreId }, { at: now });
    return id;
  });
  return (await findClosure(db, id, [centreId])) as NonNullable<Awaited<ReturnType<typeof findClosure>>>;
}

export async function updateClosure(db: Db, actor: Actor, id: number, input: ClosureUpdateInput, now = new Date()) {
  const centreId = await inTransaction(db, async (trx) => {
    const existing = await orNotFound(findClosure(trx, id, actor.centreIds), 'closure');
    if (existing.version !== input.version) throw staleVersion(existing.version);
    const from = input.from ?? existing.from;
    const to = input.to ?? existing.to;
    if (to < from) throw validationFailed([{ field: 'to', code: 'period.end_before_start' }]);
    const next = { from, to, reason: input.reason ?? existing.reason };
    const fields = (['from', 'to', 'reason'] as const).filter((key) => next[key] !== existing[key]);
    const changes = { fromDate: next.from, toDate: next.to, reason: next.reason, updatedAt: now.toISOString() };
    await updateVersioned(trx, 'closures', id, input.version, changes, 'closure');
    await recordChange(trx, actor, 'update', 'closure', { id, centreId: existing.centreId }, { details: { fields }, at: now });
    return existing.centreId;
  });
  return (await findClosure(db, id, [centreId])) as NonNullable<Awaited<ReturnType<typeof findClosure>>>;
}

const CLOSURE: AuditedKind = { table: 'closures', label: 'closure', entity: 'closure' };

export function deleteClosure(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  return findAndDelete(db, actor, CLOSURE, { id, version }, (trx) => findClosure(trx, id, actor.centreIds));
}
