/**
 * The centre's calendar: hours sets valid from a date, closures, the centre's settings, and the
 * open days and hours computed from them (src/domain/calendar.ts). Managed by the coordinator
 * (catalogues.manage); read by everyone of the centre (no personal data).
 */
import { type Kysely, sql } from 'kysely';
import type {
  CalendarDay,
  CalendarFigures,
  CentreSettings,
  CentreSettingsUpdateInput,
  ClosureCreateInput,
  ClosureListQuery,
  ClosureUpdateInput,
  HoursSet,
  HoursSetCreateInput,
  HoursSetUpdateInput,
} from '../../contracts/calendar.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { deleteVersioned, updateVersioned } from '../../db/versioned.js';
import {
  addDays,
  type CentreCalendar,
  closedDaysBetween,
  type Day,
  datesBetween,
  dayOf,
  hoursSetOn,
  type OpeningSlot,
  openFigures,
  openFiguresOfMonth,
  slotProblems,
} from '../../domain/calendar.js';
import { todayInRome } from '../../domain/dates.js';
import { AppError, notFound, staleVersion, validationFailed } from '../../errors/index.js';
import { recordAudit } from '../audit/audit.repository.js';
import { type Actor, targetCentre } from '../auth/actor.js';
import {
  findCentreSettings,
  findClosure,
  findHoursSet,
  hoursSetOnDate,
  listClosures,
  listHoursSets,
  loadCentreCalendar,
  replaceSlots,
} from './calendar.repository.js';

type Db = Kysely<Database>;

const hoursDateTaken = (validFrom: string) =>
  new AppError('calendar.hours_date_taken', 409, `The centre has hours valid from ${validFrom} already: edit that set`);

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
    const row = await trx
      .insertInto('openingHourSets')
      .values({ centreId, validFrom: input.validFrom, notes: input.notes || null, createdAt: stamp, updatedAt: stamp, version: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceSlots(trx, row.id, asSlots(slots));
    await recordAudit(
      trx,
      {
        userId: actor.userId,
        centreId,
        action: 'create',
        entity: 'opening_hours',
        entityId: row.id,
        details: { validFrom: input.validFrom, slots: slots.length, ...(copied && { copiedFrom: copied.validFrom }) },
      },
      now,
    );
    return row.id;
  });
  return (await findHoursSet(db, id, [centreId])) as HoursSet;
}

export async function updateHoursSet(db: Db, actor: Actor, id: number, input: HoursSetUpdateInput, now = new Date()): Promise<HoursSet> {
  if (input.slots) checkSlots(asSlots(input.slots));
  const centreId = await inTransaction(db, async (trx) => {
    const existing = await findHoursSet(trx, id, actor.centreIds);
    if (!existing) throw notFound('hours set');
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
    await recordAudit(
      trx,
      { userId: actor.userId, centreId: existing.centreId, action: 'update', entity: 'opening_hours', entityId: id, details: { fields } },
      now,
    );
    return existing.centreId;
  });
  return (await findHoursSet(db, id, [centreId])) as HoursSet;
}

