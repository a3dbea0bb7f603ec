import { Link, useLocation, useParams } from 'react-router';
import type { Household } from '../../../contracts/households.js';
import { useApiGet } from '../../api/hooks.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/it.js';
import { RecordTable, useEditing } from '../../kit/index.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { AddMemberForm } from './household/AddMemberForm.js';
import { EditForm } from './household/EditForm.js';
import { MembersSection } from './household/MembersSection.js';
import { fullName } from './shared.js';

/** A household: its name and notes (corrected on demand), its members and their changes, who left. */
export default function HouseholdPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const loaded = useApiGet<Household>(`/households/${id}`);
  const h = loaded.data && String(loaded.data.id) === id ? loaded.data : undefined;
  usePageTitle(h ? h.name : t('households.file'));
  if (loaded.error) return <ProblemAlert error={loaded.error} />;
  if (!h) return <p>{t('app.loading')}</p>;
  // The page starts again when a link opens another household: its forms close.
  return <HouseholdView key={h.id} h={h} reload={loaded.reload} />;
}

function HouseholdView({ h, reload }: { h: Household; reload(): void }) {
  const { t, formatDate, label } = useI18n();
  const { can } = useSession();
  const location = useLocation();
  const editing = useEditing();
  const notice = (location.state as { notice?: MessageKey } | null)?.notice;
  const canWrite = can('personal.write');

  return (
    <>
      <SuccessAlert message={notice ? t(notice) : null} />
      <div className="d-flex justify-content-between align-items-start flex-wrap gap-2 mb-3">
        <div>
          <p className="text-uppercase small mb-1">{t('households.file')}</p>
          <h1 className="h2 text-break">{h.name}</h1>
        </div>
        {canWrite ? (
          <div className="d-flex gap-2 flex-wrap">
            <Link to={`/cases/new?householdId=${h.id}`} className="btn btn-primary">
              {t('households.openCase')}
            </Link>
            {editing.isOpen ? null : (
              <button ref={editing.buttonRef} type="button" className="btn btn-outline-primary" onClick={editing.open}>
                {t('households.edit')}
              </button>
            )}
          </div>
        ) : null}
      </div>
      {editing.isOpen ? (
        <EditForm household={h} reload={reload} onDone={editing.close} />
      ) : h.notes ? (
        <p style={{ whiteSpace: 'pre-line' }}>{h.notes}</p>
      ) : null}

      <MembersSection household={h} canWrite={canWrite} reload={reload} />

      {canWrite ? <AddMemberForm household={h} reload={reload} /> : null}

      <h2 className="h4 mt-4">{t('households.history')}</h2>
      <RecordTable<Household['history'][number]>
        caption={t('households.history')}
        captionHidden
        rows={h.history}
        empty={t('households.noHistory')}
        columns={[
          { header: t('households.person'), rowHeader: true, cell: (m) => <Link to={`/people/${m.personId}`}>{fullName(m)}</Link> },
          { header: t('households.relation'), cell: (m) => label('householdRelation', m.relation) },
          { header: t('households.joinedOn'), cell: (m) => formatDate(m.joinedOn) },
          { header: t('households.leftOn'), cell: (m) => formatDate(m.leftOn) },
        ]}
      />
    </>
  );
}
