import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type {
  FreeBlock,
  Report,
  ReportComparison,
  ReportData,
  ReportFormat,
  ReportTable,
  ReportVersionSummary,
} from '../../../contracts/reports.js';
import { romeDateOf } from '../../../domain/dates.js';
import { ApiError, api, withQuery } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { SelectField, TextField } from '../../components/fields.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { Contents, Preview, type PreviewActions } from './Preview.js';
import { type Activity, ActivityStatus, CellText, fetchWithProgress, useDownloader, useFormatBytes } from './shared.js';

const DOCUMENT_FORMATS: Array<{ format: ReportFormat; label: string }> = [
  { format: 'pdf', label: 'PDF' },
  { format: 'docx', label: 'DOCX' },
  { format: 'xlsx', label: 'XLSX' },
  { format: 'json', label: 'JSON' },
];

const exportPath = (reportId: number, format: ReportFormat, version?: number | null, table?: string) =>
  withQuery(`/reports/${reportId}/export`, { format, version, table });

/** The report's data (the draft, or a published version), fetched with its progress told. */
function useReportData(reportId: number | null, version: number | null, reloadKey: number) {
  const { t } = useI18n();
  const formatBytes = useFormatBytes();
  const [state, setState] = useState<{ data?: ReportData; error?: ApiError; activity: Activity | null }>({ activity: null });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey asks for the figures again
  useEffect(() => {
    if (reportId === null) return;
    const controller = new AbortController();
    setState((s) => ({ data: s.data, activity: { message: t('reports.loading'), progress: null, running: true } }));
    fetchWithProgress(
      `/reports/${reportId}/data${version ? `?version=${version}` : ''}`,
      (progress) =>
        setState((s) => ({
          ...s,
          activity: {
            message: t('reports.loading'),
            progress,
            running: true,
            detail: t('reports.loadingBytes', { received: formatBytes(progress.received) }),
          },
        })),
      controller.signal,
    )
      .then(async (file) => {
        const data = JSON.parse(await file.blob.text()) as ReportData;
        setState({ data, activity: { message: t('reports.loaded'), progress: null, running: false } });
      })
      .catch((error: unknown) => {
        if ((error as Error).name === 'AbortError') return;
        setState({ error: error instanceof ApiError ? error : new ApiError(0, 'network'), activity: null });
      });
    return () => controller.abort();
  }, [reportId, version, reloadKey]);
  return state;
}

