import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import type { HouseholdRelation } from '../../../contracts/enums.js';
import type { Household } from '../../../contracts/households.js';
import type { PersonSummary } from '../../../contracts/people.js';
import { CentreSelect } from '../../components/CentreSelect.js';
import { TextField } from '../../components/fields.js';
import { useI18n } from '../../i18n/index.js';
import { boundTo } from '../../kit/bound.js';
import { FormActions, orNull, RecordTable, useChange, useFields } from '../../kit/index.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { fullName, MemberElsewhereProblem, NotesField, PersonChoiceSearch, RelationSelect, usePersonChoice } from './shared.js';

interface Draft {
  person: PersonSummary;
  relation: HouseholdRelation;
}

export default function NewHouseholdPage() {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const centres = useSession().me?.centres ?? [];
  const change = useChange();
  const form = useFields({ name: '', notes: '', centreId: '' });
  const bound = boundTo(form, change);
  const { name, notes, centreId } = form.values;
  const [members, setMembers] = useState<Draft[]>([]);
  const choice = usePersonChoice();
  const chosen = choice.chosen;
  const [relation, setRelation] = useState<HouseholdRelation | ''>('');
  const [draftErrors, setDraftErrors] = useState<{ person?: string; relation?: string }>({});
  const fieldErrors = change.fieldErrors;
  usePageTitle(t('households.new'));

  const addDraft = () => {
    const problems = {
      ...(chosen ? {} : { person: t('households.choosePerson') }),
      ...(relation ? {} : { relation: t('error.field') }),
    };
    setDraftErrors(problems);
    if (!chosen || !relation) return;
    if (!members.some((m) => m.person.id === chosen.id)) setMembers([...members, { person: chosen, relation }]);
    // The first member usually names the household.
    if (!name.trim()) form.set({ name: chosen.familyNames });
    choice.clear();
    setRelation('');
  };

  const save = async (move = false) => {
    const sent = await change.send<Household>('POST', '/households', {
      name: name.trim(),
      notes: orNull(notes),
      ...(centreId ? { centreId: Number(centreId) } : {}),
      members: members.map((m) => ({ personId: m.person.id, relation: m.relation })),
      ...(move ? { move: true } : {}),
    });
    if (sent.ok) navigate(`/households/${sent.data.id}`, { state: { notice: 'households.created' } });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  return (
    <>
      <h1 className="h2">{t('households.new')}</h1>
      <MemberElsewhereProblem
        change={change}
        personName={(personId) => {
          const moving = members.find((m) => m.person.id === personId)?.person;
          return moving ? fullName(moving) : String(personId);
        }}
        moveLabel={t('households.moveAndCreate')}
        onMove={() => save(true)}
      />
      <form onSubmit={submit} noValidate aria-busy={change.busy || undefined}>
        <div className="row">
          <div className="col-md-6">
            <TextField label={t('households.name')} hint={t('households.nameHint')} required maxLength={200} {...bound('name')} />
          </div>
          {centres.length > 1 ? (
            <div className="col-md-6">
              <CentreSelect label={t('households.centre')} {...bound('centreId')} />
            </div>
          ) : null}
        </div>
        <NotesField {...bound('notes')} />

        <fieldset className="mb-3">
          <legend className="h5">{t('households.firstMembers')}</legend>
          <RecordTable<Draft>
            caption={t('households.members')}
            captionHidden
            className="table"
            rows={members}
            rowKey={(m) => m.person.id}
            rowName={(m) => fullName(m.person)}
            columns={[
              { header: t('households.person'), cell: (m) => fullName(m.person) },
              { header: t('households.relation'), cell: (m) => label('householdRelation', m.relation) },
            ]}
            actions={(m) => [
              { label: t('households.remove'), onClick: () => setMembers(members.filter((x) => x.person.id !== m.person.id)) },
            ]}
          />
          <div className="row align-items-end">
            <div className="col-md-6">
              <PersonChoiceSearch choice={choice} error={draftErrors.person} />
            </div>
            <div className="col-md-4">
              <RelationSelect
                value={relation}
                onChange={setRelation}
                error={draftErrors.relation && !relation ? draftErrors.relation : undefined}
              />
            </div>
            <div className="col-md-2 mb-3">
              <button type="button" className="btn btn-outline-primary" onClick={addDraft}>
                {t('households.add')}
              </button>
            </div>
          </div>
          {fieldErrors.members ? (
            <div className="invalid-feedback d-block" role="alert">
              {fieldErrors.members}
            </div>
          ) : null}
        </fieldset>

        <FormActions busy={change.busy} submitLabel={t('households.create')} onCancel={() => navigate(-1)} />
      </form>
    </>
  );
}
