import { useState } from 'react';
import type { Project } from '../../../contracts/calendar.js';
import { useApiGet } from '../../api/hooks.js';
import { TextField } from '../../components/fields.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { focusLater, orNull, RecordForm, RecordTable, useChange, useConfirm, useFields } from '../../kit/index.js';
import { usePageTitle } from '../../page-title.js';
import { hoursOfMinutes, minutesOfHours, useCentreChoice, useFormatMinutes } from './shared.js';

/** A new project, or the one being corrected (sent back with the version it was read at). */
function ProjectForm({ centreId, editing, reload, onDone }: { centreId: number; editing: Project | null; reload(): void; onDone(): void }) {
  const { t } = useI18n();
  const change = useChange({ reload });
  const form = useFields({
    name: editing?.name ?? '',
    funder: editing?.funder ?? '',
    from: editing?.from ?? '',
    to: editing?.to ?? '',
    extraHours: editing ? hoursOfMinutes(editing.extraWeeklyMinutes) : '0',
    description: editing?.description ?? '',
  });
  const { values } = form;
  const errors = change.fieldErrors;
  const save = async () => {
    const fields = {
      name: values.name.trim(),
      funder: orNull(values.funder),
      from: values.from,
      to: values.to || null,
      extraWeeklyMinutes: minutesOfHours(values.extraHours),
      description: orNull(values.description),
    };
    const success = { success: t('calendar.saved') };
    const sent = editing
      ? await change.send('PATCH', `/projects/${editing.id}`, { version: editing.version, ...fields }, success)
      : await change.send('POST', '/projects', { centreId, ...fields }, success);
    if (sent.ok) {
      form.reset();
      onDone();
    }
  };

  return (
    <RecordForm
      change={change}
      onSubmit={save}
      title={editing ? t('calendar.projects.editing', { name: editing.name }) : t('calendar.projects.add')}
      titleAs="h2"
      submitLabel={t('calendar.projects.save')}
      onCancel={editing ? onDone : undefined}
      autoFocus={Boolean(editing)}
      className="border rounded p-3"
    >
      <div className="row">
        <div className="col-lg-6">
          <TextField label={t('calendar.projects.name')} required maxLength={200} {...form.field('name')} error={errors.name} />
        </div>
        <div className="col-lg-6">
          <TextField label={t('calendar.projects.funder')} maxLength={200} {...form.field('funder')} error={errors.funder} />
        </div>
        <div className="col-sm-6 col-lg-3">
          <TextField label={t('calendar.from')} type="date" required {...form.field('from')} error={errors.from} />
        </div>
        <div className="col-sm-6 col-lg-3">
          <TextField
            label={t('calendar.to')}
            type="date"
            min={values.from}
            hint={t('calendar.toHint')}
            {...form.field('to')}
            error={errors.to}
          />
        </div>
        <div className="col-sm-6 col-lg-3">
          <TextField
            label={t('calendar.projects.extraHours')}
            inputMode="decimal"
            required
            hint={t('calendar.staff.weeklyHoursHint')}
            {...form.field('extraHours')}
            error={errors.extraWeeklyMinutes}
          />
        </div>
      </div>
      <TextField label={t('calendar.projects.description')} maxLength={4000} {...form.field('description')} error={errors.description} />
    </RecordForm>
  );
}

/** The centre's projects: funder, period, extra staff hours a week. */
export default function ProjectsPage() {
  const { t, formatDate } = useI18n();
  usePageTitle(t('calendar.projects.title'));
  const formatMinutes = useFormatMinutes();
  const { centreId, select } = useCentreChoice();
  const projects = useApiGet<Project[]>(centreId ? '/projects' : null, centreId ? { centreId } : undefined);
  const [editing, setEditing] = useState<Project | null>(null);
  const change = useChange({ reload: projects.reload });
  const confirm = useConfirm();

  const remove = async (project: Project) => {
    if (!(await confirm(t('calendar.deleteConfirm'), { confirmLabel: t('calendar.delete'), danger: true }))) return;
    const sent = await change.send('DELETE', `/projects/${project.id}`, undefined, {
      query: { version: project.version },
      success: t('calendar.deleted'),
      focus: 'projects-title',
    });
    if (sent.ok && editing?.id === project.id) setEditing(null);
  };

  return (
    <>
      <h1 id="projects-title" className="h2" tabIndex={-1}>
        {t('calendar.projects.title')}
      </h1>
      <p>{t('calendar.projects.intro')}</p>
      {select}
      <ProblemAlert error={projects.error} />
      {change.problem}
      {projects.data ? (
        <RecordTable<Project>
          caption={t('calendar.projects.caption')}
          captionHidden
          rows={projects.data}
          rowKey={(p) => p.id}
          rowName={(p) => p.name}
          empty={t('calendar.projects.none')}
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
          actions={(p) => [
            { label: t('calendar.edit'), onClick: () => setEditing(p) },
            { label: t('calendar.delete'), danger: true, onClick: () => remove(p) },
          ]}
        />
      ) : null}
      {centreId ? (
        <ProjectForm
          key={`${centreId}-${editing?.id ?? 'new'}`}
          centreId={centreId}
          editing={editing}
          reload={projects.reload}
          onDone={() => {
            if (editing) focusLater('projects-title');
            setEditing(null);
          }}
        />
      ) : null}
    </>
  );
}
