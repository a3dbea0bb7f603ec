/**
 * The home's running courses are counted again only when a centre's course version moved
 * (migration 0021, kept-figures.ts): every write the courses' figures read moves it, in the
 * writer's transaction, and the very next home shows the course's own figures.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Api,
  actorOf,
  api,
  type Cast,
  expectStatus,
  loginAs,
  seedCast,
  startTestApp,
  type TestApp,
} from '../../../test/support/app.js';
import { DIALECTS, describeDialect } from '../../../test/support/databases.js';
import { ERASURE_REQUEST, erasurePath, whilePersonDeletesRefused } from '../../../test/support/erasure.js';
import type { ViewerHome } from '../../contracts/home.js';
import type { Person } from '../../contracts/people.js';
import { addDays, todayInRome } from '../../domain/dates.js';
import { homeFor } from './home.usecases.js';

type Versioned = { id: number; version: number };

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: the home's running courses follow every write their figures read`, () => {
    let t: TestApp;
    let cast: Cast;
    let coordinator: Api;
    let operator: Api;
    const today = todayInRome();
    let seq = 0;

    const newPerson = async (citizenship: string) => {
      seq += 1;
      return expectStatus<Person>(
        await operator.post('/people', {
          givenNames: `Corso${String.fromCharCode(97 + seq)}`,
          familyNames: `Allievo${seq}`,
          gender: seq % 2 ? 'female' : 'male',
          citizenship,
          birthDate: `1990-03-${String(seq + 1).padStart(2, '0')}`,
          residence: { kind: 'comune', comuneIstat: '042021' },
        }),
        201,
      );
    };
    const versionOfA = async () =>
      (await t.db.selectFrom('courseVersions').select('version').where('centreId', '=', cast.centreA.id).executeTakeFirst())?.version;
    const newCourse = async (title: string) => {
      const kinds = expectStatus<Array<{ id: number; code: string }>>(await coordinator.get('/course-kinds'), 200);
      return expectStatus<Versioned>(
        await coordinator.post('/courses', {
          kindId: kinds.find((k) => k.code === 'language_club')?.id,
          title,
          startDate: addDays(today, -14),
          endDate: addDays(today, 30),
          weekdays: [1],
          startTime: '15:00',
          lessonMinutes: 120,
        }),
        201,
      );
    };
    const home = async () => expectStatus<ViewerHome>(await coordinator.get('/home'), 200).courses;
    /** Counts the home once (kept), makes the change, and expects the version moved and the next home to show each course's own figures. */
    const afterChange = async (change: () => Promise<unknown>) => {
      const before = await home();
      const version = await versionOfA();
      await change();
      expect(await versionOfA()).not.toBe(version);
      const after = await home();
      for (const course of after) {
        const figures = expectStatus<{ title: string; enrolments: number; attendanceRate: number | null }>(
          await coordinator.get(`/courses/${course.courseId}/figures`),
          200,
        );
        expect(course).toMatchObject({ title: figures.title, enrolments: figures.enrolments, attendanceRate: figures.attendanceRate });
      }
      return { before, after };
    };

    beforeAll(async () => {
      t = await startTestApp(dialect);
      cast = await seedCast(t.db);
      [coordinator, operator] = (await Promise.all(
        [cast.coordinator, cast.operatorA].map(async (user) => api(t.app, await loginAs(t.app, user.email))),
      )) as [Api, Api];
    });
    afterAll(() => t?.close());

    it('a course, its lessons, enrolments and attendance changed, a course deleted: each seen by the very next home', async () => {
      const course = await newCourse('Club di oggi');
      const learners = [await newPerson('NG'), await newPerson('PK'), await newPerson('MA')];
      const enrolments: Versioned[] = [];
      for (const learner of learners.slice(0, 2)) {
        enrolments.push(
          expectStatus<Versioned>(
            await operator.post(`/courses/${course.id}/enrolments`, {
              personId: learner.id,
              programme: 'sai',
              enrolledOn: addDays(today, -14),
            }),
            201,
          ),
        );
      }
      const lesson = expectStatus<Versioned>(await coordinator.post(`/courses/${course.id}/lessons`, { date: addDays(today, -1) }), 201);
      const ofCourse = (courses: ViewerHome['courses']) => courses.find((c) => c.courseId === course.id);

      // The course renamed.
      let step = await afterChange(async () => {
        const current = expectStatus<Versioned>(await coordinator.get(`/courses/${course.id}`), 200);
        expectStatus(await coordinator.patch(`/courses/${course.id}`, { version: current.version, title: 'Club rinominato' }), 200);
      });
      expect(ofCourse(step.after)?.title).toBe('Club rinominato');

      // Attendance marked: one of two present.
      const attendance = (entries: boolean[]) => async () => {
        const screen = expectStatus<{ lesson: { version: number }; learners: Array<{ enrolmentId: number }> }>(
          await operator.get(`/lessons/${lesson.id}/attendance`),
          200,
        );
        expectStatus(
          await operator.request({
            method: 'PUT',
            url: `/lessons/${lesson.id}/attendance`,
            payload: {
              version: screen.lesson.version,
              entries: screen.learners.map((l, i) => ({ enrolmentId: l.enrolmentId, present: entries[i] ?? false })),
            },
          }),
          200,
        );
      };
      step = await afterChange(attendance([true, false]));
      expect(ofCourse(step.after)?.attendanceRate).toBe(50);

      // A lesson added, moved, held without anyone present, then cancelled.
      let added = {} as Versioned;
      await afterChange(async () => {
        added = expectStatus<Versioned>(await coordinator.post(`/courses/${course.id}/lessons`, { date: addDays(today, -2) }), 201);
      });
      const patchLesson = (changes: Record<string, unknown>) => async () => {
        added = expectStatus<Versioned>(await coordinator.patch(`/lessons/${added.id}`, { version: added.version, ...changes }), 200);
      };
      await afterChange(patchLesson({ date: addDays(today, -3) }));
      step = await afterChange(patchLesson({ status: 'held' }));
      expect(ofCourse(step.after)?.attendanceRate).toBe(25);
      step = await afterChange(patchLesson({ status: 'cancelled' }));
      expect(ofCourse(step.after)?.attendanceRate).toBe(50);

      // Attendance unmarked: nobody present.
      step = await afterChange(attendance([false, false]));
      expect(ofCourse(step.after)?.attendanceRate).toBe(0);

      // An enrolment added, then withdrawn.
      let third = {} as Versioned;
      step = await afterChange(async () => {
        third = expectStatus<Versioned>(
          await operator.post(`/courses/${course.id}/enrolments`, {
            personId: learners[2]?.id,
            programme: 'other',
            enrolledOn: addDays(today, -7),
          }),
          201,
        );
      });
      expect(ofCourse(step.after)?.enrolments).toBe((ofCourse(step.before)?.enrolments ?? 0) + 1);
      await afterChange(async () => {
        expectStatus(await operator.patch(`/enrolments/${third.id}`, { version: third.version, withdrawnOn: today }), 200);
      });

      // A learner's erasure refused by the database (rolled back) leaves the version; carried out, it moves it.
      const version = await versionOfA();
      await whilePersonDeletesRefused(t.db, dialect, async () => {
        expect((await coordinator.post(erasurePath(learners[0]?.id ?? 0), ERASURE_REQUEST)).statusCode).toBeGreaterThanOrEqual(400);
      });
      expect(await versionOfA()).toBe(version);
      step = await afterChange(async () => expectStatus(await coordinator.post(erasurePath(learners[0]?.id ?? 0), ERASURE_REQUEST), 201));
      expect(step.after).toEqual(step.before);

      // A course without learners deleted with its lessons: no longer running.
      const other = await newCourse('Corso da togliere');
      expectStatus(await coordinator.post(`/courses/${other.id}/lessons`, { date: today }), 201);
      step = await afterChange(async () => {
        const current = expectStatus<Versioned>(await coordinator.get(`/courses/${other.id}`), 200);
        expectStatus(await coordinator.delete(`/courses/${other.id}?version=${current.version}`), 204);
      });
      expect(step.before.map((c) => c.courseId)).toContain(other.id);
      expect(step.after.map((c) => c.courseId)).not.toContain(other.id);
    });

    it("what else the figures read moves the version too: a kind's names, the centre's completion threshold; a rolled-back write does not", async () => {
      const course = await newCourse('Club delle parole');
      const kindId = (await t.db.selectFrom('courses').select('kindId').where('id', '=', course.id).executeTakeFirstOrThrow()).kindId;
      const step = await afterChange(() =>
        t.db.updateTable('courseKinds').set({ labelIt: 'Club di lingua' }).where('id', '=', kindId).execute(),
      );
      expect(step.after.find((c) => c.courseId === course.id)?.kind.labelIt).toBe('Club di lingua');
      await afterChange(() => t.db.updateTable('centres').set({ completionThreshold: 60 }).where('id', '=', cast.centreA.id).execute());

      const version = await versionOfA();
      await expect(
        t.db.transaction().execute(async (trx) => {
          await trx
            .insertInto('lessons')
            .values({
              courseId: course.id,
              lessonDate: today,
              startTime: '15:00',
              minutes: 60,
              status: 'scheduled',
              notes: null,
              plannedOn: null,
              createdAt: today,
              updatedAt: today,
            })
            .execute();
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await versionOfA()).toBe(version);

      // While no version moves, the next answers give the figures counted once.
      const actor = await actorOf(t.db, cast.coordinator.id);
      const first = (await homeFor(t.db, actor, {}, today)) as ViewerHome;
      const second = (await homeFor(t.db, actor, {}, today)) as ViewerHome;
      expect(second.courses).toBe(first.courses);
    });
  });
}
