import { useState } from 'react';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from '../../../contracts/audit.js';
import { type Page, withQuery } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { TextField } from '../../components/fields.js';
import { PersonSearch } from '../../components/PersonSearch.js';
import { useI18n } from '../../i18n/index.js';
import { useAddressFilters } from '../../kit/addressFilters.js';
import { FilteredPage, FilterPanel } from '../../kit/FilterForm.js';
import { FilterSelect } from '../../kit/FilterSelect.js';
import { pagingOf, RecordTable } from '../../kit/index.js';
import { PeriodFields } from '../../kit/period.js';
import { usePageTitle } from '../../page-title.js';
import { UnusualReadingSection } from './AuditUnusualReading.js';
import { useRomeDateTime } from './audit-time.js';

// Entities shown as the log writes them.
const ENTITIES = ['person', 'visit', 'user', 'api_token', 'topic', 'centre', 'session', 'audit_log'].map((value) => ({
  value,
  label: value,
}));
const FILTERS = ['from', 'to', 'personId', 'userId', 'action', 'entity', 'entityId'] as const;
const COLUMN = 'col-sm-6 col-lg-3';

/**
 * The person filter: a person searched by name (or kept from the address, by number), sent as
 * `personId`; the help says which rows of the log are the person's.
 */
function PersonFilter({ personId, name, onChoose }: { personId?: string; name?: string; onChoose(id: number, name: string): void }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState(personId);
  return (
    <div className="col-lg-6">
      {chosen ? (
        <div className="mb-1">
          <span className="form-label d-block">{t('audit.person')}</span>
          <input type="hidden" name="personId" value={chosen} />
          <strong>{chosen === personId && name ? name : t('audit.personChosen', { id: chosen })}</strong>{' '}
          <button type="button" className="btn btn-link btn-sm align-baseline" onClick={() => setChosen(undefined)}>
            {t('audit.personRemove')}
          </button>
        </div>
      ) : (
        <PersonSearch
          onSelect={(person) => {
            setChosen(String(person.id));
            onChoose(person.id, `${person.familyNames} ${person.givenNames} (${t('audit.personChosen', { id: person.id })})`);
          }}
        />
      )}
      <p className="form-text mt-0 mb-3">{t('audit.personHint')}</p>
    </div>
  );
}

export default function AuditPage() {
  const { t, label } = useI18n();
  const dateTime = useRomeDateTime();
  const address = useAddressFilters(FILTERS);
  const filters = address.values;
  const log = useApiGet<Page<AuditEntry>>('/audit', { ...filters, page: address.page, pageSize: 50 });
  const users = useApiGet<Array<{ id: number; displayName: string; email: string }>>('/users');
  // The name of the person chosen by search, kept while the filters are applied (the address has the number only).
  const [personName, setPersonName] = useState<{ id: string; name: string }>();
  usePageTitle(t('audit.title'));

  const actionChoices = AUDIT_ACTIONS.map((action) => ({ value: action, label: label('auditAction', action) }));
  const userChoices = (users.data ?? []).map((user) => ({ value: user.id, label: `${user.displayName} (${user.email})` }));

  return (
    <>
      <h1 className="h2">{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <FilterPanel
        id="audit-filters"
        onApply={address.apply}
        onReset={address.reset}
        key={address.key}
        exportLink={{ href: withQuery('/api/v1/audit/export.csv', filters), label: t('audit.export') }}
      >
        <PeriodFields from={filters.from} to={filters.to} column={COLUMN} />
        <PersonFilter
          personId={filters.personId}
          name={personName?.id === filters.personId ? personName?.name : undefined}
          onChoose={(id, name) => setPersonName({ id: String(id), name })}
        />
        <FilterSelect column={COLUMN} label={t('audit.userFilter')} {...address.named('userId')} choices={userChoices} />
        <FilterSelect column={COLUMN} label={t('audit.action')} {...address.named('action')} choices={actionChoices} />
        <FilterSelect column={COLUMN} label={t('audit.entity')} {...address.named('entity')} choices={ENTITIES} />
        <TextField column={COLUMN} label={t('audit.entityId')} name="entityId" defaultValue={filters.entityId} inputMode="numeric" />
      </FilterPanel>
      <FilteredPage loaded={log} count={(count) => t('audit.count', { count })} countTestId="audit-count">
        {(page) => (
          <RecordTable<AuditEntry>
            rows={page.items}
            paging={pagingOf(page, address.setPage)}
            caption={t('audit.title')}
            className="table table-sm table-striped"
            empty={t('common.none')}
            columns={[
              { header: t('audit.at'), cell: (e) => dateTime(e.at) },
              {
                header: t('audit.user'),
                // The e-mail: one per user, as the users page and the CSV name them.
                cell: (e) => (e.userId === null ? t('audit.commandLine') : (e.userEmail ?? `#${e.userId}`)),
              },
              { header: t('audit.action'), cell: (e) => label('auditAction', e.action as AuditAction) ?? e.action },
              { header: t('audit.entity'), cell: (e) => `${e.entity}${e.entityId ? ` #${e.entityId}` : ''}` },
              { header: t('audit.centre'), cell: (e) => e.centreName ?? '—' },
              {
                header: t('audit.details'),
                cell: (e) => <code className="small text-break">{e.details ? JSON.stringify(e.details) : ''}</code>,
              },
            ]}
          />
        )}
      </FilteredPage>
      <UnusualReadingSection from={filters.from} to={filters.to} />
    </>
  );
}
