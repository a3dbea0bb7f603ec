/**
 * The home page of each role (issue 15). Every figure is counted by the annual report's rules:
 * visits by the snapshot each stores (as sections/visits.ts), people in care and new people by
 * the report's section builder (sections/care.ts: peopleInCareIn over careMemberPeriods), on the
 * case periods as they stood on the period's last day (domain/home.ts: periodsAsOf), so that the
 * year so far equals the report of this year, and a period ending on 31 December the report of
 * that year; a centre's people in care are counted again only when its care data moved
 * (care-counts.ts), its running courses only when its course data did (kept-figures.ts), so a
 * write in one centre recounts that centre's part alone. The viewer's view holds aggregates
 * only; the operator's names people of the caller's centres, their own cases and what is theirs
 * to do.
 */
import type { Kysely } from 'kysely';
import { WAITING_LIST_KINDS } from '../../contracts/enums.js';
import type { CoordinatorHome, Home, HomeQuery, OperatorHome, PeriodFigures, ViewerHome } from '../../contracts/home.js';
import { personOf } from '../../db/joined.js';
import type { Database } from '../../db/schema.js';
import { addDays, todayInRome } from '../../domain/dates.js';
import { DEFAULT_WITHIN_DAYS } from '../../domain/deadlines.js';
import {
  countByRange,
  type DayRange,
  defaultHomeView,
  homeViewsOf,
  samePeriodLastYear,
  weekOf,
  weeksOfMonthSoFar,
  yearSoFar,
} from '../../domain/home.js';
import { ORIGIN_GROUPS } from '../../domain/origin-group.js';
import { REMINDER_RULES } from '../../domain/reminders.js';
import { forbidden } from '../../errors/index.js';
import { recordListing } from '../audit/audit.repository.js';
import { type Actor, centreScope } from '../auth/actor.js';
import { countOverdueActions } from '../cases/plan.repository.js';
import { courseRowsFor } from '../courses/courses.repository.js';
import { figuresData } from '../courses/figures.repository.js';
import { figuresOf } from '../courses/figures.usecases.js';
import { listVisits } from '../visits/visits.repository.js';
import { type CareCounts, careCountsOf } from './care-counts.js';
import {
  countExpiringPermits,
  coursesRunningOn,
  ownActionsDue,
  ownOpenCases,
  ownPermitsExpiring,
  silentCaseCount,
  visitsByDay,
  visitsByOriginGroup,
  waitingByKind,
} from './home.repository.js';
import { keptByCentre } from './kept-figures.js';

type Db = Kysely<Database>;

/** The operator's home lists at most this many of today's visits (the desk's list has them all). */
export const TODAY_VISITS_SHOWN = 50;

/** The home page of the caller's role (or of a view it may open), over its centres or one of them. */
export async function homeFor(db: Db, actor: Actor, query: HomeQuery, today: string = todayInRome()): Promise<Home> {
  const view = query.view ?? defaultHomeView(actor.role);
  if (!homeViewsOf(actor.role).includes(view)) throw forbidden();
  const centreIds = centreScope(actor, query.centreId);
  if (view === 'operator') return operatorHome(db, actor, centreIds, today);
  if (view === 'viewer') return { view, ...(await aggregateFigures(db, centreIds, today)) } satisfies ViewerHome;
  // The counts of the lists they link to: the Scadenze page's, the overdue actions', the reminders' silent cases.
  const [figures, silentCases, expiringPermits, overdue] = await Promise.all([
    aggregateFigures(db, centreIds, today),
    silentCaseCount(db, centreIds, addDays(today, -REMINDER_RULES.silentDays)),
    countExpiringPermits(db, centreIds, { today, until: addDays(today, DEFAULT_WITHIN_DAYS) }),
    countOverdueActions(db, { centreIds, today }),
  ]);
  return {
    view,
    ...figures,
    attention: {
      silentCases,
      silentDays: REMINDER_RULES.silentDays,
      expiringPermits,
      permitWithinDays: DEFAULT_WITHIN_DAYS,
      overdueActions: overdue,
    },
  } satisfies CoordinatorHome;
}

/** The figures without personal data: the year so far and last year's same days, this month by week, the courses running. */
export async function aggregateFigures(db: Db, centreIds: number[], today: string): Promise<Omit<ViewerHome, 'view'>> {
  const current = yearSoFar(today);
  const previous = samePeriodLastYear(today);
  const weeks = weeksOfMonthSoFar(today);
  // The people in care of both periods, from the report's rows of case periods up to this year.
  const [[currentCare, previousCare], currentFigures, previousFigures, byDay, courses, waiting] = await Promise.all([
    careCountsOf(db, centreIds, [current, previous], Number(today.slice(0, 4))) as Promise<[CareCounts, CareCounts]>,
    visitsByOriginGroup(db, centreIds, current),
    visitsByOriginGroup(db, centreIds, previous),
    visitsByDay(db, centreIds, { from: weeks[0]?.from ?? today, to: today }),
    runningCourses(db, centreIds, today),
    waitingByKind(db, centreIds),
  ]);
  return {
    today,
    centreIds,
    yearSoFar: {
      current: periodFigures(current, currentFigures, currentCare),
      previous: periodFigures(previous, previousFigures, previousCare),
    },
    monthByWeek: {
      month: today.slice(0, 7),
      weeks: weeks.map((week, i) => ({ ...week, visits: countByRange(weeks, byDay)[i] ?? 0 })),
    },
    courses,
    waitingList: WAITING_LIST_KINDS.map((kind) => ({ kind, waiting: waiting.get(kind) ?? 0 })),
  };
}

