import { type FormEvent, useRef, useState } from 'react';
import type { Project, StaffContract, StaffList, StaffMember } from '../../../contracts/calendar.js';
import { STAFF_ROLES, type StaffRole } from '../../../contracts/enums.js';
import { STAFF_ROLE_LABELS } from '../../../contracts/labels.js';
import { todayInRome } from '../../../domain/dates.js';
import { type ApiError, api } from '../../api/client.js';
import { useApiGet } from '../../api/hooks.js';
import { SelectField, TextField } from '../../components/fields.js';
import { ProblemAlert, SuccessAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { usePageTitle } from '../../page-title.js';
import { hoursOfMinutes, minutesOfHours, useCentreChoice, useFormatMinutes } from './shared.js';

/** A new staff member, or the one being corrected. */
function MemberForm({
  centreId,
  editing,
  onSaved,
  onCancel,
}: {
  centreId: number;
  editing: StaffMember | null;
  onSaved(): void;
  onCancel(): void;
}) {
  const { t, locale } = useI18n();
  const users = useApiGet<Array<{ id: number; displayName: string }>>('/operators');
  const [name, setName] = useState(editing?.name ?? '');
  const [role, setRole] = useState<string>(editing?.role ?? '');
  const [userId, setUserId] = useState(editing?.user ? String(editing.user.id) : '');
  const [notes, setNotes] = useState(editing?.notes ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const fields = { name: name.trim(), role, userId: userId ? Number(userId) : null, notes: notes.trim() || null };
      if (editing) await api('PATCH', `/staff/${editing.id}`, { version: editing.version, ...fields });
      else await api('POST', '/staff', { centreId, ...fields });
      onSaved();
    } catch (e) {
      setError(e as ApiError);
      setFieldErrors((e as ApiError).fieldErrors());
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <ProblemAlert error={error} />
      <div className="row">
        <div className="col-lg-4">
          <TextField
            label={t('calendar.staff.name')}
            required
            maxLength={120}
            value={name}
            error={fieldErrors.name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="col-sm-6 col-lg-4">
          <SelectField
            label={t('calendar.staff.role')}
            required
            value={role}
            error={fieldErrors.role}
            onChange={(e) => setRole(e.target.value)}
          >
            <option value="">{t('common.choose')}</option>
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>
                {STAFF_ROLE_LABELS[locale][r]}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-sm-6 col-lg-4">
          <SelectField
            label={t('calendar.staff.user')}
            value={userId}
            error={fieldErrors.userId}
            onChange={(e) => setUserId(e.target.value)}
          >
            <option value="">{t('calendar.staff.noUser')}</option>
            {(users.data ?? []).map((user) => (
              <option key={user.id} value={user.id}>
                {user.displayName}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      <TextField
        label={t('calendar.staff.notes')}
        maxLength={1000}
        value={notes}
        error={fieldErrors.notes}
        onChange={(e) => setNotes(e.target.value)}
      />
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('calendar.staff.save')}
        </button>
        {editing ? (
          <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** A new contract period of a member, or the one being corrected. */
function ContractForm({
  member,
  projects,
  editing,
  onSaved,
  onCancel,
}: {
  member: StaffMember;
  projects: Project[];
  editing: StaffContract | null;
  onSaved(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [from, setFrom] = useState(editing?.from ?? '');
  const [to, setTo] = useState(editing?.to ?? '');
  const [hours, setHours] = useState(editing ? hoursOfMinutes(editing.weeklyMinutes) : '');
  const [description, setDescription] = useState(editing?.description ?? '');
  const [projectId, setProjectId] = useState(editing?.project ? String(editing.project.id) : '');
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const fields = {
        from,
        to: to || null,
        weeklyMinutes: minutesOfHours(hours),
        description: description.trim() || null,
        projectId: projectId ? Number(projectId) : null,
      };
      if (editing) await api('PATCH', `/staff/${member.id}/contracts/${editing.id}`, { version: editing.version, ...fields });
      else await api('POST', `/staff/${member.id}/contracts`, fields);
      onSaved();
    } catch (e) {
      setError(e as ApiError);
      setFieldErrors((e as ApiError).fieldErrors());
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <ProblemAlert error={error} />
      <div className="row">
        <div className="col-sm-6 col-lg-3">
          <TextField
            label={t('calendar.from')}
            type="date"
            required
            value={from}
            error={fieldErrors.from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </div>
        <div className="col-sm-6 col-lg-3">
          <TextField
            label={t('calendar.to')}
            type="date"
            min={from}
            hint={t('calendar.toHint')}
            value={to}
            error={fieldErrors.to}
            onChange={(e) => setTo(e.target.value)}
          />
        </div>
        <div className="col-sm-6 col-lg-3">
          <TextField
            label={t('calendar.staff.weeklyHours')}
            inputMode="decimal"
            required
            hint={t('calendar.staff.weeklyHoursHint')}
            value={hours}
            error={fieldErrors.weeklyMinutes}
            onChange={(e) => setHours(e.target.value)}
          />
        </div>
        <div className="col-sm-6 col-lg-3">
          <SelectField
            label={t('calendar.staff.project')}
            value={projectId}
            error={fieldErrors.projectId}
            onChange={(e) => setProjectId(e.target.value)}
          >
            <option value="">{t('calendar.staff.noProject')}</option>
            {projects.map((project) => (
              <option key={project.id} value={project.id}>
                {project.name}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      <TextField
        label={t('calendar.staff.description')}
        maxLength={300}
        hint={t('calendar.staff.descriptionHint')}
        value={description}
        error={fieldErrors.description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('calendar.staff.saveContract')}
        </button>
        {editing ? (
          <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** A member's contract periods, with the form to add or correct one. */
function Contracts({ member, centreId, onChanged }: { member: StaffMember; centreId: number; onChanged(): void }) {
  const { t, formatDate } = useI18n();
  const formatMinutes = useFormatMinutes();
  const projects = useApiGet<Project[]>('/projects', { centreId });
  const [editing, setEditing] = useState<StaffContract | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const done = () => {
    setEditing(null);
    setFormKey((k) => k + 1);
    onChanged();
  };
  const remove = async (contract: StaffContract) => {
    if (!window.confirm(t('calendar.deleteConfirm'))) return;
    try {
      await api('DELETE', `/staff/${member.id}/contracts/${contract.id}`, undefined, { version: contract.version });
      done();
    } catch (e) {
      setError(e as ApiError);
    }
  };

  return (
    <section className="border rounded p-3 mb-4" aria-labelledby="staff-contracts">
      <h2 id="staff-contracts" className="h4" tabIndex={-1}>
        {t('calendar.staff.contractsOf', { name: member.name })}
      </h2>
      <ProblemAlert error={error ?? projects.error} />
      {member.contracts.length === 0 ? <p>{t('calendar.staff.noContracts')}</p> : null}
      {member.contracts.length > 0 ? (
        <table className="table table-sm">
          <caption className="visually-hidden">{t('calendar.staff.contractsCaption', { name: member.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('calendar.from')}</th>
              <th scope="col">{t('calendar.to')}</th>
              <th scope="col" className="text-end">
                {t('calendar.staff.weeklyHours')}
              </th>
              <th scope="col">{t('calendar.staff.description')}</th>
              <th scope="col">{t('calendar.staff.project')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {member.contracts.map((contract) => (
              <tr key={contract.id}>
                <td>{formatDate(contract.from)}</td>
                <td>{contract.to ? formatDate(contract.to) : t('calendar.staff.ongoing')}</td>
                <td className="text-end">{formatMinutes(contract.weeklyMinutes)}</td>
                <td>{contract.description ?? ''}</td>
                <td>{contract.project?.name ?? ''}</td>
                <td>
                  <div className="d-flex gap-2">
                    <button
                      type="button"
                      className="btn btn-outline-primary btn-sm"
                      onClick={() => {
                        setEditing(contract);
                        setFormKey((k) => k + 1);
                      }}
                    >
                      {t('calendar.edit')}
                    </button>
                    <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => remove(contract)}>
                      {t('calendar.delete')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <h3 className="h5">
        {editing ? t('calendar.staff.editingContract', { date: formatDate(editing.from) }) : t('calendar.staff.addContract')}
      </h3>
      <ContractForm
        key={formKey}
        member={member}
        projects={projects.data ?? []}
        editing={editing}
        onSaved={done}
        onCancel={() => {
          setEditing(null);
          setFormKey((k) => k + 1);
        }}
      />
    </section>
  );
}

/** The centre's staff: roles, accounts, contracts, weekly hours on a date and hours over the year. */
export default function StaffPage() {
  const { t, locale, formatDate } = useI18n();
  usePageTitle(t('calendar.staff.title'));
  const formatMinutes = useFormatMinutes();
  const { centreId, select } = useCentreChoice();
  const [date, setDate] = useState(todayInRome());
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : todayInRome();
  const year = Number(validDate.slice(0, 4));
  const list = useApiGet<StaffList>(centreId ? '/staff' : null, centreId ? { centreId, date: validDate } : undefined);
  const [editing, setEditing] = useState<StaffMember | null>(null);
  const [contractsOf, setContractsOf] = useState<number | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);
  const shown = list.data?.items.find((m) => m.id === contractsOf) ?? null;

  const saved = () => {
    setEditing(null);
    setFormKey((k) => k + 1);
    setNotice(t('calendar.saved'));
    list.reload();
  };
  const remove = async (member: StaffMember) => {
    if (!window.confirm(t('calendar.deleteConfirm'))) return;
    try {
      await api('DELETE', `/staff/${member.id}`, undefined, { version: member.version });
      if (contractsOf === member.id) setContractsOf(null);
      saved();
    } catch (e) {
      setError(e as ApiError);
    }
  };

  return (
    <>
      <h1 className="h2">{t('calendar.staff.title')}</h1>
      <p>{t('calendar.staff.intro')}</p>
      {select}
      <SuccessAlert message={notice} />
      <ProblemAlert error={error ?? list.error} />
      <div className="row">
        <div className="col-sm-6 col-lg-3">
          <TextField label={t('calendar.staff.date')} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
      </div>
      {list.data && list.data.items.length === 0 ? <p>{t('calendar.staff.none')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <div className="table-responsive">
          <table className="table table-sm" data-testid="staff">
            <caption>{t('calendar.staff.caption', { date: formatDate(validDate), year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('calendar.staff.name')}</th>
                <th scope="col">{t('calendar.staff.role')}</th>
                <th scope="col">{t('calendar.staff.user')}</th>
                <th scope="col" className="text-end">
                  {t('calendar.staff.weekly')}
                </th>
                <th scope="col" className="text-end">
                  {t('calendar.staff.yearHours', { year })}
                </th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((member) => (
                <tr key={member.id}>
                  <th scope="row" className="fw-normal">
                    {member.name}
                  </th>
                  <td>{STAFF_ROLE_LABELS[locale][member.role as StaffRole]}</td>
                  <td>{member.user?.displayName ?? ''}</td>
                  <td className="text-end">{formatMinutes(member.weeklyMinutes)}</td>
                  <td className="text-end">{formatMinutes(member.yearMinutes)}</td>
                  <td>
                    <div className="d-flex gap-2 flex-wrap">
                      <button
                        type="button"
                        className="btn btn-outline-primary btn-sm"
                        aria-pressed={contractsOf === member.id}
                        onClick={() => setContractsOf(contractsOf === member.id ? null : member.id)}
                      >
                        {t('calendar.staff.contracts')}
                        <span className="visually-hidden"> {member.name}</span>
                      </button>
                      <button
                        type="button"
                        className="btn btn-outline-primary btn-sm"
                        onClick={() => {
                          setEditing(member);
                          setNotice(null);
                          setFormKey((k) => k + 1);
                          formHeading.current?.focus();
                        }}
                      >
                        {t('calendar.edit')}
                        <span className="visually-hidden"> {member.name}</span>
                      </button>
                      <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => remove(member)}>
                        {t('calendar.delete')}
                        <span className="visually-hidden"> {member.name}</span>
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  {t('calendar.staff.total')}
                </th>
                <td className="text-end fw-bold">{formatMinutes(list.data.totalWeeklyMinutes)}</td>
                <td className="text-end fw-bold">{formatMinutes(list.data.totalYearMinutes)}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      ) : null}
      {shown && centreId ? <Contracts key={shown.id} member={shown} centreId={centreId} onChanged={() => list.reload()} /> : null}
      {centreId ? (
        <section className="border rounded p-3" aria-labelledby="staff-form">
          <h2 id="staff-form" className="h4" ref={formHeading} tabIndex={-1}>
            {editing ? t('calendar.staff.editing', { name: editing.name }) : t('calendar.staff.add')}
          </h2>
          <MemberForm
            key={`${centreId}-${formKey}`}
            centreId={centreId}
            editing={editing}
            onSaved={saved}
            onCancel={() => {
              setEditing(null);
              setFormKey((k) => k + 1);
            }}
          />
        </section>
      ) : null}
    </>
  );
}
