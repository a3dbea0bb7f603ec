import { APPLICATION_LEVELS } from '../../../contracts/enums.js';
import { useI18n } from '../../i18n/index.js';
import { CatalogueEditor } from '../admin/catalogues/CatalogueEditor.js';
import { labelFields } from '../admin/catalogues/labels.js';

/** The application-type catalogue, with each type's level and Anagrafe flag, for coordinators (catalogues.manage). */
export default function ApplicationTypesPage() {
  const { t, locale, label } = useI18n();
  const levels = APPLICATION_LEVELS.map((level) => ({ value: level, label: label('applicationLevel', level) }));
  return (
    <CatalogueEditor
      config={{
        path: '/application-types',
        title: t('activities.types.title'),
        intro: t('activities.types.intro'),
        addLabel: t('activities.types.add'),
        codeLabel: t('topics.code'),
        activeLabel: t('topics.active'),
        fields: [
          ...labelFields(t, 120),
          { name: 'level', label: t('activities.applications.level'), kind: 'select', options: levels },
          { name: 'anagrafe', label: t('activities.types.anagrafeHint'), kind: 'check' },
        ],
        nameField: locale === 'it' ? 'labelIt' : 'labelEn',
        sorted: true,
      }}
    />
  );
}
