/** Referrals: to and from other services, the outcome saved on each row, one recorded on demand. */
import type { Referral } from '../../../../contracts/cases.js';
import { REFERRAL_DIRECTIONS, REFERRAL_SERVICES, REFERRAL_STATUSES } from '../../../../contracts/enums.js';
import { todayInRome } from '../../../../domain/dates.js';
import { TextAreaField, TextField } from '../../../components/fields.js';
import { useI18n } from '../../../i18n/index.js';
import { boundTo } from '../../../kit/bound.js';
import { type OnDemandForm, orNull, RecordForm, RecordTable, useFields, useRemove, ValueSelect } from '../../../kit/index.js';
import { AddToCase, CaseItemStatus, CaseSection, PastDateField, type SectionProps, useCaseChange } from '../parts.js';

function AddReferralForm({ caseId, reload, onDone }: { caseId: number } & OnDemandForm) {
  const { t } = useI18n();
  const change = useCaseChange(reload);
  const form = useFields({
    direction: 'outgoing',
    service: '',
    serviceDetail: '',
    referredOn: todayInRome(),
    reason: '',
    status: 'sent',
    notes: '',
  });
  const bound = boundTo(form, change);
  const { values } = form;
  const add = async () => {
    const body = { ...values, serviceDetail: orNull(values.serviceDetail), reason: values.reason.trim(), notes: orNull(values.notes) };
    const sent = await change.send('POST', `/cases/${caseId}/referrals`, body, { success: t('cases.referral.added') });
    if (sent.ok) onDone();
  };
  return (
    <RecordForm change={change} onSubmit={add} addLabel={t('cases.referral.add')} onCancel={onDone} autoFocus>
      <div className="row">
        <div className="col-md-4">
          <ValueSelect
            label={t('cases.referral.direction')}
            list="referralDirection"
            values={REFERRAL_DIRECTIONS}
            required
            {...form.field('direction')}
          />
        </div>
        <div className="col-md-4">
          <ValueSelect label={t('cases.referral.service')} list="referralService" values={REFERRAL_SERVICES} choose {...bound('service')} />
        </div>
        <div className="col-md-4">
          <TextField label={t('cases.referral.serviceDetail')} maxLength={200} {...form.field('serviceDetail')} />
        </div>
        <div className="col-md-4">
          <PastDateField label={t('cases.referral.date')} {...bound('referredOn')} />
        </div>
        <div className="col-md-4">
          <ValueSelect label={t('cases.referral.status')} list="referralStatus" values={REFERRAL_STATUSES} {...form.field('status')} />
        </div>
      </div>
      <TextField label={t('cases.referral.reason')} required maxLength={1000} {...bound('reason')} />
      <TextAreaField label={t('cases.referral.notes')} maxLength={2000} {...form.field('notes')} />
    </RecordForm>
  );
}

export function ReferralsSection({ c, reload, canWrite }: SectionProps) {
  const { t, formatDate, label } = useI18n();
  const change = useCaseChange(reload);
  const removeReferral = useRemove(change, 'cases.referral');
  const remove = (r: Referral) =>
    removeReferral(`/referrals/${r.id}`, r.version, { success: t('cases.referral.deleted'), focus: 'referrals-title' });
  return (
    <CaseSection id="referrals-title" title={t('cases.referrals')}>
      {change.problem}
      <RecordTable<Referral>
        caption={t('cases.referrals')}
        captionHidden
        rows={c.referrals}
        rowName={(r) => r.reason}
        empty={t('cases.referrals.none')}
        columns={[
          { header: t('cases.referral.date'), cell: (r) => formatDate(r.referredOn) },
          { header: t('cases.referral.direction'), cell: (r) => label('referralDirection', r.direction) },
          {
            header: t('cases.referral.service'),
            cell: (r) => (
              <>
                {label('referralService', r.service)}
                {r.serviceDetail ? <small className="d-block">{r.serviceDetail}</small> : null}
              </>
            ),
          },
          {
            header: t('cases.referral.reason'),
            cell: (r) => (
              <>
                {r.reason}
                {r.notes ? <small className="d-block">{r.notes}</small> : null}
              </>
            ),
          },
          {
            header: t('cases.referral.status'),
            cell: (r) => <CaseItemStatus kind="referral" name={r.reason} item={r} canWrite={canWrite} reload={reload} />,
          },
        ]}
        actions={canWrite ? (r) => [{ label: t('cases.referral.delete'), danger: true, onClick: () => remove(r) }] : undefined}
      />
      {canWrite ? (
        <AddToCase label={t('cases.referral.add')} form={(close) => <AddReferralForm caseId={c.id} reload={reload} onDone={close} />} />
      ) : null}
    </CaseSection>
  );
}
