import { useCallback, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Report, ReportData, ReportVersionSummary } from '../../../contracts/reports.js';
import { romeDateOf } from '../../../domain/dates.js';
import { useApiGet } from '../../api/hooks.js';
import { SelectField } from '../../components/fields.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { Contents, Preview, type PreviewActions } from './Preview.js';
import { CompareSection } from './report/CompareSection.js';
import { exportPath, type ReportContext, useReportData } from './report/data.js';
import { SettingsSection } from './report/SettingsSection.js';
import { DraftDownloads, VersionsSection } from './report/VersionsSection.js';
import { ActivityStatus, useDownloader } from './shared.js';

/** "Visualizza": the draft (for those who read it) or a published version. */
function ShowingSelect({
  versions,
  shown,
  readsDraft,
  onShow,
}: {
  versions: ReportVersionSummary[];
  shown: number | null;
  readsDraft: boolean;
  onShow(version: string): void;
}) {
  const { t } = useI18n();
  if (!readsDraft && versions.length === 0) return <p>{t('reports.viewerNoVersion')}</p>;
  return (
    <form className="row align-items-end" aria-label={t('reports.showing')} noValidate onSubmit={(e) => e.preventDefault()}>
      <div className="col-sm-6 col-lg-4">
        <SelectField
          label={t('reports.showing')}
          value={shown === null ? '' : String(shown)}
          onChange={(event) => onShow(event.target.value)}
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
  );
}

/** When the figures shown were computed, by which version of Approdo. */
function GeneratedAt({ data }: { data: ReportData }) {
  const { t, formatDate } = useI18n();
  const at = new Date(data.generatedAt);
  return (
    <p className="small text-muted">
      {t('reports.generatedAt', {
        date: formatDate(romeDateOf(at)),
        time: at.toLocaleTimeString('it-IT', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Rome' }),
        appVersion: data.appVersion,
      })}
    </p>
  );
}

/**
 * The annual report: settings, publication and versions, comparison, then the preview with its
 * texts (report/). Every change reads the report again; a change refused because the report
 * changed meanwhile offers "Ricarica" next to what was refused.
 */
export default function ReportPage() {
  const { t, formatDate } = useI18n();
  const { can } = useSession();
  const reportId = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const report = useApiGet<Report>(`/reports/${reportId}`);
  const [reloadKey, setReloadKey] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
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

  const reloadReport = report.reload;
  const reload = useCallback(() => {
    reloadReport();
    setReloadKey((k) => k + 1);
  }, [reloadReport]);

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

  const shownVersion = versions.find((v) => v.number === shown);
  const editable = canWrite && shown === null;
  const context: ReportContext = { report: report.data, reload, reloadReport, saved: setNotice };
  const download = (format: Parameters<typeof exportPath>[1], version: number | null, name: string) =>
    void downloader.download(exportPath(reportId, format, version), `report-${year}-${name}.${format}`);
  const actions: PreviewActions = {
    editing: editable ? context : null,
    downloadCsv: (table) => void downloader.download(exportPath(reportId, 'csv', shown, table.id), `report-${year}-${table.id}.csv`),
  };

  return (
    <>
      <Link to="/reports">{t('reports.backToList')}</Link>
      <h1 className="h2 mt-2">{t('reports.page.title', { year: report.data.year })}</h1>
      {data.data ? <p className="lead mb-1">{data.data.heading.name}</p> : null}

      <SuccessAlert message={notice} />
      <ProblemAlert error={downloader.error} />

      <ShowingSelect
        versions={versions}
        shown={shown}
        readsDraft={readsDraft}
        onShow={(version) => {
          setNotice(null);
          setParams(version ? { version } : {});
        }}
      />

      {shown === null && readsDraft ? (
        <p className="alert alert-info">{canWrite ? t('reports.draftNotice') : `${t('reports.draftNotice')} ${t('reports.readOnly')}`}</p>
      ) : null}
      {shownVersion ? (
        <p className="alert alert-info">
          {t('reports.versionNotice', { number: shownVersion.number, date: formatDate(romeDateOf(new Date(shownVersion.publishedAt))) })}
        </p>
      ) : null}

      <SettingsSection context={context} editable={editable} shown={data.data?.settings} />
      {canWrite ? (
        <p>
          <Link to="/reports/previous-years">{t('history.link')}</Link>
        </p>
      ) : null}
      <VersionsSection context={context} canPublish={canWrite} onDownload={(format, number) => download(format, number, `v${number}`)} />
      {readsDraft && shown === null ? <DraftDownloads onDownload={(format) => download(format, null, 'bozza')} /> : null}
      <ActivityStatus activity={downloader.activity} testId="report-download-status" />

      {versions.length >= 1 ? <CompareSection report={report.data} /> : null}

      <ProblemAlert error={data.error} />
      <ActivityStatus activity={data.activity} id="report-progress" testId="report-data-status" />
      {data.data && (shown === null ? readsDraft : true) ? (
        <>
          <h2 className="visually-hidden">{data.data.title}</h2>
          <GeneratedAt data={data.data} />
          <Contents data={data.data} />
          <Preview data={data.data} actions={actions} />
        </>
      ) : null}
    </>
  );
}
