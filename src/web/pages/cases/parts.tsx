/** Small pieces shared by the cases pages. */
import type { ComponentProps, ReactNode } from 'react';
import type { Case, CaseListItem } from '../../../contracts/cases.js';
import {
  ACTION_STATUSES,
  CASE_AREAS,
  type CaseArea,
  HOUSEHOLD_RELATIONS,
  type HouseholdRelation,
  REFERRAL_SOURCES,
  REFERRAL_STATUSES,
} from '../../../contracts/enums.js';
import { type Locale, labelOf } from '../../../contracts/labels.js';
import { todayInRome } from '../../../domain/dates.js';
import { useApiGet } from '../../api/hooks.js';
import { SelectField, TextField } from '../../components/fields.js';
import { type Translate, useI18n } from '../../i18n/index.js';
import { CheckboxList, FieldGroup } from '../../kit/FieldGroup.js';
import { type Change, EditableSection, InlineSelectForm, RecordForm, TitledSection, useChange, ValueSelect } from '../../kit/index.js';

export type StaffMember = { id: number; displayName: string };

/** Whom a case is for, in words. */
export function caseTitle(c: Pick<CaseListItem, 'person' | 'household'>, t: Translate): string {
  if (c.person) return `${c.person.familyNames} ${c.person.givenNames}`;
  if (c.household) return t('cases.household', { name: c.household.name });
  return t('cases.erased');
}

/** A member's relation in words (the code stored with the case, as in the household). */
export function relationLabel(relation: string, locale: Locale): string {
  return (HOUSEHOLD_RELATIONS as readonly string[]).includes(relation)
    ? labelOf(locale, 'householdRelation', relation as HouseholdRelation)
    : relation;
}

/** The operators of the centre as the <option>s of a select. */
export function StaffOptions({ staff }: { staff: StaffMember[] }) {
  return staff.map((s) => (
    <option key={s.id} value={s.id}>
      {s.displayName}
    </option>
  ));
}

type SelectProps = Omit<ComponentProps<typeof SelectField>, 'label' | 'children'>;

/** Who is responsible for the case (the new case's form, its details): a required choice among the centre's operators. */
export function ResponsibleSelect({ staff, ...field }: SelectProps & { staff: StaffMember[] }) {
  const { t } = useI18n();
  return (
    <SelectField label={t('cases.responsible')} required {...field}>
      <option value="">{t('common.choose')}</option>
      <StaffOptions staff={staff} />
    </SelectField>
  );
}

/** How the case came to the centre (the new case's form, its details); `blank` words leaving it to the default. */
export function ReferralSourceSelect(field: SelectProps & { blank?: string }) {
  const { t } = useI18n();
  return <ValueSelect label={t('cases.referralSource')} list="referralSource" values={REFERRAL_SOURCES} {...field} />;
}

/** Who may be responsible for a case of the centre, or do its actions. */
export function useStaff(centreId: number | undefined) {
  return useApiGet<StaffMember[]>(centreId ? '/cases/staff' : null, { centreId });
}

/** The areas of need as checkboxes in a fieldset. */
export function AreasFieldset({
  value,
  onChange,
  error,
  idPrefix,
}: {
  value: CaseArea[];
  onChange(next: CaseArea[]): void;
  error?: string;
  idPrefix: string;
}) {
  const { t, label } = useI18n();
  return (
    <FieldGroup id={`${idPrefix}-areas`} legend={t('cases.areas')} required hint={t('cases.form.areasHint')} error={error}>
      <CheckboxList
        idPrefix={`${idPrefix}-area`}
        itemClassName="form-check form-check-inline"
        options={CASE_AREAS.map((area) => ({ value: area, label: label('caseArea', area) }))}
        chosen={value}
        onChange={onChange}
      />
    </FieldGroup>
  );
}

/** Codes after which the case page must be reloaded: someone changed the case meanwhile. */
export const CASE_RELOAD_CODES = ['resource.stale_version', 'case.not_open', 'case.not_closed'];

/** A change of the case page: the case reloads after it, and a problem about a stale case offers "Ricarica". */
export function useCaseChange(reload: () => void) {
  return useChange({ reload, reloadCodes: CASE_RELOAD_CODES });
}

/** What every section of the case page is given. */
export interface SectionProps {
  c: Case;
  reload(): void;
  canWrite: boolean;
}

/** A required date that cannot be after today (Rome): when a case opened or closed, a note or referral was made. */
export function PastDateField(props: Omit<ComponentProps<typeof TextField>, 'type' | 'required' | 'max'>) {
  return <TextField type="date" required max={todayInRome()} {...props} />;
}

/**
 * A form of the case page that adds an item, opened by its `addLabel` button, or corrects one in place
 * (`correcting`: a smaller form); the focus goes to its first field and Cancel closes it.
 */
export function CaseItemForm({
  change,
  onSubmit,
  correcting,
  addLabel,
  onDone,
  children,
}: {
  change: Change;
  onSubmit(): unknown;
  correcting: boolean;
  addLabel: string;
  onDone(): void;
  children: ReactNode;
}) {
  return (
    <RecordForm
      change={change}
      onSubmit={onSubmit}
      addLabel={correcting ? undefined : addLabel}
      small={correcting}
      className={correcting ? 'mb-2' : undefined}
      onCancel={onDone}
      autoFocus
    >
      {children}
    </RecordForm>
  );
}

/** The items of a case whose status changes in place: each one's value list, dictionary prefix and address. */
const STATUS_ITEMS = {
  action: { list: 'actionStatus', values: ACTION_STATUSES, texts: 'cases.action', path: '/actions' },
  referral: { list: 'referralStatus', values: REFERRAL_STATUSES, texts: 'cases.referral', path: '/referrals' },
} as const;

/**
 * A case item's status (an action's, a referral's: `kind`, see STATUS_ITEMS): changed in place by
 * those who may write (`canWrite`: named with the item's `name`, sent at the version read, said
 * when saved, in the words `<texts>.status`, `.save` and `.saved`), else told.
 */
export function CaseItemStatus({
  kind,
  name,
  item,
  canWrite,
  reload,
}: {
  kind: keyof typeof STATUS_ITEMS;
  name: string;
  item: { id: number; status: string; version: number };
  canWrite: boolean;
  reload(): void;
}) {
  const { t, labels } = useI18n();
  const change = useCaseChange(reload);
  const { list, values, texts, path } = STATUS_ITEMS[kind];
  const words: Record<string, string | undefined> = labels(list);
  if (!canWrite) return words[item.status];
  return (
    <InlineSelectForm
      label={`${t(`${texts}.status`)}: ${name}`}
      value={item.status}
      version={item.version}
      options={values.map((value) => ({ value, label: words[value] ?? value }))}
      submitLabel={t(`${texts}.save`)}
      change={change}
      onSave={(status) => change.send('PATCH', `${path}/${item.id}`, { version: item.version, status }, { success: t(`${texts}.saved`) })}
    />
  );
}

/** A section of the case page (the diary, the plan, the referrals): its heading, focusable after a change, then its content. */
export function CaseSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <TitledSection id={id} title={title} headingClass="h3" focusable className="mt-4">
      {children}
    </TitledSection>
  );
}

/** The button that opens a form adding an item to a case section (`form`, given how to close it). */
export function AddToCase({ label, form }: { label: string; form(close: () => void): ReactNode }) {
  return <EditableSection editLabel={label} editClass="btn btn-outline-primary" form={form} />;
}
