import { useCallback, useEffect, useRef } from 'react';
import type { Import, ImportStatus } from '../../../../contracts/imports.js';
import { useApiGet } from '../../../api/hooks.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { useI18n } from '../../../i18n/index.js';
import { Facts, TitledSection, useAnnouncer, useChange, useConfirm } from '../../../kit/index.js';
import { DoubtfulForm } from './DoubtfulForm.js';
import { failureText, isRunning, kindLabel, statusLabel } from './fields.js';
import { PreviewTable, RejectsTable } from './ImportRows.js';
import { MappingForm } from './MappingForm.js';
import { ValuesForm } from './ValuesForm.js';

/** How often a running analysis or import is read again. */
const POLL_MS = 1000;

/**
 * A running job's progress: a Bootstrap Italia progress bar with its value for screen readers;
 * while the rows to read are not known yet (the analysis reads the file as a stream), the bar
 * is indeterminate and the rows read so far are said.
 */
function ProgressBar({ imp }: { imp: Import }) {
  const { t, formatNumber } = useI18n();
  const { done, total } = imp.progress;
  const known = total > 0;
  const percent = known ? Math.min(100, Math.round((done * 100) / total)) : 0;
  const label = imp.status === 'importing' ? t('imports.progress.importing') : t('imports.progress.analysing');
  const rows = known
    ? t('imports.progress.rows', { done: formatNumber(done), total: formatNumber(total) })
    : done > 0
      ? t('imports.progress.read', { done: formatNumber(done) })
      : t('imports.progress.starting');
  return (
    <div className="mb-4" data-testid="import-progress">
      <p id="import-progress-label" className="mb-1">
        {label} {rows}
      </p>
      <div className={known ? 'progress' : 'progress progress-indeterminate'}>
        {known ? (
          <div
            className="progress-bar"
            role="progressbar"
            style={{ width: `${percent}%` }}
            aria-labelledby="import-progress-label"
            aria-valuenow={percent}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuetext={`${percent}%`}
          />
        ) : (
          <div className="progress-bar" role="progressbar" aria-labelledby="import-progress-label" />
        )}
      </div>
      <p className="small mt-1">{t('imports.progress.leave')}</p>
    </div>
  );
}

/** The dry run's (or the import's) counts. */
function Counts({ imp }: { imp: Import }) {
  const { t, formatNumber } = useI18n();
  const s = imp.summary;
  if (!s) return null;
  const n = (value: number) => formatNumber(value);
  return (
    <Facts
      testId="import-counts"
      facts={[
        [t('imports.counts.rows'), n(s.rows)],
        [imp.status === 'imported' ? t('imports.counts.imported') : t('imports.counts.accepted'), n(s.accepted)],
        [t('imports.counts.newPeople'), n(s.newPeople)],
        [t('imports.counts.matchedPeople'), n(s.matchedPeople)],
        [t('imports.counts.rejected'), n(s.rejected)],
        [t('imports.counts.alreadyImported'), n(s.alreadyImported)],
      ]}
    />
  );
}

/** What the page says when a job ends. */
function endMessage(t: ReturnType<typeof useI18n>['t'], status: ImportStatus, accepted: number): string {
  if (status === 'imported') return t('imports.done.imported', { count: accepted });
  if (status === 'analysed') return t('imports.done.analysed');
  if (status === 'failed') return t('imports.done.failed');
  return statusLabel(t, status);
}

/**
 * One import: its progress while the server works (read again every second; the job goes on if
 * the page is closed), what stopped it, and once analysed the dry run: counts, the columns'
 * mapping, the values that matched nothing, the doubtful matches, the preview, the rejected
 * rows and "Importa N righe"; once imported, the result.
 */
