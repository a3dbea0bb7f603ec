/**
 * The centre's staff (figure professionali) with their contracts, and its projects. Managed and
 * read by the coordinator and the administrator (catalogues.manage): contracts are HR data.
 * Contract periods add up (src/domain/calendar.ts, weeklyMinutesOn): a new contract ends the
 * old one the day before; extra hours («+6 ore dal 15 ottobre») are a period of their own.
 */
import type { Kysely } from 'kysely';
import type {
  Project,
  ProjectCreateInput,
  ProjectListQuery,
  ProjectUpdateInput,
  StaffContract,
  StaffContractCreateInput,
  StaffContractUpdateInput,
  StaffCreateInput,
  StaffList,
  StaffListQuery,
  StaffMember,
  StaffUpdateInput,
} from '../../contracts/calendar.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { deleteVersioned, updateVersioned } from '../../db/versioned.js';
import { contractMinutesOfYear, weeklyMinutesOn } from '../../domain/calendar.js';
import { todayInRome } from '../../domain/dates.js';
import { notFound, staleVersion, validationFailed } from '../../errors/index.js';
import { recordAudit } from '../audit/audit.repository.js';
import { type Actor, targetCentre } from '../auth/actor.js';
import {
  contractsOf,
  findContract,
  findProject,
  findStaff,
  listProjects,
  listStaff,
  type StaffRow,
  userOfCentre,
} from './staff.repository.js';

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

async function loadMember(db: Db, id: number, centreIds: number[]): Promise<StaffMember> {
  const row = await findStaff(db, id, centreIds);
  if (!row) throw notFound('staff member');
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
    const stamp = now.toISOString();
    const row = await trx
      .insertInto('staffMembers')
      .values({
        centreId,
        name: input.name,
        role: input.role,
        userId: input.userId ?? null,
        notes: input.notes || null,
        createdAt: stamp,
        updatedAt: stamp,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { userId: actor.userId, centreId, action: 'create', entity: 'staff_member', entityId: row.id }, now);
    return row.id;
  });
  return loadMember(db, id, [centreId]);
}

export async function updateStaff(db: Db, actor: Actor, id: number, input: StaffUpdateInput, now = new Date()): Promise<StaffMember> {
  const centreId = await inTransaction(db, async (trx) => {
    const existing = await findStaff(trx, id, actor.centreIds);
    if (!existing) throw notFound('staff member');
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
    await recordAudit(
      trx,
      { userId: actor.userId, centreId: existing.centreId, action: 'update', entity: 'staff_member', entityId: id, details: { fields } },
      now,
    );
    return existing.centreId;
  });
  return loadMember(db, id, [centreId]);
}

/** Deletes a member entered by mistake, with their contracts. */
export async function deleteStaff(db: Db, actor: Actor, id: number, version: number, now = new Date()): Promise<void> {
  await inTransaction(db, async (trx) => {
    const existing = await findStaff(trx, id, actor.centreIds);
    if (!existing) throw notFound('staff member');
    await deleteVersioned(trx, 'staffMembers', id, version, 'staff member');
    await recordAudit(
      trx,
      { userId: actor.userId, centreId: existing.centreId, action: 'delete', entity: 'staff_member', entityId: id },
      now,
    );
  });
}

// --- contracts

/** A contract's project must be one of the member's centre (another one answers 404). */
async function checkProject(db: Db, projectId: number | null | undefined, centreId: number) {
  if (projectId && !(await findProject(db, projectId, [centreId]))) throw notFound('project');
}