/** The annual report: settings, the preview with its texts, publication, versions, comparison. */
export default function ReportPage() {
  const { t, formatDate } = useI18n();
  const { can } = useSession();
  const reportId = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const report = useApiGet<Report>(`/reports/${reportId}`);
  const [reloadKey, setReloadKey] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const downloader = useDownloader();

  const canWrite = can('reports.write');
  // Viewers (the Comune's officials) read published versions only; operators read the draft too.
  const readsDraft = can('reports.draft');
  const versions = report.data?.versions ?? [];
  const lastVersion = versions.reduce<number | null>((max, v) => (max === null || v.number > max ? v.number : max), null);
  const asked = Number(params.get('version')) || null;
  const shown = asked ?? (readsDraft ? null : lastVersion);
  const data = useReportData(report.data && (readsDraft || shown !== null) ? reportId : null, shown, reloadKey);
  const year = report.data?.year;
  usePageTitle(year ? t('reports.page.title', { year }) : t('reports.title'));

  const shownVersion = versions.find((v) => v.number === shown);
  const editable = canWrite && shown === null;

  /** PATCH the report; on a 409 the report is read again so the next try is on the new version. */
  const patch = useCallback(
    async (body: Record<string, unknown>) => {
      if (!report.data) return;
      try {
        await api<Report>('PATCH', `/reports/${reportId}`, { version: report.data.version, ...body });
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) report.reload();
        throw e;
      }
      report.reload();
      setReloadKey((k) => k + 1);
    },
    [report.data, report.reload, reportId],
  );

  const actions: PreviewActions | null = report.data
    ? {
        editable,
        freeBlocks: report.data.freeBlocks,
        saveNarrative: (blockId, markdown) =>
          patch({ narratives: { [blockId]: markdown } }).then(() => setSuccess(t('reports.text.saved'))),
        saveFreeBlocks: (blocks: FreeBlock[], done) =>
          patch({ freeBlocks: blocks }).then(() =>
            setSuccess(t(done === 'added' ? 'reports.free.added' : done === 'removed' ? 'reports.text.removed' : 'reports.text.saved')),
          ),
        downloadCsv: (table: ReportTable) =>
          void downloader.download(exportPath(reportId, 'csv', shown, table.id), `report-${year}-${table.id}.csv`),
      }
    : null;

  if (report.error) {
    return (
      <>
        <h1 className="h2">{t('reports.title')}</h1>
        <ProblemAlert error={report.error} />
        <Link to="/reports">{t('reports.backToList')}</Link>
      </>
    );
  }
  if (!report.data) return <p>{t('app.loading')}</p>;

  return (
    <>
      <Link to="/reports">{t('reports.backToList')}</Link>
      <h1 className="h2 mt-2">{t('reports.page.title', { year: report.data.year })}</h1>
      {data.data ? <p className="lead mb-1">{data.data.heading.name}</p> : null}

      <SuccessAlert message={success} />
      <ProblemAlert error={error ?? downloader.error} />

      {readsDraft || versions.length > 0 ? (
        <form className="row align-items-end" aria-label={t('reports.showing')} onSubmit={(e) => e.preventDefault()}>
          <div className="col-sm-6 col-lg-4">
            <SelectField
              label={t('reports.showing')}
              value={shown === null ? '' : String(shown)}
              onChange={(event) => {
                setSuccess(null);
                setParams(event.target.value ? { version: event.target.value } : {});
              }}
            >
              {readsDraft ? <option value="">{t('reports.showDraft')}</option> : null}
              {versions.map((v) => (
                <option key={v.number} value={v.number}>
                  {t('reports.showVersion', { number: v.number })}
                </option>
              ))}
            </SelectField>
          </div>
        </form>
      ) : (
        <p>{t('reports.viewerNoVersion')}</p>
      )}

      {shown === null && readsDraft ? (
        <p className="alert alert-info">{canWrite ? t('reports.draftNotice') : `${t('reports.draftNotice')} ${t('reports.readOnly')}`}</p>
      ) : null}
      {shownVersion ? (
        <p className="alert alert-info">
          {t('reports.versionNotice', { number: shownVersion.number, date: formatDate(romeDateOf(new Date(shownVersion.publishedAt))) })}
        </p>
      ) : null}

      {editable ? (
        <SettingsForm
          report={report.data}
          onSave={(settings) => patch({ settings })}
          onSaved={() => setSuccess(t('reports.settings.saved'))}
        />
      ) : null}
      {!editable && data.data ? <SettingsSummary settings={data.data.settings} /> : null}

      <VersionsSection
        report={report.data}
        canPublish={canWrite}
        onPublished={(summary) => {
          setError(null);
          setSuccess(t('reports.publish.done', { number: summary.number }));
          report.reload();
        }}
        onDownload={(format, number) =>
          void downloader.download(exportPath(reportId, format, number), `report-${report.data?.year}-v${number}.${format}`)
        }
      />
      {readsDraft && shown === null ? (
        <DraftDownloads
          onDownload={(format) => void downloader.download(exportPath(reportId, format), `report-${report.data?.year}-bozza.${format}`)}
        />
      ) : null}
      <ActivityStatus activity={downloader.activity} testId="report-download-status" />

      {versions.length >= 1 ? <CompareSection report={report.data} /> : null}

      <ProblemAlert error={data.error} />
      <ActivityStatus activity={data.activity} id="report-progress" testId="report-data-status" />
      {data.data && (shown === null ? readsDraft : true) ? (
        <>
          <h2 className="visually-hidden">{data.data.title}</h2>
          <p className="small text-muted">
            {t('reports.generatedAt', {
              date: formatDate(romeDateOf(new Date(data.data.generatedAt))),
              time: new Date(data.data.generatedAt).toLocaleTimeString('it-IT', {
                hour: '2-digit',
                minute: '2-digit',
                timeZone: 'Europe/Rome',
              }),
              appVersion: data.data.appVersion,
            })}
          </p>
          <Contents data={data.data} />
          <Preview data={data.data} actions={actions} />
        </>
      ) : null}
    </>
  );
}

