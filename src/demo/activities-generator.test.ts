import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, describeDialect } from '../../test/support/databases.js';
import { ENROLMENT_PROGRAMMES, WAITING_LIST_KINDS, WAITING_LIST_STATUSES } from '../contracts/enums.js';
import type { AppDatabase } from '../db/database.js';
import { closureOn, dayOf, weekdayOf } from '../domain/calendar.js';
import { ageOn } from '../domain/dates.js';
import { loadCentreCalendar } from '../modules/calendar/calendar.repository.js';
import {
  closuresOfYear,
  generatedCalendar,
  lastFullYear,
  type PopulateActivitiesResult,
  populateActivities,
} from './activities-generator.js';
import { type GeneratedOrganisation, generateOrganisation } from './generator.js';

const NOW = new Date('2021-03-10T17:30:00Z');
const END = '2021-03-10';
const SMALL = { centres: 2, people: 900, visits: 1500, years: 3, endDate: END, now: NOW } as const;

async function fill(database: AppDatabase, seed: number, commitEvery?: number) {
  const organisation = await generateOrganisation(database.db, { seed, ...SMALL });
  const activities = await populateActivities(database.db, {
    seed,
    centres: organisation.centres.map((centre, i) => ({ centreId: centre.id, stream: i + 1, userIds: centre.userIds })),
    startDate: organisation.startDate,
    endDate: organisation.endDate,
    commitEvery,
  });
  return { organisation, activities };
}