export async function createContract(db: Db, actor: Actor, staffId: number, input: StaffContractCreateInput, now = new Date()) {
  const centreId = await inTransaction(db, async (trx) => {
    const member = await findStaff(trx, staffId, actor.centreIds);
    if (!member) throw notFound('staff member');
    await checkProject(trx, input.projectId, member.centreId);
    const stamp = now.toISOString();
    const row = await trx
      .insertInto('staffContracts')
      .values({
        staffId,
        fromDate: input.from,
        toDate: input.to ?? null,
        weeklyMinutes: input.weeklyMinutes,
        description: input.description || null,
        projectId: input.projectId ?? null,
        createdAt: stamp,
        updatedAt: stamp,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      {
        userId: actor.userId,
        centreId: member.centreId,
        action: 'create',
        entity: 'staff_contract',
        entityId: row.id,
        details: { staffId },
      },
      now,
    );
    return member.centreId;
  });
  return loadMember(db, staffId, [centreId]);
}

export async function updateContract(
  db: Db,
  actor: Actor,
  staffId: number,
  contractId: number,
  input: StaffContractUpdateInput,
  now = new Date(),
) {
  const centreId = await inTransaction(db, async (trx) => {
    const member = await findStaff(trx, staffId, actor.centreIds);
    const existing = member ? await findContract(trx, staffId, contractId) : undefined;
    if (!member || !existing) throw notFound('contract');
    if (existing.version !== input.version) throw staleVersion(existing.version);
    const next = {
      from: input.from ?? existing.from,
      to: input.to !== undefined ? input.to : existing.to,
      weeklyMinutes: input.weeklyMinutes ?? existing.weeklyMinutes,
      description: input.description !== undefined ? input.description || null : existing.description,
      projectId: input.projectId !== undefined ? input.projectId : (existing.project?.id ?? null),
    };
    if (next.to !== null && next.to < next.from) {
      throw validationFailed([{ field: 'to', code: 'period.end_before_start' }]);
    }
    if (next.projectId !== (existing.project?.id ?? null)) await checkProject(trx, next.projectId, member.centreId);
    const before = { ...existing, projectId: existing.project?.id ?? null };
    const fields = (Object.keys(next) as Array<keyof typeof next>).filter((key) => next[key] !== before[key]);
    await updateVersioned(
      trx,
      'staffContracts',
      contractId,
      input.version,
      {
        fromDate: next.from,
        toDate: next.to,
        weeklyMinutes: next.weeklyMinutes,
        description: next.description,
        projectId: next.projectId,
        updatedAt: now.toISOString(),
      },
      'contract',
    );
    await recordAudit(
      trx,
      {
        userId: actor.userId,
        centreId: member.centreId,
        action: 'update',
        entity: 'staff_contract',
        entityId: contractId,
        details: { staffId, fields },
      },
      now,
    );
    return member.centreId;
  });
  return loadMember(db, staffId, [centreId]);
}

export async function deleteContract(db: Db, actor: Actor, staffId: number, contractId: number, version: number, now = new Date()) {
  await inTransaction(db, async (trx) => {
    const member = await findStaff(trx, staffId, actor.centreIds);
    const existing = member ? await findContract(trx, staffId, contractId) : undefined;
    if (!member || !existing) throw notFound('contract');
    await deleteVersioned(trx, 'staffContracts', contractId, version, 'contract');
    await recordAudit(
      trx,
      {
        userId: actor.userId,
        centreId: member.centreId,
        action: 'delete',
        entity: 'staff_contract',
        entityId: contractId,
        details: { staffId },
      },
      now,
    );
  });
}

// --- projects

/** The projects of a centre running at some moment of a year: exported for the annual report. */
export async function projectsOfYear(db: Db, centreId: number, year: number): Promise<Project[]> {
  return listProjects(db, centreId, { from: `${year}-01-01`, to: `${year}-12-31` });
}

export async function listProjectsFor(db: Db, actor: Actor, query: ProjectListQuery): Promise<Project[]> {
  const centreId = targetCentre(actor, query.centreId);
  return query.year ? projectsOfYear(db, centreId, query.year) : listProjects(db, centreId);
}

export async function createProject(db: Db, actor: Actor, input: ProjectCreateInput, now = new Date()): Promise<Project> {
  const centreId = targetCentre(actor, input.centreId);
  const id = await inTransaction(db, async (trx) => {
    const stamp = now.toISOString();
    const row = await trx
      .insertInto('projects')
      .values({
        centreId,
        name: input.name,
        funder: input.funder || null,
        fromDate: input.from,
        toDate: input.to ?? null,
        extraWeeklyMinutes: input.extraWeeklyMinutes,
        description: input.description || null,
        createdAt: stamp,
        updatedAt: stamp,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { userId: actor.userId, centreId, action: 'create', entity: 'project', entityId: row.id }, now);
    return row.id;
  });
  return (await findProject(db, id, [centreId])) as Project;
}

export async function updateProject(db: Db, actor: Actor, id: number, input: ProjectUpdateInput, now = new Date()): Promise<Project> {
  const centreId = await inTransaction(db, async (trx) => {
    const existing = await findProject(trx, id, actor.centreIds);
    if (!existing) throw notFound('project');
    if (existing.version !== input.version) throw staleVersion(existing.version);
    const next = {
      name: input.name ?? existing.name,
      funder: input.funder !== undefined ? input.funder || null : existing.funder,
      from: input.from ?? existing.from,
      to: input.to !== undefined ? input.to : existing.to,
      extraWeeklyMinutes: input.extraWeeklyMinutes ?? existing.extraWeeklyMinutes,
      description: input.description !== undefined ? input.description || null : existing.description,
    };
    if (next.to !== null && next.to < next.from) {
      throw validationFailed([{ field: 'to', code: 'period.end_before_start' }]);
    }
    const fields = (Object.keys(next) as Array<keyof typeof next>).filter((key) => next[key] !== existing[key]);
    const { from, to, ...rest } = next;
    await updateVersioned(
      trx,
      'projects',
      id,
      input.version,
      { ...rest, fromDate: from, toDate: to, updatedAt: now.toISOString() },
      'project',
    );
    await recordAudit(
      trx,
      { userId: actor.userId, centreId: existing.centreId, action: 'update', entity: 'project', entityId: id, details: { fields } },
      now,
    );
    return existing.centreId;
  });
  return (await findProject(db, id, [centreId])) as Project;
}

/** Deletes a project entered by mistake; the contracts it paid for keep their hours, without the project. */
export async function deleteProject(db: Db, actor: Actor, id: number, version: number, now = new Date()): Promise<void> {
  await inTransaction(db, async (trx) => {
    const existing = await findProject(trx, id, actor.centreIds);
    if (!existing) throw notFound('project');
    await deleteVersioned(trx, 'projects', id, version, 'project');
    await trx.updateTable('staffContracts').set({ projectId: null }).where('projectId', '=', id).execute();
    await recordAudit(trx, { userId: actor.userId, centreId: existing.centreId, action: 'delete', entity: 'project', entityId: id }, now);
  });
}
