/** Courses (migration 0003-activities-calendar): kinds, courses, lessons, enrolments, attendance, waiting lists. */
import type { Generated } from 'kysely';
import type { CatalogueTable, Editable } from './shared.js';

export interface CourseKindsTable extends CatalogueTable {}

export interface CoursesTable extends Editable {
  id: Generated<number>;
  centreId: number;
  kindId: number;
  title: string;
  level: string | null;
  partner: string | null;
  place: string | null;
  startDate: string;
  endDate: string;
  /** JSON array of ISO weekdays. */
  weekdays: string;
  startTime: string;
  lessonMinutes: number;
  capacity: number | null;
  notes: string | null;
}

export interface LessonsTable extends Editable {
  id: Generated<number>;
  courseId: number;
  lessonDate: string;
  startTime: string;
  minutes: number;
  /** scheduled | held | cancelled */
  status: string;
  notes: string | null;
  /** The date of the weekly pattern a generated lesson stands for (kept when moved); null when added by hand. */
  plannedOn: string | null;
}

export interface EnrolmentsTable extends Editable {
  id: Generated<number>;
  courseId: number;
  personId: number | null;
  /** sai | centre_user | other */
  programme: string;
  enrolledOn: string;
  withdrawnOn: string | null;
  gender: string;
  citizenship: string;
  /** After the person's erasure: the same number on all their enrolments, so they count once (migration 0013). */
  anonymousKey: number | null;
}

export interface AttendanceTable {
  lessonId: number;
  enrolmentId: number;
  present: number;
  recordedAt: string;
}

export interface WaitingListEntriesTable extends Editable {
  id: Generated<number>;
  centreId: number;
  kind: string;
  personId: number | null;
  requestedOn: string;
  priority: number;
  /** waiting | placed | withdrawn */
  status: string;
  closedOn: string | null;
  enrolmentId: number | null;
  notes: string | null;
}

/**
 * A version of each centre's course data (migration 0021): a new random value at every write of
 * what the courses' figures read (courses, their kinds' names, the centre's completion threshold,
 * lessons, enrolments, attendance), set by triggers, never by the application. The home page
 * counts a centre's running courses again only when it moved.
 */
export interface CourseVersionsTable {
  centreId: number;
  version: string;
}

/** This area\'s part of `Database` (schema.ts). */
export interface CoursesTables {
  courseKinds: CourseKindsTable;
  courseVersions: CourseVersionsTable;
  courses: CoursesTable;
  lessons: LessonsTable;
  enrolments: EnrolmentsTable;
  attendance: AttendanceTable;
  waitingListEntries: WaitingListEntriesTable;
}
