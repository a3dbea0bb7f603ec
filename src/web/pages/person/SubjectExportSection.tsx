/**
 * A person's data given back (GDPR arts. 15 and 20): the PDF to print and the JSON to pass on.
 * Plain links: a GET carries the session cookie, and the server logs each download.
 */
import { useI18n } from '../../i18n/index.js';
import { TitledSection } from '../../kit/index.js';

export function SubjectExportSection({ personId }: { personId: number }) {
  const { t } = useI18n();
  const base = `/api/v1/people/${personId}/export`;
  return (
    <TitledSection id="subject-export-title" title={t('subjectExport.title')} className="mt-4" data-testid="person-subject-export">
      <p>{t('subjectExport.intro')}</p>
      <div className="d-flex gap-2 flex-wrap">
        <a className="btn btn-outline-primary" href={`${base}.pdf`} download>
          {t('subjectExport.pdf')}
        </a>
        <a className="btn btn-outline-primary" href={`${base}.json`} download>
          {t('subjectExport.json')}
        </a>
      </div>
    </TitledSection>
  );
}
