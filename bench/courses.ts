/**
 * Courses through the API: generating a year of lessons for 50 courses (a request each), and
 * the attendance screen of a lesson with 30 learners (read, then saved). The centre gets the
 * Jesi calendar first (hours, the three closures of the year, the patron day), so that the
 * generation really skips closures and holidays.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.js';
import { type LatencySummary, summarise } from './lib.js';

export const COURSES = 50;
export const LEARNERS = 30;

/** The Jesi hours and the closures of the year, written straight into the tables (set-up, not measured). */
export async function giveJesiCalendar(db: Kysely<Database>, centreId: number, year: number): Promise<void> {
  const stamp = new Date().toISOString();
  const { id: setId } = await db
    .insertInto('openingHourSets')
    .values({ centreId, validFrom: `${year - 5}-01-01`, notes: null, createdAt: stamp, updatedAt: stamp })
    .returning('id')
    .executeTakeFirstOrThrow();
  const slots: Array<[number, string, string]> = [
    [1, '09:00', '12:00'],
    [2, '09:00', '12:00'],
    [2, '15:00', '18:00'],
    [3, '09:00', '12:00'],
    [4, '15:00', '18:00'],
    [5, '09:00', '12:00'],
  ];
  await db
    .insertInto('openingSlots')
    .values(slots.map(([weekday, fromTime, toTime]) => ({ setId, weekday, fromTime, toTime })))
    .execute();
  await db
    .insertInto('closures')
    .values(
      (
        [
          [`${year}-01-02`, `${year}-01-05`, 'Chiusura invernale'],
          [`${year}-08-05`, `${year}-08-23`, 'Chiusura estiva'],
          [`${year}-12-24`, `${year}-12-31`, 'Chiusura natalizia'],
        ] as const
      ).map(([fromDate, toDate, reason]) => ({ centreId, fromDate, toDate, reason, createdAt: stamp, updatedAt: stamp })),
    )
    .execute();
  await db.updateTable('centres').set({ patronDay: '09-22' }).where('id', '=', centreId).execute();
}

export interface CoursesRun {
  generation: LatencySummary & { lessons: number; skipped: number };
  attendanceRead: LatencySummary & { learners: number };
  attendanceSave: LatencySummary;
}

async function call<T>(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<{ ms: number; data: T }> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await response.json()) as T;
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(data).slice(0, 300)}`);
  return { ms, data };
}

/**
 * 50 year-long courses (two lessons a week, 3 hours each) created, then each one's lessons
 * generated in one timed request; then one of them gets 30 learners and its first lesson's
 * attendance screen is read `reads` times and saved 50 times, each timed.
 */
export async function runCourses(
  baseUrl: string,
  token: string,
  options: { kindId: number; year: number; personIds: number[]; reads: number },
): Promise<CoursesRun> {
  const patterns = [
    [1, 3],
    [2, 4],
    [1, 5],
    [3, 5],
    [2, 5],
  ];
  const courseIds: number[] = [];
  for (let i = 0; i < COURSES; i++) {
    const { data } = await call<{ id: number }>(baseUrl, token, 'POST', '/courses', {
      kindId: options.kindId,
      title: `Club linguistico ${i + 1}`,
      level: 'A1',
      partner: 'SAI «Ancona Provincia d’Asilo»',
      startDate: `${options.year}-01-08`,
      endDate: `${options.year}-12-20`,
      weekdays: patterns[i % patterns.length],
      startTime: '09:30',
      lessonMinutes: 180,
    });
    courseIds.push(data.id);
  }
  const generationMs: number[] = [];
  let lessons = 0;
  let skipped = 0;
  for (const id of courseIds) {
    const { ms, data } = await call<{ added: number; skipped: unknown[] }>(baseUrl, token, 'POST', `/courses/${id}/lessons/generate`, {});
    generationMs.push(ms);
    lessons += data.added;
    skipped += data.skipped.length;
  }

  const courseId = courseIds[0] as number;
  for (const [i, personId] of options.personIds.slice(0, LEARNERS).entries()) {
    await call(baseUrl, token, 'POST', `/courses/${courseId}/enrolments`, {
      personId,
      programme: i % 3 === 2 ? 'centre_user' : 'sai',
      enrolledOn: `${options.year}-01-08`,
    });
  }
  const { data: courseLessons } = await call<Array<{ id: number }>>(baseUrl, token, 'GET', `/courses/${courseId}/lessons`);
  const lessonId = (courseLessons[0] as { id: number }).id;
  type Screen = { lesson: { version: number }; learners: Array<{ enrolmentId: number }> };
  for (let i = 0; i < 20; i++) await call(baseUrl, token, 'GET', `/lessons/${lessonId}/attendance`); // warm-up
  const readMs: number[] = [];
  let screen: Screen | undefined;
  for (let i = 0; i < options.reads; i++) {
    const { ms, data } = await call<Screen>(baseUrl, token, 'GET', `/lessons/${lessonId}/attendance`);
    readMs.push(ms);
    screen = data;
  }
  const saveMs: number[] = [];
  let version = screen?.lesson.version ?? 1;
  for (let i = 0; i < 50; i++) {
    const entries = (screen?.learners ?? []).map((learner, k) => ({ enrolmentId: learner.enrolmentId, present: (k + i) % 4 !== 0 }));
    const { ms, data } = await call<Screen>(baseUrl, token, 'PUT', `/lessons/${lessonId}/attendance`, { version, entries });
    saveMs.push(ms);
    version = data.lesson.version;
  }
  return {
    generation: { ...summarise(generationMs), lessons, skipped },
    attendanceRead: { ...summarise(readMs), learners: screen?.learners.length ?? 0 },
    attendanceSave: summarise(saveMs),
  };
}
