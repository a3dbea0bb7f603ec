/** Closing an open case (date, reason, notes) or reopening a closed one (a new period), each form on demand. */
import type { ReactNode } from 'react';
import { CASE_CLOSING_REASONS } from '../../../../contracts/enums.js';
import { todayInRome } from '../../../../domain/dates.js';
import { TextAreaField } from '../../../components/fields.js';
import { useI18n } from '../../../i18n/index.js';
import type { MessageKey } from '../../../i18n/it.js';
import { boundTo } from '../../../kit/bound.js';
import { type Change, EditableSection, orNull, RecordForm, useFields, ValueSelect } from '../../../kit/index.js';
import { PastDateField, type SectionProps, useCaseChange } from '../parts.js';

type Step = 'close' | 'reopen';

/** Each step's words (its button and form title, its submit, what is said once done) and its buttons' look. */
const STEPS: Record<Step, { title: MessageKey; submit: MessageKey; done: MessageKey; button: string; submitClass?: string }> = {
  close: {
    title: 'cases.close',
    submit: 'cases.close.submit',
    done: 'cases.closed',
    button: 'btn btn-outline-danger',
    submitClass: 'btn btn-outline-danger',
  },
  reopen: { title: 'cases.reopen', submit: 'cases.reopen.submit', done: 'cases.reopened', button: 'btn btn-outline-primary' },
};

/** A step's form: its `fields()` sent at the case's version; then the focus goes to the case's title, whose status has changed. */
function StepForm({
  step,
  c,
  change,
  fields,
  onDone,
  children,
}: {
  step: Step;
  c: SectionProps['c'];
  change: Change;
  fields(): object;
  onDone(): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { title, submit, done, submitClass } = STEPS[step];
  const send = () =>
    change.send('POST', `/cases/${c.id}/${step}`, { version: c.version, ...fields() }, { success: t(done), focus: 'case-title' });
  return (
    <RecordForm
      change={change}
      onSubmit={send}
      title={t(title)}
      titleAs="h2"
      submitLabel={t(submit)}
      submitClass={submitClass}
      onCancel={onDone}
      autoFocus
    >
      {children}
    </RecordForm>
  );
}

type FormProps = Omit<SectionProps, 'canWrite'> & { onDone(): void };

function CloseForm({ c, reload, onDone }: FormProps) {
  const { t } = useI18n();
  const change = useCaseChange(reload);
  const form = useFields({ closedOn: todayInRome(), reason: '', notes: '' });
  const bound = boundTo(form, change);
  const { values } = form;
  return (
    <StepForm step="close" c={c} change={change} fields={() => ({ ...values, notes: orNull(values.notes) })} onDone={onDone}>
      <div className="row">
        <div className="col-md-4">
          <PastDateField label={t('cases.close.date')} {...bound('closedOn')} />
        </div>
        <div className="col-md-8">
          <ValueSelect label={t('cases.close.reason')} list="caseClosingReason" values={CASE_CLOSING_REASONS} choose {...bound('reason')} />
        </div>
      </div>
      <TextAreaField label={t('cases.close.notes')} maxLength={2000} {...form.field('notes')} />
    </StepForm>
  );
}

function ReopenForm({ c, reload, onDone }: FormProps) {
  const { t } = useI18n();
  const change = useCaseChange(reload);
  const form = useFields({ openedOn: todayInRome() });
  const bound = boundTo(form, change);
  return (
    <StepForm step="reopen" c={c} change={change} fields={() => form.values} onDone={onDone}>
      <p>{t('cases.reopen.intro')}</p>
      <div className="row">
        <div className="col-md-4">
          <PastDateField label={t('cases.reopen.date')} {...bound('openedOn')} />
        </div>
      </div>
    </StepForm>
  );
}

export function StatusSection({ c, reload }: Omit<SectionProps, 'canWrite'>) {
  const { t } = useI18n();
  const step: Step = c.status === 'open' ? 'close' : 'reopen';
  const Form = step === 'close' ? CloseForm : ReopenForm;
  return (
    <section className="mt-4">
      <EditableSection
        editLabel={t(STEPS[step].title)}
        editClass={STEPS[step].button}
        form={(close) => <Form c={c} reload={reload} onDone={close} />}
      />
    </section>
  );
}
