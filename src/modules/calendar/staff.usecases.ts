/**
 * The centre's staff (figure professionali), each read with their contracts (changed in
 * contracts.usecases.ts). Managed and read by the coordinator and the administrator
 * (catalogues.manage): contracts are HR data.
 */
import type { Kysely } from 'kysely';
import type {
  StaffContract,
  StaffCreateInput,
  StaffList,
  StaffListQuery,
  StaffMember,
  StaffUpdateInput,
} from '../../contracts/calendar.js';
import { orNotFound } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { updateVersioned } from '../../db/versioned.js';
import { contractMinutesOfYear, weeklyMinutesOn } from '../../domain/calendar.js';
import { todayInRome } from '../../domain/dates.js';
import { notFound, staleVersion } from '../../errors/index.js';
import { recordChange } from '../audit/audit.repository.js';
import { type AuditedKind, findAndDelete, insertRecord } from '../audit/audited-records.js';
import { type Actor, targetCentre } from '../auth/actor.js';
import { contractsOf, findStaff, listStaff, type StaffRow, userOfCentre } from './staff.repository.js';

type Db = Kysely<Database>;

function withHours(row: StaffRow, contracts: StaffContract[], date: string, year: number): StaffMember {
  return { ...row, contracts, weeklyMinutes: weeklyMinutesOn(contracts, date), yearMinutes: contractMinutesOfYear(contracts, year) };
}

/**
 * The staff of a centre with their contracts, the weekly hours in force on a date and the
 * contracted hours over a year. Exported for the annual report.
 */
export async function staffOfCentre(db: Db, centreId: number, date: string, year: number): Promise<StaffList> {
  const rows = await listStaff(db, centreId);
  const contracts = await contractsOf(
    db,
    rows.map((r) => r.id),
  );
  const items = rows.map((row) => withHours(row, contracts.get(row.id) ?? [], date, year));
  return {
    date,
    year,
    items,
    totalWeeklyMinutes: items.reduce((sum, m) => sum + m.weeklyMinutes, 0),
    totalYearMinutes: items.reduce((sum, m) => sum + m.yearMinutes, 0),
  };
}

/** The staff of a year for the annual report: hours in force at the year's end, contracted hours over it. */
export async function staffOfYear(db: Db, centreId: number, year: number): Promise<StaffList> {
  const list = await staffOfCentre(db, centreId, `${year}-12-31`, year);
  // Only the staff who had a contract in the year; their contracts of other years stay listed.
  const items = list.items.filter((m) => m.contracts.some((c) => c.from <= `${year}-12-31` && (c.to === null || c.to >= `${year}-01-01`)));
  return { ...list, items };
}

export async function listStaffFor(db: Db, actor: Actor, query: StaffListQuery): Promise<StaffList> {
  const date = query.date ?? todayInRome();
  return staffOfCentre(db, targetCentre(actor, query.centreId), date, query.year ?? Number(date.slice(0, 4)));
}

/** A member with their contracts and the hours in force today; 404 outside these centres. */
export async function loadMember(db: Db, id: number, centreIds: number[]): Promise<StaffMember> {
  const row = await orNotFound(findStaff(db, id, centreIds), 'staff member');
  const contracts = (await contractsOf(db, [id])).get(id) ?? [];
  const today = todayInRome();
  return withHours(row, contracts, today, Number(today.slice(0, 4)));
}

export async function getStaff(db: Db, actor: Actor, id: number): Promise<StaffMember> {
  return loadMember(db, id, actor.centreIds);
}

/** A linked account must be a user of the member's centre (another one answers 404, as if absent). */
async function checkUser(db: Db, userId: number | null | undefined, centreId: number) {
  if (userId && !(await userOfCentre(db, userId, centreId))) throw notFound('user');
}

export async function createStaff(db: Db, actor: Actor, input: StaffCreateInput, now = new Date()): Promise<StaffMember> {
  const centreId = targetCentre(actor, input.centreId);
  const id = await inTransaction(db, async (trx) => {
    await checkUser(trx, input.userId, centreId);
    const values = { centreId, name: input.name, role: input.role, userId: input.userId ?? null, notes: input.notes || null };
    return insertRecord(trx, actor, STAFF_MEMBER, values, now);
  });
  return loadMember(db, id, [centreId]);
}

export async function updateStaff(db: Db, actor: Actor, id: number, input: StaffUpdateInput, now = new Date()): Promise<StaffMember> {
  const centreId = await inTransaction(db, async (trx) => {
    const existing = await orNotFound(findStaff(trx, id, actor.centreIds), 'staff member');
    if (existing.version !== input.version) throw staleVersion(existing.version);
    const changes: Record<string, unknown> = {};
    const fields: string[] = [];
    if (input.name !== undefined && input.name !== existing.name) {
      changes.name = input.name;
      fields.push('name');
    }
    if (input.role !== undefined && input.role !== existing.role) {
      changes.role = input.role;
      fields.push('role');
    }
    if (input.userId !== undefined && (input.userId ?? null) !== (existing.user?.id ?? null)) {
      await checkUser(trx, input.userId, existing.centreId);
      changes.userId = input.userId ?? null;
      fields.push('userId');
    }
    if (input.notes !== undefined && (input.notes || null) !== existing.notes) {
      changes.notes = input.notes || null;
      fields.push('notes');
    }
    await updateVersioned(trx, 'staffMembers', id, input.version, { ...changes, updatedAt: now.toISOString() }, 'staff member');
    await recordChange(trx, actor, 'update', 'staff_member', { id, centreId: existing.centreId }, { details: { fields }, at: now });
    return existing.centreId;
  });
  return loadMember(db, id, [centreId]);
}

const STAFF_MEMBER: AuditedKind<'staffMembers'> = { table: 'staffMembers', label: 'staff member', entity: 'staff_member' };

/** Deletes a member entered by mistake, with their contracts. */
export function deleteStaff(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  return findAndDelete(db, actor, STAFF_MEMBER, { id, version }, (trx) => findStaff(trx, id, actor.centreIds));
}
