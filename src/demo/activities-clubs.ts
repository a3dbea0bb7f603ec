/**
 * The courses of a centre's year, like Jesi's in 2024: the language clubs (mostly recent
 * arrivals; SAI beneficiaries among them) and the driving-support course; and the people still
 * waiting for a place in an Italian course, or who gave up.
 */
import type { WaitingListKind } from '../contracts/enums.js';
import type { Weekday } from '../domain/calendar.js';
import { ageOn } from '../domain/dates.js';
import { originGroupOf } from '../domain/origin-group.js';
import { addCourse, PRIORITY_TABLE } from './activities-courses.js';
import type { CentreYear } from './activities-writers.js';
import type { PersonFacts } from './centre-people.js';
import { addDays, dateMin, NATIONALITIES } from './profiles.js';

interface ClubTemplate {
  level: 'base' | 'alfabetizzazione';
  /** MM-DD of the first and last day of the pattern, before jitter. */
  from: string;
  to: string;
}

/** The five clubs of Jesi 2024 (dates of the report), repeated every year. */
const CLUBS: readonly ClubTemplate[] = [
  { level: 'base', from: '01-08', to: '04-26' },
  { level: 'alfabetizzazione', from: '03-01', to: '07-24' },
  { level: 'base', from: '05-02', to: '08-02' },
  { level: 'alfabetizzazione', from: '09-09', to: '12-30' },
  { level: 'base', from: '09-11', to: '12-20' },
];
const CLUB_WEEKDAYS: ReadonlyArray<readonly Weekday[]> = [
  [1, 3],
  [3, 5],
  [1, 5],
  [2, 4],
  [1, 4],
];
const CLUB_TITLES = { base: 'Club linguistico base', alfabetizzazione: 'Club linguistico alfabetizzazione' } as const;
/** Nationalities of the driving-support learners in the report: Nigerian, Moroccan, Tunisian, Cameroonian. */
const DRIVING_NATIONALITIES = new Set(['NG', 'MA', 'TN', 'CM']);
const PROTECTION = new Set(NATIONALITIES.filter((n) => n.protection).map((n) => n.code));

/** Born on or before this day: `age` years old (or more) on `date`. A plain comparison, for filters over many people. */
const bornBy = (date: string, age: number) => `${String(Number(date.slice(0, 4)) - age).padStart(4, '0')}${date.slice(4)}`;

/** The year's language clubs (their learners join the year's) and the driving-support course. */
export async function drawCourses(y: CentreYear, kinds: ReadonlyMap<string, number>): Promise<void> {
  const { rng, year, foreigners, learnersOfYear } = y;
  const clubKind = kinds.get('language_club');
  if (clubKind !== undefined) {
    for (const club of CLUBS) {
      if (!rng.chance(0.9)) continue;
      const weekdays = rng.pick(CLUB_WEEKDAYS);
      const from = addDays(`${year}-${club.from}`, rng.int(0, 6));
      const to = dateMin(addDays(`${year}-${club.to}`, rng.int(-6, 0)), `${year}-12-30`);
      const saiBias = rng.float();
      const planned = await addCourse(y, {
        kindId: clubKind,
        title: CLUB_TITLES[club.level],
        level: club.level,
        from,
        to,
        weekdays,
        startTime: weekdays.includes(4) ? '15:00' : '09:00',
        minutes: 180,
        learners: rng.int(15, 27),
        pick: (date) => {
          // Mostly people who came in the last year: recent arrivals learn Italian.
          const knownBy = addDays(date, 21);
          const born = bornBy(date, 16);
          const eligible = foreigners.filter((p) => p.firstDate <= knownBy && (p.birthDate === null || p.birthDate <= born));
          const yearBefore = addDays(date, -365);
          const recent = eligible.filter((p) => p.firstDate >= yearBefore);
          return recent.length >= 30 ? recent : eligible;
        },
        programme: (person) =>
          rng.chance(0.02)
            ? 'other'
            : rng.chance(PROTECTION.has(person.citizenship) ? 0.55 + 0.4 * saiBias : 0.1 + 0.3 * saiBias)
              ? 'sai'
              : 'centre_user',
        waitingKind: 'adult_l2',
        placedShare: 0.12,
      });
      learnersOfYear.push(...planned);
    }
  }
  const drivingKind = kinds.get('driving_support');
  if (drivingKind !== undefined) {
    await addCourse(y, {
      kindId: drivingKind,
      title: 'Supporto alla scuola guida',
      level: null,
      from: addDays(`${year}-01-22`, rng.int(0, 6)),
      to: `${year}-06-30`,
      weekdays: [rng.chance(0.5) ? 1 : 2],
      startTime: '09:30',
      minutes: 90,
      learners: rng.int(5, 9),
      pick: (date) => {
        const knownBy = addDays(date, 21);
        const born = bornBy(date, 18);
        const eligible = foreigners.filter(
          (p) => p.firstDate <= knownBy && (p.birthDate === null || p.birthDate <= born) && originGroupOf(p.citizenship, date) === 'non_eu',
        );
        const usual = eligible.filter((p) => DRIVING_NATIONALITIES.has(p.citizenship));
        return usual.length >= 12 ? usual : eligible;
      },
      programme: () => (rng.chance(0.2) ? 'sai' : 'centre_user'),
      waitingKind: 'driving',
      placedShare: 0.3,
    });
  }
}