/**
 * A period's figures (from 1 January of a year to a day of it): the visits by origin group as
 * read, the people in care and the new ones by the report's rules on the periods as they stood
 * on the period's last day (care-counts.ts).
 */
function periodFigures(range: DayRange, visits: Map<string, number>, care: CareCounts): PeriodFigures {
  const byOriginGroup = ORIGIN_GROUPS.map((group) => {
    const ofGroup = care.byOriginGroup.get(group);
    return { group, visits: visits.get(group) ?? 0, inCare: ofGroup?.inCare ?? 0, newInCare: ofGroup?.newInCare ?? 0 };
  });
  return {
    ...range,
    visits: [...visits.values()].reduce((sum, n) => sum + n, 0),
    inCare: care.inCare,
    newInCare: care.newInCare,
    byOriginGroup,
  };
}

/**
 * The courses running today with their attendance so far (the courses' own figures), each
 * centre's counted again only when its course data moved (migration 0021, kept-figures.ts), in
 * the order of their start.
 */
function runningCourses(db: Db, centreIds: number[], today: string): Promise<ViewerHome['courses']> {
  const countCentre = async (centreId: number): Promise<ViewerHome['courses']> => {
    const ids = await coursesRunningOn(db, [centreId], today);
    if (ids.length === 0) return [];
    const [courses, data] = await Promise.all([courseRowsFor(db, { centreIds: [centreId], ids }), figuresData(db, ids)]);
    return figuresOf(courses, data).map(({ course, summary }) => ({
      courseId: course.id,
      centreId: course.centreId,
      title: course.title,
      kind: { code: course.kindCode, labelIt: course.kindLabelIt, labelEn: course.kindLabelEn },
      startDate: course.startDate,
      endDate: course.endDate,
      enrolments: summary.enrolments,
      attendanceRate: summary.attendanceRate,
    }));
  };
  return keptByCentre(db, 'courseVersions', centreIds, { part: `running on ${today}` }, countCentre, (parts) =>
    // As courseRowsFor orders them: by start, then as created.
    parts.flat().sort((a, b) => (a.startDate === b.startDate ? a.courseId - b.courseId : a.startDate < b.startDate ? -1 : 1)),
  );
}

/** The operator's day: today's visits in their centres, their own open cases, and what is theirs this week. */
async function operatorHome(db: Db, actor: Actor, centreIds: number[], today: string): Promise<OperatorHome> {
  const week = weekOf(today);
  const silentSince = addDays(today, -REMINDER_RULES.silentDays);
  const [visits, cases, actions, permits] = await Promise.all([
    listVisits(db, { centreIds, from: today, to: today }, 1, TODAY_VISITS_SHOWN),
    ownOpenCases(db, centreIds, actor.userId, today),
    ownActionsDue(db, centreIds, actor.userId, week.to),
    ownPermitsExpiring(db, centreIds, actor.userId, { from: today, to: week.to }),
  ]);
  const due: OperatorHome['due'] = [
    ...actions.map((a) => ({
      kind: 'action' as const,
      id: a.id,
      dueOn: a.dueOn,
      caseId: a.caseId,
      person: personOf(a),
      text: a.description,
      overdue: a.dueOn < today,
    })),
    ...permits.map((p) => ({
      kind: 'permit' as const,
      id: p.id,
      dueOn: p.dueOn,
      caseId: null,
      person: personOf(p),
      text: p.permitType,
      overdue: false,
    })),
  ].sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  // The names shown are logged as the lists they come from log them (the desk's visits, the cases, Scadenze).
  const shown = {
    visit: visits.items.map((v) => v.person?.id),
    case: cases.map((c) => c.personId),
    person: due.map((d) => d.person?.id),
  };
  for (const [entity, personIds] of Object.entries(shown)) await recordListing(db, actor.userId, entity, personIds);
  return {
    view: 'operator',
    today,
    centreIds,
    week,
    todayVisits: { total: visits.total, items: visits.items },
    cases: cases.map((c) => {
      const lastNoteOn = (c.lastNoteOn as string | null) ?? null;
      return {
        caseId: c.caseId,
        person: personOf(c),
        household: c.householdId !== null && c.householdName !== null ? { id: c.householdId, name: c.householdName } : null,
        openedOn: c.openedOn,
        lastNoteOn,
        silent: (lastNoteOn ?? c.openedOn) <= silentSince,
        overdueActions: Number(c.overdueActions),
      };
    }),
    due,
    silentDays: REMINDER_RULES.silentDays,
  };
}
