/**
 * The contracts of a staff member. Contract periods add up (src/domain/calendar.ts,
 * weeklyMinutesOn): a new contract ends the old one the day before; extra hours («+6 ore dal 15
 * ottobre») are a period of their own. Each change answers the member with their hours.
 */
import type { Kysely } from 'kysely';
import type { AuditAction } from '../../contracts/audit.js';
import type { StaffContractCreateInput, StaffContractUpdateInput } from '../../contracts/calendar.js';
import { orNotFound } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { changedFields, deleteVersioned, insertVersioned, updateVersioned } from '../../db/versioned.js';
import { notFound, staleVersion, validationFailed } from '../../errors/index.js';
import { recordChange } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { findProject } from './projects.repository.js';
import { findContract, findStaff } from './staff.repository.js';
import { loadMember } from './staff.usecases.js';

type Db = Kysely<Database>;

/** Every change to a contract is logged with its staff member, in the member's centre. */
function recordContractChange(
  db: Db,
  actor: Actor,
  action: AuditAction,
  contractId: number,
  member: { id: number; centreId: number },
  at: Date,
  fields?: string[],
) {
  const details = { staffId: member.id, ...(fields && { fields }) };
  return recordChange(db, actor, action, 'staff_contract', { id: contractId, centreId: member.centreId }, { details, at });
}

/** A contract's project must be one of the member's centre (another one answers 404). */
async function checkProject(db: Db, projectId: number | null | undefined, centreId: number) {
  if (projectId && !(await findProject(db, projectId, [centreId]))) throw notFound('project');
}

export async function createContract(db: Db, actor: Actor, staffId: number, input: StaffContractCreateInput, now = new Date()) {
  const centreId = await inTransaction(db, async (trx) => {
    const member = await orNotFound(findStaff(trx, staffId, actor.centreIds), 'staff member');
    await checkProject(trx, input.projectId, member.centreId);
    const contractId = await insertVersioned(
      trx,
      'staffContracts',
      {
        staffId,
        fromDate: input.from,
        toDate: input.to ?? null,
        weeklyMinutes: input.weeklyMinutes,
        description: input.description || null,
        projectId: input.projectId ?? null,
      },
      now.toISOString(),
    );
    await recordContractChange(trx, actor, 'create', contractId, member, now);
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
    const fields = changedFields(next, before);
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
    await recordContractChange(trx, actor, 'update', contractId, member, now, fields);
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
    await recordContractChange(trx, actor, 'delete', contractId, member, now);
  });
}
