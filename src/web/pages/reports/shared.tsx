/**
 * Pieces the report pages share: fetching with progress (the report's data, its documents), the
 * status the progress is told with, a report cell as it is shown (the coordinator's Markdown
 * is in markdown.tsx), and a form of a section of the report page.
 */
import { type ComponentProps, useCallback, useRef, useState } from 'react';
import type { ReportCell } from '../../../contracts/reports.js';
import { ApiError, failureOf } from '../../api/client.js';
import { useI18n } from '../../i18n/index.js';
import { RecordForm } from '../../kit/index.js';
import { filenameOf, formatReportNumber, hiddenCellText } from './format.js';

export interface Progress {
  received: number;
  /** From Content-Length; null when the server does not say. */
  total: number | null;
}

export interface Fetched {
  blob: Blob;
  /** From Content-Disposition, when the answer is a file. */
  filename: string | null;
}

/**
 * GET from the API reading the body chunk by chunk, telling the bytes received (against
 * Content-Length when known). Problems become ApiError like the rest of the app.
 */
export async function fetchWithProgress(path: string, onProgress: (progress: Progress) => void, signal?: AbortSignal): Promise<Fetched> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { credentials: 'same-origin', signal, headers: { accept: '*/*' } });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network');
  }
  const failure = await failureOf(response, path);
  if (failure) throw failure;
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const chunks: Uint8Array[] = [];
  let received = 0;
  onProgress({ received, total });
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress({ received, total });
    }
  } else {
    const buffer = new Uint8Array(await response.arrayBuffer());
    chunks.push(buffer);
    received = buffer.byteLength;
    onProgress({ received, total });
  }
  return {
    blob: new Blob(chunks as BlobPart[], { type: response.headers.get('content-type') || 'application/octet-stream' }),
    filename: filenameOf(response.headers.get('content-disposition')),
  };
}

/** Hands a fetched file to the browser as a download. */
export function saveFile(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** 1234567 → "1,2 MB" in the interface's language. */
export function useFormatBytes() {
  const { locale } = useI18n();
  const tag = locale === 'it' ? 'it-IT' : 'en-GB';
  return (bytes: number) => {
    const [value, unit] =
      bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : bytes >= 1000 ? [bytes / 1000, 'kilobyte'] : [bytes, 'byte'];
    return new Intl.NumberFormat(tag, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
  };
}

/** What is in progress, for the progress bar and the status announced to screen readers. */
export interface Activity {
  /** The text announced when it starts and ends ("Preparazione del documento…", "Documento … scaricato."). */
  message: string;
  progress: Progress | null;
  /** Shown with the bar while it runs, e.g. "ricevuti 1,2 MB di 3,4 MB". */
  detail?: string;
  running: boolean;
}

/**
 * The page's one activity at a time: a status region (aria-live, always in the page so that
 * changes are announced) and a Bootstrap Italia progress bar while something is running.
 */
export function ActivityStatus({ activity, id, testId }: { activity: Activity | null; id?: string; testId: string }) {
  const { t } = useI18n();
  const progress = activity?.progress;
  const percent = progress?.total ? Math.min(100, Math.round((progress.received / progress.total) * 100)) : null;
  return (
    <div className="my-3" id={id}>
      <p role="status" aria-live="polite" aria-atomic="true" className="mb-1" data-testid={testId}>
        {activity?.message ?? ''}
      </p>
      {activity?.running ? (
        percent !== null ? (
          <div className="progress">
            <div
              className="progress-bar"
              role="progressbar"
              aria-label={t('reports.download.progressLabel')}
              aria-valuenow={percent}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuetext={activity.detail}
              style={{ width: `${percent}%` }}
            />
          </div>
        ) : (
          <div className="progress progress-indeterminate">
            <div
              className="progress-bar"
              role="progressbar"
              aria-label={t('reports.download.progressLabel')}
              aria-valuetext={activity.detail}
            />
          </div>
        )
      ) : null}
      {activity?.running && activity.detail ? (
        <p className="small mt-1 mb-0" aria-hidden="true">
          {activity.detail}
        </p>
      ) : null}
    </div>
  );
}

/** Runs one download at a time, telling its progress through an Activity. */
export function useDownloader() {
  const { t } = useI18n();
  const formatBytes = useFormatBytes();
  const [activity, setActivity] = useState<Activity | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const busy = useRef(false);

  const download = useCallback(
    async (path: string, fallbackName: string) => {
      if (busy.current) return;
      busy.current = true;
      setError(null);
      const name = fallbackName;
      setActivity({ message: t('reports.download.preparing', { name }), progress: null, running: true });
      try {
        const file = await fetchWithProgress(path, (progress) =>
          setActivity((current) => ({
            message: current?.message ?? t('reports.download.preparing', { name }),
            progress,
            running: true,
            detail:
              progress.total !== null
                ? t('reports.download.progress', { name, received: formatBytes(progress.received), total: formatBytes(progress.total) })
                : t('reports.download.progressUnknown', { name, received: formatBytes(progress.received) }),
          })),
        );
        const filename = file.filename ?? fallbackName;
        saveFile(file.blob, filename);
        setActivity({ message: t('reports.download.done', { name: filename }), progress: null, running: false });
      } catch (e) {
        setActivity(null);
        setError(e instanceof ApiError ? e : new ApiError(0, 'network'));
      } finally {
        busy.current = false;
      }
    },
    [t, formatBytes],
  );
  return { activity, error, download };
}

/** A cell as shown: numbers with Italian separators, hidden counts "< 5" and "*" with their meaning for screen readers. */
export function CellText({ cell }: { cell: ReportCell | undefined }) {
  const { t } = useI18n();
  if (cell === undefined || cell === null) return null;
  if (typeof cell === 'number') return <>{formatReportNumber(cell)}</>;
  if (typeof cell === 'string') return <>{cell}</>;
  if (cell.hidden === 'small') {
    return (
      <span title={t('reports.table.small', { below: cell.below })}>
        <span aria-hidden="true">{hiddenCellText(cell)}</span>
        <span className="visually-hidden">{t('reports.table.small', { below: cell.below })}</span>
      </span>
    );
  }
  return (
    <span title={t('reports.table.complementary')}>
      <span aria-hidden="true">*</span>
      <span className="visually-hidden">{t('reports.table.complementary')}</span>
    </span>
  );
}

/** A form inside a section of the report page (the settings, the comparison), named by the section: unframed, its submit outlined. */
export function SectionForm(form: Omit<ComponentProps<typeof RecordForm>, 'title' | 'submitClass' | 'className'> & { label: string }) {
  return <RecordForm {...form} submitClass="btn btn-outline-primary" className="mb-3" />;
}
