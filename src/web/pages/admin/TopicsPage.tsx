import { useI18n } from '../../i18n/index.js';
import { CatalogueEditor, catalogueTexts } from './catalogues/CatalogueEditor.js';
import { useLabelledCatalogue } from './catalogues/labels.js';

/** The request-topic catalogue (tipologie di richiesta), for coordinators. */
export default function TopicsPage() {
  const { t } = useI18n();
  const labelled = useLabelledCatalogue(100);
  return <CatalogueEditor config={{ path: '/topics', ...catalogueTexts(t, 'topics'), ...labelled }} />;
}
