/** The person's identity documents: kind, number, issuing country, dates. */
import type { IdentityDocument } from '../../../../contracts/documents.js';
import { IDENTITY_DOCUMENT_KINDS } from '../../../../contracts/enums.js';
import { CountrySelect, useCountryName } from '../../../components/CountrySelect.js';
import { useI18n } from '../../../i18n/index.js';
import { ValueSelect } from '../../../kit/index.js';
import { DateFields, DocumentForm, type DocumentFormProps, DocumentNumberField, DocumentsPart, useDocumentForm } from './DocumentsPart.js';

function IdentityDocumentForm(props: DocumentFormProps<IdentityDocument>) {
  const { t } = useI18n();
  const { item: document, onCancel } = props;
  const { change, values, bound, submit } = useDocumentForm(props, {
    kind: document?.kind ?? '',
    issuingCountry: document?.issuingCountry ?? '',
  });
  const send = () => submit({ kind: values.kind, issuingCountry: values.issuingCountry || null });
  return (
    <DocumentForm
      change={change}
      onSubmit={send}
      title={t(document ? 'documents.editIdentityDocument' : 'documents.newIdentityDocument')}
      onCancel={onCancel}
    >
      <div className="row">
        <div className="col-md-6">
          <ValueSelect label={t('documents.kind')} list="identityDocumentKind" values={IDENTITY_DOCUMENT_KINDS} choose {...bound('kind')} />
        </div>
        <DocumentNumberField bound={bound} column="col-md-6" />
        <CountrySelect
          column="col-md-6"
          label={t('documents.issuingCountry')}
          issuing
          emptyLabel={t('documents.issuingCountryUnknown')}
          {...bound('issuingCountry')}
        />
        <DateFields bound={bound} />
      </div>
    </DocumentForm>
  );
}

export function IdentityDocumentsPart({ personId, initial }: { personId: number; initial?: IdentityDocument[] }) {
  const { t, label } = useI18n();
  const countryName = useCountryName();
  const notSet = t('person.notSet');
  return (
    <DocumentsPart<IdentityDocument>
      id="identity-documents"
      title={t('documents.identityDocuments')}
      path={`/people/${personId}/identity-documents`}
      itemPath={(d) => `/identity-documents/${d.id}`}
      initial={initial}
      kind={{ header: t('documents.kind'), of: (d) => label('identityDocumentKind', d.kind) }}
      empty={t('documents.noIdentityDocuments')}
      addLabel={t('documents.addIdentityDocument')}
      deleteConfirm={t('documents.deleteIdentityDocumentConfirm')}
      columns={(basic) => [
        basic.kind,
        basic.number,
        { header: t('documents.issuingCountry'), cell: (d) => (d.issuingCountry ? countryName(d.issuingCountry) : notSet) },
        basic.issuedOn,
        basic.expiresOn,
      ]}
      form={IdentityDocumentForm}
    />
  );
}
