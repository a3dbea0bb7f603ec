/** "Versioni pubblicate": publishing after a confirmation, the versions with their documents, and the draft's documents. */
import { useRef } from 'react';
import { Link } from 'react-router';
import type { ReportFormat, ReportVersionSummary } from '../../../../contracts/reports.js';
import { romeDateOf } from '../../../../domain/dates.js';
import { useI18n } from '../../../i18n/index.js';
import { RecordTable, useChange } from '../../../kit/index.js';
import { DOCUMENT_FORMATS, type ReportContext } from './data.js';

/** The buttons downloading one document in each format; `name(label)` names each for screen readers. */
function FormatButtons({ name, onDownload }: { name(label: string): string; onDownload(format: ReportFormat): void }) {
  return DOCUMENT_FORMATS.map(({ format, label }) => (
    <button
      key={format}
      type="button"
      className="btn btn-outline-primary btn-sm"
      aria-label={name(label)}
      onClick={() => onDownload(format)}
    >
      {label}
    </button>
  ));
}

export function DraftDownloads({ onDownload }: { onDownload(format: ReportFormat): void }) {
  const { t } = useI18n();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of download buttons
    <div role="group" aria-label={t('reports.download.draft')} className="d-flex gap-2 align-items-center flex-wrap mb-2">
      <span>{t('reports.download.draft')}:</span>
      <FormatButtons name={(format) => t('reports.download.draftOf', { format })} onDownload={onDownload} />
    </div>
  );
}

/** "Pubblica una versione" and its modal dialog: what will be created, the warning when nothing is hidden, the problem. */
function PublishDialog({ report, reloadReport, saved, next }: ReportContext & { next: number }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  // Publishing changes the versions, not the figures: only the report is read again.
  const change = useChange({ reload: reloadReport });
  const publish = async () => {
    const sent = await change.send<ReportVersionSummary>('POST', `/reports/${report.id}/publish`, { version: report.version });
    if (sent.ok) {
      dialog.current?.close();
      saved(t('reports.publish.done', { number: sent.data.number }));
    }
  };
  return (
    <>
      <p>{t('reports.publish.intro')}</p>
      <button
        ref={openButton}
        type="button"
        className="btn btn-primary mb-3"
        onClick={() => {
          change.reset();
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
        {change.problem}
        <div className="d-flex gap-2 justify-content-end">
          <button type="button" className="btn btn-outline-secondary" onClick={() => dialog.current?.close()}>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn btn-primary" onClick={publish} aria-disabled={change.busy || undefined}>
            {t('reports.publish.confirm')}
          </button>
        </div>
      </dialog>
    </>
  );
}

export function VersionsSection({
  context,
  canPublish,
  onDownload,
}: {
  context: ReportContext;
  canPublish: boolean;
  onDownload(format: ReportFormat, number: number): void;
}) {
  const { t, formatDate } = useI18n();
  const { report } = context;
  const versions = [...report.versions].sort((a, b) => b.number - a.number);
  const time = (at: string) => new Date(at).toLocaleTimeString('it-IT', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Rome' });
  return (
    <section aria-labelledby="report-versions-title" id="report-versions" className="mb-4">
      <h2 id="report-versions-title" className="h4">
        {t('reports.versions.title')}
      </h2>
      {canPublish ? <PublishDialog {...context} next={(versions[0]?.number ?? 0) + 1} /> : null}
      <RecordTable<ReportVersionSummary>
        caption={t('reports.versions.caption', { year: report.year })}
        captionHidden
        rows={versions}
        rowKey={(v) => v.number}
        empty={t('reports.versions.none')}
        columns={[
          {
            header: t('reports.versions.number'),
            rowHeader: true,
            className: 'text-end',
            cell: (v) => (
              <Link to={`?version=${v.number}`} aria-label={t('reports.versions.view', { number: v.number })}>
                {v.number}
              </Link>
            ),
          },
          { header: t('reports.versions.date'), cell: (v) => `${formatDate(romeDateOf(new Date(v.publishedAt)))} ${time(v.publishedAt)}` },
          { header: t('reports.versions.by'), cell: (v) => v.publishedBy ?? t('reports.versions.unknownUser') },
          { header: t('reports.versions.app'), cell: (v) => v.appVersion },
          {
            header: t('reports.versions.downloads'),
            cell: (v) => (
              <div className="d-flex gap-2 flex-wrap">
                <FormatButtons
                  name={(format) => t('reports.download.of', { format, number: v.number })}
                  onDownload={(format) => onDownload(format, v.number)}
                />
              </div>
            ),
          },
        ]}
      />
    </section>
  );
}
