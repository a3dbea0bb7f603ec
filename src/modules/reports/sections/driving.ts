/**
 * Section 8, "Supporto alla preparazione dell'esame di scuola guida": the driving-exam support
 * courses that started in the year, their enrolments and the learners' nationalities
 * (citizenship at enrolment). From courseFiguresOfYear; how often each course met from its
 * lessons held (domain/report/meetings-text.ts), never from its declared weekly pattern.
 */
import type { CourseFigures, YearFigures } from '../../../contracts/courses.js';
import type { ReportBlock, ReportRow, ReportTable } from '../../../contracts/reports.js';
import { counted, countWord, fromDate, italianList, periodText } from '../../../domain/report/italian.js';
import { type HeldLesson, meetingsText } from '../../../domain/report/meetings-text.js';
import { courseRowsFor } from '../../courses/courses.repository.js';
import { heldLessonsOf } from '../../courses/lessons.repository.js';
import {
  assertReconciles,
  breakdownBlocks,
  figuresBlock,
  measureColumn,
  numberColumn,
  textBlock,
  textColumn,
  totalRow,
} from '../blocks.js';
import type { SectionBuilder } from '../context.js';
import { kindTotals } from './courses.js';
import { coursesOfYear } from './shared-figures.js';
import { countryCategory } from './visits.js';

export const DRIVING_SUPPORT = 'driving_support';

export const DRIVING_INTRO =
  "Si propongono degli incontri individualizzati e di gruppo per aiutare nella preparazione dell'esame di scuola guida attraverso simulazioni di prove di esame e approfondimenti su argomenti e terminologie specifiche.";

/** A course's place and the lessons it held. */
export interface CourseMeetings {
  courseId: number;
  place: string | null;
  lessons: HeldLesson[];
}

/**
 * How often the courses met, a line each: "20 incontri in 23 settimane, circa uno a settimana
 * (lunedì) dalle 9:30 alle 11:00"; with several courses each line names its dates.
 */
export function meetingsLines(courses: readonly CourseFigures[], meetings: readonly CourseMeetings[], year: number): string[] {
  const lessonsOf = (courseId: number) => meetings.find((m) => m.courseId === courseId)?.lessons ?? [];
  if (courses.length === 1) return [meetingsText(lessonsOf((courses[0] as CourseFigures).courseId))];
  return courses.map((c) => `${periodText(c.startDate, c.endDate, year)}: ${meetingsText(lessonsOf(c.courseId))}`);
}

export function drivingDraft(
  courses: readonly CourseFigures[],
  meetings: readonly CourseMeetings[],
  totals: YearFigures['totals'] | undefined,
  year: number,
): string {
  if (courses.length === 0 || !totals) return `${DRIVING_INTRO}\n\nNel ${year} non sono iniziati corsi di supporto alla scuola guida.`;
  const places = [...new Set(meetings.map((m) => m.place))];
  const where = places.length === 1 && places[0] ? ` presso ${places[0]}` : '';
  const organised =
    courses.length === 1 ? 'È stato organizzato un corso' : `Sono stati organizzati ${countWord(courses.length, 'm')} corsi`;
  const start = courses.map((c) => c.startDate).sort()[0] as string;
  const nationalities = totals.byCitizenship.filter((c) => c.citizenship !== 'XU').map((c) => countryCategory(c.citizenship).label);
  return [
    DRIVING_INTRO,
    `${organised} di **SUPPORTO ALLA SCUOLA GUIDA**${where}:`,
    [
      ...meetingsLines(courses, meetings, year).map((line) => `- ${line}`),
      `- a partire ${fromDate(start)}`,
      `- **${counted(totals.enrolments, 'iscritto', 'iscritti')}**${nationalities.length > 0 ? ` di cittadinanza: ${italianList(nationalities)}` : ''}`,
    ].join('\n'),
  ].join('\n\n');
}

export function drivingTable(courses: readonly CourseFigures[], year: number): ReportTable {
  const columns = [
    textColumn('title', 'Corso'),
    textColumn('dates', 'Date'),
    measureColumn('lessons', 'Incontri'),
    measureColumn('hours', 'Ore'),
    numberColumn('enrolments', 'Iscritti'),
  ];
  const rows: ReportRow[] = courses.map((c) => ({
    key: String(c.courseId),
    cells: {
      title: c.title,
      dates: periodText(c.startDate, c.endDate, year),
      lessons: c.lessonsHeld,
      hours: c.hoursHeld,
      enrolments: c.enrolments,
    },
  }));
  return assertReconciles({
    kind: 'table',
    id: 'driving.courses',
    title: `Corsi di supporto alla scuola guida iniziati nel ${year}`,
    columns,
    rows: [...rows, totalRow(columns, rows)],
    protect: true,
  });
}

export const drivingSection: SectionBuilder = async (ctx) => {
  const figures = await coursesOfYear(ctx, ctx.year);
  const courses = figures.courses.filter((c) => c.kind.code === DRIVING_SUPPORT);
  const totals = kindTotals(figures, DRIVING_SUPPORT);
  const ids = courses.map((c) => c.courseId);
  const [rows, lessons] =
    ids.length === 0 ? [[], []] : await Promise.all([courseRowsFor(ctx.db, { centreIds: ctx.centreIds, ids }), heldLessonsOf(ctx.db, ids)]);
  const meetings: CourseMeetings[] = rows.map((row) => ({
    courseId: row.id,
    place: row.place,
    lessons: lessons.filter((lesson) => lesson.courseId === row.id),
  }));
  const blocks: ReportBlock[] = [
    textBlock('driving.text', "Supporto alla preparazione dell'esame di scuola guida", drivingDraft(courses, meetings, totals, ctx.year)),
    drivingTable(courses, ctx.year),
    figuresBlock('driving.figures', `Iscritti ${ctx.year}`, true, [
      { key: 'enrolments', label: 'Iscritti', value: totals?.enrolments ?? 0 },
      { key: 'distinctLearners', label: 'Persone distinte', value: totals?.distinctLearners ?? 0 },
    ]),
    ...breakdownBlocks({
      id: 'driving.nationalities',
      title: 'Iscritti per cittadinanza',
      categoryLabel: 'Cittadinanza',
      countLabel: 'Iscritti',
      categories: (totals?.byCitizenship ?? []).map((c) => ({ ...countryCategory(c.citizenship), count: c.enrolments })),
      total: totals?.enrolments ?? 0,
      chart: 'pie',
      groupingThreshold: ctx.settings.groupingThresholds['driving.nationalities'],
      otherTitle: `Cittadinanze con meno di ${ctx.settings.groupingThresholds['driving.nationalities']} iscritti`,
    }),
  ];
  return { id: 'driving', title: "Supporto alla preparazione dell'esame di scuola guida", blocks };
};
