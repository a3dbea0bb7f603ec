import { useI18n } from '../../i18n/index.js';
import { CatalogueEditor } from './catalogues/CatalogueEditor.js';
import { labelFields } from './catalogues/labels.js';

/** The request-topic catalogue (tipologie di richiesta), for coordinators. */
export default function TopicsPage() {
  const { t, locale } = useI18n();
  return (
    <CatalogueEditor
      config={{
        path: '/topics',
        title: t('topics.title'),
        intro: t('topics.intro'),
        addLabel: t('topics.add'),
        codeLabel: t('topics.code'),
        activeLabel: t('topics.active'),
        fields: labelFields(t, 100),
        nameField: locale === 'it' ? 'labelIt' : 'labelEn',
        sorted: true,
      }}
    />
  );
}
