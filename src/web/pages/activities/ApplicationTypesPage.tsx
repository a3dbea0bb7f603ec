import { APPLICATION_LEVELS } from '../../../contracts/enums.js';
import { useI18n } from '../../i18n/index.js';
import { CatalogueEditor, catalogueTexts } from '../admin/catalogues/CatalogueEditor.js';
import { useLabelledCatalogue } from '../admin/catalogues/labels.js';

/** The application-type catalogue, with each type's level and Anagrafe flag, for coordinators (catalogues.manage). */
export default function ApplicationTypesPage() {
  const { t, label } = useI18n();
  const levels = APPLICATION_LEVELS.map((level) => ({ value: level, label: label('applicationLevel', level) }));
  const labelled = useLabelledCatalogue(120, [
    { name: 'level', label: t('activities.applications.level'), kind: 'select', options: levels },
    { name: 'anagrafe', label: t('activities.types.anagrafeHint'), kind: 'check' },
  ]);
  return <CatalogueEditor config={{ path: '/application-types', ...catalogueTexts(t, 'activities.types'), ...labelled }} />;
}
