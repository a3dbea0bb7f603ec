import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Api,
  actorOf,
  api,
  type Cast,
  expectProblem,
  expectStatus,
  loginAs,
  seedCast,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.js';
import { DIALECTS, describeDialect } from '../../../test/support/databases.js';
import { ERASURE_REQUEST, erasurePath } from '../../../test/support/erasure.js';
import type { Page } from '../../contracts/common.js';
import type {
  Course,
  CourseFigures,
  CourseKind,
  Enrolment,
  GenerateLessonsResult,
  Lesson,
  LessonAttendance,
  PersonCourses,
  WaitingListEntry,
  WaitingSummary,
  YearFigures,
} from '../../contracts/courses.js';
import type { Person } from '../../contracts/people.js';
import { createDatabase } from '../../db/database.js';
import { foundation } from '../../db/migrations/0001-foundation.js';
import { care } from '../../db/migrations/0002-care.js';
import { activitiesCalendar } from '../../db/migrations/0003-activities-calendar.js';
import { todayInRome } from '../../domain/dates.js';
import { DEFAULT_COURSE_KINDS } from '../catalogues/default-course-kinds.js';
import { courseFiguresOfYear } from './figures.usecases.js';
import { enrolmentsForPerson } from './person-courses.usecases.js';
import { waitingListCounts } from './waiting-list.usecases.js';

