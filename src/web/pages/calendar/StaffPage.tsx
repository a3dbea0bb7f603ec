import { useState } from 'react';
import type { StaffList, StaffMember } from '../../../contracts/calendar.js';
import type { StaffRole } from '../../../contracts/enums.js';
import { todayInRome } from '../../../domain/dates.js';
import { useApiGet } from '../../api/hooks.js';
import { TextField } from '../../components/fields.js';
import { useI18n } from '../../i18n/index.js';
import { focusLater, RecordsHeading, RecordTable, useChange } from '../../kit/index.js';
import { usePageTitle } from '../../page-title.js';
import { useCentreChoice, useCorrecting, useFormatMinutes } from './shared.js';
import { Contracts } from './staff/Contracts.js';
import { MemberForm } from './staff/MemberForm.js';

/** The centre's staff: roles, accounts, contracts, weekly hours on a date and hours over the year. */
export default function StaffPage() {
  const { t, formatDate, label } = useI18n();
  usePageTitle(t('calendar.staff.title'));
  const formatMinutes = useFormatMinutes();
  const { centreId, select } = useCentreChoice();
  const [date, setDate] = useState(todayInRome());
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : todayInRome();
  const year = Number(validDate.slice(0, 4));
  const list = useApiGet<StaffList>(centreId ? '/staff' : null, centreId ? { centreId, date: validDate } : undefined);
  const [contractsOf, setContractsOf] = useState<number | null>(null);
  const change = useChange({ reload: list.reload });
  const { editing, edit, formKey, done, remove: removeMember } = useCorrecting<StaffMember>(change, 'staff-title');
  const shown = list.data?.items.find((m) => m.id === contractsOf) ?? null;

  const remove = async (member: StaffMember) => {
    if ((await removeMember(`/staff/${member.id}`, member)) && contractsOf === member.id) setContractsOf(null);
  };
  const showContracts = (member: StaffMember) => {
    setContractsOf(member.id);
    focusLater('staff-contracts');
  };

  return (
    <>
      <RecordsHeading id="staff-title" texts="calendar.staff" error={list.error} change={change}>
        {select}
      </RecordsHeading>
      <div className="row">
        <TextField
          column="col-sm-6 col-lg-3"
          label={t('calendar.staff.date')}
          type="date"
          required
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
      </div>
      {list.data ? (
        <RecordTable<StaffMember>
          caption={t('calendar.staff.caption', { date: formatDate(validDate), year })}
          rows={list.data.items}
          rowName={(m) => m.name}
          empty={t('calendar.staff.none')}
          columns={[
            { header: t('calendar.staff.name'), rowHeader: true, className: 'fw-normal', cell: (m) => m.name },
            { header: t('calendar.staff.role'), cell: (m) => label('staffRole', m.role as StaffRole) },
            { header: t('calendar.staff.user'), cell: (m) => m.user?.displayName ?? '' },
            { header: t('calendar.staff.weekly'), className: 'text-end', cell: (m) => formatMinutes(m.weeklyMinutes) },
            { header: t('calendar.staff.yearHours', { year }), className: 'text-end', cell: (m) => formatMinutes(m.yearMinutes) },
          ]}
          actions={(m) => [
            { label: t('calendar.staff.contracts'), onClick: () => showContracts(m) },
            { label: t('calendar.edit'), onClick: () => edit(m) },
            { label: t('calendar.delete'), danger: true, onClick: () => remove(m) },
          ]}
        />
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <p className="fw-bold">
          {t('calendar.staff.totals', {
            weekly: formatMinutes(list.data.totalWeeklyMinutes),
            yearHours: formatMinutes(list.data.totalYearMinutes),
            year,
          })}
        </p>
      ) : null}
      {shown && centreId ? <Contracts key={shown.id} member={shown} centreId={centreId} reload={list.reload} /> : null}
      {centreId ? (
        <MemberForm key={`${centreId}-${formKey}`} centreId={centreId} editing={editing} reload={list.reload} onDone={done} />
      ) : null}
    </>
  );
}
