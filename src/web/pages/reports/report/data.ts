/** What the sections of a year's report share: its data fetched with progress, the documents' formats and paths, the page's context. */
import { useEffect, useState } from 'react';
import type { Report, ReportData, ReportFormat } from '../../../../contracts/reports.js';
import { ApiError, withQuery } from '../../../api/client.js';
import { useI18n } from '../../../i18n/index.js';
import { type Activity, fetchWithProgress, useFormatBytes } from '../shared.js';

/** The documents a page offers; the JSON of a version is for API users (GET /reports/:id/export?format=json), not on the page. */
export const DOCUMENT_FORMATS: Array<{ format: ReportFormat; label: string }> = [
  { format: 'pdf', label: 'PDF' },
  { format: 'docx', label: 'DOCX' },
  { format: 'xlsx', label: 'XLSX' },
];

export const exportPath = (reportId: number, format: ReportFormat, version?: number | null, table?: string) =>
  withQuery(`/reports/${reportId}/export`, { format, version, table });

/** What a section that changes the report is given: the report as read, how to read it again, how to confirm a change. */
export interface ReportContext {
  report: Report;
  /** Reads the report and its figures again (after a change, or from "Ricarica"). */
  reload(): void;
  /** Reads the report again, not its figures (a publication changes its versions only). */
  reloadReport(): void;
  /** Shows the confirmation of a change that worked ("Testo salvato."). */
  saved(message: string): void;
}

/** The report's data (the draft, or a published version), fetched with its progress told. */
export function useReportData(reportId: number | null, version: number | null, reloadKey: number) {
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
