/** The person's residence permits: type, number, dates, renewal. */
import type { Permit } from '../../../../contracts/documents.js';
import { PERMIT_TYPES, RENEWAL_STATUSES } from '../../../../contracts/enums.js';
import { TextField } from '../../../components/fields.js';
import { useI18n } from '../../../i18n/index.js';
import { orNull, ValueSelect } from '../../../kit/index.js';
import { DateFields, DocumentForm, type DocumentFormProps, DocumentNumberField, DocumentsPart, useDocumentForm } from './DocumentsPart.js';

function PermitForm(props: DocumentFormProps<Permit>) {
  const { t } = useI18n();
  const { item: permit, onCancel } = props;
  const { change, values, bound, submit } = useDocumentForm(props, {
    permitType: permit?.permitType ?? '',
    renewalStatus: permit?.renewalStatus ?? 'none',
    notes: permit?.notes ?? '',
  });
  const send = () => submit({ permitType: values.permitType, renewalStatus: values.renewalStatus, notes: orNull(values.notes) });
  return (
    <DocumentForm change={change} onSubmit={send} title={t(permit ? 'documents.editPermit' : 'documents.newPermit')} onCancel={onCancel}>
      <div className="row">
        <div className="col-md-6">
          <ValueSelect label={t('documents.permitType')} list="permitType" values={PERMIT_TYPES} choose {...bound('permitType')} />
        </div>
        <DocumentNumberField bound={bound} column="col-md-6" />
        <DateFields bound={bound} expiresHint={t('documents.expiresOnHint')} />
        <div className="col-md-6">
          <ValueSelect label={t('documents.renewalStatus')} list="renewalStatus" values={RENEWAL_STATUSES} {...bound('renewalStatus')} />
        </div>
        <div className="col-12">
          <TextField label={t('documents.notes')} maxLength={1000} {...bound('notes')} />
        </div>
      </div>
    </DocumentForm>
  );
}

export function PermitsPart({ personId, initial }: { personId: number; initial?: Permit[] }) {
  const { t, label } = useI18n();
  return (
    <DocumentsPart<Permit>
      id="permits"
      title={t('documents.permits')}
      path={`/people/${personId}/permits`}
      itemPath={(permit) => `/permits/${permit.id}`}
      initial={initial}
      kind={{ header: t('documents.permitType'), of: (p) => label('permitType', p.permitType) }}
      empty={t('documents.noPermits')}
      addLabel={t('documents.addPermit')}
      deleteConfirm={t('documents.deletePermitConfirm')}
      columns={(basic) => [
        basic.kind,
        basic.number,
        basic.issuedOn,
        basic.expiresOn,
        { header: t('documents.renewalStatus'), cell: (p) => label('renewalStatus', p.renewalStatus) },
      ]}
      form={PermitForm}
    />
  );
}
