import { useState } from 'react';
import { Link } from 'react-router';
import { UNUSUAL_READS_PER_HOUR, type UnusualReading } from '../../../contracts/audit.js';
import { useApiGet } from '../../api/hooks.js';
import { NumberField } from '../../components/fields.js';
import { useI18n } from '../../i18n/index.js';
import { FilterForm } from '../../kit/FilterForm.js';
import { RecordsHeading, RecordTable } from '../../kit/index.js';
import { useRomeDateTime } from './audit-time.js';

type Reader = { userId: number | null; userName: string | null; userEmail: string | null };

/**
 * Unusual reading of personal files over the page's period (the last 30 days without one):
 * users who opened more than N files in an hour (N chosen here, 30 by default), and files opened
 * while their centre was closed; each with who and when.
 */
export function UnusualReadingSection({ from, to }: { from?: string; to?: string }) {
  const { t } = useI18n();
  const [perHour, setPerHour] = useState<string>();
  const unusual = useApiGet<UnusualReading>('/audit/unusual', { from, to, perHour });

  return (
    <section aria-labelledby="audit-unusual" className="mt-4">
      {/* The threshold outside the answer (the problem after it): a threshold refused (400) can be corrected here. */}
      <RecordsHeading id="audit-unusual" level={2} texts="audit.unusual" error={unusual.error}>
        <FilterForm
          label={t('audit.unusual.perHour')}
          onApply={(values) => setPerHour(values.perHour)}
          submitLabel={t('audit.unusual.apply')}
        >
          <NumberField
            column="col-sm-6 col-lg-4"
            label={t('audit.unusual.perHour')}
            hint={t('audit.unusual.perHourHint')}
            name="perHour"
            min={5}
            max={500}
            defaultValue={perHour ?? UNUSUAL_READS_PER_HOUR}
          />
        </FilterForm>
      </RecordsHeading>
      {unusual.data ? <UnusualReadingTables data={unusual.data} /> : null}
    </section>
  );
}

function UnusualReadingTables({ data }: { data: UnusualReading }) {
  const { t, formatDate } = useI18n();
  const dateTime = useRomeDateTime();
  const who = (row: Reader) => (row.userId === null ? t('audit.commandLine') : (row.userName ?? row.userEmail ?? `#${row.userId}`));
  return (
    <>
      <p>
        <strong>{t('audit.unusual.period', { from: formatDate(data.from), to: formatDate(data.to) })}</strong>
      </p>
      <h3 className="h5">{t('audit.unusual.busy')}</h3>
      <RecordTable<UnusualReading['busyHours'][number]>
        rows={data.busyHours}
        rowKey={(row) => `${row.userId}-${row.hour}`}
        caption={t('audit.unusual.busy')}
        captionHidden
        empty={t('audit.unusual.busyNone', { perHour: data.perHour })}
        columns={[
          { header: t('audit.user'), cell: who, rowHeader: true },
          { header: t('audit.unusual.hour'), cell: (row) => dateTime(row.hour) },
          { header: t('audit.unusual.files'), cell: (row) => row.files, className: 'text-end' },
        ]}
      />

      <h3 className="h5">{t('audit.unusual.outside')}</h3>
      {data.outsideHours.total > data.outsideHours.items.length ? (
        <p>{t('audit.unusual.outsideMore', { shown: data.outsideHours.items.length, total: data.outsideHours.total })}</p>
      ) : null}
      <RecordTable<UnusualReading['outsideHours']['items'][number]>
        rows={data.outsideHours.items}
        rowKey={(row) => `${row.userId}-${row.personId}-${row.at}`}
        caption={t('audit.unusual.outside')}
        captionHidden
        empty={t('audit.unusual.outsideNone')}
        columns={[
          { header: t('audit.user'), cell: who, rowHeader: true },
          { header: t('audit.at'), cell: (row) => dateTime(row.at) },
          {
            header: t('audit.person'),
            // To the person's rows of the log, not to their file: reviewing is not opening it.
            cell: (row) => <Link to={`/admin/audit?personId=${row.personId}`}>{t('audit.personChosen', { id: row.personId })}</Link>,
          },
          { header: t('audit.centre'), cell: (row) => row.centreName ?? row.centreId },
          { header: t('audit.unusual.reads'), cell: (row) => row.reads, className: 'text-end' },
        ]}
      />
    </>
  );
}
