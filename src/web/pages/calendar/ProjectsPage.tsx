import { type FormEvent, useRef, useState } from 'react';
import type { Project } from '../../../contracts/calendar.js';
import { type ApiError, api } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { TextField } from '../../components/fields.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { usePageTitle } from '../../page-title.js';
import { hoursOfMinutes, minutesOfHours, useCentreChoice, useFormatMinutes } from './shared.js';

/** A new project, or the one being corrected (sent back with the version it was read at). */
function ProjectForm({
  centreId,
  editing,
  onSaved,
  onCancel,
}: {
  centreId: number;
  editing: Project | null;
  onSaved(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState({
    name: editing?.name ?? '',
    funder: editing?.funder ?? '',
    from: editing?.from ?? '',
    to: editing?.to ?? '',
    extraHours: editing ? hoursOfMinutes(editing.extraWeeklyMinutes) : '0',
    description: editing?.description ?? '',
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof values) => (e: { target: { value: string } }) => setValues({ ...values, [field]: e.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const fields = {
        name: values.name.trim(),
        funder: values.funder.trim() || null,
        from: values.from,
        to: values.to || null,
        extraWeeklyMinutes: minutesOfHours(values.extraHours),
        description: values.description.trim() || null,
      };
      if (editing) await api('PATCH', `/projects/${editing.id}`, { version: editing.version, ...fields });
      else await api('POST', '/projects', { centreId, ...fields });
      onSaved();
    } catch (e) {
      setError(e as ApiError);
      setFieldErrors((e as ApiError).fieldErrors());
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <ProblemAlert error={error} />
      <div className="row">
        <div className="col-lg-6">
          <TextField
            label={t('calendar.projects.name')}
            required
            maxLength={200}
            value={values.name}
            error={fieldErrors.name}
            onChange={set('name')}
          />
        </div>
        <div className="col-lg-6">
          <TextField
            label={t('calendar.projects.funder')}
            maxLength={200}
            value={values.funder}
            error={fieldErrors.funder}
            onChange={set('funder')}
          />
        </div>
        <div className="col-sm-6 col-lg-3">
          <TextField label={t('calendar.from')} type="date" required value={values.from} error={fieldErrors.from} onChange={set('from')} />
        </div>
        <div className="col-sm-6 col-lg-3">
          <TextField
            label={t('calendar.to')}
            type="date"
            min={values.from}
            hint={t('calendar.toHint')}
            value={values.to}
            error={fieldErrors.to}
            onChange={set('to')}
          />
        </div>
        <div className="col-sm-6 col-lg-3">
          <TextField
            label={t('calendar.projects.extraHours')}
            inputMode="decimal"
            required
            hint={t('calendar.staff.weeklyHoursHint')}
            value={values.extraHours}
            error={fieldErrors.extraWeeklyMinutes}
            onChange={set('extraHours')}
          />
        </div>
      </div>
      <TextField
        label={t('calendar.projects.description')}
        maxLength={4000}
        value={values.description}
        error={fieldErrors.description}
        onChange={set('description')}
      />
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('calendar.projects.save')}
        </button>
        {editing ? (
          <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
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
  const [formKey, setFormKey] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);

  const saved = () => {
    setEditing(null);
    setFormKey((k) => k + 1);
    setNotice(t('calendar.saved'));
    projects.reload();
  };
  const remove = async (project: Project) => {
    if (!window.confirm(t('calendar.deleteConfirm'))) return;
    try {
      await api('DELETE', `/projects/${project.id}`, undefined, { version: project.version });
      saved();
    } catch (e) {
      setError(e as ApiError);
    }
  };

  return (
    <>
      <h1 className="h2">{t('calendar.projects.title')}</h1>
      <p>{t('calendar.projects.intro')}</p>
      {select}
      <SuccessAlert message={notice} />
      <ProblemAlert error={error ?? projects.error} />
      {projects.data && projects.data.length === 0 ? <p>{t('calendar.projects.none')}</p> : null}
      {projects.data && projects.data.length > 0 ? (
        <div className="table-responsive">
          <table className="table table-sm" data-testid="projects">
            <caption className="visually-hidden">{t('calendar.projects.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('calendar.projects.name')}</th>
                <th scope="col">{t('calendar.projects.funder')}</th>
                <th scope="col">{t('calendar.projects.period')}</th>
                <th scope="col" className="text-end">
                  {t('calendar.projects.extraHours')}
                </th>
                <th scope="col">{t('calendar.projects.description')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {projects.data.map((project) => (
                <tr key={project.id}>
                  <th scope="row" className="fw-normal">
                    {project.name}
                  </th>
                  <td>{project.funder ?? ''}</td>
                  <td>
                    {formatDate(project.from)} – {project.to ? formatDate(project.to) : t('calendar.staff.ongoing')}
                  </td>
                  <td className="text-end">{formatMinutes(project.extraWeeklyMinutes)}</td>
                  <td>{project.description ?? ''}</td>
                  <td>
                    <div className="d-flex gap-2">
                      <button
                        type="button"
                        className="btn btn-outline-primary btn-sm"
                        onClick={() => {
                          setEditing(project);
                          setNotice(null);
                          setFormKey((k) => k + 1);
                          formHeading.current?.focus();
                        }}
                      >
                        {t('calendar.edit')}
                        <span className="visually-hidden"> {project.name}</span>
                      </button>
                      <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => remove(project)}>
                        {t('calendar.delete')}
                        <span className="visually-hidden"> {project.name}</span>
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {centreId ? (
        <section className="border rounded p-3" aria-labelledby="project-form">
          <h2 id="project-form" className="h4" ref={formHeading} tabIndex={-1}>
            {editing ? t('calendar.projects.editing', { name: editing.name }) : t('calendar.projects.add')}
          </h2>
          <ProjectForm
            key={`${centreId}-${formKey}`}
            centreId={centreId}
            editing={editing}
            onSaved={saved}
            onCancel={() => {
              setEditing(null);
              setFormKey((k) => k + 1);
            }}
          />
        </section>
      ) : null}
    </>
  );
}
