import type { CatalogueField } from './CatalogueEditor.js';

/** The two label fields of a catalogue with Italian and English names. */
export const labelFields = (t: (key: 'topics.labelIt' | 'topics.labelEn') => string, maxLength: number): CatalogueField[] => [
  { name: 'labelIt', label: t('topics.labelIt'), kind: 'text', maxLength },
  { name: 'labelEn', label: t('topics.labelEn'), kind: 'text', maxLength },
];