const dayAfter = (isoDate: string) => new Date(Date.parse(`${isoDate}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: courses, lessons, enrolments, attendance, waiting lists`, () => {
    let t: TestApp;
    let cast: Cast;
    let coordinator: Api;
    let operator: Api;
    let operatorB: Api;
    let admin: Api;
    let viewer: Api;
    let kinds: CourseKind[];
    let amina: Person; // centre A
    let omar: Person; // centre A
    let sara: Person; // centre A
    let bruna: Person; // centre B
    const today = todayInRome();

    const kind = (code: string): CourseKind => {
      const found = kinds.find((row) => row.code === code);
      if (!found) throw new Error(`no course kind ${code}`);
      return found;
    };

    const person = async (as: Api, givenNames: string, familyNames: string, citizenship = 'NG', gender = 'female') =>
      expectStatus<Person>(await as.post('/people', { givenNames, familyNames, gender, citizenship }), 201);

    /** A Monday club of 2024 in centre A unless told otherwise. */
    const course = async (body: Record<string, unknown> = {}) =>
      expectStatus<Course>(
        await coordinator.post('/courses', {
          kindId: kind('language_club').id,
          title: 'Club linguistico A1',
          level: 'A1',
          partner: 'SAI «Ancona Provincia d’Asilo»',
          place: 'Sala riunioni',
          startDate: '2024-03-04',
          endDate: '2024-04-29',
          weekdays: [1],
          startTime: '15:00',
          lessonMinutes: 180,
          ...body,
        }),
        201,
      );

    const generate = async (courseId: number, body: Record<string, unknown> = {}) =>
      expectStatus<GenerateLessonsResult>(await coordinator.post(`/courses/${courseId}/lessons/generate`, body), 200);

    const lessonsOf = async (courseId: number, as = coordinator) =>
      expectStatus<Lesson[]>(await as.get(`/courses/${courseId}/lessons`), 200);

    const enrolIn = async (courseId: number, personId: number, programme = 'sai', enrolledOn = '2024-03-01', as = operator) =>
      expectStatus<Enrolment>(await as.post(`/courses/${courseId}/enrolments`, { personId, programme, enrolledOn }), 201);

    const putAttendance = (as: Api, lessonId: number, body: unknown) =>
      as.request({ method: 'PUT', url: `/lessons/${lessonId}/attendance`, payload: body as Record<string, unknown> });

    /** Takes a lesson's attendance: the learners named are present, the others absent. */
    const takeAttendance = async (lessonId: number, presentIds: number[]) => {
      const screen = expectStatus<LessonAttendance>(await operator.get(`/lessons/${lessonId}/attendance`), 200);
      return expectStatus<LessonAttendance>(
        await putAttendance(operator, lessonId, {
          version: screen.lesson.version,
          entries: screen.learners.map((l) => ({ enrolmentId: l.enrolmentId, present: presentIds.includes(l.enrolmentId) })),
        }),
        200,
      );
    };

    const auditOf = (entity: string, entityId?: number) => {
      let query = t.db.selectFrom('auditLog').select(['action', 'userId', 'centreId', 'details']).where('entity', '=', entity);
      if (entityId !== undefined) query = query.where('entityId', '=', String(entityId));
      return query.orderBy('id').execute();
    };

    /** Closures and hours are the calendar area's: written straight into its tables here. */
    const addClosure = async (centreId: number, fromDate: string, toDate: string, reason: string) => {
      const now = new Date().toISOString();
      await t.db.insertInto('closures').values({ centreId, fromDate, toDate, reason, createdAt: now, updatedAt: now }).execute();
    };

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      [coordinator, operator, operatorB, admin, viewer] = (await Promise.all(
        [cast.coordinator, cast.operatorA, cast.operatorB, cast.admin, cast.viewer].map(async (user) =>
          api(t.app, await loginAs(t.app, user.email)),
        ),
      )) as [Api, Api, Api, Api, Api];
      kinds = expectStatus<CourseKind[]>(await operator.get('/course-kinds'), 200);
      amina = await person(operator, 'Amina', 'El Idrissi', 'MA');
      omar = await person(operator, 'Omar', 'Benali', 'TN', 'male');
      sara = await person(operator, 'Sara', 'Ahmed', 'PK');
      bruna = await person(operatorB, 'Bruna', 'Rossi', 'IT');
      // Centre A: desk hours on weekday mornings only (courses run in the afternoon anyway), the patron day on 15 April.
      const now = new Date().toISOString();
      const set = await t.db
        .insertInto('openingHourSets')
        .values({ centreId: cast.centreA.id, validFrom: '2020-01-01', notes: null, createdAt: now, updatedAt: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.db
        .insertInto('openingSlots')
        .values([1, 2, 3, 4, 5].map((weekday) => ({ setId: set.id, weekday, fromTime: '09:00', toTime: '12:00' })))
        .execute();
      await t.db.updateTable('centres').set({ patronDay: '04-15' }).where('id', '=', cast.centreA.id).execute();
      await addClosure(cast.centreA.id, '2024-03-18', '2024-03-18', 'Chiusura straordinaria');
      await addClosure(cast.centreA.id, '2024-08-05', '2024-08-23', 'Chiusura estiva');
    });
    afterAll(() => t?.close());

    describe('the course-kind catalogue', () => {
      it('starts with the defaults; the coordinator adds, renames and deactivates kinds', async () => {
        expect(kinds.map((row) => row.code)).toEqual(DEFAULT_COURSE_KINDS.map((row) => row.code));
        expect(kind('language_club')).toMatchObject({ labelIt: 'Club linguistico', active: true });
        expect(kind('driving_support').labelIt).toBe('Supporto alla scuola guida');
        expectStatus(await viewer.get('/course-kinds'), 200);

        const created = expectStatus<CourseKind>(
          await coordinator.post('/course-kinds', {
            code: 'digital_skills',
            labelIt: 'Alfabetizzazione digitale',
            labelEn: 'Digital skills',
          }),
          201,
        );
        expect(created).toMatchObject({ active: true, sortOrder: DEFAULT_COURSE_KINDS.length * 10 + 10 });
        expectProblem(
          await coordinator.post('/course-kinds', { code: 'digital_skills', labelIt: 'Doppione', labelEn: 'Dup' }),
          409,
          'resource.conflict',
        );
        expectProblem(await operator.post('/course-kinds', { code: 'x_kind', labelIt: 'X', labelEn: 'X' }), 403, 'auth.forbidden');
        expectProblem(await coordinator.post('/course-kinds', { code: 'Bad Code', labelIt: 'X', labelEn: 'X' }), 400, 'validation.failed');
        const off = expectStatus<CourseKind>(
          await coordinator.patch(`/course-kinds/${created.id}`, { active: false, labelIt: 'Informatica' }),
          200,
        );
        expect(off).toMatchObject({ active: false, labelIt: 'Informatica', labelEn: 'Digital skills' });
        const active = expectStatus<CourseKind[]>(await operator.get('/course-kinds', { active: 'true' }), 200);
        expect(active.map((row) => row.id)).not.toContain(created.id);
        // An inactive kind is refused on a new course.
        const refused = expectProblem(
          await coordinator.post('/courses', { ...baseCourse(), kindId: created.id }),
          400,
          'validation.failed',
        );
        expect(refused.errors?.[0]?.path).toBe('body.kindId');
        expect((await auditOf('course_kind', created.id)).map((row) => row.action)).toEqual(['create', 'update']);
      });
    });

    const baseCourse = () => ({
      kindId: kind('language_club').id,
      title: 'Club',
      startDate: '2024-03-04',
      endDate: '2024-04-29',
      weekdays: [1],
      startTime: '15:00',
      lessonMinutes: 180,
    });

    describe('courses', () => {
      it('creates a course with its pattern; dates, pattern and lengths are validated; only coordinators manage them', async () => {
        const created = await course({ capacity: 20, notes: 'Con baby-sitting' });
        expect(created).toMatchObject({
          centreId: cast.centreA.id,
          kind: { code: 'language_club', labelIt: 'Club linguistico' },
          title: 'Club linguistico A1',
          level: 'A1',
          partner: 'SAI «Ancona Provincia d’Asilo»',
          weekdays: [1],
          startTime: '15:00',
          lessonMinutes: 180,
          capacity: 20,
          activeEnrolments: 0,
          lessons: 0,
          version: 1,
        });
        const before = (await t.db.selectFrom('courses').select('id').execute()).length;
        for (const body of [
          { endDate: '2024-03-01' },
          { weekdays: [] },
          { weekdays: [1, 1] },
          { weekdays: [8] },
          { startTime: '25:00' },
          { lessonMinutes: 5 },
          { lessonMinutes: 601 },
          { capacity: 0 },
          { level: 'D1' },
          { startDate: '2024-02-30' },
          { endDate: '2027-01-01' },
          { title: '' },
          { extra: true },
        ]) {
          expectProblem(await coordinator.post('/courses', { ...baseCourse(), ...body }), 400, 'validation.failed');
        }
        expect((await t.db.selectFrom('courses').select('id').execute()).length).toBe(before);
        expectProblem(await operator.post('/courses', baseCourse()), 403, 'auth.forbidden');
        expectProblem(await viewer.post('/courses', baseCourse()), 403, 'auth.forbidden');
        // The administrator works in two centres: which one must be said.
        expectProblem(await admin.post('/courses', baseCourse()), 400, 'validation.failed');
        const inB = expectStatus<Course>(
          await admin.post('/courses', { ...baseCourse(), centreId: cast.centreB.id, title: 'Club B' }),
          201,
        );
        expect(inB.centreId).toBe(cast.centreB.id);

        // Another centre's course is absent.
        expectProblem(await operatorB.get(`/courses/${created.id}`), 404, 'resource.not_found');
        expectProblem(await operator.get(`/courses/${inB.id}`), 404, 'resource.not_found');
        // Viewers read courses (no personal data in them), without the free-text notes.
        expect(expectStatus<Course>(await viewer.get(`/courses/${created.id}`), 200).notes).toBeNull();
        expect(expectStatus<Course>(await operator.get(`/courses/${created.id}`), 200).notes).toBe('Con baby-sitting');
        const list = expectStatus<Page<Course>>(await viewer.get('/courses', { year: 2024, kindId: kind('language_club').id }), 200);
        expect(list.items.map((c) => c.id)).toContain(created.id);
        expect(list.items.map((c) => c.id)).not.toContain(inB.id);
        expect(expectStatus<Page<Course>>(await viewer.get('/courses', { year: 2023 }), 200).items.map((c) => c.id)).not.toContain(
          created.id,
        );
      });

      it('changes a course at the version read (409 otherwise); the dates are checked against the stored ones', async () => {
        const created = await course();
        const changed = expectStatus<Course>(
          await coordinator.patch(`/courses/${created.id}`, {
            version: 1,
            title: 'Club A2',
            level: 'A2',
            weekdays: [3, 1],
            capacity: null,
          }),
          200,
        );
        expect(changed).toMatchObject({ title: 'Club A2', level: 'A2', weekdays: [1, 3], version: 2 });
        const stale = expectProblem(
          await coordinator.patch(`/courses/${created.id}`, { version: 1, title: 'Lost' }),
          409,
          'resource.stale_version',
        );
        expect(stale.currentVersion).toBe(2);
        expectProblem(await coordinator.patch(`/courses/${created.id}`, { version: 2, endDate: '2024-03-01' }), 400, 'validation.failed');
        expectProblem(
          await coordinator.patch(`/courses/${created.id}`, { version: 2, startDate: '2024-05-01', endDate: '2024-04-01' }),
          400,
          'validation.failed',
        );
        expectProblem(await operator.patch(`/courses/${created.id}`, { version: 2, title: 'X' }), 403, 'auth.forbidden');
        expect((await auditOf('course', created.id)).map((row) => [row.action, JSON.parse(row.details ?? 'null')])).toEqual([
          ['create', null],
          ['update', { fields: ['title', 'level', 'weekdays', 'capacity'] }],
        ]);
      });

      it('deletes a course nobody is enrolled in, with its lessons; one with enrolments is refused', async () => {
        const empty = await course();
        await generate(empty.id);
        expectProblem(await coordinator.delete(`/courses/${empty.id}?version=2`), 409, 'resource.stale_version');
        expectStatus(await coordinator.delete(`/courses/${empty.id}?version=1`), 204);
        expect(await t.db.selectFrom('lessons').select('id').where('courseId', '=', empty.id).execute()).toEqual([]);
        const full = await course();
        await enrolIn(full.id, amina.id);
        expectProblem(await coordinator.delete(`/courses/${full.id}?version=1`), 409, 'course.has_enrolments');
      });
    });

    describe('lessons', () => {
      it('are generated from the pattern, skipping a closure, Easter Monday and the patron day (not the days without desk hours)', async () => {
        const monday = await course();
        const result = await generate(monday.id);
        const generated = await lessonsOf(monday.id);
        // Mondays from 4 March to 29 April 2024: 18 March is closed, 1 April is Easter Monday, 15 April the patron day.
        expect(generated.map((l) => l.date)).toEqual(['2024-03-04', '2024-03-11', '2024-03-25', '2024-04-08', '2024-04-22', '2024-04-29']);
        expect(result).toMatchObject({ added: 6, removed: 0, unchanged: 0, kept: 0 });
        expect(result.skipped).toEqual([
          { date: '2024-03-18', weekday: 1, reason: 'closure', detail: 'Chiusura straordinaria' },
          { date: '2024-04-01', weekday: 1, reason: 'holiday', detail: expect.any(String) },
          { date: '2024-04-15', weekday: 1, reason: 'patron_day', detail: null },
        ]);
        expect(generated.every((l) => l.weekday === 1 && l.startTime === '15:00' && l.minutes === 180)).toBe(true);
        expect(generated.every((l) => l.status === 'scheduled' && !l.outsideCourse && l.plannedOn === l.date)).toBe(true);

        // Saturdays and Sundays have no desk hours: a weekend course still gets its lessons (but not on 25 April, a holiday).
        const weekend = await course({ startDate: '2024-04-20', endDate: '2024-04-28', weekdays: [6, 7, 4] });
        await generate(weekend.id);
        expect((await lessonsOf(weekend.id)).map((l) => [l.date, l.weekday])).toEqual([
          ['2024-04-20', 6],
          ['2024-04-21', 7],
          ['2024-04-27', 6],
          ['2024-04-28', 7],
        ]);

        // Generating again changes nothing; viewers see the lessons, only coordinators generate.
        expect(await generate(monday.id)).toMatchObject({ added: 0, removed: 0, unchanged: 6, kept: 0 });
        expect(await lessonsOf(monday.id, viewer)).toHaveLength(6);
        expectProblem(await operator.post(`/courses/${monday.id}/lessons/generate`, {}), 403, 'auth.forbidden');
        expectProblem(await operatorB.get(`/courses/${monday.id}/lessons`), 404, 'resource.not_found');
        expectProblem(await coordinator.post(`/courses/${monday.id}/lessons/generate`, { from: '2024-05-01' }), 400, 'validation.failed');
        expectProblem(await coordinator.post(`/courses/${monday.id}/lessons/generate`, { from: 'tomorrow' }), 400, 'validation.failed');
        expect((await auditOf('course', monday.id)).at(-1)?.details).toBe(
          JSON.stringify({ lessons: { from: '2024-03-04', added: 0, removed: 0 } }),
        );
      });

      it('are moved, cancelled and added one by one; outside the course they are flagged; regenerating keeps those', async () => {
        const c = await course();
        await generate(c.id);
        const [first, second, third, fourth] = (await lessonsOf(c.id)) as [Lesson, Lesson, Lesson, Lesson];
        // Move the 25 March lesson to Tuesday 26 March, at another time.
        const moved = expectStatus<Lesson>(
          await coordinator.patch(`/lessons/${third.id}`, { version: 1, date: '2024-03-26', startTime: '16:00' }),
          200,
        );
        expect(moved).toMatchObject({
          date: '2024-03-26',
          weekday: 2,
          startTime: '16:00',
          plannedOn: '2024-03-25',
          outsideCourse: false,
          version: 2,
        });
        expectProblem(await coordinator.patch(`/lessons/${third.id}`, { version: 1, notes: 'x' }), 409, 'resource.stale_version');
        // Cancel the 8 April one; annotate the 11 March one.
        expect(
          expectStatus<Lesson>(await coordinator.patch(`/lessons/${fourth.id}`, { version: 1, status: 'cancelled' }), 200).status,
        ).toBe('cancelled');
        expectStatus(await coordinator.patch(`/lessons/${second.id}`, { version: 1, notes: 'Portare il libro' }), 200);
        // Add a make-up lesson after the end: allowed, flagged.
        const extra = expectStatus<Lesson>(
          await coordinator.post(`/courses/${c.id}/lessons`, { date: '2024-05-06', notes: 'Recupero' }),
          201,
        );
        expect(extra).toMatchObject({
          date: '2024-05-06',
          weekday: 1,
          outsideCourse: true,
          plannedOn: null,
          startTime: '15:00',
          minutes: 180,
        });
        const early = expectStatus<Lesson>(
          await coordinator.post(`/courses/${c.id}/lessons`, { date: '2024-03-01', startTime: '10:00', minutes: 90 }),
          201,
        );
        expect(early).toMatchObject({ weekday: 5, outsideCourse: true, startTime: '10:00', minutes: 90 });
        for (const body of [{ date: '2024-13-01' }, { date: '2024-03-05', minutes: 0 }, { date: '2024-03-05', startTime: '9:00' }, {}]) {
          expectProblem(await coordinator.post(`/courses/${c.id}/lessons`, body), 400, 'validation.failed');
        }
        expectProblem(await coordinator.patch(`/lessons/${first.id}`, { version: 1, status: 'done' }), 400, 'validation.failed');
        expectProblem(await operator.patch(`/lessons/${first.id}`, { version: 1, status: 'cancelled' }), 403, 'auth.forbidden');

        // The time of the course changes: regenerating replaces the untouched lessons, keeps the rest.
        expectStatus(await coordinator.patch(`/courses/${c.id}`, { version: 1, startTime: '14:30' }), 200);
        const again = await generate(c.id);
        expect(again).toMatchObject({ added: 3, removed: 3, unchanged: 0, kept: 5 });
        expect((await lessonsOf(c.id)).map((l) => [l.date, l.startTime, l.status])).toEqual([
          ['2024-03-01', '10:00', 'scheduled'],
          ['2024-03-04', '14:30', 'scheduled'],
          ['2024-03-11', '15:00', 'scheduled'], // annotated: kept as it was
          ['2024-03-26', '16:00', 'scheduled'], // moved: kept, and no second lesson on 25 March
          ['2024-04-08', '15:00', 'cancelled'],
          ['2024-04-22', '14:30', 'scheduled'],
          ['2024-04-29', '14:30', 'scheduled'],
          ['2024-05-06', '15:00', 'scheduled'],
        ]);

        // Delete a lesson added by mistake.
        expectStatus(await coordinator.delete(`/lessons/${early.id}?version=1`), 204);
        expectProblem(await coordinator.delete(`/lessons/${early.id}?version=1`), 404, 'resource.not_found');
        expect((await auditOf('lesson', early.id)).map((row) => row.action)).toEqual(['create', 'delete']);
      });

      it('added or moved by hand onto a holiday, the patron day or a closure: allowed, and flagged with the reason', async () => {
        const c = await course();
        await generate(c.id);
        const generated = await lessonsOf(c.id);
        expect(generated.every((l) => l.closedDay === null)).toBe(true);
        const add = async (date: string) => expectStatus<Lesson>(await coordinator.post(`/courses/${c.id}/lessons`, { date }), 201);
        // The closure of 18 March, Easter Monday, the patron day (15 April); and a Saturday without desk hours, not closed for a course.
        expect((await add('2024-03-18')).closedDay).toEqual({ reason: 'closure', detail: 'Chiusura straordinaria' });
        expect((await add('2024-04-01')).closedDay).toEqual({ reason: 'holiday', detail: expect.any(String) });
        const patron = await add('2024-04-15');
        expect(patron.closedDay).toEqual({ reason: 'patron_day', detail: null });
        expect((await add('2024-04-20')).closedDay).toBeNull();
        // Moved onto 25 April (a holiday): flagged; moved off the patron day: no longer.
        const [first] = generated as [Lesson];
        const moved = expectStatus<Lesson>(await coordinator.patch(`/lessons/${first.id}`, { version: 1, date: '2024-04-25' }), 200);
        expect(moved.closedDay).toMatchObject({ reason: 'holiday' });
        expect(
          expectStatus<Lesson>(await coordinator.patch(`/lessons/${patron.id}`, { version: 1, date: '2024-04-16' }), 200).closedDay,
        ).toBeNull();
        // The list and the attendance screen say it too.
        const listed = await lessonsOf(c.id, viewer);
        expect(listed.filter((l) => l.closedDay !== null).map((l) => [l.date, l.closedDay?.reason])).toEqual([
          ['2024-03-18', 'closure'],
          ['2024-04-01', 'holiday'],
          ['2024-04-25', 'holiday'],
        ]);
        const screen = expectStatus<{ lesson: Lesson }>(await coordinator.get(`/lessons/${moved.id}/attendance`), 200);
        expect(screen.lesson.closedDay).toMatchObject({ reason: 'holiday' });
      });
    });

    describe('enrolments', () => {
      it('enrol people of the centre with their programme and a snapshot; capacity and duplicates answer 409', async () => {
        const c = await course({ capacity: 2 });
        const first = await enrolIn(c.id, amina.id, 'sai');
        expect(first).toMatchObject({
          courseId: c.id,
          person: { id: amina.id, givenNames: 'Amina', familyNames: 'El Idrissi' },
          programme: 'sai',
          enrolledOn: '2024-03-01',
          withdrawnOn: null,
          gender: 'female',
          citizenship: 'MA',
          version: 1,
        });
        const second = await enrolIn(c.id, omar.id, 'centre_user');
        expectProblem(
          await operator.post(`/courses/${c.id}/enrolments`, { personId: amina.id, programme: 'other' }),
          409,
          'enrolment.already_enrolled',
        );
        const full = expectProblem(
          await operator.post(`/courses/${c.id}/enrolments`, { personId: sara.id, programme: 'sai' }),
          409,
          'course.full',
        );
        expect(full.capacity).toBe(2);
        expect((await t.db.selectFrom('enrolments').select('id').where('courseId', '=', c.id).execute()).length).toBe(2);

        // The withdrawal: not before the enrolment; it frees the place.
        expectProblem(
          await operator.patch(`/enrolments/${second.id}`, { version: 1, withdrawnOn: '2024-02-01' }),
          400,
          'validation.failed',
        );
        expectProblem(
          await operator.patch(`/enrolments/${second.id}`, { version: 1, enrolledOn: '2024-04-01', withdrawnOn: '2024-03-01' }),
          400,
          'validation.failed',
        );
        const withdrawn = expectStatus<Enrolment>(
          await operator.patch(`/enrolments/${second.id}`, { version: 1, withdrawnOn: '2024-03-20' }),
          200,
        );
        expect(withdrawn).toMatchObject({ withdrawnOn: '2024-03-20', version: 2 });
        expectProblem(await operator.patch(`/enrolments/${second.id}`, { version: 1, programme: 'sai' }), 409, 'resource.stale_version');
        await enrolIn(c.id, sara.id, 'other');
        // Taking the withdrawal back needs a place.
        expectProblem(await operator.patch(`/enrolments/${second.id}`, { version: 2, withdrawnOn: null }), 409, 'course.full');
        // After a withdrawal the person may enrol again.
        const c2 = await course();
        const once = await enrolIn(c2.id, omar.id);
        expectStatus(await operator.patch(`/enrolments/${once.id}`, { version: 1, withdrawnOn: '2024-03-10' }), 200);
        const again = await enrolIn(c2.id, omar.id, 'centre_user', '2024-04-01');
        expectProblem(await operator.patch(`/enrolments/${once.id}`, { version: 2, withdrawnOn: null }), 409, 'enrolment.already_enrolled');
        expectStatus(await operator.delete(`/enrolments/${again.id}?version=1`), 204);

        // Validation, centres and roles.
        for (const body of [
          { personId: amina.id },
          { personId: amina.id, programme: 'asylum' },
          { personId: amina.id, programme: 'sai', enrolledOn: '2024-02-31' },
        ]) {
          expectProblem(await operator.post(`/courses/${c2.id}/enrolments`, body), 400, 'validation.failed');
        }
        expectProblem(
          await operator.post(`/courses/${c2.id}/enrolments`, { personId: bruna.id, programme: 'sai' }),
          404,
          'resource.not_found',
        );
        expectProblem(
          await operatorB.post(`/courses/${c2.id}/enrolments`, { personId: bruna.id, programme: 'sai' }),
          404,
          'resource.not_found',
        );
        expectProblem(await viewer.post(`/courses/${c2.id}/enrolments`, { personId: amina.id, programme: 'sai' }), 403, 'auth.forbidden');
        expectProblem(await viewer.get(`/courses/${c.id}/enrolments`), 403, 'auth.forbidden');
        expectProblem(await operatorB.get(`/courses/${c.id}/enrolments`), 404, 'resource.not_found');
        expectProblem(await operatorB.patch(`/enrolments/${first.id}`, { version: 1, programme: 'other' }), 404, 'resource.not_found');

        // The list names the learners (ordered by name) and is logged with their ids.
        const list = expectStatus<Enrolment[]>(await operator.get(`/courses/${c.id}/enrolments`), 200);
        expect(list.map((e) => e.person?.familyNames)).toEqual(['Ahmed', 'Benali', 'El Idrissi']);
        expect(JSON.parse((await auditOf('enrolment')).at(-1)?.details ?? '{}')).toEqual({ personIds: [sara.id, omar.id, amina.id] });
        expect((await auditOf('enrolment', first.id))[0]).toMatchObject({
          action: 'create',
          userId: cast.operatorA.id,
          centreId: cast.centreA.id,
        });
        expect(expectStatus<Course>(await viewer.get(`/courses/${c.id}`), 200).activeEnrolments).toBe(2);
      });
    });

    describe('attendance and figures', () => {
      let c: Course;
      let lessons: Lesson[];
      let eAmina: Enrolment;
      let eOmar: Enrolment;
      let eSara: Enrolment;

      beforeAll(async () => {
        c = await course({ title: 'Club presenze' });
        await generate(c.id);
        lessons = await lessonsOf(c.id); // 4, 11, 25 March, 8, 22, 29 April
        eAmina = await enrolIn(c.id, amina.id, 'sai', '2024-03-01');
        eOmar = await enrolIn(c.id, omar.id, 'centre_user', '2024-03-01');
        eSara = await enrolIn(c.id, sara.id, 'sai', '2024-03-05'); // from the second lesson
      });

      it('one screen per lesson lists the learners enrolled on its date; one PUT saves it all and marks the lesson held', async () => {
        const first = lessons[0] as Lesson;
        const screen = expectStatus<LessonAttendance>(await operator.get(`/lessons/${first.id}/attendance`), 200);
        expect(screen.course).toEqual({ id: c.id, title: 'Club presenze', centreId: cast.centreA.id });
        expect(screen.lesson).toMatchObject({ id: first.id, date: '2024-03-04', weekday: 1, status: 'scheduled', marked: 0 });
        // Sara enrolled on 5 March: not a learner of the 4 March lesson.
        expect(screen.learners).toEqual([
          {
            enrolmentId: eOmar.id,
            person: { id: omar.id, givenNames: 'Omar', familyNames: 'Benali' },
            programme: 'centre_user',
            present: null,
          },
          {
            enrolmentId: eAmina.id,
            person: { id: amina.id, givenNames: 'Amina', familyNames: 'El Idrissi' },
            programme: 'sai',
            present: null,
          },
        ]);
        expect(JSON.parse((await auditOf('attendance')).at(-1)?.details ?? '{}')).toEqual({ personIds: [omar.id, amina.id] });

        const saved = expectStatus<LessonAttendance>(
          await putAttendance(operator, first.id, {
            version: 1,
            entries: [
              { enrolmentId: eAmina.id, present: true },
              { enrolmentId: eOmar.id, present: false },
            ],
          }),
          200,
        );
        expect(saved.lesson).toMatchObject({ status: 'held', version: 2, present: 1, marked: 2 });
        expect(saved.learners.map((l) => [l.enrolmentId, l.present])).toEqual([
          [eOmar.id, false],
          [eAmina.id, true],
        ]);
        // Audited once, with the people's ids.
        const rows = (await auditOf('attendance', first.id)).filter((row) => row.action === 'update');
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({ userId: cast.operatorA.id, centreId: cast.centreA.id });
        expect(JSON.parse(rows[0]?.details ?? '{}')).toEqual({ personIds: [amina.id, omar.id], present: 1 });

        // Read back; saving again at the old version is refused, at the new one it replaces the marks.
        const back = expectStatus<LessonAttendance>(await operator.get(`/lessons/${first.id}/attendance`), 200);
        expect(back.learners.map((l) => l.present)).toEqual([false, true]);
        expectProblem(
          await putAttendance(operator, first.id, { version: 1, entries: [{ enrolmentId: eAmina.id, present: false }] }),
          409,
          'resource.stale_version',
        );
        const redone = expectStatus<LessonAttendance>(
          await putAttendance(operator, first.id, {
            version: 2,
            entries: [
              { enrolmentId: eAmina.id, present: true },
              { enrolmentId: eOmar.id, present: true },
            ],
          }),
          200,
        );
        expect(redone.lesson).toMatchObject({ present: 2, marked: 2, version: 3 });
        const listed = await lessonsOf(c.id);
        expect(listed[0]).toMatchObject({ status: 'held', present: 2, marked: 2 });
      });

      it('refuses learners of other courses or dates, cancelled and future lessons, and bad bodies; nothing is half-written', async () => {
        const second = lessons[1] as Lesson;
        const other = await course();
        const outsider = await enrolIn(other.id, amina.id);
        const marks = async () => t.db.selectFrom('attendance').select('enrolmentId').where('lessonId', '=', second.id).execute();
        for (const entries of [
          [{ enrolmentId: outsider.id, present: true }],
          [
            { enrolmentId: eAmina.id, present: true },
            { enrolmentId: eAmina.id, present: false },
          ],
          [{ enrolmentId: eAmina.id, present: 'yes' }],
          [{ enrolmentId: eAmina.id }],
        ]) {
          expectProblem(await putAttendance(operator, second.id, { version: 1, entries }), 400, 'validation.failed');
        }
        expectProblem(await putAttendance(operator, second.id, { entries: [] }), 400, 'validation.failed');
        expect(await marks()).toEqual([]);
        expect((await lessonsOf(c.id))[1]?.status).toBe('scheduled');

        // Someone enrolled after the lesson's date is not one of its learners.
        const late = await enrolIn(c.id, (await person(operator, 'Luca', 'Tardi')).id, 'other', '2024-04-01');
        const refused = expectProblem(
          await putAttendance(operator, second.id, { version: 1, entries: [{ enrolmentId: late.id, present: true }] }),
          400,
          'validation.failed',
        );
        expect(refused.errors?.[0]?.path).toBe('body.entries.0.enrolmentId');

        const cancelled = lessons[3] as Lesson;
        expectStatus(await coordinator.patch(`/lessons/${cancelled.id}`, { version: 1, status: 'cancelled' }), 200);
        expectProblem(await putAttendance(operator, cancelled.id, { version: 2, entries: [] }), 409, 'lesson.cancelled');
        const future = expectStatus<Lesson>(await coordinator.post(`/courses/${c.id}/lessons`, { date: dayAfter(today) }), 201);
        expectProblem(await putAttendance(operator, future.id, { version: 1, entries: [] }), 409, 'lesson.in_future');
        expectProblem(await coordinator.patch(`/lessons/${future.id}`, { version: 1, status: 'held' }), 409, 'lesson.in_future');
        expectStatus(await coordinator.delete(`/lessons/${future.id}?version=1`), 204);

        // A lesson with attendance stays held: it cannot be cancelled or deleted.
        const held = (await lessonsOf(c.id))[0] as Lesson;
        expectProblem(
          await coordinator.patch(`/lessons/${held.id}`, { version: held.version, status: 'cancelled' }),
          409,
          'lesson.has_attendance',
        );
        expectProblem(await coordinator.delete(`/lessons/${held.id}?version=${held.version}`), 409, 'lesson.has_attendance');

        // Roles and centres.
        expectProblem(await viewer.get(`/lessons/${second.id}/attendance`), 403, 'auth.forbidden');
        expectProblem(await putAttendance(viewer, second.id, { version: 1, entries: [] }), 403, 'auth.forbidden');
        expectProblem(await operatorB.get(`/lessons/${second.id}/attendance`), 404, 'resource.not_found');
        expectProblem(await putAttendance(operatorB, second.id, { version: 1, entries: [] }), 404, 'resource.not_found');
        expectStatus(await operator.delete(`/enrolments/${late.id}?version=1`), 204);
        expectStatus(await operator.delete(`/enrolments/${outsider.id}?version=1`), 204);
      });

      it('gives the course’s figures: lessons and hours held, enrolled by programme, attendance rate, completed', async () => {
        // Held: 4 March (Amina, Omar present), 11 March, 25 March, 22 April; 8 April was cancelled; 29 April is to come.
        const byDate = new Map(lessons.map((l) => [l.date, l]));
        await takeAttendance((byDate.get('2024-03-11') as Lesson).id, [eAmina.id, eOmar.id, eSara.id]);
        await takeAttendance((byDate.get('2024-03-25') as Lesson).id, [eAmina.id, eSara.id]);
        await takeAttendance((byDate.get('2024-04-22') as Lesson).id, [eAmina.id]);
        // Omar withdraws after 25 March: his last day.
        const omarNow = expectStatus<Enrolment[]>(await operator.get(`/courses/${c.id}/enrolments`), 200).find((e) => e.id === eOmar.id);
        expectStatus(await operator.patch(`/enrolments/${eOmar.id}`, { version: omarNow?.version, withdrawnOn: '2024-03-25' }), 200);

        const figures = expectStatus<CourseFigures>(await viewer.get(`/courses/${c.id}/figures`), 200);
        expect(figures).toMatchObject({
          courseId: c.id,
          title: 'Club presenze',
          kind: { code: 'language_club' },
          lessonsHeld: 4,
          minutesHeld: 720,
          hoursHeld: 12,
          lessonsCancelled: 1,
          lessonsScheduled: 1,
          enrolments: 3,
          byProgramme: { sai: 2, centre_user: 1, other: 0 },
          withdrawn: 1,
          // Amina 4 of 4, Omar 2 of 3 (held while enrolled), Sara 2 of 3.
          presences: 8,
          expectedPresences: 10,
          attendanceRate: 80,
          completionThreshold: 70,
          // Amina; not Sara (2 of 3 is 66.7%), not Omar (withdrew before the end).
          completed: 1,
        });
        const list = expectStatus<Enrolment[]>(await operator.get(`/courses/${c.id}/enrolments`), 200);
        expect(list.map((e) => [e.person?.givenNames, e.attended, e.heldWhileEnrolled, e.completed])).toEqual([
          ['Sara', 2, 3, false],
          ['Omar', 2, 3, false],
          ['Amina', 4, 4, true],
        ]);
        // The threshold is the centre's setting.
        await t.db.updateTable('centres').set({ completionThreshold: 60 }).where('id', '=', cast.centreA.id).execute();
        expect(expectStatus<CourseFigures>(await viewer.get(`/courses/${c.id}/figures`), 200)).toMatchObject({
          completed: 2,
          completionThreshold: 60,
        });
        await t.db.updateTable('centres').set({ completionThreshold: 70 }).where('id', '=', cast.centreA.id).execute();
        expectProblem(await operatorB.get(`/courses/${c.id}/figures`), 404, 'resource.not_found');
      });

      it('per year: the sum of the enrolments of the courses started in it, and the distinct learners beside it', async () => {
        // 2022, which no other test touches: two clubs and a driving course; Amina follows two of them.
        const clubA = await course({ title: 'Club base 2022', startDate: '2022-10-03', endDate: '2023-01-30', level: 'base' });
        const clubB = await course({ title: 'Club A1 2022', startDate: '2022-02-07', endDate: '2022-05-30' });
        const driving = await course({
          kindId: kind('driving_support').id,
          title: 'Patente 2022',
          startDate: '2022-03-01',
          endDate: '2022-04-30',
          level: null,
        });
        const later = await course({ title: 'Club 2023', startDate: '2023-01-09', endDate: '2023-03-27' });
        for (const [courseId, personId, programme] of [
          [clubA.id, amina.id, 'sai'],
          [clubA.id, omar.id, 'centre_user'],
          [clubA.id, sara.id, 'sai'],
          [clubB.id, amina.id, 'centre_user'],
          [clubB.id, omar.id, 'other'],
          [driving.id, sara.id, 'centre_user'],
          [later.id, amina.id, 'sai'],
        ] as const) {
          await enrolIn(courseId, personId, programme, '2022-01-15');
        }
        const year = expectStatus<YearFigures>(await viewer.get('/courses/figures', { year: 2022 }), 200);
        expect(year.courses.map((row) => [row.title, row.enrolments])).toEqual([
          ['Club A1 2022', 2],
          ['Patente 2022', 1],
          ['Club base 2022', 3],
        ]);
        expect(year.totals).toMatchObject({
          courses: 3,
          enrolments: 6,
          distinctLearners: 3,
          byProgramme: { sai: 2, centre_user: 3, other: 1 },
          byCitizenship: [
            { citizenship: 'MA', enrolments: 2 },
            { citizenship: 'PK', enrolments: 2 },
            { citizenship: 'TN', enrolments: 2 },
          ],
        });
        expect(year.byKind.map((row) => [row.kind.code, row.courses, row.enrolments, row.distinctLearners])).toEqual([
          ['language_club', 2, 5, 3],
          ['driving_support', 1, 1, 1],
        ]);
        // The function the annual report calls gives the same; another centre's figures are its own.
        expect(await courseFiguresOfYear(t.db, [cast.centreA.id], 2022)).toEqual(year);
        expect((await courseFiguresOfYear(t.db, [cast.centreB.id], 2022)).totals.enrolments).toBe(0);
        expect(expectStatus<YearFigures>(await viewer.get('/courses/figures', { year: 2023 }), 200).totals.enrolments).toBe(1);
        expectProblem(await viewer.get('/courses/figures'), 400, 'validation.failed');
        expectProblem(await viewer.get('/courses/figures', { year: 2022, centreId: cast.centreB.id }), 404, 'resource.not_found');
      });
    });

    describe('waiting lists', () => {
      it('record who asked, when, with what priority; list them most urgent first with the days waited', async () => {
        const adult = expectStatus<WaitingListEntry>(
          await operator.post('/waiting-list', {
            kind: 'adult_l2',
            personId: sara.id,
            requestedOn: '2024-01-10',
            notes: 'Preferisce la mattina',
          }),
          201,
        );
        expect(adult).toMatchObject({
          centreId: cast.centreA.id,
          kind: 'adult_l2',
          person: { id: sara.id, givenNames: 'Sara', familyNames: 'Ahmed' },
          requestedOn: '2024-01-10',
          priority: 0,
          status: 'waiting',
          closedOn: null,
          enrolment: null,
          version: 1,
        });
        expect(adult.daysWaited).toBeGreaterThan(300);
        const urgent = expectStatus<WaitingListEntry>(
          await operator.post('/waiting-list', { kind: 'adult_l2', personId: omar.id, requestedOn: '2024-02-01', priority: 2 }),
          201,
        );
        const minor = expectStatus<WaitingListEntry>(await operator.post('/waiting-list', { kind: 'minor_l2', personId: amina.id }), 201);
        expect(minor).toMatchObject({ requestedOn: today, daysWaited: 0 });

        for (const body of [
          { kind: 'adults', personId: sara.id },
          { kind: 'adult_l2' },
          { kind: 'adult_l2', personId: sara.id, priority: 5 },
          { kind: 'adult_l2', personId: sara.id, requestedOn: dayAfter(today) },
          { kind: 'adult_l2', personId: sara.id, extra: 1 },
        ]) {
          expectProblem(await operator.post('/waiting-list', body), 400, 'validation.failed');
        }
        expectProblem(await operator.post('/waiting-list', { kind: 'driving', personId: bruna.id }), 404, 'resource.not_found');
        expectProblem(await viewer.post('/waiting-list', { kind: 'driving', personId: sara.id }), 403, 'auth.forbidden');
        expectProblem(await viewer.get('/waiting-list'), 403, 'auth.forbidden');

        const list = expectStatus<Page<WaitingListEntry>>(
          await operator.get('/waiting-list', { kind: 'adult_l2', status: 'waiting' }),
          200,
        );
        expect(list.items.map((e) => e.id)).toEqual([urgent.id, adult.id]);
        expect(JSON.parse((await auditOf('waiting_list_entry')).at(-1)?.details ?? '{}')).toEqual({ personIds: [omar.id, sara.id] });
        expect(expectStatus<Page<WaitingListEntry>>(await operatorB.get('/waiting-list'), 200).items).toEqual([]);
        expectProblem(await operatorB.patch(`/waiting-list/${adult.id}`, { version: 1, priority: 1 }), 404, 'resource.not_found');
      });

      it('placing someone enrols them in the chosen course, in one transaction; a withdrawal closes the entry', async () => {
        const target = await course({ title: 'Club per la lista', capacity: 1, startDate: '2024-09-02', endDate: '2024-12-16' });
        const entry = expectStatus<WaitingListEntry>(
          await operator.post('/waiting-list', { kind: 'adult_l2', personId: amina.id, requestedOn: '2024-06-03' }),
          201,
        );
        const other = expectStatus<WaitingListEntry>(
          await operator.post('/waiting-list', { kind: 'adult_l2', personId: omar.id, requestedOn: '2024-06-10' }),
          201,
        );
        expectProblem(
          await operator.post(`/waiting-list/${entry.id}/place`, {
            version: 1,
            courseId: target.id,
            programme: 'sai',
            enrolledOn: '2024-06-01',
          }),
          400,
          'validation.failed',
        );
        expectProblem(
          await operator.post(`/waiting-list/${entry.id}/place`, { version: 2, courseId: target.id, programme: 'sai' }),
          409,
          'resource.stale_version',
        );
        const courseB = expectStatus<Course>(await admin.post('/courses', { ...baseCourse(), centreId: cast.centreB.id }), 201);
        expectProblem(
          await operator.post(`/waiting-list/${entry.id}/place`, { version: 1, courseId: courseB.id, programme: 'sai' }),
          404,
          'resource.not_found',
        );

        const placed = expectStatus<{ entry: WaitingListEntry; enrolment: Enrolment }>(
          await operator.post(`/waiting-list/${entry.id}/place`, {
            version: 1,
            courseId: target.id,
            programme: 'sai',
            enrolledOn: '2024-08-26',
          }),
          200,
        );
        expect(placed.enrolment).toMatchObject({
          courseId: target.id,
          person: { id: amina.id },
          programme: 'sai',
          enrolledOn: '2024-08-26',
        });
        expect(placed.entry).toMatchObject({
          status: 'placed',
          closedOn: '2024-08-26',
          daysWaited: 84,
          enrolment: { id: placed.enrolment.id, courseId: target.id, courseTitle: 'Club per la lista' },
          version: 2,
        });
        expectProblem(
          await operator.post(`/waiting-list/${entry.id}/place`, { version: 2, courseId: target.id, programme: 'sai' }),
          409,
          'waiting_list.not_waiting',
        );
        expectProblem(
          await operator.patch(`/waiting-list/${entry.id}`, { version: 2, status: 'withdrawn' }),
          409,
          'waiting_list.not_waiting',
        );
        // The course is full now: the other placing fails and leaves the entry waiting.
        expectProblem(
          await operator.post(`/waiting-list/${other.id}/place`, { version: 1, courseId: target.id, programme: 'sai' }),
          409,
          'course.full',
        );
        const still = expectStatus<Page<WaitingListEntry>>(await operator.get('/waiting-list', { status: 'waiting', pageSize: 200 }), 200);
        expect(still.items.find((e) => e.id === other.id)).toMatchObject({ status: 'waiting', enrolment: null, version: 1 });

        // Withdrawn (closedOn defaults to today), and taken back.
        expectProblem(
          await operator.patch(`/waiting-list/${other.id}`, { version: 1, status: 'withdrawn', closedOn: '2024-06-01' }),
          400,
          'validation.failed',
        );
        const withdrawn = expectStatus<WaitingListEntry>(
          await operator.patch(`/waiting-list/${other.id}`, { version: 1, status: 'withdrawn' }),
          200,
        );
        expect(withdrawn).toMatchObject({ status: 'withdrawn', closedOn: today });
        const back = expectStatus<WaitingListEntry>(
          await operator.patch(`/waiting-list/${other.id}`, { version: 2, status: 'waiting', priority: 1 }),
          200,
        );
        expect(back).toMatchObject({ status: 'waiting', closedOn: null, priority: 1 });

        // Deleting the enrolment made by mistake puts the entry back on the list.
        expectStatus(await operator.delete(`/enrolments/${placed.enrolment.id}?version=1`), 204);
        const waitingAgain = expectStatus<Page<WaitingListEntry>>(
          await operator.get('/waiting-list', { status: 'waiting', pageSize: 200 }),
          200,
        );
        expect(waitingAgain.items.find((e) => e.id === entry.id)).toMatchObject({
          status: 'waiting',
          closedOn: null,
          enrolment: null,
          version: 3,
        });
        expect((await auditOf('waiting_list_entry', entry.id)).map((row) => row.action)).toEqual(['create', 'update', 'update']);
        expectStatus(await operator.delete(`/waiting-list/${entry.id}?version=3`), 204);
      });

      it('counts requests by kind and status for a period (Bisogni rilevati), for viewers too', async () => {
        const period = { from: '2024-01-01', to: '2024-12-31' };
        const summary = expectStatus<WaitingSummary>(await viewer.get('/waiting-list/summary', period), 200);
        const fromFunction = await waitingListCounts(t.db, [cast.centreA.id], period.from, period.to);
        expect(summary).toEqual(fromFunction);
        const kinds = Object.values(summary.byKind);
        expect(kinds.reduce((sum, k) => sum + k.requested, 0)).toBe(summary.total.requested);
        for (const k of [...kinds, summary.total]) expect(k.waiting + k.placed + k.withdrawn).toBe(k.requested);
        expect(summary.byKind.driving).toEqual({ requested: 0, waiting: 0, placed: 0, withdrawn: 0, waitingAtEnd: 0 });
        expect(summary.byKind.adult_l2.requested).toBeGreaterThanOrEqual(3);
        expectProblem(await viewer.get('/waiting-list/summary', { from: '2024-12-31', to: '2024-01-01' }), 400, 'validation.failed');
      });
    });

    describe('the person’s file', () => {
      it('shows their enrolments with attendance and their waiting-list entries; reading it is logged', async () => {
        const mine = expectStatus<PersonCourses>(await operator.get(`/people/${sara.id}/courses`), 200);
        expect(mine.enrolments.length).toBeGreaterThan(0);
        const presenze = mine.enrolments.find((e) => e.course.title === 'Club presenze');
        expect(presenze).toMatchObject({
          programme: 'sai',
          attended: 2,
          heldWhileEnrolled: 3,
          completed: false,
          course: { kind: { code: 'language_club' }, startDate: '2024-03-04', endDate: '2024-04-29' },
        });
        expect(mine.waitingList.map((e) => e.kind)).toContain('adult_l2');
        const read = (await auditOf('person', sara.id)).at(-1);
        expect(read).toMatchObject({ action: 'read', userId: cast.operatorA.id });
        expect(JSON.parse(read?.details ?? '{}')).toEqual({ part: 'courses' });
        expect(await enrolmentsForPerson(t.db, await actorOf(t.db, cast.operatorA.id), sara.id)).toEqual(mine);
        expect(await enrolmentsForPerson(t.db, await actorOf(t.db, cast.operatorB.id), sara.id)).toEqual({
          enrolments: [],
          waitingList: [],
        });
        expectProblem(await viewer.get(`/people/${sara.id}/courses`), 403, 'auth.forbidden');
        expectProblem(await operatorB.get(`/people/${sara.id}/courses`), 404, 'resource.not_found');
      });

      it('erasing a person keeps their enrolments counted, unnamed, and clears their waiting-list notes', async () => {
        const gone = await person(operator, 'Zainab', 'Cancellata', 'SO');
        const c = await course({ title: 'Club della cancellazione', startDate: '2021-03-01', endDate: '2021-04-26' });
        await enrolIn(c.id, gone.id, 'sai', '2021-02-01');
        await enrolIn(c.id, amina.id, 'sai', '2021-02-01');
        expectStatus(await operator.post('/waiting-list', { kind: 'driving', personId: gone.id, notes: 'Abita a Moie' }), 201);
        const before = await courseFiguresOfYear(t.db, [cast.centreA.id], 2021);
        expectStatus(await coordinator.post(erasurePath(gone.id), ERASURE_REQUEST), 201);
        const after = await courseFiguresOfYear(t.db, [cast.centreA.id], 2021);
        expect(after.totals).toEqual(before.totals);
        expect(after.totals).toMatchObject({ enrolments: 2, distinctLearners: 2 });
        const list = expectStatus<Enrolment[]>(await operator.get(`/courses/${c.id}/enrolments`), 200);
        expect(list.map((e) => e.person?.givenNames ?? null)).toEqual(['Amina', null]);
        expect(list[1]).toMatchObject({ gender: 'female', citizenship: 'SO' });
        const entries = await t.db.selectFrom('waitingListEntries').select(['personId', 'notes']).where('kind', '=', 'driving').execute();
        expect(entries).toEqual([{ personId: null, notes: null }]);
      });
    });
  });
}

