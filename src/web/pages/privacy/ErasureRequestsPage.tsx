/**
 * Richieste di cancellazione: the erasure requests (GDPR art. 17) of the user's centres, the
 * latest decided first, with the decision and who took it; for coordinators and administrators.
 * An erased file is named by its number only; a refused one links to the file, which stays.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import type { Page } from '../../../contracts/common.js';
import { ERASURE_OUTCOMES, type ErasureRequest } from '../../../contracts/privacy.js';
import { romeDateOf } from '../../../domain/dates.js';
import { useApiGet } from '../../api/hooks.js';
import { useCentreColumn } from '../../components/CentreSelect.js';
import { useI18n } from '../../i18n/index.js';
import { ChoiceSelect } from '../../kit/FilterSelect.js';
import { LoadedTable } from '../../kit/index.js';
import { usePageTitle } from '../../page-title.js';

export default function ErasureRequestsPage() {
  const { t, formatDate } = useI18n();
  const [outcome, setOutcome] = useState('');
  const [page, setPage] = useState(1);
  const requests = useApiGet<Page<ErasureRequest>>('/erasure-requests', { outcome: outcome || undefined, page, pageSize: 50 });
  usePageTitle(t('erasure.listTitle'));
  const outcomeLabel = (value: ErasureRequest['outcome']) => t(value === 'erased' ? 'erasure.outcomeErased' : 'erasure.outcomeRefused');
  const centreColumn = useCentreColumn<ErasureRequest>(t('calendar.centre'));

  return (
    <>
      <h1 className="h2">{t('erasure.listTitle')}</h1>
      <p>{t('erasure.listIntro')}</p>
      <div className="row">
        <ChoiceSelect
          column="col-sm-6 col-md-4"
          label={t('erasure.filterOutcome')}
          value={outcome}
          onChange={(event) => {
            setOutcome(event.target.value);
            setPage(1);
          }}
          blank={t('erasure.allOutcomes')}
          choices={ERASURE_OUTCOMES.map((value) => ({ value, label: outcomeLabel(value) }))}
        />
      </div>
      <LoadedTable<ErasureRequest>
        loaded={requests}
        onPage={setPage}
        caption={t('erasure.listTitle')}
        empty={t('erasure.none')}
        columns={[
          { header: t('erasure.requestedOn'), cell: (r) => formatDate(r.requestedOn), rowHeader: true },
          centreColumn,
          {
            header: t('erasure.person'),
            cell: (r) => (r.outcome === 'refused' ? <Link to={`/people/${r.personId}`}>{r.personId}</Link> : r.personId),
          },
          { header: t('erasure.reason'), cell: (r) => r.reason },
          { header: t('erasure.outcome'), cell: (r) => outcomeLabel(r.outcome) },
          { header: t('erasure.refusalReason'), cell: (r) => r.refusalReason ?? '' },
          { header: t('erasure.decidedBy'), cell: (r) => r.decidedBy?.displayName ?? '' },
          { header: t('erasure.decidedAt'), cell: (r) => formatDate(romeDateOf(new Date(r.decidedAt))) },
        ]}
      />
    </>
  );
}
