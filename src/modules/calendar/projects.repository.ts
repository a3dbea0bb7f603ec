/** The centre's projects (funders, partners, the staff hours they add): SQL only. */
import type { Kysely, Selectable } from 'kysely';
import type { Project } from '../../contracts/calendar.js';
import type { Database, ProjectsTable } from '../../db/schema.js';

type Db = Kysely<Database>;

const PROJECT_COLUMNS = ['id', 'centreId', 'name', 'funder', 'fromDate', 'toDate', 'extraWeeklyMinutes', 'description', 'version'] as const;

type ProjectRow = Omit<Selectable<ProjectsTable>, 'createdAt' | 'updatedAt'>;

const toProject = ({ fromDate, toDate, ...row }: ProjectRow): Project => ({ ...row, from: fromDate, to: toDate });

/** The projects of these centres, with their columns: what a list and a project read. */
function projectsOf(db: Db, centreIds: number[]) {
  return db.selectFrom('projects').select(PROJECT_COLUMNS).where('centreId', 'in', centreIds);
}

/** The projects of a centre, newest first; with a period, those running at some moment of it. */
export async function listProjects(db: Db, centreId: number, period?: { from: string; to: string }): Promise<Project[]> {
  let query = projectsOf(db, [centreId]);
  if (period) {
    query = query.where('fromDate', '<=', period.to).where((eb) => eb.or([eb('toDate', 'is', null), eb('toDate', '>=', period.from)]));
  }
  const rows = await query.orderBy('fromDate', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toProject);
}

export async function findProject(db: Db, id: number, centreIds: number[]): Promise<Project | undefined> {
  if (centreIds.length === 0) return undefined;
  const row = await projectsOf(db, centreIds).where('id', '=', id).executeTakeFirst();
  return row ? toProject(row) : undefined;
}