describe('migration 0003 on a database with organisations already', () => {
  it('gives each existing organisation the default course kinds', async () => {
    const database = createDatabase('sqlite::memory:');
    try {
      const steps = {
        '0001-foundation': foundation('sqlite'),
        '0002-care': care('sqlite'),
      };
      const migrate = (list: Record<string, ReturnType<typeof care>>) =>
        new Migrator({ db: database.db, provider: { getMigrations: async () => list } }).migrateToLatest();
      expect((await migrate(steps)).error).toBeUndefined();
      const now = new Date().toISOString();
      for (const name of ['Comune di Jesi', 'Ambito 9'])
        await database.db.insertInto('organisations').values({ name, createdAt: now }).execute();
      expect((await migrate({ ...steps, '0003-activities-calendar': activitiesCalendar('sqlite') })).error).toBeUndefined();
      const rows = await database.db
        .selectFrom('courseKinds')
        .select(['organisationId', 'code', 'labelIt', 'labelEn', 'sortOrder'])
        .orderBy('organisationId')
        .orderBy('sortOrder')
        .execute();
      expect(rows).toHaveLength(DEFAULT_COURSE_KINDS.length * 2);
      // The migration's frozen copy matches today's defaults.
      expect(
        rows.slice(0, DEFAULT_COURSE_KINDS.length).map((row) => ({ code: row.code, labelIt: row.labelIt, labelEn: row.labelEn })),
      ).toEqual(DEFAULT_COURSE_KINDS);
    } finally {
      await database.close();
    }
  });
});
