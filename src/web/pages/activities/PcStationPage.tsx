import type { PcStationSummary, PcStationUse } from '../../../contracts/activities.js';
import { useI18n } from '../../i18n/index.js';
import { TitledSection } from '../../kit/index.js';
import { usePeriodRecords } from '../../kit/period.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { PcUseForm } from './pc/PcUseForm.js';
import { PcUses } from './pc/PcUses.js';

const PAGE_SIZE = 50;

/** The PC station: a quick log of each use, always open at the desk, and the period's uses. */
export default function PcStationPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const records = usePeriodRecords<PcStationSummary, PcStationUse>('/pc-station-uses', PAGE_SIZE);
  usePageTitle(t('activities.pc.title'));
  return (
    <>
      <h1 className="h2">{t('activities.pc.title')}</h1>
      <p>{t('activities.pc.intro')}</p>
      {can('personal.write') ? (
        <TitledSection id="record-pc-use" title={t('activities.pc.record')} className="border rounded p-3 mb-4">
          <PcUseForm reload={records.reload} />
        </TitledSection>
      ) : null}
      <PcUses records={records} canWrite={can('personal.write')} />
    </>
  );
}
