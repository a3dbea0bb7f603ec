/**
 * The home page (GET /home): the first page after login, one answer per view. The coordinator's
 * figures of the year so far beside the same period of last year (counted by the report's
 * rules), this month by week, what needs attention and the courses running; the operator's
 * today's visits, own cases and what is due this week; the viewer's aggregate figures alone.
 */
import { z } from 'zod';
import { HOME_VIEWS } from '../domain/home.js';
import { id, personRef } from './common.js';
import { ORIGIN_GROUPS, WAITING_LIST_KINDS } from './enums.js';
import { visitSchema } from './visits.js';

export { HOME_VIEWS, type HomeView } from '../domain/home.js';

export const homeQuery = z.strictObject({
  /** One of the caller's centres; all of them when not given. */
  centreId: id.optional(),
  /** A view the caller's role may open (its own, or one that shows less); its own when not given. */
  view: z.enum(HOME_VIEWS).optional(),
});
export type HomeQuery = z.infer<typeof homeQuery>;

const dayRange = z.object({ from: z.string(), to: z.string() });

/** Visits, people in care and new people in care over some days, in total and by origin group. */
export const periodFiguresSchema = dayRange
  .extend({
    visits: z.number(),
    inCare: z.number(),
    newInCare: z.number(),
    byOriginGroup: z.array(z.object({ group: z.enum(ORIGIN_GROUPS), visits: z.number(), inCare: z.number(), newInCare: z.number() })),
  })
  .meta({ id: 'HomePeriodFigures' });
export type PeriodFigures = z.infer<typeof periodFiguresSchema>;

/** The aggregate figures every view starts with: no personal data. */
const figures = {
  today: z.string(),
  centreIds: z.array(z.number()),
  /** From 1 January to today, and the same days of last year. */
  yearSoFar: z.object({ current: periodFiguresSchema, previous: periodFiguresSchema }),
  /** The visits of this month by week (Monday to Sunday, cut to the month), up to today. */
  monthByWeek: z.object({ month: z.string(), weeks: z.array(dayRange.extend({ visits: z.number() })) }),
  /** The courses running today, with their attendance so far. */
  courses: z.array(
    z.object({
      courseId: z.number(),
      centreId: z.number(),
      title: z.string(),
      kind: z.object({ code: z.string(), labelIt: z.string(), labelEn: z.string() }),
      startDate: z.string(),
      endDate: z.string(),
      enrolments: z.number(),
      /** Presences over expected presences of the lessons held, in percent; null before any. */
      attendanceRate: z.number().nullable(),
    }),
  ),
  /** The people waiting for a course, by the kind of course they wait for (every kind, zeros too). */
  waitingList: z.array(z.object({ kind: z.enum(WAITING_LIST_KINDS), waiting: z.number() })),
};

export const viewerHomeSchema = z.object({ view: z.literal('viewer'), ...figures }).meta({ id: 'ViewerHome' });

export const coordinatorHomeSchema = z
  .object({
    view: z.literal('coordinator'),
    ...figures,
    /** What needs attention in the centres (counts; each links to its list). */
    attention: z.object({
      /** Open cases without a diary note for `silentDays` (since their opening when they have none). */
      silentCases: z.number(),
      silentDays: z.number(),
      /** Permits the Scadenze page watches expiring from today to `permitWithinDays` ahead. */
      expiringPermits: z.number(),
      permitWithinDays: z.number(),
      /** Plan actions to do or in progress, of open cases, due before today. */
      overdueActions: z.number(),
    }),
  })
  .meta({ id: 'CoordinatorHome' });

/** Something of the operator's due this week: a plan action (late or due by Sunday), or a permit of a person of their cases expiring by Sunday. */
const dueItem = z.object({
  kind: z.enum(['action', 'permit']),
  /** The action's or the permit's id. */
  id: z.number(),
  dueOn: z.string(),
  caseId: z.number().nullable(),
  person: personRef.nullable(),
  /** The action's description, or the permit's kind. */
  text: z.string(),
  overdue: z.boolean(),
});

export const operatorHomeSchema = z
  .object({
    view: z.literal('operator'),
    today: z.string(),
    centreIds: z.array(z.number()),
    week: dayRange,
    /** The visits of today in the caller's centres, newest first (the first 50; `total` counts them all). */
    todayVisits: z.object({ total: z.number(), items: z.array(visitSchema) }),
    /** The open cases the caller is responsible for. */
    cases: z.array(
      z.object({
        caseId: z.number(),
        person: personRef.nullable(),
        household: z.object({ id: z.number(), name: z.string() }).nullable(),
        openedOn: z.string(),
        lastNoteOn: z.string().nullable(),
        /** No note for the reminders' silent days. */
        silent: z.boolean(),
        overdueActions: z.number(),
      }),
    ),
    due: z.array(dueItem),
    silentDays: z.number(),
  })
  .meta({ id: 'OperatorHome' });

export const homeSchema = z.discriminatedUnion('view', [coordinatorHomeSchema, operatorHomeSchema, viewerHomeSchema]).meta({ id: 'Home' });
export type Home = z.infer<typeof homeSchema>;
export type CoordinatorHome = z.infer<typeof coordinatorHomeSchema>;
export type OperatorHome = z.infer<typeof operatorHomeSchema>;
export type ViewerHome = z.infer<typeof viewerHomeSchema>;
