import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { HOUSEHOLD_RELATIONS, type HouseholdRelation } from '../../../contracts/enums.js';
import type { PersonSummary } from '../../../contracts/people.js';
import type { ApiError } from '../../api/client.js';
import { TextAreaField } from '../../components/fields.js';
import { PersonSearch } from '../../components/PersonSearch.js';
import { useI18n } from '../../i18n/index.js';
import { type Change, ValueSelect } from '../../kit/index.js';

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
  const { t } = useI18n();
  return (
    <ValueSelect
      id={id}
      label={label ?? t('households.relation')}
      list="householdRelation"
      values={HOUSEHOLD_RELATIONS}
      choose
      error={error}
      value={value}
      onChange={(e) => onChange(e.target.value as HouseholdRelation | '')}
    />
  );
}

/** The household a person belongs to now, when the API refused them for it (409 household.member_elsewhere). */
export function memberElsewhere(error: ApiError | null): { personId: number; householdId: number; householdName: string } | null {
  if (error?.code !== 'household.member_elsewhere' || !error.problem) return null;
  const { personId, householdId, householdName } = error.problem;
  if (typeof personId !== 'number' || typeof householdId !== 'number' || typeof householdName !== 'string') return null;
  return { personId, householdId, householdName };
}

/**
 * A household change's problem; when the API refused a person because they belong to another
 * household, the warning that names them and offers the move (`onMove` sends the change again
 * with `move: true`) instead. `personName(personId)` names the person (undefined: no warning);
 * `ask` adds the question about the move, `linkHousehold` a link to the other household.
 */
export function MemberElsewhereProblem({
  change,
  personName,
  moveLabel,
  onMove,
  ask = false,
  linkHousehold = false,
}: {
  change: Pick<Change, 'error' | 'busy' | 'problem' | 'reset'>;
  personName(personId: number): string | undefined;
  moveLabel: string;
  onMove(): unknown;
  ask?: boolean;
  linkHousehold?: boolean;
}): ReactNode {
  const { t } = useI18n();
  const elsewhere = memberElsewhere(change.error);
  const name = elsewhere ? personName(elsewhere.personId) : undefined;
  if (!elsewhere || name === undefined) return change.problem;
  return (
    <div className="alert alert-warning" role="alert">
      <p className={ask ? 'mb-1' : 'mb-2'}>{t('households.memberElsewhere', { name, household: elsewhere.householdName })}</p>
      {ask ? <p className="mb-2">{t('households.moveQuestion')}</p> : null}
      <div className="d-flex gap-2 flex-wrap">
        <button type="button" className="btn btn-primary btn-sm" aria-disabled={change.busy || undefined} onClick={() => void onMove()}>
          {moveLabel}
        </button>
        {linkHousehold ? (
          <Link to={`/households/${elsewhere.householdId}`} className="btn btn-outline-primary btn-sm">
            {t('households.openHousehold')} «{elsewhere.householdName}»
          </Link>
        ) : null}
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={change.reset}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

/** "Rossi Mario", as the people pages name someone. */
export const fullName = (p: { givenNames: string; familyNames: string }) => `${p.familyNames} ${p.givenNames}`;

/** The household's notes: the shared multi-line field, bounded as the API bounds them. */
export function NotesField(field: { value: string; onChange(event: { target: { value: string } }): void; error?: string }) {
  const { t } = useI18n();
  return <TextAreaField label={t('households.notes')} maxLength={4000} {...field} />;
}

/** The person a household form is adding: the words typed in the search and the person chosen. */
export function usePersonChoice() {
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<PersonSummary | null>(null);
  const clear = () => {
    setChosen(null);
    setQuery('');
  };
  return { query, setQuery, chosen, setChosen, clear };
}

/**
 * The search choosing that person: typing again forgets the choice (and calls `onTyping`), choosing
 * writes their name in the box; `error` shows under it while no one is chosen.
 */
export function PersonChoiceSearch({
  choice,
  error,
  onTyping,
}: {
  choice: ReturnType<typeof usePersonChoice>;
  error?: string;
  onTyping?: () => void;
}) {
  return (
    <>
      <PersonSearch
        query={choice.query}
        onQueryChange={(query) => {
          choice.setQuery(query);
          choice.setChosen(null);
          onTyping?.();
        }}
        onSelect={(person) => {
          choice.setChosen(person);
          choice.setQuery(fullName(person));
        }}
      />
      {error && !choice.chosen ? (
        <div className="invalid-feedback d-block mb-2" role="alert">
          {error}
        </div>
      ) : null}
    </>
  );
}
