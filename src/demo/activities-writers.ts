/**
 * What the activities generator writes with: a writer a table (parents flushed first), the
 * last ids written, and the context of a run and of a centre's year that its parts share.
 */
import { type Kysely, sql } from 'kysely';
import type { EnrolmentProgramme } from '../contracts/enums.js';
import { isPostgres } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { CentreCalendar } from '../domain/calendar.js';
import type { PopulateActivitiesResult } from './activities-generator.js';
import type { WriteSession } from './bulk.js';
import type { PersonFacts } from './centre-people.js';
import type { Rng } from './random.js';

/** The partner of the courses and events, and the funder of a project: the province's SAI project. */
export const SAI_PARTNER = 'Progetto SAI «Ancona Provincia d’Asilo»';
/** Where the courses and the June party take place. */
export const PLACE = 'Centro Servizi per l’Integrazione Sociale';

/** One run: the data set's dates, the writers, the ids and the counts. */
export interface ActivitiesRun {
  session: WriteSession;
  /** First day of the data set: no course starts before it. */
  startDate: string;
  /** Today for the data set: nothing is attended after it. */
  endDate: string;
  /** created_at and updated_at of every row. */
  stamp: string;
  writers: ActivitiesWriters;
  ids: ActivityIds;
  counts: PopulateActivitiesResult;
}

/** One centre's year: its own random stream, the part of the year inside the data set. */
export interface CentreYear {
  run: ActivitiesRun;
  centreId: number;
  calendar: CentreCalendar;
  year: number;
  rng: Rng;
  yearFrom: string;
  yearTo: string;
  /** The part of the year inside the data set (0 to 1): a partial year gets its part of the waiting lists and meetings. */
  share: number;
  /** The centre's people who are not Italian citizens: the learners, guests and people waiting. */
  foreigners: readonly PersonFacts[];
  /** The learners of the year's clubs so far. */
  learnersOfYear: PlannedEnrolment[];
}

export interface PlannedEnrolment {
  id: number;
  person: PersonFacts;
  programme: EnrolmentProgramme;
  enrolledOn: string;
  withdrawnOn: string | null;
  propensity: number;
}

/** The last ids written: explicit ids after the current maximum. */
export type ActivityIds = Awaited<ReturnType<typeof maxIds>>;

export async function maxIds(session: WriteSession) {
  return {
    set: await session.maxId('openingHourSets'),
    staff: await session.maxId('staffMembers'),
    project: await session.maxId('projects'),
    course: await session.maxId('courses'),
    lesson: await session.maxId('lessons'),
    enrolment: await session.maxId('enrolments'),
    event: await session.maxId('events'),
    meeting: await session.maxId('networkMeetings'),
    consultation: await session.maxId('legalConsultations'),
  };
}

/**
 * Attendance is most of the rows (a mark per learner and lesson held). On PostgreSQL a
 * multi-row INSERT pays for parsing and binding 32,000 parameters a batch; `unnest` of four
 * arrays binds four, and halves the time (the foreign-key checks are the rest).
 */
class PostgresAttendanceWriter {
  private lessonIds: number[] = [];
  private enrolmentIds: number[] = [];
  private present: number[] = [];
  private recordedAt: string[] = [];

  constructor(
    private readonly session: WriteSession,
    private readonly parents: ReadonlyArray<{ flush(): Promise<void> }>,
    private readonly rowsPerBatch = 50_000,
  ) {}

  async add(lessonId: number, enrolmentId: number, present: number, recordedAt: string): Promise<void> {
    this.lessonIds.push(lessonId);
    this.enrolmentIds.push(enrolmentId);
    this.present.push(present);
    this.recordedAt.push(recordedAt);
    if (this.lessonIds.length >= this.rowsPerBatch) await this.flush();
  }

