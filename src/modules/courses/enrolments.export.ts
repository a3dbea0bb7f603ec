/**
 * A course's enrolments and a lesson's attendance as tables to take away: the columns of the
 * course's Iscritti and of the lesson's Presenze. They are read as their pages read them (the
 * names shown are logged as the pages log them), then the export is logged.
 */
import type { Kysely } from 'kysely';
import type { Enrolment } from '../../contracts/course-enrolments.js';
import type { LessonAttendance } from '../../contracts/course-lessons.js';
import type { Database } from '../../db/schema.js';
import { countryColumn, dateColumn, labelColumn, personColumn } from '../../exports/list-columns.js';
import type { TableColumn } from '../../exports/table.js';
import type { Actor } from '../auth/actor.js';
import { type ExportedRows, inOneBatch } from '../http/list-export.js';
import { getAttendance } from './attendance.usecases.js';
import { loadCourse } from './courses.usecases.js';
import { listEnrolmentsFor } from './enrolments.usecases.js';

type Db = Kysely<Database>;
const ERASED = 'Persona cancellata';

const ENROLMENT_COLUMNS: TableColumn<Enrolment>[] = [
  personColumn((e) => e.person, 'Persona', ERASED),
  labelColumn('Genere', 'gender', (e) => e.gender),
  countryColumn('Cittadinanza', (e) => e.citizenship),
  labelColumn('Programma', 'enrolmentProgramme', (e) => e.programme),
  dateColumn('Iscritta/o il', (e) => e.enrolledOn),
  dateColumn('Ritirata/o il', (e) => e.withdrawnOn),
  { header: 'Lezioni tenute', kind: 'number', width: 14, value: (e) => e.heldWhileEnrolled },
  { header: 'Presenze', kind: 'number', width: 10, value: (e) => e.attended },
  { header: 'Completato', width: 12, value: (e) => (e.completed ? 'Sì' : 'No') },
];

/** The course's enrolments, by name, as its page lists them. */
export async function enrolmentsExport(db: Db, actor: Actor, courseId: number): Promise<ExportedRows<Enrolment>> {
  const course = await loadCourse(db, actor, courseId);
  const enrolments = await listEnrolmentsFor(db, actor, courseId);
  return { ...inOneBatch(enrolments), columns: ENROLMENT_COLUMNS, centreIds: [course.centreId] };
}

type Learner = LessonAttendance['learners'][number] & { lesson: LessonAttendance['lesson']; course: LessonAttendance['course'] };

const ATTENDANCE_COLUMNS: TableColumn<Learner>[] = [
  { header: 'Corso', width: 30, value: (l) => l.course.title },
  dateColumn('Lezione del', (l) => l.lesson.date),
  personColumn((l) => l.person, 'Persona', ERASED),
  labelColumn('Programma', 'enrolmentProgramme', (l) => l.programme),
  { header: 'Presenza', width: 12, value: (l) => (l.present === null ? 'Da segnare' : l.present ? 'Presente' : 'Assente') },
];

/** The lesson's learners with their mark, as its attendance page shows them. */
export async function attendanceExport(db: Db, actor: Actor, lessonId: number): Promise<ExportedRows<Learner>> {
  const { lesson, course, learners } = await getAttendance(db, actor, lessonId);
  const rows = learners.map((learner) => ({ ...learner, lesson, course }));
  return { ...inOneBatch(rows), columns: ATTENDANCE_COLUMNS, centreIds: [course.centreId] };
}
