/** The period's uses of the PC station: the totals, the counts by purpose, and the list. */
import { Link } from 'react-router';
import type { PcStationSummary, PcStationUse } from '../../../../contracts/activities.js';
import { PC_PURPOSES } from '../../../../contracts/enums.js';
import { useI18n } from '../../../i18n/index.js';
import { CountTable } from '../../../kit/CountTable.js';
import { useChange } from '../../../kit/index.js';
import { type PeriodRecords, PeriodSection } from '../../../kit/period.js';
import { useRemoveRecord } from '../records.js';
import { personName } from '../shared.js';

function PurposeTable({ summary }: { summary: PcStationSummary }) {
  const { t, label } = useI18n();
  return (
    <CountTable
      caption={t('activities.pc.byPurpose')}
      headers={[t('activities.pc.purpose'), t('activities.pc.uses'), t('activities.minutes')]}
      rows={PC_PURPOSES.map((purpose) => ({
        key: purpose,
        name: label('pcPurpose', purpose),
        counts: [summary.byPurpose[purpose].uses, summary.byPurpose[purpose].minutes],
      }))}
      totals={[summary.uses, summary.minutes]}
    />
  );
}

export function PcUses({ records, canWrite }: { records: PeriodRecords<PcStationSummary, PcStationUse>; canWrite: boolean }) {
  const { t, formatDate, formatNumber, label } = useI18n();
  const { summary, reload } = records;
  const change = useChange({ reload });
  const remove = useRemoveRecord(change);
  return (
    <PeriodSection
      id="pc-uses"
      texts="activities.pc"
      records={records}
      change={change}
      totalsTestId="pc-totals"
      totals={(totals) => ({ uses: totals.uses, minutes: totals.minutes, people: totals.people })}
      table={{
        rowName: (use) => `${formatDate(use.date)}, ${label('pcPurpose', use.purpose)}`,
        columns: [
          { header: t('activities.date'), cell: (use) => formatDate(use.date) },
          { header: t('activities.pc.purpose'), cell: (use) => label('pcPurpose', use.purpose) },
          { header: t('activities.minutes'), cell: (use) => formatNumber(use.minutes), className: 'text-end' },
          {
            header: t('activities.person'),
            cell: (use) =>
              use.person ? <Link to={`/people/${use.person.id}`}>{personName(use.person)}</Link> : t('activities.pc.anonymous'),
          },
          { header: t('activities.operator'), cell: (use) => use.operator?.displayName ?? t('person.notSet') },
        ],
        actions: canWrite
          ? (use) => [{ label: t('activities.delete'), danger: true, onClick: () => remove(`/pc-station-uses/${use.id}`) }]
          : undefined,
      }}
    >
      {summary.data ? <PurposeTable summary={summary.data} /> : null}
    </PeriodSection>
  );
}
