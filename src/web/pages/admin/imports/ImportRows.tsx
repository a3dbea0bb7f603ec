import { useState } from 'react';
import type { Import, ImportReject, ImportSummary } from '../../../../contracts/imports.js';
import type { Page } from '../../../api/client.js';
import { useApiGet } from '../../../api/hooks.js';
import { useI18n } from '../../../i18n/index.js';
import { LoadedTable, RecordTable, TitledSection } from '../../../kit/index.js';
import { fieldLabel, fieldsOf, reasonText } from './fields.js';

type PreviewRow = ImportSummary['preview'][number];

const DATE_FIELDS = new Set(['birthDate', 'visitDate', 'openedOn', 'closedOn', 'issuedOn', 'expiresOn', 'enrolledOn', 'withdrawnOn']);

/** A value of the preview as the app shows it: dates in Italian, a value list's words, a residence's kind. */
function usePreviewValue() {
  const { t, formatDate, labels } = useI18n();
  const lists = {
    gender: labels('gender'),
    channel: labels('channel'),
    referralSource: labels('referralSource'),
    permitType: labels('permitType'),
    programme: labels('enrolmentProgramme'),
  } as Record<string, Record<string, string>>;
  return (field: string, value: string | null | undefined): string => {
    if (value === null || value === undefined) return '';
    if (DATE_FIELDS.has(field) && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    if (field === 'residence' && (value === 'no_fixed_abode' || value === 'unknown' || value === 'comune')) {
      return t(`person.residence.${value}` as const);
    }
    return lists[field]?.[value] ?? value;
  };
}

/** The first rows as they will be stored: one column per field the file fills, in the mapping's order. */
export function PreviewTable({ imp, rows }: { imp: Import; rows: PreviewRow[] }) {
  const { t } = useI18n();
  const shown = usePreviewValue();
  // The fields some row fills: a column empty in every row says nothing.
  const present = new Set(
    rows.flatMap((row) => Object.keys(row.values).filter((field) => row.values[field] != null && row.values[field] !== '')),
  );
  const fields = [
    ...fieldsOf(imp.kind).filter((f) => present.has(f)),
    ...[...present].filter((f) => !fieldsOf(imp.kind).includes(f as never)),
  ];
  return (
    <div className="mb-4">
      <h3 id="import-preview-title" className="h5">
        {t('imports.preview.title')}
      </h3>
      <RecordTable<PreviewRow>
        caption={t('imports.preview.title')}
        captionHidden
        regionOf="import-preview-title"
        rows={rows}
        rowKey={(row) => row.rowNumber}
        empty={t('imports.preview.empty')}
        columns={[
          { header: t('imports.rows.row'), cell: (row) => row.rowNumber, rowHeader: true },
          ...fields.map((field) => ({ header: fieldLabel(t, field), cell: (row: PreviewRow) => shown(field, row.values[field]) })),
        ]}
      />
    </div>
  );
}

const PAGE_SIZE = 20;

/** The rejected rows, paged: row number, column and reason; and the link to download them as a spreadsheet. */
export function RejectsTable({ imp }: { imp: Import }) {
  const { t, locale, formatNumber } = useI18n();
  const [page, setPage] = useState(1);
  // The page keys this table by the import's version: read again whenever the dry run has run again.
  const rejects = useApiGet<Page<ImportReject>>(`/imports/${imp.id}/rejects`, { page, pageSize: PAGE_SIZE });
  const total = imp.summary?.rejected ?? 0;
  return (
    <TitledSection
      id="import-rejects-title"
      title={t('imports.rejects.title', { count: formatNumber(total) })}
      headingAs="h3"
      headingClass="h5"
      className="mb-4"
    >
      {total === 0 ? (
        <p>{t('imports.rejects.none')}</p>
      ) : (
        <>
          <p>
            <a href={`/api/v1/imports/${imp.id}/rejects.xlsx`} download className="btn btn-outline-primary btn-sm">
              {t('imports.rejects.download')}
            </a>
          </p>
          <LoadedTable<ImportReject>
            loaded={rejects}
            onPage={setPage}
            caption={t('imports.rejects.caption')}
            rowKey={(r) => `${r.rowNumber}-${r.column ?? ''}-${r.code}`}
            columns={[
              { header: t('imports.rows.row'), cell: (r) => r.rowNumber, rowHeader: true },
              { header: t('imports.rejects.column'), cell: (r) => r.column ?? '—' },
              { header: t('imports.rejects.reason'), cell: (r) => reasonText(locale, t, r.code, r.params) },
            ]}
          />
        </>
      )}
    </TitledSection>
  );
}
