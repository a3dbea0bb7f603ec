import { useEffect, useState } from 'react';
import type { LegalConsultation, LegalConsultationListItem, LegalSummary } from '../../../contracts/activities.js';
import { api } from '../../api/client.js';
import { useI18n } from '../../i18n/index.js';
import { TitledSection, useChange, useEditing } from '../../kit/index.js';
import { usePeriodRecords } from '../../kit/period.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { LegalForm } from './legal/LegalForm.js';
import { LegalList } from './legal/LegalList.js';

const PAGE_SIZE = 20;
const FORM_HEADING = 'legal-form';

/** The lawyer's consultations: one recorded, or corrected from its row, on demand; the period's totals and list. */
export default function LegalPage() {
  const { t, formatDate } = useI18n();
  const { can } = useSession();
  const canWrite = can('personal.write');
  const records = usePeriodRecords<LegalSummary, LegalConsultationListItem>('/legal-consultations', PAGE_SIZE);
  const editing = useEditing();
  // The consultation being corrected (null: a new one).
  const [corrected, setCorrected] = useState<LegalConsultation | null>(null);
  // Reading the one to correct: its problem shows on top.
  const reading = useChange();
  usePageTitle(t('activities.legal.title'));
  // The heading says which one is being corrected: the focus goes there.
  useEffect(() => {
    if (corrected) document.getElementById(FORM_HEADING)?.focus();
  }, [corrected]);

  const record = () => {
    setCorrected(null);
    editing.open();
  };
  const edit = async (item: LegalConsultationListItem) => {
    const read = await reading.run(() => api<LegalConsultation>('GET', `/legal-consultations/${item.id}`));
    if (!read.ok) return;
    setCorrected(read.data);
    editing.open();
  };
  const close = () => {
    setCorrected(null);
    editing.close();
  };

  return (
    <>
      <h1 className="h2">{t('activities.legal.title')}</h1>
      <p>{t('activities.legal.intro')}</p>
      {reading.problem}
      {canWrite && editing.isOpen ? (
        <TitledSection
          id={FORM_HEADING}
          title={corrected ? t('activities.legal.edit', { date: formatDate(corrected.date) }) : t('activities.legal.record')}
          focusable
          className="border rounded p-3 mb-4"
        >
          <LegalForm key={corrected?.id ?? 'new'} consultation={corrected} reload={records.reload} onDone={close} />
        </TitledSection>
      ) : null}
      {canWrite && !editing.isOpen ? (
        <button ref={editing.buttonRef} type="button" className="btn btn-primary mb-4" onClick={record}>
          {t('activities.legal.record')}
        </button>
      ) : null}
      <LegalList
        records={records}
        canWrite={canWrite}
        onEdit={edit}
        onRemoved={(item) => {
          if (corrected?.id === item.id) close();
        }}
      />
    </>
  );
}
