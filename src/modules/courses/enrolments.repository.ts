/** Enrolments in courses: SQL only. */
import type { Kysely, Selectable } from 'kysely';
import type { EnrolmentProgramme, Gender } from '../../contracts/enums.js';
import { joinPersonNames } from '../../db/joined.js';
import { countRows } from '../../db/queries.js';
import type { Database, EnrolmentsTable } from '../../db/schema.js';

type Db = Kysely<Database>;

const ENROLMENT_COLUMNS = [
  'enrolments.id',
  'enrolments.courseId',
  'enrolments.personId',
  'enrolments.programme',
  'enrolments.enrolledOn',
  'enrolments.withdrawnOn',
  'enrolments.gender',
  'enrolments.citizenship',
  'enrolments.version',
] as const;

export type EnrolmentRow = Omit<Selectable<EnrolmentsTable>, 'createdAt' | 'updatedAt' | 'anonymousKey'> & {
  givenNames: string | null;
  familyNames: string | null;
};

/** By family and given names (the erased last), then enrolment: the same order on both databases. */
export function byName<T extends { givenNames: string | null; familyNames: string | null; id?: number; enrolmentId?: number }>(a: T, b: T) {
  if (a.familyNames === null || b.familyNames === null) return (a.familyNames === null ? 1 : 0) - (b.familyNames === null ? 1 : 0);
  return (
    a.familyNames.localeCompare(b.familyNames, 'it') ||
    (a.givenNames ?? '').localeCompare(b.givenNames ?? '', 'it') ||
    (a.id ?? a.enrolmentId ?? 0) - (b.id ?? b.enrolmentId ?? 0)
  );
}

function enrolmentsWithNames(db: Db) {
  return joinPersonNames(db.selectFrom('enrolments').select(ENROLMENT_COLUMNS), 'enrolments.personId');
}

export async function enrolmentRowsOfCourse(db: Db, courseId: number): Promise<EnrolmentRow[]> {
  const rows = await enrolmentsWithNames(db).where('enrolments.courseId', '=', courseId).execute();
  return rows.sort(byName);
}

export async function findEnrolmentRow(db: Db, id: number, centreIds: number[]) {
  if (centreIds.length === 0) return undefined;
  return enrolmentsWithNames(db)
    .innerJoin('courses', 'courses.id', 'enrolments.courseId')
    .select(['courses.centreId', 'courses.capacity'])
    .where('enrolments.id', '=', id)
    .where('courses.centreId', 'in', centreIds)
    .executeTakeFirst();
}

export function countActiveEnrolments(db: Db, courseId: number): Promise<number> {
  return countRows(db.selectFrom('enrolments').where('courseId', '=', courseId).where('withdrawnOn', 'is', null));
}

export async function activeEnrolmentOf(db: Db, courseId: number, personId: number, exceptId?: number) {
  let query = db
    .selectFrom('enrolments')
    .select('id')
    .where('courseId', '=', courseId)
    .where('personId', '=', personId)
    .where('withdrawnOn', 'is', null);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

/** A person's enrolments in the courses of these centres, the newest course first: for the person's file. */
export async function enrolmentRowsOfPerson(db: Db, personId: number, centreIds: number[]) {
  if (centreIds.length === 0) return [];
  return enrolmentsWithNames(db)
    .innerJoin('courses', 'courses.id', 'enrolments.courseId')
    .where('enrolments.personId', '=', personId)
    .where('courses.centreId', 'in', centreIds)
    .orderBy('courses.startDate', 'desc')
    .orderBy('enrolments.id', 'desc')
    .execute();
}

export const asGender = (gender: string) => gender as Gender;
export const asProgramme = (programme: string) => programme as EnrolmentProgramme;
