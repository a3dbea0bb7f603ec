/** Staff members and their contracts: SQL only. */
import type { Kysely } from 'kysely';
import type { StaffContract } from '../../contracts/calendar.js';
import type { StaffRole } from '../../contracts/enums.js';
import { groupsOf, joinUserName, userOf } from '../../db/joined.js';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

export interface StaffRow {
  id: number;
  centreId: number;
  name: string;
  role: StaffRole;
  user: { id: number; displayName: string } | null;
  notes: string | null;
  version: number;
}

function staffQuery(db: Db, centreIds: number[]) {
  const members = db
    .selectFrom('staffMembers')
    .select([
      'staffMembers.id',
      'staffMembers.centreId',
      'staffMembers.name',
      'staffMembers.role',
      'staffMembers.userId',
      'staffMembers.notes',
      'staffMembers.version',
    ])
    .where('staffMembers.centreId', 'in', centreIds);
  return joinUserName(members, 'staffMembers.userId', 'userName');
}

type StaffJoinedRow = {
  id: number;
  centreId: number;
  name: string;
  role: string;
  userId: number | null;
  userName: string | null;
  notes: string | null;
  version: number;
};

const toStaff = (row: StaffJoinedRow): StaffRow => ({
  id: row.id,
  centreId: row.centreId,
  name: row.name,
  role: row.role as StaffRole,
  user: userOf(row.userId, row.userName),
  notes: row.notes,
  version: row.version,
});

/** The staff of a centre, by name. */
export async function listStaff(db: Db, centreId: number): Promise<StaffRow[]> {
  const rows = await staffQuery(db, [centreId]).orderBy('staffMembers.name').orderBy('staffMembers.id').execute();
  return rows.map(toStaff);
}

export async function findStaff(db: Db, id: number, centreIds: number[]): Promise<StaffRow | undefined> {
  if (centreIds.length === 0) return undefined;
  const row = await staffQuery(db, centreIds).where('staffMembers.id', '=', id).executeTakeFirst();
  return row ? toStaff(row) : undefined;
}

/** The contracts of these staff members, oldest first, with the project's name. */
export function contractsOf(db: Db, staffIds: number[]): Promise<Map<number, StaffContract[]>> {
  return groupsOf(
    staffIds,
    (ids) =>
      db
        .selectFrom('staffContracts')
        .leftJoin('projects', 'projects.id', 'staffContracts.projectId')
        .select([
          'staffContracts.id',
          'staffContracts.staffId',
          'staffContracts.fromDate',
          'staffContracts.toDate',
          'staffContracts.weeklyMinutes',
          'staffContracts.description',
          'staffContracts.projectId',
          'projects.name as projectName',
          'staffContracts.version',
        ])
        .where('staffContracts.staffId', 'in', ids)
        .orderBy('staffContracts.fromDate')
        .orderBy('staffContracts.id')
        .execute(),
    (row) => row.staffId,
    (row): StaffContract => ({
      id: row.id,
      staffId: row.staffId,
      from: row.fromDate,
      to: row.toDate,
      weeklyMinutes: row.weeklyMinutes,
      description: row.description,
      project: row.projectId !== null && row.projectName !== null ? { id: row.projectId, name: row.projectName } : null,
      version: row.version,
    }),
  );
}

export async function findContract(db: Db, staffId: number, contractId: number): Promise<StaffContract | undefined> {
  const contracts = await contractsOf(db, [staffId]);
  return contracts.get(staffId)?.find((c) => c.id === contractId);
}

/** The contracts a deleted project paid for keep their hours, without the project. */
export async function detachContractsFromProject(db: Db, projectId: number): Promise<void> {
  await db.updateTable('staffContracts').set({ projectId: null }).where('projectId', '=', projectId).execute();
}

/** A user account of this centre (what a staff member may be linked to). */
export async function userOfCentre(db: Db, userId: number, centreId: number) {
  return db
    .selectFrom('users')
    .innerJoin('userCentres', 'userCentres.userId', 'users.id')
    .select(['users.id'])
    .where('users.id', '=', userId)
    .where('userCentres.centreId', '=', centreId)
    .executeTakeFirst();
}
