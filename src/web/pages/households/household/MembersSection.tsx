/** The current members, with the two changes an operator can make to each (opened on demand): the relation, and leaving. */
import { useState } from 'react';
import { Link } from 'react-router';
import type { HouseholdRelation } from '../../../../contracts/enums.js';
import type { Household, HouseholdMember } from '../../../../contracts/households.js';
import { todayInRome } from '../../../../domain/dates.js';
import { TextField } from '../../../components/fields.js';
import { useI18n } from '../../../i18n/index.js';
import { boundTo } from '../../../kit/bound.js';
import { focusLater, type OnDemandForm, RecordForm, RecordTable, TitledSection, useChange, useFields } from '../../../kit/index.js';
import { fullName, RelationSelect } from '../shared.js';

type Mode = 'relation' | 'leave';

function MemberForm({
  householdId,
  member,
  mode,
  reload,
  onDone,
}: {
  householdId: number;
  member: HouseholdMember;
  mode: Mode;
} & OnDemandForm) {
  const { t } = useI18n();
  const change = useChange({ reload });
  const form = useFields({ relation: member.relation as HouseholdRelation | '', leftOn: todayInRome() });
  const bound = boundTo(form, change);
  const name = fullName(member);
  const save = async () => {
    if (mode === 'relation' && !form.values.relation) return change.invalid({ relation: t('error.field') });
    const path = `/households/${householdId}/members/${member.id}`;
    const sent =
      mode === 'relation'
        ? await change.send('PATCH', path, { relation: form.values.relation }, { success: t('households.saved') })
        : await change.send('POST', `${path}/leave`, { leftOn: form.values.leftOn }, { success: t('households.memberLeft') });
    if (sent.ok) onDone();
  };
  return (
    <RecordForm
      change={change}
      onSubmit={save}
      label={`${mode === 'relation' ? t('households.changeRelation') : t('households.leave')}: ${name}`}
      submitLabel={mode === 'relation' ? t('common.save') : t('households.confirmLeave')}
      onCancel={onDone}
      small
      autoFocus
    >
      {mode === 'relation' ? (
        <RelationSelect
          label={t('households.relationOf', { name })}
          value={form.values.relation}
          onChange={(relation) => form.set({ relation })}
          error={change.fieldErrors.relation}
        />
      ) : (
        <TextField
          type="date"
          label={t('households.leaveDateOf', { name })}
          required
          max={todayInRome()}
          min={member.joinedOn}
          {...bound('leftOn')}
        />
      )}
    </RecordForm>
  );
}

export function MembersSection({ household, canWrite, reload }: { household: Household; canWrite: boolean; reload(): void }) {
  const { t, formatDate, label } = useI18n();
  const [acting, setActing] = useState<{ member: HouseholdMember; mode: Mode } | null>(null);
  const member = acting ? household.members.find((m) => m.id === acting.member.id) : undefined;
  return (
    <TitledSection id="members-title" title={t('households.members')} count={household.members.length} focusable className="mt-4">
      <RecordTable<HouseholdMember>
        caption={t('households.members')}
        captionHidden
        className="table"
        rows={household.members}
        rowName={fullName}
        empty={t('households.noMembers')}
        columns={[
          { header: t('households.person'), rowHeader: true, cell: (m) => <Link to={`/people/${m.personId}`}>{fullName(m)}</Link> },
          { header: t('person.gender'), cell: (m) => label('gender', m.gender) },
          { header: t('person.birthDate'), cell: (m) => (m.birthDate ? formatDate(m.birthDate) : t('person.notSet')) },
          { header: t('households.relation'), cell: (m) => label('householdRelation', m.relation) },
          { header: t('households.joinedOn'), cell: (m) => formatDate(m.joinedOn) },
        ]}
        actions={
          canWrite
            ? (m) => [
                { label: t('households.changeRelation'), onClick: () => setActing({ member: m, mode: 'relation' }) },
                { label: t('households.leave'), onClick: () => setActing({ member: m, mode: 'leave' }) },
              ]
            : undefined
        }
      />
      {acting && member ? (
        <MemberForm
          key={`${member.id}-${acting.mode}`}
          householdId={household.id}
          member={member}
          mode={acting.mode}
          reload={reload}
          onDone={() => {
            setActing(null);
            focusLater('members-title');
          }}
        />
      ) : null}
    </TitledSection>
  );
}