/** The settings the figures shown were computed with, for those who cannot change them. */
function SettingsSummary({ settings }: { settings: ReportData['settings'] }) {
  const { t, formatNumber } = useI18n();
  const items = [
    [t('reports.settings.grouping'), settings.groupingThreshold],
    [t('reports.settings.disclosure'), settings.disclosureThreshold],
    [t('reports.settings.years'), settings.comparisonYears],
  ] as const;
  return (
    <section aria-labelledby="report-settings" className="mb-4">
      <h2 id="report-settings" className="h4">
        {t('reports.settings.title')}
      </h2>
      <dl className="row mb-0">
        {items.map(([label, value]) => (
          <div key={label} className="col-md-4">
            <dt className="fw-normal">{label}</dt>
            <dd className="fw-bold">{formatNumber(value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function SettingsForm({
  report,
  onSave,
  onSaved,
}: {
  report: Report;
  onSave(settings: Record<string, number>): Promise<void>;
  onSaved(): void;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSaving(true);
    setError(null);
    try {
      await onSave({
        groupingThreshold: Number(form.get('groupingThreshold')),
        disclosureThreshold: Number(form.get('disclosureThreshold')),
        comparisonYears: Number(form.get('comparisonYears')),
      });
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'network'));
    } finally {
      setSaving(false);
    }
  };
  const fields = error?.fieldErrors() ?? {};
  return (
    <section aria-labelledby="report-settings" className="mb-4">
      <h2 id="report-settings" className="h4">
        {t('reports.settings.title')}
      </h2>
      <ProblemAlert error={error} />
      <form onSubmit={submit} className="row align-items-start" key={report.version}>
        <div className="col-md-4">
          <TextField
            name="groupingThreshold"
            type="number"
            min={0}
            max={1000}
            required
            label={t('reports.settings.grouping')}
            hint={t('reports.settings.groupingHint')}
            defaultValue={report.settings.groupingThreshold}
            error={fields['settings.groupingThreshold']}
          />
        </div>
        <div className="col-md-4">
          <TextField
            name="disclosureThreshold"
            type="number"
            min={0}
            max={1000}
            required
            label={t('reports.settings.disclosure')}
            hint={t('reports.settings.disclosureHint')}
            defaultValue={report.settings.disclosureThreshold}
            error={fields['settings.disclosureThreshold']}
          />
        </div>
        <div className="col-md-4">
          <TextField
            name="comparisonYears"
            type="number"
            min={2}
            max={10}
            required
            label={t('reports.settings.years')}
            hint={t('reports.settings.yearsHint')}
            defaultValue={report.settings.comparisonYears}
            error={fields['settings.comparisonYears']}
          />
        </div>
        <div className="col-12">
          <button type="submit" className="btn btn-outline-primary" disabled={saving}>
            {t('reports.settings.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

function DraftDownloads({ onDownload }: { onDownload(format: ReportFormat): void }) {
  const { t } = useI18n();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of download buttons
    <div role="group" aria-label={t('reports.download.draft')} className="d-flex gap-2 align-items-center flex-wrap mb-2">
      <span>{t('reports.download.draft')}:</span>
      {DOCUMENT_FORMATS.map(({ format, label }) => (
        <button
          key={format}
          type="button"
          className="btn btn-outline-primary btn-sm"
          aria-label={t('reports.download.draftOf', { format: label })}
          onClick={() => onDownload(format)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

function VersionsSection({
  report,
  canPublish,
  onPublished,
  onDownload,
}: {
  report: Report;
  canPublish: boolean;
  onPublished(summary: ReportVersionSummary): void;
  onDownload(format: ReportFormat, number: number): void;
}) {
  const { t, formatDate } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [publishing, setPublishing] = useState(false);
  const versions = [...report.versions].sort((a, b) => b.number - a.number);
  const next = (versions[0]?.number ?? 0) + 1;

  const publish = async () => {
    setPublishing(true);
    setError(null);
    try {
      const summary = await api<ReportVersionSummary>('POST', `/reports/${report.id}/publish`, { version: report.version });
      dialog.current?.close();
      onPublished(summary);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'network'));
    } finally {
      setPublishing(false);
    }
  };

  return (
    <section aria-labelledby="report-versions-title" id="report-versions" className="mb-4">
      <h2 id="report-versions-title" className="h4">
        {t('reports.versions.title')}
      </h2>
      {canPublish ? (
        <>
          <p>{t('reports.publish.intro')}</p>
          <button
            ref={openButton}
            type="button"
            className="btn btn-primary mb-3"
            onClick={() => {
              setError(null);
              dialog.current?.showModal();
            }}
          >
            {t('reports.publish.button')}
          </button>
          <dialog
            ref={dialog}
            aria-labelledby="publish-dialog-title"
            aria-describedby="publish-dialog-text"
            className="report-dialog border rounded p-4 shadow"
            onClose={() => openButton.current?.focus()}
          >
            <h2 id="publish-dialog-title" className="h4">
              {t('reports.publish.confirmTitle', { year: report.year })}
            </h2>
            <p id="publish-dialog-text">{t('reports.publish.confirmText', { number: next })}</p>
            {report.settings.disclosureThreshold === 0 ? <p className="alert alert-warning">{t('reports.publish.disclosureOff')}</p> : null}
            <ProblemAlert error={error} />
            <div className="d-flex gap-2 justify-content-end">
              <button type="button" className="btn btn-outline-secondary" onClick={() => dialog.current?.close()}>
                {t('common.cancel')}
              </button>
              <button type="button" className="btn btn-primary" onClick={publish} disabled={publishing}>
                {t('reports.publish.confirm')}
              </button>
            </div>
          </dialog>
        </>
      ) : null}
      {versions.length === 0 ? (
        <p>{t('reports.versions.none')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-sm" data-testid="report-versions">
            <caption className="visually-hidden">{t('reports.versions.caption', { year: report.year })}</caption>
            <thead>
              <tr>
                <th scope="col" className="text-end">
                  {t('reports.versions.number')}
                </th>
                <th scope="col">{t('reports.versions.date')}</th>
                <th scope="col">{t('reports.versions.by')}</th>
                <th scope="col">{t('reports.versions.app')}</th>
                <th scope="col">{t('reports.versions.downloads')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.number}>
                  <th scope="row" className="text-end">
                    <Link to={`?version=${v.number}`} aria-label={t('reports.versions.view', { number: v.number })}>
                      {v.number}
                    </Link>
                  </th>
                  <td>
                    {formatDate(romeDateOf(new Date(v.publishedAt)))}{' '}
                    {new Date(v.publishedAt).toLocaleTimeString('it-IT', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Rome' })}
                  </td>
                  <td>{v.publishedBy ?? t('reports.versions.unknownUser')}</td>
                  <td>{v.appVersion}</td>
                  <td>
                    <div className="d-flex gap-2 flex-wrap">
                      {DOCUMENT_FORMATS.map(({ format, label }) => (
                        <button
                          key={format}
                          type="button"
                          className="btn btn-outline-primary btn-sm"
                          aria-label={t('reports.download.of', { format: label, number: v.number })}
                          onClick={() => onDownload(format, v.number)}
                        >
                          {label}
                        </button>
                      ))}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function CompareSection({ report }: { report: Report }) {
  const { t, formatNumber } = useI18n();
  const numbers = report.versions.map((v) => v.number).sort((a, b) => a - b);
  const [result, setResult] = useState<ReportComparison | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);

  if (numbers.length < 2) {
    return (
      <section aria-labelledby="report-compare" className="mb-4">
        <h2 id="report-compare" className="h4">
          {t('reports.compare.title')}
        </h2>
        <p>{t('reports.compare.needTwo')}</p>
      </section>
    );
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setLoading(true);
    setError(null);
    try {
      setResult(
        await api<ReportComparison>('GET', `/reports/${report.id}/compare`, undefined, {
          from: Number(form.get('from')),
          to: Number(form.get('to')),
        }),
      );
    } catch (e) {
      setResult(null);
      setError(e instanceof ApiError ? e : new ApiError(0, 'network'));
    } finally {
      setLoading(false);
    }
  };
  const absent = <span className="text-muted">{t('reports.compare.absent')}</span>;

  return (
    <section aria-labelledby="report-compare" className="mb-4">
      <h2 id="report-compare" className="h4">
        {t('reports.compare.title')}
      </h2>
      <form onSubmit={submit} className="row align-items-end" aria-label={t('reports.compare.title')} key={numbers.join(',')}>
        <div className="col-sm-4">
          <SelectField name="from" label={t('reports.compare.from')} defaultValue={numbers[numbers.length - 2]}>
            {numbers.map((n) => (
              <option key={n} value={n}>
                {t('reports.showVersion', { number: n })}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-sm-4">
          <SelectField name="to" label={t('reports.compare.to')} defaultValue={numbers[numbers.length - 1]}>
            {numbers.map((n) => (
              <option key={n} value={n}>
                {t('reports.showVersion', { number: n })}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-sm-4 mb-3">
          <button type="submit" className="btn btn-outline-primary" disabled={loading}>
            {t('reports.compare.submit')}
          </button>
        </div>
      </form>
      <ProblemAlert error={error} />
      <div aria-live="polite">
        {result ? (
          <div data-testid="report-comparison">
            <p>{t('reports.compare.summary', { figures: formatNumber(result.figures), count: formatNumber(result.differences.length) })}</p>
            {result.differences.length === 0 ? (
              <p>{t('reports.compare.none')}</p>
            ) : (
              <div className="table-responsive">
                <table className="table table-sm">
                  <caption className="caption-top">{t('reports.compare.caption', { from: result.from, to: result.to })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('reports.compare.section')}</th>
                      <th scope="col">{t('reports.compare.table')}</th>
                      <th scope="col">{t('reports.compare.row')}</th>
                      <th scope="col">{t('reports.compare.column')}</th>
                      <th scope="col" className="text-end">
                        {t('reports.compare.before')}
                      </th>
                      <th scope="col" className="text-end">
                        {t('reports.compare.after')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.differences.map((d) => (
                      <tr key={d.path}>
                        <td>{d.section}</td>
                        <td>{d.table}</td>
                        <th scope="row" className="fw-normal">
                          {d.row}
                        </th>
                        <td>{d.column}</td>
                        <td className="text-end">{d.from === undefined ? absent : <CellText cell={d.from} />}</td>
                        <td className="text-end">{d.to === undefined ? absent : <CellText cell={d.to} />}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <h3 className="h5">{t('reports.compare.texts')}</h3>
            {result.changedTexts.length === 0 ? (
              <p>{t('reports.compare.noTexts')}</p>
            ) : (
              <ul>
                {result.changedTexts.map((text) => (
                  <li key={text.id}>{text.title}</li>
                ))}
              </ul>
            )}
          </div>
        ) : null}
      </div>
    </section>
  );
}
