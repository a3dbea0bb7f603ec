/**
 * Conservazione dei dati (issue 14): the organisation's retention settings (set by
 * administrators, read by coordinators), the preview of the files a run would remove today with
 * the reason, "Esegui ora" behind a confirmation (administrators), and the log of runs.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import type { Page } from '../../../contracts/common.js';
import type { RetentionCandidate, RetentionPreview, RetentionRun, RetentionSettings } from '../../../contracts/retention.js';
import { romeDateOf, romeTimeOf } from '../../../domain/dates.js';
import { useApiGet } from '../../api/hooks.js';
import { useCentreColumn } from '../../components/CentreSelect.js';
import { SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { Facts, LoadedSection, LoadedTable, TitledSection, useChange, useConfirm } from '../../kit/index.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { RetentionSettingsForm } from './RetentionSettingsForm.js';

export default function RetentionPage() {
  const { t, formatDate } = useI18n();
  const { can } = useSession();
  const settings = useApiGet<RetentionSettings>('/organisation/retention');
  const [page, setPage] = useState(1);
  const preview = useApiGet<RetentionPreview>('/retention/preview', { page, pageSize: 50 });
  const [runsPage, setRunsPage] = useState(1);
  const runs = useApiGet<Page<RetentionRun>>('/retention/runs', { page: runsPage, pageSize: 20 });
  const reloadAll = () => {
    settings.reload();
    preview.reload();
    runs.reload();
  };
  const change = useChange({ reload: reloadAll });
  const confirm = useConfirm();
  const [done, setDone] = useState<string | null>(null);
  usePageTitle(t('retention.title'));

  const centreColumn = useCentreColumn<RetentionCandidate>(t('retention.centre'));
  const when = (instant: string) => `${formatDate(romeDateOf(new Date(instant)))} ${romeTimeOf(new Date(instant))}`;
  const reasonOf = (candidate: RetentionCandidate) =>
    t(`retention.reason.${candidate.reason}`, {
      years: String(candidate.reason === 'no_case' ? settings.data?.yearsAfterContact : settings.data?.yearsAfterCase),
    });

  const runNow = async () => {
    const count = preview.data?.dueInOrganisation ?? 0;
    if (!(await confirm(t('retention.runConfirm', { count: String(count) }), { confirmLabel: t('retention.runNow'), danger: true })))
      return;
    setDone(null);
    const sent = await change.send<RetentionRun>('POST', '/retention/runs');
    if (sent.ok && sent.data) setDone(t('retention.runDone', { count: String(sent.data.peopleRemoved) }));
  };

  return (
    <>
      <h1 className="h2">{t('retention.title')}</h1>
      <p>{t('retention.intro')}</p>

      <LoadedSection id="retention-settings" loaded={settings} title={t('retention.settings')}>
        {(current) =>
          can('centres.manage') ? (
            <RetentionSettingsForm settings={current} onSaved={reloadAll} />
          ) : (
            <Facts
              facts={[
                [t('retention.enabled'), current.enabled ? t('retention.on') : t('retention.off')],
                [t('retention.yearsAfterContact'), current.yearsAfterContact],
                [t('retention.yearsAfterCase'), current.yearsAfterCase],
              ]}
            />
          )
        }
      </LoadedSection>

      <TitledSection id="retention-preview" title={t('retention.preview')} className="mt-4">
        {preview.data ? (
          <>
            <p>
              {preview.data.enabled ? t('retention.previewIntro', { date: formatDate(preview.data.today) }) : t('retention.previewOff')}
            </p>
            {preview.data.enabled ? <p>{t('retention.dueInOrganisation', { count: String(preview.data.dueInOrganisation) })}</p> : null}
          </>
        ) : null}
        <LoadedTable<RetentionCandidate>
          loaded={preview}
          onPage={setPage}
          caption={t('retention.preview')}
          empty={t('retention.none')}
          rowKey={(candidate) => candidate.personId}
          columns={[
            {
              header: t('retention.person'),
              cell: (c) => <Link to={`/people/${c.personId}`}>{`${c.familyNames} ${c.givenNames}`}</Link>,
              rowHeader: true,
            },
            centreColumn,
            { header: t('retention.lastContact'), cell: (c) => formatDate(c.lastContact) },
            { header: t('retention.reason'), cell: reasonOf },
            { header: t('retention.dueOn'), cell: (c) => formatDate(c.dueOn) },
          ]}
        />
        {can('centres.manage') && preview.data?.enabled ? (
          <button type="button" className="btn btn-danger mt-2" disabled={change.busy} onClick={runNow}>
            {t('retention.runNow')}
          </button>
        ) : null}
        {change.problem}
        <SuccessAlert message={done} />
      </TitledSection>

      <TitledSection id="retention-runs" title={t('retention.runs')} className="mt-4">
        <LoadedTable<RetentionRun>
          loaded={runs}
          onPage={setRunsPage}
          caption={t('retention.runs')}
          empty={t('retention.noRuns')}
          columns={[
            { header: t('retention.startedAt'), cell: (r) => when(r.startedAt), rowHeader: true },
            { header: t('retention.trigger'), cell: (r) => r.startedBy?.displayName ?? t('retention.scheduled') },
            { header: t('retention.outcome'), cell: (r) => t(`retention.outcome.${r.outcome}`) },
            { header: t('retention.peopleRemoved'), cell: (r) => r.peopleRemoved },
            { header: t('retention.years'), cell: (r) => `${r.yearsAfterContact} / ${r.yearsAfterCase}` },
          ]}
        />
      </TitledSection>
    </>
  );
}
