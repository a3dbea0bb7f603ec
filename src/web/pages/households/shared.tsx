import { HOUSEHOLD_RELATIONS, type HouseholdRelation } from '../../../contracts/enums.js';
import type { ApiError } from '../../api/client.js';
import { SelectField, TextAreaField } from '../../components/fields.js';
import { useI18n } from '../../i18n/index.js';
import { Options } from '../../kit/index.js';

/** The relation to the reference person, as a labelled select. */
export function RelationSelect({
  label,
  value,
  onChange,
  error,
  id,
}: {
  label?: string;
  value: HouseholdRelation | '';
  onChange(relation: HouseholdRelation | ''): void;
  error?: string;
  id?: string;
}) {
  const { t, labels } = useI18n();
  return (
    <SelectField
      id={id}
      label={label ?? t('households.relation')}
      required
      error={error}
      value={value}
      onChange={(e) => onChange(e.target.value as HouseholdRelation | '')}
    >
      <option value="">{t('common.choose')}</option>
      <Options values={HOUSEHOLD_RELATIONS} labels={labels('householdRelation')} />
    </SelectField>
  );
}

/** The household a person belongs to now, when the API refused them for it (409 household.member_elsewhere). */
export function memberElsewhere(error: ApiError | null): { personId: number; householdId: number; householdName: string } | null {
  if (error?.code !== 'household.member_elsewhere' || !error.problem) return null;
  const { personId, householdId, householdName } = error.problem;
  if (typeof personId !== 'number' || typeof householdId !== 'number' || typeof householdName !== 'string') return null;
  return { personId, householdId, householdName };
}

/** "Rossi Mario", as the people pages name someone. */
export const fullName = (p: { givenNames: string; familyNames: string }) => `${p.familyNames} ${p.givenNames}`;

/** The household's notes: the shared multi-line field, bounded as the API bounds them. */
export function NotesField({ value, onChange, error }: { value: string; onChange(value: string): void; error?: string }) {
  const { t } = useI18n();
  return (
    <TextAreaField label={t('households.notes')} maxLength={4000} value={value} error={error} onChange={(e) => onChange(e.target.value)} />
  );
}