/** The waiting lists: adults and minors still waiting (or who gave up) for an Italian course. */
export async function drawWaitingLists(y: CentreYear): Promise<void> {
  const { rng, centreId, foreigners, learnersOfYear, yearFrom, yearTo, share } = y;
  const { endDate, stamp, writers, counts } = y.run;
  if (yearFrom > yearTo) return;
  const enrolledThisYear = new Set(learnersOfYear.map((e) => e.person.id));
  const lists: ReadonlyArray<readonly [WaitingListKind, number, (p: PersonFacts, date: string) => boolean]> = [
    [
      'adult_l2',
      Math.round(rng.int(8, 20) * share),
      (p, date) => !enrolledThisYear.has(p.id) && (p.birthDate === null || p.birthDate <= bornBy(date, 18)),
    ],
    [
      'minor_l2',
      Math.round(rng.int(2, 6) * share),
      (p, date) => p.birthDate !== null && ageOn(p.birthDate, date) >= 6 && ageOn(p.birthDate, date) < 18,
    ],
  ];
  const span = Math.max(0, Math.round((Date.parse(yearTo) - Date.parse(yearFrom)) / 86_400_000));
  for (const [kind, count, fits] of lists) {
    const asked = new Set<number>();
    const known = foreigners.filter((p) => p.firstDate <= yearTo);
    for (let i = 0; i < count && known.length > 0; i++) {
      const requestedOn = addDays(yearFrom, rng.int(0, span));
      // A few draws among the people the centre knew by then; none fitting, no entry.
      let person: PersonFacts | undefined;
      for (let draw = 0; draw < 40 && !person; draw++) {
        const p = rng.pick(known);
        if (p.firstDate <= requestedOn && !asked.has(p.id) && fits(p, requestedOn)) person = p;
      }
      if (!person) continue;
      asked.add(person.id);
      const gaveUpOn = addDays(requestedOn, rng.int(20, 120));
      const withdrawn = gaveUpOn < endDate && rng.chance(0.25);
      await writers.waiting.add(
        centreId,
        kind,
        person.id,
        requestedOn,
        PRIORITY_TABLE.draw(rng),
        withdrawn ? 'withdrawn' : 'waiting',
        withdrawn ? gaveUpOn : null,
        null,
        kind === 'minor_l2' ? 'In vista dell’iscrizione a scuola' : null,
        stamp,
        stamp,
        withdrawn ? 2 : 1,
      );
      counts.waitingList++;
    }
  }
}
