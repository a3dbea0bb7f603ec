import { useI18n } from '../../../i18n/index.js';
import type { CatalogueConfig, CatalogueField } from './CatalogueEditor.js';

/**
 * What the catalogues named in Italian and English share (topics, course kinds, application types):
 * the code and active texts, the two label fields (each up to `maxLength`) before any `more`, each
 * value named by its label in the UI's language, and values reordered by hand.
 */
export function useLabelledCatalogue(
  maxLength: number,
  more: CatalogueField[] = [],
): Pick<CatalogueConfig, 'codeLabel' | 'activeLabel' | 'fields' | 'nameField' | 'sorted'> {
  const { t, locale } = useI18n();
  return {
    codeLabel: t('topics.code'),
    activeLabel: t('topics.active'),
    fields: [
      { name: 'labelIt', label: t('topics.labelIt'), kind: 'text', maxLength },
      { name: 'labelEn', label: t('topics.labelEn'), kind: 'text', maxLength },
      ...more,
    ],
    nameField: locale === 'it' ? 'labelIt' : 'labelEn',
    sorted: true,
  };
}
