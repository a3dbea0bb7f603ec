/**
 * Section 7, "Club linguistici": the language-club courses that started in the year, each with
 * its level, dates, lessons and hours held and its enrolments by programme; the sum of the
 * enrolments ("Totale iscritti": each enrolment counted in its course) with the distinct
 * learners beside it; the enrolments over the last years. From courseFiguresOfYear.
 */
import type { CourseFigures, YearFigures } from '../../../contracts/courses.js';
import type { EnrolmentProgramme } from '../../../contracts/enums.js';
import { COURSE_LEVEL_LABELS } from '../../../contracts/labels.js';
import type { ReportBlock, ReportRow, ReportTable } from '../../../contracts/reports.js';
import { counted, italianList, italianNumber, periodText } from '../../../domain/report/italian.js';
import { assertReconciles, figuresBlock, measureColumn, numberColumn, textBlock, textColumn, totalRow } from '../blocks.js';
import type { SectionBuilder } from '../context.js';
import { historicalComparison } from './historical.js';
import { coursesOfYear } from './shared-figures.js';
import { comparisonYears } from './visits.js';

export const LANGUAGE_CLUB = 'language_club';

/** Column headers of the programmes, as the reference report words them. */
export const PROGRAMME_COLUMNS: ReadonlyArray<{ key: EnrolmentProgramme; label: string; one: string; many: string }> = [
  { key: 'sai', label: 'Progetto SAI', one: 'utente del progetto SAI', many: 'utenti del progetto SAI' },
  { key: 'centre_user', label: 'Centro Integrazione', one: 'utente del Centro Integrazione', many: 'utenti del Centro Integrazione' },
  { key: 'other', label: 'Altro', one: 'altro', many: 'altri' },
];

export const kindTotals = (figures: YearFigures, code: string) => figures.byKind.find((k) => k.kind.code === code);

/** "31 incontri (3 ore)", the length when every lesson held had the same. */
export function lessonsText(course: CourseFigures): string {
  const each = course.lessonsHeld > 0 ? course.minutesHeld / course.lessonsHeld : 0;
  const hours = each / 60;
  const length = course.lessonsHeld > 0 && Number.isInteger(each) ? ` (${italianNumber(hours)} ${hours === 1 ? 'ora' : 'ore'})` : '';
  return `${counted(course.lessonsHeld, 'incontro', 'incontri')}${length}`;
}

/** The courses with their enrolments by programme: a total column and a total row that add up. */
export function coursesTable(id: string, title: string, courses: readonly CourseFigures[], year: number): ReportTable {
  const columns = [
    textColumn('title', 'Corso'),
    textColumn('level', 'Livello'),
    textColumn('dates', 'Date'),
    // Measures: the total column adds up the enrolments only, and disclosure leaves them shown.
    measureColumn('lessons', 'Incontri'),
    measureColumn('hours', 'Ore'),
    ...PROGRAMME_COLUMNS.map((p) => numberColumn(p.key, p.label)),
    numberColumn('total', 'Totale iscritti'),
  ];
  const rows: ReportRow[] = courses.map((c) => ({
    key: String(c.courseId),
    cells: {
      title: c.title,
      level: c.level ? COURSE_LEVEL_LABELS.it[c.level] : null,
      dates: periodText(c.startDate, c.endDate, year),
      lessons: c.lessonsHeld,
      hours: c.hoursHeld,
      ...Object.fromEntries(PROGRAMME_COLUMNS.map((p) => [p.key, c.byProgramme[p.key] ?? 0])),
      total: c.enrolments,
    },
  }));
  const total = totalRow(columns, rows);
  return assertReconciles({
    kind: 'table',
    id,
    title,
    columns,
    rows: [...rows, total],
    protect: true,
    totalColumn: 'total',
    notes: [
      'Incontri e ore svolti (con le presenze registrate). Gli iscritti sono contati per corso: chi segue due corsi conta in ciascuno.',
    ],
  });
}