export function ImportView({ id, onChanged, justUploaded = false }: { id: number; onChanged(): void; justUploaded?: boolean }) {
  const { t, locale } = useI18n();
  const loaded = useApiGet<Import>(`/imports/${id}`);
  const imp = loaded.data;
  const reload = loaded.reload;
  const announce = useAnnouncer();
  const confirm = useConfirm();
  // When a job ends, say so (and refresh the list of imports): a job seen running, or one this
  // page has just started (a short one may be over before the page reads it again).
  const wasRunning = useRef(justUploaded);
  const reloadAll = useCallback(() => {
    wasRunning.current = true;
    reload();
    onChanged();
  }, [reload, onChanged]);
  const change = useChange({ reload: reloadAll });
  const running = imp ? isRunning(imp.status) : false;

  // A problem of starting the import (decisions pending…) no longer stands once the analysis has changed.
  const version = imp?.version;
  const resetProblem = change.reset;
  useEffect(() => {
    if (version !== undefined) resetProblem();
  }, [version, resetProblem]);

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [running, reload]);

  useEffect(() => {
    if (!imp) return;
    if (wasRunning.current && !running) {
      announce(endMessage(t, imp.status, imp.summary?.accepted ?? 0));
      onChanged();
    }
    wasRunning.current = running;
  }, [imp, running, announce, onChanged, t]);

  if (!imp) return <ProblemAlert error={loaded.error} />;
  const s = imp.summary;

  const run = async () => {
    if (!s) return;
    const count = s.accepted;
    const confirmed = await confirm(t('imports.run.confirm', { count, file: imp.fileName }), {
      confirmLabel: t('imports.run.submit', { count }),
    });
    if (!confirmed) return;
    await change.send('POST', `/imports/${imp.id}/run`, { version: imp.version }, { success: t('imports.run.started') });
  };

  return (
    <TitledSection
      id="import-title"
      title={t('imports.view.title', { file: imp.fileName })}
      headingClass="h3"
      focusable
      className="mb-5"
      data-testid="import-view"
      data-version={imp.version}
    >
      <p>
        {kindLabel(t, imp.kind)} · <span data-testid="import-status">{statusLabel(t, imp.status)}</span>
      </p>
      {running ? <ProgressBar imp={imp} /> : null}
      {imp.failure ? (
        <div className="alert alert-danger" role="alert">
          {failureText(locale, t, imp.failure)}
        </div>
      ) : null}
      {imp.status === 'imported' && s ? (
        <div className="alert alert-success" role="status">
          {t('imports.done.imported', { count: s.accepted })}
        </div>
      ) : null}
      {imp.status === 'undone' ? (
        <div className="alert alert-info" role="status">
          {t('imports.done.undone')}
        </div>
      ) : null}
      {change.problem}
      {s && (imp.status === 'analysed' || imp.status === 'imported' || imp.status === 'undone') ? <Counts imp={imp} /> : null}
      {imp.status === 'failed' && imp.headers.length > 0 ? (
        <MappingForm key={`failed-${imp.version}`} imp={imp} reload={reloadAll} />
      ) : null}
      {imp.status === 'analysed' && s ? (
        <div key={`analysed-${imp.version}`}>
          <MappingForm imp={imp} reload={reloadAll} />
          {s.unmatched.length > 0 ? <ValuesForm imp={imp} unmatched={s.unmatched} reload={reloadAll} /> : null}
          {s.doubtful.length > 0 ? <DoubtfulForm imp={imp} doubtful={s.doubtful} reload={reloadAll} /> : null}
          <PreviewTable imp={imp} rows={s.preview} />
          <RejectsTable imp={imp} />
          <div className="d-flex gap-2 flex-wrap mb-3">
            {s.accepted > 0 ? (
              <button type="button" className="btn btn-primary" aria-disabled={change.busy || undefined} onClick={run}>
                {t('imports.run.submit', { count: s.accepted })}
              </button>
            ) : (
              <p>{t('imports.run.nothing')}</p>
            )}
          </div>
        </div>
      ) : null}
      {imp.status === 'imported' && s && s.rejected > 0 ? <RejectsTable key={`imported-${imp.version}`} imp={imp} /> : null}
    </TitledSection>
  );
}
