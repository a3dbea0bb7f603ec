import type { IdentityDocument, Permit } from '../../../contracts/documents.js';
import { useI18n } from '../../i18n/index.js';
import { TitledSection } from '../../kit/index.js';
import { IdentityDocumentsPart } from './person/IdentityDocumentsPart.js';
import { PermitsPart } from './person/PermitsPart.js';

/** The documents part of a person's file: residence permits and identity documents (person/). */
export function PersonDocumentsSection({
  personId,
  initial,
}: {
  personId: number;
  /** The lists as the person's file brought them: no request until something changes. */
  initial?: { permits: Permit[]; identityDocuments: IdentityDocument[] };
}) {
  const { t } = useI18n();
  return (
    <TitledSection id="documents-title" title={t('documents.section')} className="mt-4" data-testid="person-documents">
      <PermitsPart personId={personId} initial={initial?.permits} />
      <IdentityDocumentsPart personId={personId} initial={initial?.identityDocuments} />
    </TitledSection>
  );
}
