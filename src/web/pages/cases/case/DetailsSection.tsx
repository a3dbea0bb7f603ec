/** The case's details (responsible, areas, referral, dates, people, summary), edited in place, and its periods. */
import type { Case, CasePeriod } from '../../../../contracts/cases.js';
import type { CaseArea } from '../../../../contracts/enums.js';
import { canChangeResponsible } from '../../../../domain/care.js';
import { TextAreaField } from '../../../components/fields.js';
import { useI18n } from '../../../i18n/index.js';
import type { MessageKey } from '../../../i18n/it.js';
import { boundTo } from '../../../kit/bound.js';
import { Facts } from '../../../kit/Facts.js';
import { EditableSection, type OnDemandForm, orNull, RecordForm, RecordTable, useFields } from '../../../kit/index.js';
import { useSession } from '../../../session.js';
import {
  AreasFieldset,
  ReferralSourceSelect,
  ResponsibleSelect,
  relationLabel,
  type SectionProps,
  type StaffMember,
  useCaseChange,
} from '../parts.js';

function DetailsForm({ c, staff, reload, onDone }: { c: Case; staff: StaffMember[] } & OnDemandForm) {
  const { t } = useI18n();
  const change = useCaseChange(reload);
  const { me } = useSession();
  // Only the coordinator, or the responsible operator handing over, names another one (the server checks it too).
  const mayHandOver = me ? canChangeResponsible({ userId: me.id, role: me.role }, c.responsible?.id ?? null) : false;
  const form = useFields({
    responsibleId: c.responsible ? String(c.responsible.id) : '',
    areas: c.areas as CaseArea[],
    referralSource: c.referralSource as string,
    summary: c.summary ?? '',
  });
  const bound = boundTo(form, change);
  const { values } = form;
  const save = async () => {
    const sent = await change.send(
      'PATCH',
      `/cases/${c.id}`,
      {
        version: c.version,
        ...(mayHandOver && values.responsibleId ? { responsibleId: Number(values.responsibleId) } : {}),
        areas: values.areas,
        referralSource: values.referralSource,
        summary: orNull(values.summary),
      },
      { success: t('cases.details.saved') },
    );
    if (sent.ok) onDone();
  };
  return (
    <RecordForm change={change} onSubmit={save} label={t('cases.details.edit')} onCancel={onDone} autoFocus>
      <div className="row">
        <div className="col-md-6">
          {mayHandOver ? (
            <ResponsibleSelect staff={staff} {...bound('responsibleId')} />
          ) : (
            <dl className="mb-3">
              <dt>{t('cases.responsible')}</dt>
              <dd className="mb-0">{c.responsible?.displayName ?? t('cases.nobody')}</dd>
              <dd className="small text-muted mb-0">{t('cases.responsible.coordinatorOnly')}</dd>
            </dl>
          )}
        </div>
        <div className="col-md-6">
          <ReferralSourceSelect {...form.field('referralSource')} />
        </div>
      </div>
      <AreasFieldset
        idPrefix={`case-${c.id}`}
        value={values.areas}
        onChange={(areas) => form.set({ areas })}
        error={change.fieldErrors.areas}
      />
      <TextAreaField label={t('cases.summary')} maxLength={4000} {...bound('summary')} />
    </RecordForm>
  );
}

function CaseFacts({ c }: { c: Case }) {
  const { t, locale, formatDate, label } = useI18n();
  const facts: Array<[MessageKey, string]> = [
    ['cases.responsible', c.responsible?.displayName ?? t('cases.nobody')],
    ['cases.areas', c.areas.map((a) => label('caseArea', a)).join(', ')],
    ['cases.referralSource', label('referralSource', c.referralSource)],
    ['cases.openedOn', formatDate(c.openedOn)],
    ...(c.closedOn ? [['cases.closedOn', formatDate(c.closedOn)] as [MessageKey, string]] : []),
    [
      'cases.members',
      c.members
        .map((m) =>
          m.person
            ? `${m.person.givenNames} ${m.person.familyNames}${m.relation ? ` (${relationLabel(m.relation, locale)})` : ''}`
            : t('cases.erased'),
        )
        .join(', '),
    ],
  ];
  return (
    <>
      <Facts facts={facts.map(([name, value]) => [t(name), value])} />
      {c.summary ? (
        <>
          <h3 className="h6">{t('cases.summary')}</h3>
          <p style={{ whiteSpace: 'pre-wrap' }}>{c.summary}</p>
        </>
      ) : null}
    </>
  );
}

function Periods({ c }: { c: Case }) {
  const { t, formatDate, label } = useI18n();
  return (
    <RecordTable<CasePeriod>
      caption={t('cases.periods')}
      rows={c.periods}
      empty=""
      columns={[
        { header: t('cases.period.from'), cell: (p) => formatDate(p.openedOn) },
        { header: t('cases.period.to'), cell: (p) => (p.closedOn ? formatDate(p.closedOn) : t('cases.period.current')) },
        { header: t('cases.period.reason'), cell: (p) => (p.closingReason ? label('caseClosingReason', p.closingReason) : '') },
        { header: t('cases.period.notes'), cell: (p) => p.closingNotes ?? '' },
      ]}
    />
  );
}

export function DetailsSection({ c, reload, canWrite, staff }: SectionProps & { staff: StaffMember[] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="details-title">
      <EditableSection
        heading={
          <h2 id="details-title" className="visually-hidden">
            {t('cases.details')}
          </h2>
        }
        editLabel={t('cases.details.edit')}
        editClass="btn btn-outline-primary"
        canEdit={canWrite}
        form={(close) => <DetailsForm key={c.version} c={c} staff={staff} reload={reload} onDone={close} />}
      >
        <CaseFacts c={c} />
      </EditableSection>
      <Periods c={c} />
    </section>
  );
}
