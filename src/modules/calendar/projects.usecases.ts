/**
 * The centre's projects: a funder or partner, a period, the staff hours a week they add; a
 * contract may say which project pays for it. Managed by the coordinator (catalogues.manage).
 */
import type { Kysely } from 'kysely';
import type { Project, ProjectCreateInput, ProjectListQuery, ProjectUpdateInput } from '../../contracts/calendar.js';
import { orNotFound } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { changedFields, updateVersioned } from '../../db/versioned.js';
import { staleVersion, validationFailed } from '../../errors/index.js';
import { recordChange } from '../audit/audit.repository.js';
import { type AuditedKind, deleteRecord, insertRecord } from '../audit/audited-records.js';
import { type Actor, targetCentre } from '../auth/actor.js';
import { findProject, listProjects } from './projects.repository.js';
import { detachContractsFromProject } from './staff.repository.js';

type Db = Kysely<Database>;

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
    const values = {
      centreId,
      name: input.name,
      funder: input.funder || null,
      fromDate: input.from,
      toDate: input.to ?? null,
      extraWeeklyMinutes: input.extraWeeklyMinutes,
      description: input.description || null,
    };
    return insertRecord(trx, actor, PROJECT, values, now);
  });
  return (await findProject(db, id, [centreId])) as Project;
}

export async function updateProject(db: Db, actor: Actor, id: number, input: ProjectUpdateInput, now = new Date()): Promise<Project> {
  const centreId = await inTransaction(db, async (trx) => {
    const existing = await orNotFound(findProject(trx, id, actor.centreIds), 'project');
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
    const fields = changedFields(next, existing);
    const { from, to, ...rest } = next;
    await updateVersioned(
      trx,
      'projects',
      id,
      input.version,
      { ...rest, fromDate: from, toDate: to, updatedAt: now.toISOString() },
      'project',
    );
    await recordChange(trx, actor, 'update', 'project', { id, centreId: existing.centreId }, { details: { fields }, at: now });
    return existing.centreId;
  });
  return (await findProject(db, id, [centreId])) as Project;
}

const PROJECT: AuditedKind<'projects'> = { table: 'projects', label: 'project', entity: 'project' };

/** Deletes a project entered by mistake; the contracts it paid for keep their hours, without the project. */
export async function deleteProject(db: Db, actor: Actor, id: number, version: number, now = new Date()): Promise<void> {
  await inTransaction(db, async (trx) => {
    const existing = await orNotFound(findProject(trx, id, actor.centreIds), 'project');
    await deleteRecord(trx, actor, PROJECT, { id, centreId: existing.centreId }, version, now);
    await detachContractsFromProject(trx, id);
  });
}
