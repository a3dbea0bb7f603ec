import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Report } from '../../../contracts/reports.js';
import { romeDateOf, todayInRome } from '../../../domain/dates.js';
import { ApiError, api } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { TextField } from '../../components/fields.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';

/** "Report di gestione": the caller's reports, and (for the coordinator) a form to start one. */
export default function ReportsPage() {
  const { t, formatDate } = useI18n();
  const { me, can } = useSession();
  const navigate = useNavigate();
  const reports = useApiGet<Report[]>('/reports');
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  usePageTitle(t('reports.title'));

  const centres = me?.centres ?? [];
  const centreName = (id: number) => centres.find((c) => c.id === id)?.name ?? String(id);
  const canWrite = can('reports.write');
  // The Comune's officials read published versions only: a report without one is not theirs to open.
  const readsDraft = can('reports.draft');
  const list = [...(reports.data ?? [])].filter((r) => readsDraft || r.versions.length > 0).sort((a, b) => b.year - a.year || a.id - b.id);

  const start = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const centreIds = form.getAll('centreIds').map(Number);
    setSaving(true);
    setError(null);
    try {
      const report = await api<Report>('POST', '/reports', {
        year: Number(form.get('year')),
        ...(centreIds.length > 0 && { centreIds }),
      });
      navigate(`/reports/${report.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'network'));
      setSaving(false);
    }
  };
  const fields = error?.fieldErrors() ?? {};

  return (
    <>
      <h1 className="h2">{t('reports.title')}</h1>
      <p>{t('reports.intro')}</p>

      <ProblemAlert error={reports.error} />
      {reports.data && list.length === 0 ? <p>{readsDraft ? t('reports.list.none') : t('reports.list.noneViewer')}</p> : null}
      {list.length > 0 ? (
        <div className="table-responsive">
          <table className="table table-sm" data-testid="reports-list">
            <caption className="visually-hidden">{t('reports.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.year')}</th>
                <th scope="col">{t('reports.centres')}</th>
                <th scope="col">{t('reports.lastVersion')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((report) => {
                const last = [...report.versions].sort((a, b) => b.number - a.number)[0];
                return (
                  <tr key={report.id}>
                    <th scope="row" className="fw-normal">
                      <Link to={`/reports/${report.id}`}>{t('reports.open', { year: report.year })}</Link>
                    </th>
                    <td>{report.centreIds.map(centreName).join(', ')}</td>
                    <td>
                      {last
                        ? t('reports.versionOf', { number: last.number, date: formatDate(romeDateOf(new Date(last.publishedAt))) })
                        : t('reports.noVersion')}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}

      {canWrite ? (
        <section aria-labelledby="report-new" className="mt-4">
          <h2 id="report-new" className="h4">
            {t('reports.new.title')}
          </h2>
          <p className="small">{t('reports.new.hint')}</p>
          <ProblemAlert error={error} />
          <form onSubmit={start} className="row align-items-start" aria-labelledby="report-new">
            <div className="col-sm-4 col-lg-3">
              <TextField
                label={t('reports.year')}
                name="year"
                type="number"
                min={2000}
                max={2100}
                required
                defaultValue={Number(todayInRome().slice(0, 4)) - 1}
                error={fields.year}
              />
            </div>
            {centres.length > 1 ? (
              <div className="col-sm-8 col-lg-5">
                <fieldset className="mb-3" aria-describedby="report-new-centres-hint">
                  <legend className="form-label h6">{t('reports.centres')}</legend>
                  {centres.map((c) => (
                    <div className="form-check" key={c.id}>
                      <input id={`report-centre-${c.id}`} type="checkbox" name="centreIds" value={c.id} />
                      <label htmlFor={`report-centre-${c.id}`}>{c.name}</label>
                    </div>
                  ))}
                  <small id="report-new-centres-hint" className="form-text">
                    {t('reports.new.centresHint')}
                  </small>
                </fieldset>
              </div>
            ) : null}
            <div className="col-12">
              <button type="submit" className="btn btn-primary" disabled={saving}>
                {t('reports.new.submit')}
              </button>
            </div>
          </form>
        </section>
      ) : null}
    </>
  );
}
