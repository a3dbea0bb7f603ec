import { useI18n } from '../../i18n/index.js';
import { CatalogueEditor } from '../admin/catalogues/CatalogueEditor.js';
import { labelFields } from '../admin/catalogues/labels.js';

/** The course-kind catalogue, for coordinators (catalogues.manage). */
export default function CourseKindsPage() {
  const { t, locale } = useI18n();
  return (
    <CatalogueEditor
      config={{
        path: '/course-kinds',
        title: t('courses.kinds.title'),
        intro: t('courses.kinds.intro'),
        addLabel: t('courses.kinds.add'),
        codeLabel: t('topics.code'),
        codeHint: t('courses.kinds.codeHint'),
        activeLabel: t('topics.active'),
        fields: labelFields(t, 120),
        nameField: locale === 'it' ? 'labelIt' : 'labelEn',
        sorted: true,
      }}
    />
  );
}
