/**
 * A course of the centre's year: its lessons (the courses module's own rule, `lessonDates`,
 * skipping closures and holidays), its learners with their enrolments (some placed from the
 * waiting list) and the attendance of the lessons already held.
 */
import type { EnrolmentProgramme, WaitingListKind } from '../contracts/enums.js';
import type { Weekday } from '../domain/calendar.js';
import { isEnrolledOn, lessonDates } from '../domain/courses.js';
import { addDays, romeInstant } from '../domain/dates.js';
import { type CentreYear, PLACE, type PlannedEnrolment, SAI_PARTNER } from './activities-writers.js';
import type { PersonFacts } from './centre-people.js';
import { dateMax, dateMin } from './profiles.js';
import { Weighted } from './random.js';

/** Priorities on the waiting lists: mostly none. */
export const PRIORITY_TABLE = new Weighted<number>([
  [0, 16],
  [1, 3],
  [2, 1],
]);

export interface CourseSpec {
  kindId: number;
  title: string;
  level: string | null;
  from: string;
  to: string;
  weekdays: readonly Weekday[];
  startTime: string;
  minutes: number;
  /** How many learners it aims at. */
  learners: number;
  /** The people who could enrol, on the day of the first lesson. */
  pick: (date: string) => PersonFacts[];
  programme: (person: PersonFacts) => EnrolmentProgramme;
  /** The waiting list a share of its places came from. */
  waitingKind: WaitingListKind;
  placedShare: number;
}

/** Writes the course and returns its learners; none if it did not start within the data set. */
export async function addCourse(y: CentreYear, spec: CourseSpec): Promise<PlannedEnrolment[]> {
  const { rng, calendar, centreId, learnersOfYear } = y;
  const { startDate, endDate, stamp, writers, ids, counts } = y.run;
  const { dates } = lessonDates({ startDate: spec.from, endDate: spec.to, weekdays: spec.weekdays }, calendar);
  const first = dates[0];
  const last = dates.at(-1);
  // Only courses that started within the data set: their learners are people it has.
  if (first === undefined || last === undefined || first < startDate || first > endDate) return [];
  const courseId = ++ids.course;
  await writers.courses.add(
    courseId,
    centreId,
    spec.kindId,
    spec.title,
    spec.level,
    SAI_PARTNER,
    PLACE,
    first,
    last,
    JSON.stringify([...spec.weekdays].sort((a, b) => a - b)),
    spec.startTime,
    spec.minutes,
    30,
    null,
    stamp,
    stamp,
    1,
  );
  counts.courses++;

  const planned: PlannedEnrolment[] = [];
  const chosen = new Set<number>();
  const candidates = spec.pick(first);
  const candidateIds = new Set(candidates.map((p) => p.id));
  const again = learnersOfYear.filter((e) => candidateIds.has(e.person.id));
  for (let attempt = 0; planned.length < spec.learners && attempt < spec.learners * 20; attempt++) {
    // Some learners of an earlier club of the year follow this one too.
    const repeat = again.length > 0 && rng.chance(0.15) ? rng.pick(again).person : null;
    const person = repeat ?? (candidates.length > 0 ? rng.pick(candidates) : null);
    if (!person) break;
    if (chosen.has(person.id)) continue;
    chosen.add(person.id);
    const late = rng.chance(0.1);
    let enrolledOn = late ? addDays(first, rng.int(7, 40)) : addDays(first, -rng.int(0, 14));
    enrolledOn = dateMin(dateMin(dateMax(enrolledOn, person.firstDate), last), endDate);
    let withdrawnOn: string | null = null;
    const lastPast = dateMin(last, addDays(endDate, -1));
    if (rng.chance(0.08) && enrolledOn < lastPast) withdrawnOn = addDays(enrolledOn, rng.int(1, 60));
    if (withdrawnOn !== null && withdrawnOn >= lastPast) withdrawnOn = null;
    planned.push({
      id: ++ids.enrolment,
      person,
      programme: spec.programme(person),
      enrolledOn,
      withdrawnOn,
      propensity: 0.55 + 0.4 * rng.float(),
    });
  }
  for (const e of planned) {
    await writers.enrolments.add(
      e.id,
      courseId,
      e.person.id,
      e.programme,
      e.enrolledOn,
      e.withdrawnOn,
      e.person.gender,
      e.person.citizenship,
      stamp,
      stamp,
      e.withdrawnOn ? 2 : 1,
    );
    counts.enrolments++;
    // Some places were given from the waiting list.
    if (rng.chance(spec.placedShare)) {
      const requestedOn = dateMax(addDays(e.enrolledOn, -rng.int(10, 90)), e.person.firstDate);
      await writers.waiting.add(
        centreId,
        spec.waitingKind,
        e.person.id,
        requestedOn,
        PRIORITY_TABLE.draw(rng),
        'placed',
        e.enrolledOn,
        e.id,
        null,
        stamp,
        stamp,
        2,
      );
      counts.waitingList++;
    }
  }

  for (const date of dates) {
    const lessonId = ++ids.lesson;
    const past = date < endDate;
    const cancelled = past && rng.chance(0.03);
    const status = !past ? 'scheduled' : cancelled ? 'cancelled' : 'held';
    await writers.lessons.add(
      lessonId,
      courseId,
      date,
      spec.startTime,
      spec.minutes,
      status,
      cancelled ? 'Annullato: docente assente' : null,
      date,
      stamp,
      stamp,
      past ? 2 : 1,
    );
    counts.lessons++;
    if (status !== 'held') continue;
    counts.lessonsHeld++;
    const recordedAt = romeInstant(date, spec.startTime).toISOString();
    for (const e of planned) {
      if (!isEnrolledOn(e, date)) continue;
      await writers.attendance.add(lessonId, e.id, rng.chance(e.propensity) ? 1 : 0, recordedAt);
      counts.attendance++;
    }
  }
  return planned;
}
