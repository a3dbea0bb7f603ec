/** Someone joins: search, relation, date; a person of another household asks for the move first. */
import { useState } from 'react';
import type { HouseholdRelation } from '../../../../contracts/enums.js';
import type { Household } from '../../../../contracts/households.js';
import { todayInRome } from '../../../../domain/dates.js';
import { TextField } from '../../../components/fields.js';
import { useI18n } from '../../../i18n/index.js';
import { useChange } from '../../../kit/index.js';
import { fullName, MemberElsewhereProblem, PersonChoiceSearch, RelationSelect, usePersonChoice } from '../shared.js';

export function AddMemberForm({ household, reload }: { household: Household; reload(): void }) {
  const { t } = useI18n();
  const change = useChange({ reload });
  const choice = usePersonChoice();
  const chosen = choice.chosen;
  const [relation, setRelation] = useState<HouseholdRelation | ''>('');
  const [joinedOn, setJoinedOn] = useState(todayInRome());

  const add = async (move: boolean) => {
    const problems = {
      ...(chosen ? {} : { person: t('households.choosePerson') }),
      ...(relation ? {} : { relation: t('error.field') }),
    };
    if (!chosen || !relation) return change.invalid(problems);
    const body = { personId: chosen.id, relation, joinedOn, ...(move ? { move: true } : {}) };
    const sent = await change.send('POST', `/households/${household.id}/members`, body, { success: t('households.memberAdded') });
    if (sent.ok) {
      choice.clear();
      setRelation('');
      setJoinedOn(todayInRome());
    }
  };

  const fieldErrors = change.fieldErrors;
  return (
    <section className="mt-4" aria-labelledby="add-member-title">
      <h2 className="h4" id="add-member-title" tabIndex={-1}>
        {t('households.addMember')}
      </h2>
      <MemberElsewhereProblem
        change={change}
        personName={() => (chosen ? fullName(chosen) : undefined)}
        moveLabel={t('households.move')}
        onMove={() => add(true)}
        ask
        linkHousehold
      />
      <form
        className="row align-items-end"
        aria-labelledby="add-member-title"
        aria-busy={change.busy || undefined}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void add(false);
        }}
      >
        <div className="col-lg-5">
          <PersonChoiceSearch choice={choice} error={fieldErrors.person} onTyping={change.reset} />
        </div>
        <div className="col-lg-3">
          <RelationSelect value={relation} onChange={setRelation} error={relation ? undefined : fieldErrors.relation} />
        </div>
        <div className="col-lg-2">
          <TextField
            type="date"
            label={t('households.joinedOn')}
            required
            max={todayInRome()}
            value={joinedOn}
            onChange={(e) => setJoinedOn(e.target.value)}
            error={fieldErrors.joinedOn}
          />
        </div>
        <div className="col-lg-2 mb-3">
          <button type="submit" className="btn btn-primary" aria-disabled={change.busy || undefined}>
            {t('households.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
