/**
 * Section 8, "Supporto alla preparazione dell'esame di scuola guida": the driving-exam support
 * courses that started in the year, their enrolments and the learners' nationalities
 * (citizenship at enrolment). From courseFiguresOfYear, and the courses' weekly pattern.
 */
import type { CourseFigures, YearFigures } from '../../../contracts/courses.js';
import type { ReportBlock, ReportRow, ReportTable } from '../../../contracts/reports.js';
import { italianTimeRange } from '../../../domain/events.js';
import { counted, countWord, fromDate, italianList, periodText } from '../../../domain/report/italian.js';
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

const WEEKDAY_WORDS = ['lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica'];

export const DRIVING_INTRO =
  "Si propongono degli incontri individualizzati e di gruppo per aiutare nella preparazione dell'esame di scuola guida attraverso simulazioni di prove di esame e approfondimenti su argomenti e terminologie specifiche.";

export interface CoursePattern {
  id: number;
  weekdays: number[];
  startTime: string;
  lessonMinutes: number;
  place: string | null;
}

/** "un giorno a settimana (lunedì o martedì) dalle 9:30 alle 11:00". */
export function scheduleText(patterns: readonly CoursePattern[]): string {
  const perWeek = [...new Set(patterns.map((p) => p.weekdays.length))];
  const days = [...new Set(patterns.flatMap((p) => p.weekdays))].sort((a, b) => a - b).map((d) => WEEKDAY_WORDS[d - 1] as string);
  const count = perWeek.length === 1 ? (perWeek[0] as number) : null;
  const which =
    count === 1 ? `(${days.length > 1 ? `${days.slice(0, -1).join(', ')} o ${days.at(-1)}` : days[0]})` : `(${italianList(days)})`;
  const howOften =
    count === null ? 'ogni settimana' : count === 1 ? 'un giorno a settimana' : `${countWord(count, 'm')} giorni a settimana`;
  const times = [...new Set(patterns.map((p) => `${p.startTime}|${p.lessonMinutes}`))];
  let time = '';
  if (times.length === 1) {
    const [start, minutes] = (times[0] as string).split('|') as [string, string];
    const end = Number(start.slice(0, 2)) * 60 + Number(start.slice(3, 5)) + Number(minutes);
    time = ` ${italianTimeRange(start, `${String(Math.floor(end / 60) % 24).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`)}`;
  }
  return `${howOften} ${which}${time}`;
}

export function drivingDraft(
  courses: readonly CourseFigures[],
  patterns: readonly CoursePattern[],
  totals: YearFigures['totals'] | undefined,
  year: number,
): string {
  if (courses.length === 0 || !totals) return `${DRIVING_INTRO}\n\nNel ${year} non sono iniziati corsi di supporto alla scuola guida.`;
  const places = [...new Set(patterns.map((p) => p.place))];
  const where = places.length === 1 && places[0] ? ` presso ${places[0]}` : '';
  const organised =
    courses.length === 1 ? 'È stato organizzato un corso' : `Sono stati organizzati ${countWord(courses.length, 'm')} corsi`;
  const start = courses.map((c) => c.startDate).sort()[0] as string;
  const nationalities = totals.byCitizenship.filter((c) => c.citizenship !== 'XU').map((c) => countryCategory(c.citizenship).label);
  return [
    DRIVING_INTRO,
    `${organised} di **SUPPORTO ALLA SCUOLA GUIDA**${where}:`,
    [
      `- ${scheduleText(patterns)}`,
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
  const patternRows =
    courses.length === 0
      ? []
      : await ctx.db
          .selectFrom('courses')
          .select(['id', 'weekdays', 'startTime', 'lessonMinutes', 'place'])
          .where(
            'id',
            'in',
            courses.map((c) => c.courseId),
          )
          .execute();
  const patterns = patternRows.map((row) => ({ ...row, weekdays: JSON.parse(row.weekdays) as number[] }));
  const blocks: ReportBlock[] = [
    textBlock('driving.text', "Supporto alla preparazione dell'esame di scuola guida", drivingDraft(courses, patterns, totals, ctx.year)),
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
      groupingThreshold: ctx.settings.groupingThreshold,
      otherTitle: `Cittadinanze con meno di ${ctx.settings.groupingThreshold} iscritti`,
    }),
  ];
  return { id: 'driving', title: "Supporto alla preparazione dell'esame di scuola guida", blocks };
};
