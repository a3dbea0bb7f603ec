import type { Project } from '../../../contracts/calendar.js';
import { TextField } from '../../components/fields.js';
import { useI18n } from '../../i18n/index.js';
import { orNull } from '../../kit/index.js';
import {
  CentreListPage,
  CentreRecordForm,
  type CentreRecordFormProps,
  DateRangeFields,
  hoursOfMinutes,
  minutesOfHours,
  useCentreRecordForm,
  useFormatMinutes,
  WeeklyHoursField,
} from './shared.js';

/** A new project, or the one being corrected (sent back with the version it was read at). */
function ProjectForm(props: CentreRecordFormProps<Project>) {
  const { t } = useI18n();
  const { editing } = props;
  const { change, values, field, bound, save } = useCentreRecordForm('/projects', props, {
    name: editing?.name ?? '',
    funder: editing?.funder ?? '',
    from: editing?.from ?? '',
    to: editing?.to ?? '',
    extraHours: editing ? hoursOfMinutes(editing.extraWeeklyMinutes) : '0',
    description: editing?.description ?? '',
  });
  const submit = () =>
    save({
      name: values.name.trim(),
      funder: orNull(values.funder),
      from: values.from,
      to: values.to || null,
      extraWeeklyMinutes: minutesOfHours(values.extraHours),
      description: orNull(values.description),
    });

  return (
    <CentreRecordForm texts="calendar.projects" editing={editing} change={change} onSubmit={submit} onCancel={props.onDone}>
      <div className="row">
        <TextField column="col-lg-6" label={t('calendar.projects.name')} required maxLength={200} {...bound('name')} />
        <TextField column="col-lg-6" label={t('calendar.projects.funder')} maxLength={200} {...bound('funder')} />
        <DateRangeFields from={bound('from')} to={bound('to')} openEnded />
        <WeeklyHoursField
          column="col-sm-6 col-lg-3"
          label={t('calendar.projects.extraHours')}
          {...field('extraHours')}
          error={change.fieldErrors.extraWeeklyMinutes}
        />
      </div>
      <TextField label={t('calendar.projects.description')} maxLength={4000} {...bound('description')} />
    </CentreRecordForm>
  );
}

/** The centre's projects: funder, period, extra staff hours a week. */
export default function ProjectsPage() {
  const { t, formatDate } = useI18n();
  const formatMinutes = useFormatMinutes();
  return (
    <CentreListPage<Project>
      id="projects-title"
      texts="calendar.projects"
      path="/projects"
      rowName={(p) => p.name}
      columns={[
        { header: t('calendar.projects.name'), rowHeader: true, className: 'fw-normal', cell: (p) => p.name },
        { header: t('calendar.projects.funder'), cell: (p) => p.funder ?? '' },
        {
          header: t('calendar.projects.period'),
          cell: (p) => `${formatDate(p.from)} – ${p.to ? formatDate(p.to) : t('calendar.staff.ongoing')}`,
        },
        { header: t('calendar.projects.extraHours'), className: 'text-end', cell: (p) => formatMinutes(p.extraWeeklyMinutes) },
        { header: t('calendar.projects.description'), cell: (p) => p.description ?? '' },
      ]}
      form={ProjectForm}
    />
  );
}
