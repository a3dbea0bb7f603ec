import { useI18n } from '../../i18n/index.js';
import { CatalogueEditor } from './catalogues/CatalogueEditor.js';
import { useLabelledCatalogue } from './catalogues/labels.js';

/** The request-topic catalogue (tipologie di richiesta), for coordinators. */
export default function TopicsPage() {
  const { t } = useI18n();
  const labelled = useLabelledCatalogue(100);
  return (
    <CatalogueEditor
      config={{ path: '/topics', title: t('topics.title'), intro: t('topics.intro'), addLabel: t('topics.add'), ...labelled }}
    />
  );
}