  async flush(): Promise<void> {
    const rows = this.lessonIds.length;
    if (rows === 0) return;
    for (const parent of this.parents) await parent.flush();
    const [lessonIds, enrolmentIds, present, recordedAt] = [this.lessonIds, this.enrolmentIds, this.present, this.recordedAt];
    this.lessonIds = [];
    this.enrolmentIds = [];
    this.present = [];
    this.recordedAt = [];
    await sql`insert into attendance (lesson_id, enrolment_id, present, recorded_at)
      select * from unnest(${lessonIds}::integer[], ${enrolmentIds}::integer[], ${present}::integer[], ${recordedAt}::text[])`.execute(
      await this.session.connection(),
    );
    await this.session.wrote(rows);
  }
}

export type ActivitiesWriters = ReturnType<typeof activitiesWriters>;

/** Parents before their children: the generator flushes them in this order at the end. */
export function activitiesWriters(session: WriteSession, db: Kysely<Database>) {
  const editable = ['createdAt', 'updatedAt', 'version'] as const;
  const sets = session.writer('openingHourSets', ['id', 'centreId', 'validFrom', 'notes', ...editable]);
  const slots = session.writer('openingSlots', ['setId', 'weekday', 'fromTime', 'toTime'], sets);
  const closures = session.writer('closures', ['centreId', 'fromDate', 'toDate', 'reason', ...editable]);
  const staff = session.writer('staffMembers', ['id', 'centreId', 'name', 'role', 'userId', 'notes', ...editable]);
  const projects = session.writer('projects', [
    'id',
    'centreId',
    'name',
    'funder',
    'fromDate',
    'toDate',
    'extraWeeklyMinutes',
    'description',
    ...editable,
  ]);
  const contracts = session.writer(
    'staffContracts',
    ['staffId', 'fromDate', 'toDate', 'weeklyMinutes', 'description', 'projectId', ...editable],
    staff,
    projects,
  );
  const courses = session.writer('courses', [
    'id',
    'centreId',
    'kindId',
    'title',
    'level',
    'partner',
    'place',
    'startDate',
    'endDate',
    'weekdays',
    'startTime',
    'lessonMinutes',
    'capacity',
    'notes',
    ...editable,
  ]);
  const lessons = session.writer(
    'lessons',
    ['id', 'courseId', 'lessonDate', 'startTime', 'minutes', 'status', 'notes', 'plannedOn', ...editable],
    courses,
  );
  const enrolments = session.writer(
    'enrolments',
    ['id', 'courseId', 'personId', 'programme', 'enrolledOn', 'withdrawnOn', 'gender', 'citizenship', ...editable],
    courses,
  );
  const attendance = isPostgres(db)
    ? new PostgresAttendanceWriter(session, [lessons, enrolments])
    : session.writer('attendance', ['lessonId', 'enrolmentId', 'present', 'recordedAt'], lessons, enrolments);
  const waiting = session.writer(
    'waitingListEntries',
    ['centreId', 'kind', 'personId', 'requestedOn', 'priority', 'status', 'closedOn', 'enrolmentId', 'notes', ...editable],
    enrolments,
  );
  const events = session.writer('events', [
    'id',
    'centreId',
    'title',
    'eventDate',
    'startTime',
    'endTime',
    'place',
    'meetingPoint',
    'partner',
    'description',
    'otherParticipants',
    ...editable,
  ]);
  const participants = session.writer('eventParticipants', ['eventId', 'personId'], events);
  const meetings = session.writer('networkMeetings', ['id', 'centreId', 'heldOn', 'topic', 'outcome', ...editable]);
  const meetingOrgs = session.writer('networkMeetingOrganisations', ['meetingId', 'networkOrganisationId'], meetings);
  const consultations = session.writer('legalConsultations', [
    'id',
    'centreId',
    'heldOn',
    'minutes',
    'lawyerName',
    'questions',
    'guidance',
    'createdBy',
    ...editable,
  ]);
  const consultationCases = session.writer('legalConsultationCases', ['consultationId', 'caseId'], consultations);
  return {
    sets,
    slots,
    closures,
    staff,
    projects,
    contracts,
    courses,
    lessons,
    enrolments,
    attendance,
    waiting,
    events,
    participants,
    meetings,
    meetingOrgs,
    consultations,
    consultationCases,
  };
}
