import type { Page } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { TextField } from '../../components/fields.js';
import { useI18n } from '../../i18n/index.js';
import { useAddressFilters } from '../../kit/addressFilters.js';
import { FilterForm } from '../../kit/FilterForm.js';
import { FilterSelect } from '../../kit/FilterSelect.js';
import { LoadedTable } from '../../kit/index.js';
import { PeriodFields } from '../../kit/period.js';
import { usePageTitle } from '../../page-title.js';

interface AuditEntry {
  id: number;
  at: string;
  userEmail: string | null;
  centreId: number | null;
  action: string;
  entity: string;
  entityId: string | null;
  details: Record<string, unknown> | null;
}

// Shown as the log writes them.
const choices = (values: string[]) => values.map((value) => ({ value, label: value }));
const ACTIONS = choices(['create', 'read', 'update', 'delete', 'login', 'logout', 'export']);
const ENTITIES = choices(['person', 'visit', 'user', 'api_token', 'topic', 'centre', 'session']);
const FILTERS = ['from', 'to', 'action', 'entity', 'entityId'] as const;

export default function AuditPage() {
  const { t } = useI18n();
  const address = useAddressFilters(FILTERS);
  const query = address.values;
  const log = useApiGet<Page<AuditEntry>>('/audit', { ...query, page: address.page, pageSize: 50 });
  usePageTitle(t('audit.title'));

  return (
    <>
      <h1 className="h2">{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <FilterForm
        onApply={address.filter}
        className="row align-items-end"
        submitColumn="col-sm-6 col-lg-2"
        submitClass="btn btn-primary"
        key={address.key}
      >
        <PeriodFields from={query.from} to={query.to} column="col-sm-6 col-lg-2" />
        <FilterSelect column="col-sm-6 col-lg-2" label={t('audit.action')} {...address.named('action')} choices={ACTIONS} />
        <FilterSelect column="col-sm-6 col-lg-2" label={t('audit.entity')} {...address.named('entity')} choices={ENTITIES} />
        <TextField column="col-sm-6 col-lg-2" label="ID" name="entityId" defaultValue={query.entityId} inputMode="numeric" />
      </FilterForm>
      <LoadedTable<AuditEntry>
        loaded={log}
        onPage={address.setPage}
        caption={t('audit.title')}
        className="table table-sm table-striped"
        empty={t('common.none')}
        columns={[
          { header: t('audit.at'), cell: (e) => new Date(e.at).toLocaleString('it-IT', { timeZone: 'Europe/Rome' }) },
          { header: t('audit.user'), cell: (e) => e.userEmail ?? '—' },
          { header: t('audit.action'), cell: (e) => e.action },
          { header: t('audit.entity'), cell: (e) => `${e.entity} ${e.entityId ? `#${e.entityId}` : ''}` },
          { header: t('audit.centre'), cell: (e) => e.centreId ?? '—' },
          { header: t('audit.details'), cell: (e) => <code className="small">{e.details ? JSON.stringify(e.details) : ''}</code> },
        ]}
      />
    </>
  );
}