describe('the generated calendar', () => {
  it('has the last full year of the data set', () => {
    expect(lastFullYear('2018-03-11', '2021-03-10')).toBe(2020);
    expect(lastFullYear('2024-11-27', '2026-11-26')).toBe(2025);
    expect(lastFullYear('2024-01-01', '2024-12-31')).toBe(2024);
    expect(lastFullYear('2024-03-01', '2024-12-30')).toBeNull();
  });

  it('closes the Tuesday afternoon from 15 October of the last full year, and on Jesi’s closures and patron day', () => {
    const calendar = generatedCalendar('2023-05-01', '2025-06-30', '09-22');
    expect(calendar.hours.map((set) => set.validFrom)).toEqual(['2023-01-01', '2024-10-15']);
    expect(dayOf(calendar, '2024-10-08').slots.map((s) => s.from)).toEqual(['09:00', '15:00']); // a Tuesday
    expect(dayOf(calendar, '2024-10-15').slots.map((s) => s.from)).toEqual(['09:00']);
    expect(dayOf(calendar, '2024-09-20').closedBecause).toBeNull(); // a Friday
    expect(dayOf(calendar, '2023-09-22').closedBecause).toEqual({ kind: 'patron_day' });
    expect(dayOf(calendar, '2024-08-12').closedBecause).toEqual({ kind: 'closure', reason: 'Chiusura estiva' });
    expect(dayOf(calendar, '2025-01-03').closedBecause).toEqual({ kind: 'closure', reason: 'Chiusura invernale' });
    // The Jesi 2024 closures: 2–5 January, 5–23 August, 24–27 and 31 December.
    expect(closuresOfYear(2024).map((c) => [c.from, c.to])).toEqual([
      ['2024-01-02', '2024-01-05'],
      ['2024-08-05', '2024-08-23'],
      ['2024-12-24', '2024-12-27'],
      ['2024-12-31', '2024-12-31'],
    ]);
  });
});

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: the centre's year (calendar, staff, courses, events, meetings, the lawyer)`, () => {
    let database: AppDatabase;
    let organisation: GeneratedOrganisation;
    let result: PopulateActivitiesResult;

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      ({ organisation, activities: result } = await fill(database, 5));
    });
    afterAll(async () => {
      await database?.close();
    });

    it('is deterministic: the same seed gives the same rows, in batches or in one go; another seed other rows', async () => {
      const again = await createTestDatabase(dialect);
      const other = await createTestDatabase(dialect);
      try {
        const courses = async (db: AppDatabase['db']) =>
          (await db.selectFrom('courses').select(['title', 'startDate', 'endDate', 'weekdays']).orderBy('id').execute()).map((c) =>
            Object.values(c).join(' '),
          );
        const same = await fill(again, 5, 100);
        expect(same.activities).toEqual(result);
        expect(await courses(again.db)).toEqual(await courses(database.db));
        const different = await fill(other, 6);
        expect(different.activities).not.toEqual(result);
      } finally {
        await again.close();
        await other.close();
      }
    });

    it('gives each centre the Jesi hours with the October change, the closures of every year and Jesi its patron day', async () => {
      const { db } = database;
      expect(result.hoursSets).toBe(4);
      const [jesi, other] = organisation.centres;
      const calendar = await loadCentreCalendar(db, jesi?.id as number);
      expect(calendar.patronDay).toBe('09-22');
      expect(calendar.hours.map((set) => set.validFrom)).toEqual(['2018-01-01', '2020-10-15']);
      expect(calendar.hours[0]?.slots.filter((s) => s.weekday === 2)).toHaveLength(2);
      expect(calendar.hours[1]?.slots.filter((s) => s.weekday === 2)).toHaveLength(1);
      expect(calendar.closures).toHaveLength(4 * 4); // 2018 to 2021
      expect((await loadCentreCalendar(db, other?.id as number)).patronDay).toBeNull(); // Ancona's is not in the table
      expect(result.patronDays).toBe(1);
    });

    it('gives each centre three staff with a new contract on 1 September and two projects adding hours', async () => {
      const { db } = database;
      const staff = await db.selectFrom('staffMembers').selectAll().orderBy('id').execute();
      expect(staff.map((s) => s.role)).toEqual([
        'coordinator',
        'mediation_operator',
        'integration_operator',
        'coordinator',
        'mediation_operator',
        'integration_operator',
      ]);
      expect(staff[0]?.userId).toBe(organisation.centres[0]?.userIds[0]);
      const contracts = await db.selectFrom('staffContracts').selectAll().orderBy('id').execute();
      expect(contracts).toHaveLength(result.contracts);
      for (const member of staff) {
        const own = contracts.filter((c) => c.staffId === member.id && c.projectId === null);
        expect(own.map((c) => [c.fromDate, c.toDate])).toEqual([
          ['2018-01-01', '2020-08-31'],
          ['2020-09-01', null],
        ]);
      }
      const projects = await db.selectFrom('projects').selectAll().execute();
      expect(projects).toHaveLength(4);
      for (const project of projects) {
        const extra = contracts.filter((c) => c.projectId === project.id);
        expect(extra).toHaveLength(1);
        expect(extra[0]).toMatchObject({ fromDate: project.fromDate, toDate: project.toDate, weeklyMinutes: project.extraWeeklyMinutes });
        const member = staff.find((s) => s.id === extra[0]?.staffId);
        expect(member?.centreId).toBe(project.centreId);
      }
    });

    it('runs about five clubs and a driving course a year, within the year, with lessons generated on open days', async () => {
      const { db } = database;
      const kinds = new Map((await db.selectFrom('courseKinds').select(['id', 'code']).execute()).map((k) => [k.id, k.code]));
      const courses = await db.selectFrom('courses').selectAll().orderBy('id').execute();
      const lessons = await db.selectFrom('lessons').selectAll().orderBy('lessonDate').execute();
      expect(courses).toHaveLength(result.courses);
      expect(lessons).toHaveLength(result.lessons);
      expect(lessons.filter((l) => l.status === 'held')).toHaveLength(result.lessonsHeld);
      for (const centre of organisation.centres) {
        const calendar = await loadCentreCalendar(db, centre.id);
        const own = courses.filter((c) => c.centreId === centre.id);
        for (const year of ['2019', '2020']) {
          const clubs = own.filter((c) => c.startDate.startsWith(year) && kinds.get(c.kindId) === 'language_club');
          expect(clubs.length).toBeGreaterThanOrEqual(3);
          expect(clubs.length).toBeLessThanOrEqual(5);
          expect(own.filter((c) => c.startDate.startsWith(year) && kinds.get(c.kindId) === 'driving_support')).toHaveLength(1);
        }
        for (const course of own) {
          expect(course.startDate.slice(0, 4)).toBe(course.endDate.slice(0, 4));
          expect(course.startDate >= organisation.startDate && course.startDate <= END).toBe(true);
          const code = kinds.get(course.kindId);
          expect(course.lessonMinutes).toBe(code === 'language_club' ? 180 : 90);
          if (code === 'language_club') expect(['base', 'alfabetizzazione']).toContain(course.level);
          const weekdays = JSON.parse(course.weekdays) as number[];
          const dates = lessons.filter((l) => l.courseId === course.id).map((l) => l.lessonDate);
          expect(dates[0]).toBe(course.startDate);
          expect(dates.at(-1)).toBe(course.endDate);
          for (const date of dates) {
            expect(weekdays).toContain(weekdayOf(date));
            expect(closureOn(calendar, date)).toBeNull();
            expect(dayOf(calendar, date).closedBecause).toBeNull();
          }
          if (code === 'language_club' && course.endDate < END) {
            expect(dates.length).toBeGreaterThanOrEqual(18);
            expect(dates.length).toBeLessThanOrEqual(40);
          }
        }
      }
      for (const lesson of lessons) {
        expect(lesson.plannedOn).toBe(lesson.lessonDate);
        if (lesson.lessonDate < END) expect(['held', 'cancelled']).toContain(lesson.status);
        else expect(lesson.status).toBe('scheduled');
      }
      // The September clubs of 2020 run past 24 December, and skip the Christmas closure and holidays.
      expect(lessons.some((l) => l.lessonDate >= '2020-12-24' && l.lessonDate <= '2020-12-27')).toBe(false);
    });

    it('enrols 15 to 27 of the centre’s people in each club, split by programme, some in two clubs; attendance only of past lessons', async () => {
      const { db } = database;
      const kinds = new Map((await db.selectFrom('courseKinds').select(['id', 'code']).execute()).map((k) => [k.id, k.code]));
      const courses = new Map((await db.selectFrom('courses').selectAll().execute()).map((c) => [c.id, c]));
      const enrolments = await db.selectFrom('enrolments').selectAll().execute();
      const people = new Map((await db.selectFrom('people').selectAll().execute()).map((p) => [p.id, p]));
      expect(enrolments).toHaveLength(result.enrolments);
      const byCourse = new Map<number, typeof enrolments>();
      for (const e of enrolments) byCourse.set(e.courseId, [...(byCourse.get(e.courseId) ?? []), e]);
      for (const [courseId, course] of courses) {
        const own = byCourse.get(courseId) ?? [];
        if (kinds.get(course.kindId) === 'language_club') {
          expect(own.length).toBeGreaterThanOrEqual(15);
          expect(own.length).toBeLessThanOrEqual(27);
        } else {
          expect(own.length).toBeGreaterThanOrEqual(5);
          expect(own.length).toBeLessThanOrEqual(9);
        }
        expect(new Set(own.map((e) => e.personId)).size).toBe(own.length);
      }
      for (const e of enrolments) {
        expect(ENROLMENT_PROGRAMMES).toContain(e.programme);
        const person = people.get(e.personId as number);
        const course = courses.get(e.courseId);
        expect(person?.centreId).toBe(course?.centreId);
        expect(person?.citizenship).not.toBe('IT');
        expect(e).toMatchObject({ gender: person?.gender, citizenship: person?.citizenship });
        expect(e.enrolledOn <= END).toBe(true);
        expect(e.enrolledOn <= (course?.endDate as string)).toBe(true);
        if (e.withdrawnOn !== null) expect(e.withdrawnOn >= e.enrolledOn && e.withdrawnOn < END).toBe(true);
      }
      expect(enrolments.filter((e) => e.programme === 'sai').length).toBeGreaterThan(enrolments.length * 0.2);
      expect(enrolments.filter((e) => e.programme === 'centre_user').length).toBeGreaterThan(enrolments.length * 0.2);
      // Someone followed two clubs of the same year.
      const clubsOf = new Map<string, number>();
      for (const e of enrolments) {
        const course = courses.get(e.courseId);
        if (kinds.get(course?.kindId as number) !== 'language_club') continue;
        const key = `${e.personId} ${course?.startDate.slice(0, 4)}`;
        clubsOf.set(key, (clubsOf.get(key) ?? 0) + 1);
      }
      expect([...clubsOf.values()].some((n) => n >= 2)).toBe(true);

      const marks = await db
        .selectFrom('attendance')
        .innerJoin('lessons', 'lessons.id', 'attendance.lessonId')
        .innerJoin('enrolments', 'enrolments.id', 'attendance.enrolmentId')
        .select([
          'lessons.courseId as lessonCourse',
          'enrolments.courseId as enrolmentCourse',
          'lessons.lessonDate',
          'lessons.status',
          'enrolments.enrolledOn',
          'enrolments.withdrawnOn',
          'attendance.present',
        ])
        .execute();
      expect(marks).toHaveLength(result.attendance);
      for (const m of marks) {
        expect(m.lessonCourse).toBe(m.enrolmentCourse);
        expect(m.status).toBe('held');
        expect(m.lessonDate < END).toBe(true);
        expect(m.enrolledOn <= m.lessonDate && (m.withdrawnOn === null || m.lessonDate <= m.withdrawnOn)).toBe(true);
      }
      const present = marks.filter((m) => Number(m.present) === 1).length;
      expect(present / marks.length).toBeGreaterThan(0.6);
      expect(present / marks.length).toBeLessThan(0.9);
    });

    it('keeps waiting lists of adults and minors, some placed in a course', async () => {
      const { db } = database;
      const entries = await db.selectFrom('waitingListEntries').selectAll().execute();
      const people = new Map((await db.selectFrom('people').selectAll().execute()).map((p) => [p.id, p]));
      const enrolments = new Map((await db.selectFrom('enrolments').selectAll().execute()).map((e) => [e.id, e]));
      expect(entries).toHaveLength(result.waitingList);
      for (const kind of ['adult_l2', 'minor_l2', 'driving'] as const) expect(entries.some((e) => e.kind === kind)).toBe(true);
      for (const status of WAITING_LIST_STATUSES) expect(entries.some((e) => e.status === status)).toBe(true);
      for (const entry of entries) {
        expect(WAITING_LIST_KINDS).toContain(entry.kind);
        const person = people.get(entry.personId as number);
        expect(person?.centreId).toBe(entry.centreId);
        expect(entry.requestedOn <= END).toBe(true);
        if (entry.status === 'placed') {
          const enrolment = enrolments.get(entry.enrolmentId as number);
          expect(enrolment?.personId).toBe(entry.personId);
          expect(entry.closedOn).toBe(enrolment?.enrolledOn);
          expect(entry.requestedOn <= (entry.closedOn as string)).toBe(true);
        } else {
          expect(entry.enrolmentId).toBeNull();
          expect(entry.closedOn === null).toBe(entry.status === 'waiting');
          if (entry.closedOn) expect(entry.closedOn > entry.requestedOn && entry.closedOn < END).toBe(true);
        }
        if (entry.kind === 'minor_l2') expect(ageOn(person?.birthDate as string, entry.requestedOn)).toBeLessThan(18);
      }
    });

    it('holds events with the centre’s people, network meetings with unions and services, and the lawyer’s consultations on open cases', async () => {
      const { db } = database;
      const events = await db.selectFrom('events').selectAll().execute();
      const participants = await db
        .selectFrom('eventParticipants')
        .innerJoin('events', 'events.id', 'eventParticipants.eventId')
        .innerJoin('people', 'people.id', 'eventParticipants.personId')
        .select(['events.centreId', 'people.centreId as personCentre', 'events.eventDate'])
        .execute();
      expect(events).toHaveLength(result.events);
      expect(participants).toHaveLength(result.eventParticipants);
      expect(participants.length).toBeGreaterThan(0);
      for (const p of participants) {
        expect(p.personCentre).toBe(p.centreId);
        expect(p.eventDate < END).toBe(true);
      }
      for (const event of events) expect(event.eventDate >= organisation.startDate).toBe(true);
      expect(events.some((e) => e.title.startsWith('Uscita didattica') && weekdayOf(e.eventDate) === 5)).toBe(true);

      const meetings = await db.selectFrom('networkMeetings').selectAll().execute();
      const links = await db
        .selectFrom('networkMeetingOrganisations')
        .innerJoin('networkOrganisations', 'networkOrganisations.id', 'networkMeetingOrganisations.networkOrganisationId')
        .select(['meetingId', 'networkOrganisations.code', 'networkOrganisations.kind'])
        .execute();
      expect(meetings).toHaveLength(result.networkMeetings);
      for (const m of meetings) {
        expect(links.some((l) => l.meetingId === m.id)).toBe(true);
        expect(m.heldOn >= organisation.startDate && m.heldOn <= END).toBe(true);
        const calendar = await loadCentreCalendar(db, m.centreId);
        expect(dayOf(calendar, m.heldOn).closedBecause).toBeNull();
      }
      for (const union of ['acli', 'cgil', 'cisl', 'uil']) expect(links.some((l) => l.code === union)).toBe(true);
      expect(links.some((l) => l.kind === 'service')).toBe(true);

      const consultations = await db.selectFrom('legalConsultations').selectAll().execute();
      const named = await db
        .selectFrom('legalConsultationCases')
        .innerJoin('legalConsultations', 'legalConsultations.id', 'legalConsultationCases.consultationId')
        .innerJoin('cases', 'cases.id', 'legalConsultationCases.caseId')
        .select([
          'legalConsultations.id',
          'legalConsultations.heldOn',
          'legalConsultations.centreId',
          'cases.centreId as caseCentre',
          'cases.id as caseId',
        ])
        .execute();
      const periods = await db.selectFrom('casePeriods').selectAll().execute();
      expect(consultations).toHaveLength(result.legalConsultations);
      expect(consultations.length).toBeGreaterThan(20);
      for (const c of consultations) {
        expect(Number(c.heldOn.slice(5, 7))).toBeGreaterThanOrEqual(3);
        const cases = named.filter((n) => n.id === c.id);
        expect(cases.length).toBeGreaterThanOrEqual(1);
        expect(cases.length).toBeLessThanOrEqual(3);
        for (const n of cases) {
          expect(n.caseCentre).toBe(n.centreId);
          expect(
            periods.some((p) => p.caseId === n.caseId && p.openedOn <= n.heldOn && (p.closedOn === null || n.heldOn <= p.closedOn)),
          ).toBe(true);
        }
      }
      // Twice a month at most, from March.
      const perMonth = new Map<string, number>();
      for (const c of consultations)
        perMonth.set(`${c.centreId} ${c.heldOn.slice(0, 7)}`, (perMonth.get(`${c.centreId} ${c.heldOn.slice(0, 7)}`) ?? 0) + 1);
      expect(Math.max(...perMonth.values())).toBeLessThanOrEqual(2);
    });

    it('leaves the identity sequences after the generated ids', async () => {
      const { db } = database;
      const stamp = new Date().toISOString();
      const course = await db.selectFrom('courses').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
      const { id, ...rest } = course;
      const added = await db
        .insertInto('courses')
        .values({ ...rest, title: 'Nuovo corso', createdAt: stamp, updatedAt: stamp })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(added.id).toBeGreaterThan(id);
      const lesson = await db
        .insertInto('lessons')
        .values({
          courseId: added.id,
          lessonDate: END,
          startTime: '09:00',
          minutes: 60,
          status: 'scheduled',
          notes: null,
          plannedOn: null,
          createdAt: stamp,
          updatedAt: stamp,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(lesson.id).toBeGreaterThan(result.lessons);
    });
  });
}
