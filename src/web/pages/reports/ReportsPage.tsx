import { Link, useNavigate } from 'react-router';
import type { Report } from '../../../contracts/reports.js';
import { romeDateOf, todayInRome } from '../../../domain/dates.js';
import { useApiGet } from '../../api/hooks.js';
import { useCentreName } from '../../components/CentreSelect.js';
import { TextField } from '../../components/fields.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { boundTo } from '../../kit/bound.js';
import { CheckboxList, FieldGroup } from '../../kit/FieldGroup.js';
import { RecordForm, RecordTable, TitledSection, useChange, useFields } from '../../kit/index.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';

/** "Avvia un report": the year and, for a coordinator of several centres, which of them (none: all). */
function StartForm() {
  const { t } = useI18n();
  const { me } = useSession();
  const navigate = useNavigate();
  const centres = me?.centres ?? [];
  const change = useChange();
  const form = useFields({ year: String(Number(todayInRome().slice(0, 4)) - 1), centreIds: [] as number[] });
  const bound = boundTo(form, change);
  const { values } = form;
  const start = async () => {
    const sent = await change.send<Report>('POST', '/reports', {
      year: Number(values.year),
      ...(values.centreIds.length > 0 && { centreIds: values.centreIds }),
    });
    if (sent.ok) navigate(`/reports/${sent.data.id}`);
  };
  return (
    <TitledSection id="report-new" title={t('reports.new.title')} className="mt-4">
      <p className="small">{t('reports.new.hint')}</p>
      <RecordForm change={change} onSubmit={start} label={t('reports.new.title')} submitLabel={t('reports.new.submit')} className="mb-3">
        <div className="row align-items-start">
          <div className="col-sm-4 col-lg-3">
            <TextField label={t('reports.year')} type="number" min={2000} max={2100} required {...bound('year')} />
          </div>
          {centres.length > 1 ? (
            <div className="col-sm-8 col-lg-5">
              <FieldGroup id="report-new-centres" legend={t('reports.centres')} hint={t('reports.new.centresHint')}>
                <CheckboxList
                  idPrefix="report-centre"
                  options={centres.map((c) => ({ value: c.id, label: c.name }))}
                  chosen={values.centreIds}
                  onChange={(centreIds) => form.set({ centreIds })}
                />
              </FieldGroup>
            </div>
          ) : null}
        </div>
      </RecordForm>
    </TitledSection>
  );
}

/** "Report di gestione": the caller's reports, and (for the coordinator) a form to start one. */
export default function ReportsPage() {
  const { t, formatDate } = useI18n();
  const { can } = useSession();
  const reports = useApiGet<Report[]>('/reports');
  usePageTitle(t('reports.title'));

  const centreName = useCentreName();
  // The Comune's officials read published versions only: a report without one is not theirs to open.
  const readsDraft = can('reports.draft');
  const list = [...(reports.data ?? [])].filter((r) => readsDraft || r.versions.length > 0).sort((a, b) => b.year - a.year || a.id - b.id);

  return (
    <>
      <h1 className="h2">{t('reports.title')}</h1>
      <p>{t('reports.intro')}</p>

      <ProblemAlert error={reports.error} />
      {reports.data ? (
        <RecordTable<Report>
          caption={t('reports.list.caption')}
          captionHidden
          rows={list}
          empty={readsDraft ? t('reports.list.none') : t('reports.list.noneViewer')}
          columns={[
            {
              header: t('reports.year'),
              rowHeader: true,
              className: 'fw-normal',
              cell: (r) => <Link to={`/reports/${r.id}`}>{t('reports.open', { year: r.year })}</Link>,
            },
            { header: t('reports.centres'), cell: (r) => r.centreIds.map(centreName).join(', ') },
            {
              header: t('reports.lastVersion'),
              cell: (r) => {
                const last = [...r.versions].sort((a, b) => b.number - a.number)[0];
                return last
                  ? t('reports.versionOf', { number: last.number, date: formatDate(romeDateOf(new Date(last.publishedAt))) })
                  : t('reports.noVersion');
              },
            },
          ]}
        />
      ) : null}

      {can('reports.write') ? <StartForm /> : null}
    </>
  );
}
