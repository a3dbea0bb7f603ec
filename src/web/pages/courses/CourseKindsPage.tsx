import { useI18n } from '../../i18n/index.js';
import { CatalogueEditor } from '../admin/catalogues/CatalogueEditor.js';
import { useLabelledCatalogue } from '../admin/catalogues/labels.js';

/** The course-kind catalogue, for coordinators (catalogues.manage). */
export default function CourseKindsPage() {
  const { t } = useI18n();
  const labelled = useLabelledCatalogue(120);
  return (
    <CatalogueEditor
      config={{
        path: '/course-kinds',
        title: t('courses.kinds.title'),
        intro: t('courses.kinds.intro'),
        addLabel: t('courses.kinds.add'),
        codeHint: t('courses.kinds.codeHint'),
        ...labelled,
      }}
    />
  );
}
