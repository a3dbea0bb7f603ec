/** The person's residence permits: type, number, dates, renewal. */
import type { Permit } from '../../../../contracts/documents.js';
import { PERMIT_TYPES, RENEWAL_STATUSES } from '../../../../contracts/enums.js';
import { TextField } from '../../../components/fields.js';
import { useI18n } from '../../../i18n/index.js';
import { orNull, useFields, ValueSelect } from '../../../kit/index.js';
import { ExpiryDate } from '../expiry.js';
import { basicsOf, DateFields, DocumentForm, type DocumentFormProps, DocumentsPart, sentBasics, useDocumentSave } from './DocumentsPart.js';

function PermitForm(props: DocumentFormProps<Permit>) {
  const { t } = useI18n();
  const { item: permit, onCancel } = props;
  const { change, save } = useDocumentSave(props);
  const form = useFields({
    permitType: permit?.permitType ?? '',
    ...basicsOf(permit),
    renewalStatus: permit?.renewalStatus ?? 'none',
    notes: permit?.notes ?? '',
  });
  const { values } = form;
  const { fieldErrors } = change;
  const submit = () =>
    save({
      permitType: values.permitType,
      ...sentBasics(values),
      renewalStatus: values.renewalStatus,
      notes: orNull(values.notes),
    });
  return (
    <DocumentForm change={change} onSubmit={submit} title={t(permit ? 'documents.editPermit' : 'documents.newPermit')} onCancel={onCancel}>
      <div className="row">
        <div className="col-md-6">
          <ValueSelect
            label={t('documents.permitType')}
            list="permitType"
            values={PERMIT_TYPES}
            choose
            {...form.field('permitType')}
            error={fieldErrors.permitType}
          />
        </div>
        <div className="col-md-6">
          <TextField label={t('documents.number')} maxLength={40} {...form.field('number')} error={fieldErrors.number} />
        </div>
        <DateFields
          issuedOn={form.field('issuedOn')}
          expiresOn={form.field('expiresOn')}
          errors={fieldErrors}
          expiresHint={t('documents.expiresOnHint')}
        />
        <div className="col-md-6">
          <ValueSelect
            label={t('documents.renewalStatus')}
            list="renewalStatus"
            values={RENEWAL_STATUSES}
            {...form.field('renewalStatus')}
            error={fieldErrors.renewalStatus}
          />
        </div>
        <div className="col-12">
          <TextField label={t('documents.notes')} maxLength={1000} {...form.field('notes')} error={fieldErrors.notes} />
        </div>
      </div>
    </DocumentForm>
  );
}

export function PermitsPart({ personId, initial }: { personId: number; initial?: Permit[] }) {
  const { t, formatDate, label } = useI18n();
  const notSet = t('person.notSet');
  return (
    <DocumentsPart<Permit>
      id="permits"
      title={t('documents.permits')}
      path={`/people/${personId}/permits`}
      itemPath={(permit) => `/permits/${permit.id}`}
      initial={initial}
      nameOf={(p) => [label('permitType', p.permitType), p.number].filter(Boolean).join(' ')}
      empty={t('documents.noPermits')}
      addLabel={t('documents.addPermit')}
      deleteConfirm={t('documents.deletePermitConfirm')}
      columns={[
        { header: t('documents.permitType'), cell: (p) => label('permitType', p.permitType) },
        { header: t('documents.number'), cell: (p) => p.number ?? notSet },
        { header: t('documents.issuedOn'), cell: (p) => (p.issuedOn ? formatDate(p.issuedOn) : notSet) },
        { header: t('documents.expiresOn'), cell: (p) => <ExpiryDate expiresOn={p.expiresOn} superseded={p.superseded} /> },
        { header: t('documents.renewalStatus'), cell: (p) => label('renewalStatus', p.renewalStatus) },
      ]}
      form={PermitForm}
    />
  );
}
