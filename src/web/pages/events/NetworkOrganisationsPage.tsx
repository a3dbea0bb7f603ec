import { NETWORK_ORGANISATION_KINDS } from '../../../contracts/enums.js';
import { useI18n } from '../../i18n/index.js';
import { CatalogueEditor, catalogueTexts } from '../admin/catalogues/CatalogueEditor.js';

/** The catalogue of organisations met at network meetings, for coordinators (catalogues.manage). */
export default function NetworkOrganisationsPage() {
  const { t, label } = useI18n();
  const kinds = NETWORK_ORGANISATION_KINDS.map((kind) => ({ value: kind, label: label('networkOrganisationKind', kind) }));
  return (
    <CatalogueEditor
      config={{
        path: '/network-organisations',
        ...catalogueTexts(t, 'events.organisations'),
        codeLabel: t('events.organisations.code'),
        codeHint: t('events.organisations.codeHint'),
        activeLabel: t('events.organisations.active'),
        fields: [
          { name: 'name', label: t('events.organisations.name'), kind: 'text', maxLength: 120 },
          { name: 'kind', label: t('events.organisations.kind'), kind: 'select', options: kinds },
        ],
        nameField: 'name',
      }}
    />
  );
}
