/** Pieces the course pages share: the kind catalogue, labels, weekdays and lengths, the programme field. */
import type { ComponentProps } from 'react';
import type { CourseKind, Enrolment, Lesson } from '../../../contracts/courses.js';
import { ENROLMENT_PROGRAMMES } from '../../../contracts/enums.js';
import { useApiGet } from '../../api/hooks.js';
import { useI18n } from '../../i18n/index.js';
import { type Column, ValueSelect } from '../../kit/index.js';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** A lesson's warnings: outside the course's dates; on a day the centre is closed (a holiday, the patron day, a closure) and why. */
export function LessonFlags({ lesson }: { lesson: Pick<Lesson, 'outsideCourse' | 'closedDay'> }) {
  const { t } = useI18n();
  const closed = lesson.closedDay;
  return (
    <>
      {lesson.outsideCourse ? <span className="badge bg-warning text-dark ms-2">{t('courses.lessons.outside')}</span> : null}
      {closed ? (
        <span className="badge bg-warning text-dark ms-2">
          {t('courses.lessons.closedDay', { reason: t(`courses.skip.${closed.reason}`) })}
          {closed.detail ? ` (${closed.detail})` : ''}
        </span>
      ) : null}
    </>
  );
}

export function useCourseKinds(onlyActive = false) {
  return useApiGet<CourseKind[]>('/course-kinds', onlyActive ? { active: 'true' } : undefined);
}

/** Weekday names computed by the platform (1 January 2024 was a Monday), never typed. */
export function useWeekdayName() {
  const { locale } = useI18n();
  const format = new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { weekday: 'long', timeZone: 'UTC' });
  return (weekday: number) => format.format(new Date(Date.UTC(2024, 0, weekday, 12)));
}

/** 180 → "3 h", 90 → "1 h 30 min", 45 → "45 min". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** The weekly pattern in words: "lunedì, mercoledì · 15:00 · 3 h". */
export function usePatternText() {
  const weekdayName = useWeekdayName();
  return (course: { weekdays: number[]; startTime: string; lessonMinutes: number }) =>
    `${course.weekdays.map(weekdayName).join(', ')} · ${course.startTime} · ${formatMinutes(course.lessonMinutes)}`;
}

export const personName = (person: { givenNames: string; familyNames: string }) => `${person.familyNames} ${person.givenNames}`;

/** The calendar year of a date, as a number. */
export const yearOf = (isoDate: string) => Number(isoDate.slice(0, 4));

type EnrolmentFacts = Pick<Enrolment, 'programme' | 'enrolledOn' | 'withdrawnOn' | 'attended' | 'heldWhileEnrolled' | 'completed'>;

/** The columns an enrolment shows wherever it is listed (a course's learners, a person's courses): programme to completion. */
export function useEnrolmentColumns<T extends EnrolmentFacts>(): Column<T>[] {
  const { t, formatDate, formatNumber, label } = useI18n();
  return [
    { header: t('courses.programme'), cell: (enrolment) => label('enrolmentProgramme', enrolment.programme) },
    { header: t('courses.enrolments.enrolledOn'), cell: (enrolment) => formatDate(enrolment.enrolledOn) },
    {
      header: t('courses.enrolments.withdrawnOn'),
      cell: (enrolment) => (enrolment.withdrawnOn ? formatDate(enrolment.withdrawnOn) : t('person.notSet')),
    },
    {
      header: t('courses.enrolments.attendance'),
      cell: (enrolment) =>
        t('courses.enrolments.attendedOf', {
          attended: formatNumber(enrolment.attended),
          held: formatNumber(enrolment.heldWhileEnrolled),
        }),
    },
    { header: t('courses.enrolments.completed'), cell: (enrolment) => (enrolment.completed ? t('common.yes') : t('common.no')) },
  ];
}

/** The programme a learner follows (enrolling, placing from a waiting list): a required choice. */
export function ProgrammeSelect(field: Omit<ComponentProps<typeof ValueSelect<'enrolmentProgramme'>>, 'label' | 'list' | 'values'>) {
  const { t } = useI18n();
  return <ValueSelect label={t('courses.programme')} list="enrolmentProgramme" values={ENROLMENT_PROGRAMMES} choose {...field} />;
}
