import { Link, useSearchParams } from 'react-router';
import type { Course, YearFigures } from '../../../contracts/courses.js';
import { ENROLMENT_PROGRAMMES } from '../../../contracts/enums.js';
import { todayInRome } from '../../../domain/dates.js';
import type { Page } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { SelectField, TextField } from '../../components/fields.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { CountTable } from '../../kit/CountTable.js';
import { FilterForm } from '../../kit/FilterForm.js';
import { pagingOf, RecordTable, TitledSection } from '../../kit/index.js';
import { ListHeading } from '../../kit/SearchList.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { useCourseKinds, usePatternText } from './shared.js';

const PAGE_SIZE = 50;

/** The year's figures by kind: enrolments (the sum over the courses started in the year) and distinct learners beside them. */
function YearTable({ figures }: { figures: YearFigures }) {
  const { t, label } = useI18n();
  const counts = (row: YearFigures['totals']) => [
    row.courses,
    row.enrolments,
    ...ENROLMENT_PROGRAMMES.map((programme) => row.byProgramme[programme] ?? 0),
    row.distinctLearners,
    row.lessonsHeld,
    row.hoursHeld,
  ];
  return (
    <CountTable
      caption={t('courses.year.caption', { year: figures.year })}
      testId="course-year-figures"
      headers={[
        t('courses.kind'),
        t('courses.year.courses'),
        t('courses.year.enrolments'),
        ...ENROLMENT_PROGRAMMES.map((programme) => label('enrolmentProgramme', programme)),
        t('courses.year.learners'),
        t('courses.figures.lessonsHeld'),
        t('courses.figures.hoursHeld'),
      ]}
      rows={figures.byKind.map((row) => ({ key: row.kind.id, name: label(row.kind), counts: counts(row) }))}
      totals={counts(figures.totals)}
    />
  );
}

/** Courses running in a year, of a kind, with the year's figures. */
export default function CoursesPage() {
  const { t, formatDate, formatNumber, label } = useI18n();
  const { can } = useSession();
  const patternText = usePatternText();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || Number(todayInRome().slice(0, 4));
  const kindId = params.get('kindId') ?? '';
  const page = Number(params.get('page') ?? 1) || 1;
  const kinds = useCourseKinds();
  const figures = useApiGet<YearFigures>('/courses/figures', { year });
  const list = useApiGet<Page<Course>>('/courses', { year, kindId: kindId || undefined, page, pageSize: PAGE_SIZE });
  usePageTitle(t('courses.title'));

  return (
    <>
      <ListHeading title={t('courses.title')} create={can('catalogues.manage') ? { to: '/courses/new', label: t('courses.new') } : null} />
      <p>{t('courses.intro')}</p>

      <FilterForm label={t('courses.filters')} onApply={setParams} key={`${year}-${kindId}`}>
        <div className="col-sm-3">
          <TextField label={t('courses.year')} name="year" type="number" min={1900} max={2100} defaultValue={year} required />
        </div>
        <div className="col-sm-5">
          <SelectField label={t('courses.kind')} name="kindId" defaultValue={kindId}>
            <option value="">{t('courses.allKinds')}</option>
            {kinds.data?.map((kind) => (
              <option key={kind.id} value={kind.id}>
                {label(kind)}
              </option>
            ))}
          </SelectField>
        </div>
      </FilterForm>

      <TitledSection id="courses-year" title={t('courses.year.title', { year })}>
        <p className="small">{t('courses.year.hint')}</p>
        <ProblemAlert error={figures.error} />
        {figures.data && figures.data.courses.length === 0 ? <p>{t('courses.year.none')}</p> : null}
        {figures.data && figures.data.courses.length > 0 ? <YearTable figures={figures.data} /> : null}
      </TitledSection>

      <TitledSection id="courses-list" title={t('courses.list', { year })} headingClass="h4 mt-3">
        <ProblemAlert error={list.error ?? kinds.error} />
        {list.data ? (
          <RecordTable<Course>
            caption={t('courses.list', { year })}
            captionHidden
            rows={list.data.items}
            empty={t('courses.none')}
            paging={pagingOf(list.data, (next) => setParams({ year: String(year), ...(kindId && { kindId }), page: String(next) }))}
            columns={[
              {
                header: t('courses.courseTitle'),
                rowHeader: true,
                className: 'fw-normal',
                cell: (course) => <Link to={`/courses/${course.id}`}>{course.title}</Link>,
              },
              { header: t('courses.kind'), cell: (course) => label(course.kind) },
              {
                header: t('courses.level'),
                cell: (course) => (course.level ? label('courseLevel', course.level) : t('person.notSet')),
              },
              { header: t('courses.dates'), cell: (course) => `${formatDate(course.startDate)} – ${formatDate(course.endDate)}` },
              { header: t('courses.pattern'), cell: (course) => patternText(course) },
              {
                header: t('courses.enrolled'),
                className: 'text-end',
                cell: (course) =>
                  course.capacity !== null
                    ? t('courses.ofCapacity', { count: formatNumber(course.activeEnrolments), capacity: formatNumber(course.capacity) })
                    : formatNumber(course.activeEnrolments),
              },
              {
                header: t('courses.lessonsHeldOf'),
                className: 'text-end',
                cell: (course) => `${formatNumber(course.lessonsHeld)} / ${formatNumber(course.lessons)}`,
              },
            ]}
          />
        ) : null}
      </TitledSection>
    </>
  );
}
