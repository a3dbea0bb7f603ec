import { APPLICATION_LEVELS } from '../../../contracts/enums.js';
import { APPLICATION_LEVEL_LABELS } from '../../../contracts/labels.js';
import { useI18n } from '../../i18n/index.js';
import { CatalogueEditor } from '../admin/catalogues/CatalogueEditor.js';
import { labelFields } from '../admin/catalogues/labels.js';

/** The application-type catalogue, with each type's level and Anagrafe flag, for coordinators (catalogues.manage). */
export default function ApplicationTypesPage() {
  const { t, locale } = useI18n();
  const levels = APPLICATION_LEVELS.map((level) => ({ value: level, label: APPLICATION_LEVEL_LABELS[locale][level] }));
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