/** Only a set that starts in the future may be deleted: the hours of the past are facts of the report. */
export async function deleteHoursSet(db: Db, actor: Actor, id: number, version: number, now = new Date()): Promise<void> {
  await inTransaction(db, async (trx) => {
    const existing = await findHoursSet(trx, id, actor.centreIds);
    if (!existing) throw notFound('hours set');
    if (existing.validFrom <= todayInRome(now)) {
      throw new AppError('calendar.hours_not_future', 409, 'Only hours that start in the future can be deleted: add a new set instead');
    }
    await deleteVersioned(trx, 'openingHourSets', id, version, 'hours set');
    await recordAudit(
      trx,
      {
        userId: actor.userId,
        centreId: existing.centreId,
        action: 'delete',
        entity: 'opening_hours',
        entityId: id,
        details: { validFrom: existing.validFrom },
      },
      now,
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
    const row = await trx
      .insertInto('closures')
      .values({ centreId, fromDate: input.from, toDate: input.to, reason: input.reason, createdAt: stamp, updatedAt: stamp, version: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { userId: actor.userId, centreId, action: 'create', entity: 'closure', entityId: row.id }, now);
    return row.id;
  });
  return (await findClosure(db, id, [centreId])) as NonNullable<Awaited<ReturnType<typeof findClosure>>>;
}

export async function updateClosure(db: Db, actor: Actor, id: number, input: ClosureUpdateInput, now = new Date()) {
  const centreId = await inTransaction(db, async (trx) => {
    const existing = await findClosure(trx, id, actor.centreIds);
    if (!existing) throw notFound('closure');
    if (existing.version !== input.version) throw staleVersion(existing.version);
    const from = input.from ?? existing.from;
    const to = input.to ?? existing.to;
    if (to < from) throw validationFailed([{ field: 'to', code: 'period.end_before_start' }]);
    const next = { from, to, reason: input.reason ?? existing.reason };
    const fields = (['from', 'to', 'reason'] as const).filter((key) => next[key] !== existing[key]);
    const changes = { fromDate: next.from, toDate: next.to, reason: next.reason, updatedAt: now.toISOString() };
    await updateVersioned(trx, 'closures', id, input.version, changes, 'closure');
    await recordAudit(
      trx,
      { userId: actor.userId, centreId: existing.centreId, action: 'update', entity: 'closure', entityId: id, details: { fields } },
      now,
    );
    return existing.centreId;
  });
  return (await findClosure(db, id, [centreId])) as NonNullable<Awaited<ReturnType<typeof findClosure>>>;
}

export async function deleteClosure(db: Db, actor: Actor, id: number, version: number, now = new Date()): Promise<void> {
  await inTransaction(db, async (trx) => {
    const existing = await findClosure(trx, id, actor.centreIds);
    if (!existing) throw notFound('closure');
    await deleteVersioned(trx, 'closures', id, version, 'closure');
    await recordAudit(trx, { userId: actor.userId, centreId: existing.centreId, action: 'delete', entity: 'closure', entityId: id }, now);
  });
}

// --- settings

export async function getCentreSettings(db: Db, actor: Actor, centreId?: number): Promise<CentreSettings> {
  const settings = await findCentreSettings(db, targetCentre(actor, centreId));
  if (!settings) throw notFound('centre');
  return settings;
}

export async function updateCentreSettings(db: Db, actor: Actor, input: CentreSettingsUpdateInput, now = new Date()) {
  const centreId = targetCentre(actor, input.centreId);
  await inTransaction(db, async (trx) => {
    const existing = await findCentreSettings(trx, centreId);
    if (!existing) throw notFound('centre');
    if (existing.version !== input.version) throw staleVersion(existing.version);
    const changes: Record<string, unknown> = {};
    for (const key of ['patronDay', 'address', 'phone', 'email'] as const) {
      if (input[key] !== undefined) changes[key] = input[key] || null;
    }
    if (input.completionThreshold !== undefined) changes.completionThreshold = input.completionThreshold;
    const fields = Object.keys(changes).filter((key) => changes[key] !== existing[key as keyof CentreSettings]);
    const updated = await trx
      .updateTable('centres')
      .set({ ...changes, settingsVersion: sql`settings_version + 1` })
      .where('id', '=', centreId)
      .where('settingsVersion', '=', input.version)
      .returning('settingsVersion')
      .executeTakeFirst();
    if (!updated) throw staleVersion(existing.version + 1);
    await recordAudit(
      trx,
      { userId: actor.userId, centreId, action: 'update', entity: 'centre_settings', entityId: centreId, details: { fields } },
      now,
    );
  });
  return (await findCentreSettings(db, centreId)) as CentreSettings;
}

// --- computed days and figures

function toCalendarDay(calendar: CentreCalendar, day: Day): CalendarDay {
  return { ...day, hoursKnown: hoursSetOn(calendar.hours, day.date) !== undefined };
}

/** Every day of a period, open with its slots or closed and why. */
export async function calendarDays(db: Db, centreId: number, from: string, to: string): Promise<CalendarDay[]> {
  const calendar = await loadCentreCalendar(db, centreId);
  return datesBetween(from, to).map((date) => toCalendarDay(calendar, dayOf(calendar, date)));
}

export async function calendarDaysFor(db: Db, actor: Actor, query: { centreId?: number; from: string; to: string }) {
  return calendarDays(db, targetCentre(actor, query.centreId), query.from, query.to);
}

/**
 * Open days, open minutes and closed days of a centre for a year (month by month) or one month,
 * with the list of the days closed and why. For the calendar page and the annual report.
 */
export async function calendarFigures(db: Db, centreId: number, year: number, month?: number): Promise<CalendarFigures> {
  const calendar = await loadCentreCalendar(db, centreId);
  const months = (month ? [month] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]).map((m) => {
    const { openDays, openMinutes, closedDays } = openFiguresOfMonth(calendar, year, m);
    return { month: m, openDays, openMinutes, closedDays };
  });
  const from = month ? `${year}-${String(month).padStart(2, '0')}-01` : `${year}-01-01`;
  const to = month ? addDays(month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`, -1) : `${year}-12-31`;
  const { openDays, openMinutes, closedDays } = openFigures(calendar, from, to);
  return {
    centreId,
    year,
    month: month ?? null,
    from,
    to,
    openDays,
    openMinutes,
    closedDays,
    months,
    closed: closedDaysBetween(calendar, from, to).map((day) => toCalendarDay(calendar, day)),
  };
}

export async function calendarFiguresFor(db: Db, actor: Actor, query: { centreId?: number; year: number; month?: number }) {
  return calendarFigures(db, targetCentre(actor, query.centreId), query.year, query.month);
}
