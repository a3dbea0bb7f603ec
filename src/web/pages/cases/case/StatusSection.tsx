/** Closing an open case (date, reason, notes) or reopening a closed one (a new period), each form on demand. */
import { CASE_CLOSING_REASONS } from '../../../../contracts/enums.js';
import { todayInRome } from '../../../../domain/dates.js';
import { TextAreaField } from '../../../components/fields.js';
import { useI18n } from '../../../i18n/index.js';
import { boundTo } from '../../../kit/bound.js';
import { type Change, EditableSection, orNull, RecordForm, useFields, ValueSelect } from '../../../kit/index.js';
import { PastDateField, type SectionProps, useCaseChange } from '../parts.js';

/** Closing or reopening, sent at the case's version; then the focus goes to the case's title, whose status has changed. */
function sendStatus(change: Change, c: SectionProps['c'], step: 'close' | 'reopen', fields: object, success: string) {
  return change.send('POST', `/cases/${c.id}/${step}`, { version: c.version, ...fields }, { success, focus: 'case-title' });
}

function CloseForm({ c, reload, onDone }: Omit<SectionProps, 'canWrite'> & { onDone(): void }) {
  const { t } = useI18n();
  const change = useCaseChange(reload);
  const form = useFields({ closedOn: todayInRome(), reason: '', notes: '' });
  const bound = boundTo(form, change);
  const { values } = form;
  const close = () => sendStatus(change, c, 'close', { ...values, notes: orNull(values.notes) }, t('cases.closed'));
  return (
    <RecordForm
      change={change}
      onSubmit={close}
      title={t('cases.close')}
      titleAs="h2"
      submitLabel={t('cases.close.submit')}
      submitClass="btn btn-outline-danger"
      onCancel={onDone}
      autoFocus
    >
      <div className="row">
        <div className="col-md-4">
          <PastDateField label={t('cases.close.date')} {...bound('closedOn')} />
        </div>
        <div className="col-md-8">
          <ValueSelect label={t('cases.close.reason')} list="caseClosingReason" values={CASE_CLOSING_REASONS} choose {...bound('reason')} />
        </div>
      </div>
      <TextAreaField label={t('cases.close.notes')} maxLength={2000} {...form.field('notes')} />
    </RecordForm>
  );
}

function ReopenForm({ c, reload, onDone }: Omit<SectionProps, 'canWrite'> & { onDone(): void }) {
  const { t } = useI18n();
  const change = useCaseChange(reload);
  const form = useFields({ openedOn: todayInRome() });
  const bound = boundTo(form, change);
  const reopen = () => sendStatus(change, c, 'reopen', { openedOn: form.values.openedOn }, t('cases.reopened'));
  return (
    <RecordForm
      change={change}
      onSubmit={reopen}
      title={t('cases.reopen')}
      titleAs="h2"
      submitLabel={t('cases.reopen.submit')}
      onCancel={onDone}
      autoFocus
    >
      <p>{t('cases.reopen.intro')}</p>
      <div className="row">
        <div className="col-md-4">
          <PastDateField label={t('cases.reopen.date')} {...bound('openedOn')} />
        </div>
      </div>
    </RecordForm>
  );
}

export function StatusSection({ c, reload }: Omit<SectionProps, 'canWrite'>) {
  const { t } = useI18n();
  const open = c.status === 'open';
  return (
    <section className="mt-4">
      <EditableSection
        editLabel={open ? t('cases.close') : t('cases.reopen')}
        editClass={open ? 'btn btn-outline-danger' : 'btn btn-outline-primary'}
        form={(close) => (open ? <CloseForm c={c} reload={reload} onDone={close} /> : <ReopenForm c={c} reload={reload} onDone={close} />)}
      />
    </section>
  );
}
