import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { CaseListItem, OverdueAction } from '../../../contracts/cases.js';
import { CASE_STATUSES } from '../../../contracts/enums.js';
import { ACTION_STATUS_LABELS, CASE_AREA_LABELS, CASE_STATUS_LABELS } from '../../../contracts/labels.js';
import type { Page } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { CentreSelect } from '../../components/CentreSelect.js';
import { Pagination, SelectField } from '../../components/fields.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { caseTitle } from './parts.js';

const PAGE_SIZE = 50;

/** The overdue actions of the caller (an operator's own; a coordinator's centres' all). */
function OverduePanel() {
  const { t, locale, formatDate } = useI18n();
  const overdue = useApiGet<Page<OverdueAction>>('/actions/overdue', { pageSize: 20 });
  return (
    <section className="border rounded p-3 mb-4" aria-labelledby="overdue-title">
      <h2 id="overdue-title" className="h4">
        {t('cases.overdue.title')} {overdue.data ? <span className="badge bg-danger">{overdue.data.total}</span> : null}
      </h2>
      <p className="small mb-2">{t('cases.overdue.intro')}</p>
      <ProblemAlert error={overdue.error} />
      {overdue.data && overdue.data.items.length === 0 ? <p className="mb-0">{t('cases.overdue.none')}</p> : null}
      {overdue.data && overdue.data.items.length > 0 ? (
        <div className="table-responsive">
          <table className="table table-sm mb-0">
            <caption className="visually-hidden">{t('cases.overdue.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.overdue.due')}</th>
                <th scope="col">{t('cases.overdue.action')}</th>
                <th scope="col">{t('cases.overdue.goal')}</th>
                <th scope="col">{t('cases.overdue.case')}</th>
                <th scope="col">{t('cases.overdue.assignee')}</th>
                <th scope="col">{t('cases.action.status')}</th>
              </tr>
            </thead>
            <tbody>
              {overdue.data.items.map((a) => (
                <tr key={a.id}>
                  <td className="text-danger fw-semibold">{a.dueOn ? formatDate(a.dueOn) : ''}</td>
                  <td>{a.description}</td>
                  <td>{a.goalTitle}</td>
                  <td>
                    <Link to={`/cases/${a.caseId}`}>{caseTitle(a, t)}</Link>
                  </td>
                  <td>{a.assignee?.displayName ?? a.assigneeName ?? a.responsible?.displayName ?? ''}</td>
                  <td>{ACTION_STATUS_LABELS[locale][a.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

export default function CasesPage() {
  const { t, locale, formatDate } = useI18n();
  const { me, can } = useSession();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const mine = params.get('mine') === 'true';
  const centreId = params.get('centreId') ?? '';
  const page = Number(params.get('page') ?? 1);
  const cases = useApiGet<Page<CaseListItem>>('/cases', {
    status: status || undefined,
    mine: mine ? 'true' : undefined,
    centreId: centreId || undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  usePageTitle(t('cases.title'));

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next: Record<string, string> = {};
    for (const key of ['status', 'centreId']) {
      const value = String(form.get(key) ?? '');
      if (value) next[key] = value;
    }
    if (form.get('mine')) next.mine = 'true';
    setParams(next);
  };

  return (
    <>
      <div className="d-flex justify-content-between align-items-start flex-wrap gap-2 mb-3">
        <h1 className="h2">{t('cases.title')}</h1>
        {can('personal.write') ? (
          <Link to="/cases/new" className="btn btn-primary">
            {t('cases.new')}
          </Link>
        ) : null}
      </div>

      <OverduePanel />

      <form onSubmit={apply} className="border rounded p-3 mb-3" aria-labelledby="cases-filters-title" key={params.toString()}>
        <h2 id="cases-filters-title" className="h5">
          {t('cases.filters')}
        </h2>
        <div className="row align-items-end">
          <div className="col-sm-6 col-lg-3">
            <SelectField label={t('cases.status')} name="status" defaultValue={status}>
              <option value="">{t('cases.any')}</option>
              {CASE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {CASE_STATUS_LABELS[locale][s]}
                </option>
              ))}
            </SelectField>
          </div>
          {me && me.centres.length > 1 ? (
            <div className="col-sm-6 col-lg-3">
              <CentreSelect label={t('cases.centre')} name="centreId" defaultValue={centreId} emptyLabel={t('cases.any')} />
            </div>
          ) : null}
          <div className="col-sm-12 col-lg-4 mb-3">
            <div className="form-check">
              <input id="cases-mine" type="checkbox" name="mine" value="true" defaultChecked={mine} />
              <label htmlFor="cases-mine">{t('cases.mine')}</label>
            </div>
          </div>
        </div>
        <div className="d-flex gap-2 flex-wrap">
          <button type="submit" className="btn btn-primary">
            {t('cases.apply')}
          </button>
          <button type="button" className="btn btn-outline-secondary" onClick={() => setParams({})}>
            {t('cases.reset')}
          </button>
        </div>
      </form>

      <ProblemAlert error={cases.error} />
      {cases.data ? (
        <p aria-live="polite" data-testid="cases-count">
          {t('cases.count', { count: cases.data.total })}
        </p>
      ) : null}
      {cases.data && cases.data.items.length === 0 ? <p>{t('cases.none')}</p> : null}
      {cases.data && cases.data.items.length > 0 ? (
        <>
          <div className="table-responsive">
            <table className="table">
              <caption className="visually-hidden">{t('cases.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cases.who')}</th>
                  <th scope="col">{t('cases.status')}</th>
                  <th scope="col">{t('cases.openedOn')}</th>
                  <th scope="col">{t('cases.closedOn')}</th>
                  <th scope="col">{t('cases.responsible')}</th>
                  <th scope="col">{t('cases.areas')}</th>
                </tr>
              </thead>
              <tbody>
                {cases.data.items.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link to={`/cases/${c.id}`}>{caseTitle(c, t)}</Link>
                      {c.household ? (
                        <small className="d-block">
                          {c.members
                            .map((m) => (m.person ? `${m.person.givenNames} ${m.person.familyNames}` : t('cases.erased')))
                            .join(', ')}
                        </small>
                      ) : null}
                    </th>
                    <td>
                      <span className={`badge ${c.status === 'open' ? 'bg-success' : 'bg-secondary'}`}>
                        {CASE_STATUS_LABELS[locale][c.status]}
                      </span>
                    </td>
                    <td>{formatDate(c.openedOn)}</td>
                    <td>{c.closedOn ? formatDate(c.closedOn) : ''}</td>
                    <td>{c.responsible?.displayName ?? ''}</td>
                    <td>{c.areas.map((a) => CASE_AREA_LABELS[locale][a]).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={cases.data.total}
            onPage={(next) => {
              const nextParams = new URLSearchParams(params);
              nextParams.set('page', String(next));
              setParams(nextParams);
            }}
          />
        </>
      ) : null}
    </>
  );
}
