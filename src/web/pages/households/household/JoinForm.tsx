/** Joining a household from a person's file: the household searched by name, the relation, the date. */
import { useState } from 'react';
import type { HouseholdRelation } from '../../../../contracts/enums.js';
import type { HouseholdListItem } from '../../../../contracts/households.js';
import { todayInRome } from '../../../../domain/dates.js';
import { Combobox } from '../../../components/Combobox.js';
import { TextField } from '../../../components/fields.js';
import { useI18n } from '../../../i18n/index.js';
import { boundTo } from '../../../kit/bound.js';
import { type OnDemandForm, RecordForm, useChange, useFields } from '../../../kit/index.js';
import { useSearch } from '../../../kit/useSearch.js';
import { fullName, MemberElsewhereProblem, RelationSelect } from '../shared.js';

/** Search-as-you-type over the households of the user's centres. */
function HouseholdSearch({ onSelect }: { onSelect(household: HouseholdListItem): void }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const results = useSearch<HouseholdListItem>('/households', query);
  return (
    <Combobox
      id="household-search"
      label={t('households.searchHousehold')}
      value={query}
      onValueChange={setQuery}
      options={results}
      optionKey={(h) => h.id}
      onSelect={(h) => {
        setQuery(h.name);
        onSelect(h);
      }}
      emptyText={t('households.noHouseholdFound')}
      renderOption={(h) => (
        <>
          <strong>{h.name}</strong>
          <small>{h.members.map(fullName).join(', ')}</small>
        </>
      )}
    />
  );
}

/** "Aggiungi a un nucleo": the person joins a household chosen by name; one of another household is asked to move. */
export function JoinForm({
  personId,
  personName,
  reload,
  onDone,
}: {
  personId: number;
  personName: string;
} & OnDemandForm) {
  const { t } = useI18n();
  const change = useChange({ reload });
  const [household, setHousehold] = useState<HouseholdListItem | null>(null);
  const form = useFields({ relation: '' as HouseholdRelation | '', joinedOn: todayInRome() });
  const bound = boundTo(form, change);
  const { relation, joinedOn } = form.values;

  const join = async (move: boolean) => {
    if (!household || !relation) {
      return change.invalid({
        ...(household ? {} : { household: t('error.field') }),
        ...(relation ? {} : { relation: t('error.field') }),
      });
    }
    const body = { personId, relation, joinedOn, ...(move ? { move: true } : {}) };
    const sent = await change.send('POST', `/households/${household.id}/members`, body, { success: t('households.memberAdded') });
    if (sent.ok) onDone();
  };

  const fieldErrors = change.fieldErrors;
  const problem = (
    <MemberElsewhereProblem change={change} personName={() => personName} moveLabel={t('households.move')} onMove={() => join(true)} ask />
  );
  return (
    <RecordForm
      change={{ busy: change.busy, problem }}
      onSubmit={() => join(false)}
      title={t('households.addToHousehold')}
      submitLabel={t('households.add')}
      onCancel={onDone}
      autoFocus
      className="card card-body mb-3"
    >
      <div className="row align-items-end">
        <div className="col-lg-5">
          <HouseholdSearch
            onSelect={(h) => {
              setHousehold(h);
              change.reset();
            }}
          />
          {fieldErrors.household && !household ? (
            <div className="invalid-feedback d-block mb-2" role="alert">
              {fieldErrors.household}
            </div>
          ) : null}
        </div>
        <div className="col-lg-4">
          <RelationSelect
            value={relation}
            onChange={(next) => form.set({ relation: next })}
            error={relation ? undefined : fieldErrors.relation}
          />
        </div>
        <div className="col-lg-3">
          <TextField type="date" label={t('households.joinedOn')} required max={todayInRome()} {...bound('joinedOn')} />
        </div>
      </div>
    </RecordForm>
  );
}