/** "16 iscritti: 8 utenti del progetto SAI e 8 utenti del Centro Integrazione". */
export function enrolmentsText(enrolments: number, byProgramme: Record<EnrolmentProgramme, number>): string {
  const parts = PROGRAMME_COLUMNS.filter((p) => (byProgramme[p.key] ?? 0) > 0).map((p) => counted(byProgramme[p.key], p.one, p.many));
  return `${counted(enrolments, 'iscritto', 'iscritti')}${parts.length > 0 ? `: ${italianList(parts)}` : ''}`;
}

export function coursesDraft(
  courses: readonly CourseFigures[],
  totals: { enrolments: number; distinctLearners: number; byProgramme: Record<EnrolmentProgramme, number> } | undefined,
  year: number,
): string {
  if (courses.length === 0 || !totals) return `Nel ${year} non sono iniziati Club Linguistici.`;
  const partners = [...new Set(courses.map((c) => c.partner).filter((p): p is string => Boolean(p)))];
  const clubs = courses.length === 1 ? 'è iniziato 1 Club Linguistico' : `sono iniziati ${courses.length} Club Linguistici`;
  const intro = `Nel ${year} ${clubs}${partners.length > 0 ? ` in collaborazione con ${italianList(partners)}` : ''}, con ${enrolmentsText(totals.enrolments, totals.byProgramme)} (${counted(totals.distinctLearners, 'persona distinta', 'persone distinte')}).`;
  const list = courses.map(
    (c) =>
      `- ${c.title.toUpperCase()}: ${lessonsText(c)} ${periodText(c.startDate, c.endDate, year)}; ${enrolmentsText(c.enrolments, c.byProgramme)}.`,
  );
  return [intro, list.join('\n')].join('\n\n');
}

export const coursesSection: SectionBuilder = async (ctx) => {
  const years = comparisonYears(ctx.year, ctx.settings.comparisonYears);
  const byYear = new Map<number, YearFigures>();
  for (const year of years) byYear.set(year, await coursesOfYear(ctx, year));
  const figures = byYear.get(ctx.year) as YearFigures;
  const clubs = figures.courses.filter((c) => c.kind.code === LANGUAGE_CLUB);
  const totals = kindTotals(figures, LANGUAGE_CLUB);

  // A year before the records: the enrolments published by the centres without a language club
  // started in it (sections/historical.ts). Published figures give no courses or distinct
  // learners, so those cells stay empty in such a year rather than count only some centres.
  const published = (await historicalComparison(ctx, years)).enrolments;
  const comparison: ReportTable = {
    kind: 'table',
    id: 'courses.years',
    title: `Iscritti Club Linguistici ${years.join('/')}`,
    columns: [
      textColumn('year', 'Anno'),
      numberColumn('courses', 'Corsi'),
      numberColumn('enrolments', 'Iscritti'),
      numberColumn('learners', 'Persone distinte'),
    ],
    rows: years.map((year) => {
      const kind = kindTotals(byYear.get(year) as YearFigures, LANGUAGE_CLUB);
      const figures = published.byYear.get(year);
      return {
        key: String(year),
        cells: {
          year: String(year),
          courses: figures === undefined ? (kind?.courses ?? 0) : null,
          enrolments: (kind?.enrolments ?? 0) + (figures ?? 0),
          learners: figures === undefined ? (kind?.distinctLearners ?? 0) : null,
        },
      };
    }),
    protect: true,
    chart: { type: 'bar', categoryColumn: 'year', seriesColumns: ['enrolments'] },
    notes: ["Ogni anno conta i corsi iniziati in quell'anno.", ...(published.note ? [published.note] : [])],
  };

  const blocks: ReportBlock[] = [
    textBlock('courses.text', 'Club Linguistici', coursesDraft(clubs, totals, ctx.year)),
    coursesTable('courses.list', `Club Linguistici iniziati nel ${ctx.year}`, clubs, ctx.year),
    figuresBlock('courses.totals', `Iscritti Club Linguistici ${ctx.year}`, true, [
      { key: 'enrolments', label: 'Totale iscritti', value: totals?.enrolments ?? 0 },
      { key: 'distinctLearners', label: 'Persone distinte', value: totals?.distinctLearners ?? 0 },
    ]),
    comparison,
  ];
  return { id: 'courses', title: 'Club linguistici', blocks };
};
