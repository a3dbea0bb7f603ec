import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { Case } from '../../../contracts/cases.js';
import type { CaseArea } from '../../../contracts/enums.js';
import type { Household } from '../../../contracts/households.js';
import type { Person } from '../../../contracts/people.js';
import type { Visit } from '../../../contracts/visits.js';
import { todayInRome } from '../../../domain/dates.js';
import { type ApiError, api } from '../../api/client.js';
import { TextAreaField } from '../../components/fields.js';
import { PersonSearch } from '../../components/PersonSearch.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useI18n } from '../../i18n/index.js';
import { boundTo } from '../../kit/bound.js';
import { CheckboxList, FieldGroup } from '../../kit/FieldGroup.js';
import { FormActions, useChange, useFields } from '../../kit/index.js';
import { usePageTitle } from '../../page-title.js';
import { useSession } from '../../session.js';
import { AreasFieldset, PastDateField, ReferralSourceSelect, ResponsibleSelect, relationLabel, useStaff } from './parts.js';

type Subject =
  | { kind: 'person'; id: number; name: string; centreId: number }
  | { kind: 'household'; id: number; name: string; centreId: number | undefined; members: Household['members'] | null };

export default function CaseFormPage() {
  const { t, locale, formatDate } = useI18n();
  const { me } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const personId = params.get('personId');
  const householdId = params.get('householdId');
  const visitId = params.get('visitId');
  const [subject, setSubject] = useState<Subject | null>(null);
  const [visit, setVisit] = useState<Visit | null>(null);
  const [query, setQuery] = useState('');
  const form = useFields({
    openedOn: todayInRome(),
    responsibleId: me ? String(me.id) : '',
    referralSource: '',
    summary: '',
    areas: [] as CaseArea[],
    memberIds: [] as number[],
  });
  const { values, set: setFields } = form;
  const change = useChange();
  const bound = boundTo(form, change);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const onlyCentre = me && me.centres.length === 1 ? me.centres[0]?.id : undefined;
  const staff = useStaff(subject?.centreId ?? onlyCentre);
  usePageTitle(t('cases.form.title'));

  useEffect(() => {
    const personOf = (p: { id: number; givenNames: string; familyNames: string }, centreId: number): Subject => ({
      kind: 'person',
      id: p.id,
      name: `${p.familyNames} ${p.givenNames}`,
      centreId,
    });
    if (householdId) {
      api<Household>('GET', `/households/${householdId}`)
        .then((h) => {
          setSubject({ kind: 'household', id: h.id, name: h.name, centreId: h.centreId, members: h.members });
          setFields({ memberIds: h.members.map((m) => m.personId) });
        })
        // Without the household's details the case still names all its current members.
        .catch(() =>
          setSubject({ kind: 'household', id: Number(householdId), name: `#${householdId}`, centreId: undefined, members: null }),
        );
    } else if (personId) {
      api<Person>('GET', `/people/${personId}`)
        .then((p) => setSubject(personOf(p, p.centreId)))
        .catch(setLoadError);
    }
    if (visitId) {
      api<Visit>('GET', `/visits/${visitId}`)
        .then((v) => {
          setVisit(v);
          if (v.person && !personId && !householdId) setSubject(personOf(v.person, v.centreId));
        })
        .catch(setLoadError);
    }
  }, [personId, householdId, visitId, setFields]);

  // The caller is the default responsible operator, when they work in the case's centre.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new list of operators decides
  useEffect(() => {
    if (staff.data && !staff.data.some((s) => String(s.id) === values.responsibleId)) form.set({ responsibleId: '' });
  }, [staff.data]);

  const submit = async () => {
    if (!subject) return change.invalid({ personId: t('cases.form.chooseSubject') });
    const opened = await change.send<Case>('POST', '/cases', {
      openedOn: values.openedOn,
      areas: values.areas,
      ...(subject.kind === 'person' ? { personId: subject.id } : { householdId: subject.id }),
      ...(subject.kind === 'household' && subject.members ? { memberIds: values.memberIds } : {}),
      ...(visit ? { visitId: visit.id } : {}),
      ...(values.responsibleId ? { responsibleId: Number(values.responsibleId) } : {}),
      ...(values.referralSource ? { referralSource: values.referralSource } : {}),
      ...(values.summary.trim() ? { summary: values.summary.trim() } : {}),
    });
    if (opened.ok) navigate(`/cases/${opened.data.id}`, { state: { notice: 'cases.page.opened' } });
  };

  const { error, fieldErrors } = change;
  const openCaseId = error?.code === 'case.already_open' ? (error.problem?.caseId as number | undefined) : undefined;
  // For a household, say which member is followed already (they can be left out below).
  const followed =
    openCaseId && subject?.kind === 'household' ? subject.members?.find((m) => m.personId === error?.problem?.personId) : undefined;

  return (
    <>
      <h1 className="h2 mb-4">{t('cases.form.title')}</h1>
      {openCaseId ? (
        <div className="alert alert-warning" role="alert">
          <p className="mb-1">
            {followed
              ? t('cases.form.alreadyOpenMember', { name: `${followed.familyNames} ${followed.givenNames}` })
              : t('cases.form.alreadyOpen')}
          </p>
          <Link to={`/cases/${openCaseId}`}>{t('cases.form.openExisting')}</Link>
        </div>
      ) : (
        <ProblemAlert error={error ?? loadError} />
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <fieldset className="mb-3">
          <legend className="form-label h6">{t('cases.form.for')}</legend>
          {visit ? <p className="mb-2">{t('cases.form.fromVisit', { date: formatDate(visit.date) })}</p> : null}
          {visit && !visit.person && !subject ? <p className="mb-2">{t('cases.form.anonymousVisit')}</p> : null}
          {subject ? (
            <div className="selected-person d-flex justify-content-between align-items-center flex-wrap gap-2 mb-2">
              <strong>{subject.kind === 'household' ? t('cases.household', { name: subject.name }) : subject.name}</strong>
              {!personId && !householdId && !visit?.person ? (
                <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setSubject(null)}>
                  {t('cases.form.change')}
                </button>
              ) : null}
            </div>
          ) : (
            <>
              <PersonSearch
                query={query}
                onQueryChange={setQuery}
                onSelect={(p) => {
                  setSubject({ kind: 'person', id: p.id, name: `${p.familyNames} ${p.givenNames}`, centreId: p.centreId });
                  setQuery('');
                }}
                autoFocus
              />
              {fieldErrors.personId ? (
                <div className="invalid-feedback d-block" role="alert">
                  {fieldErrors.personId}
                </div>
              ) : null}
              {/* The name typed travels in the navigation state; saving the person comes back here with them. */}
              <Link
                to="/people/new"
                state={{ name: query, returnTo: `${location.pathname}${location.search}` }}
                className="btn btn-outline-primary btn-sm"
              >
                {t('cases.form.newPerson')}
              </Link>
            </>
          )}
        </fieldset>

        {subject?.kind === 'household' ? (
          <FieldGroup id="new-case-members" legend={t('cases.form.members')} error={fieldErrors.memberIds}>
            {subject.members ? (
              <CheckboxList
                idPrefix="member"
                options={subject.members.map((m) => ({
                  value: m.personId,
                  label: `${m.familyNames} ${m.givenNames} (${relationLabel(m.relation, locale)})`,
                }))}
                chosen={values.memberIds}
                onChange={(memberIds) => form.set({ memberIds })}
              />
            ) : (
              <p>{t('cases.form.membersUnavailable')}</p>
            )}
          </FieldGroup>
        ) : null}

        <div className="row">
          <div className="col-md-4">
            <PastDateField label={t('cases.openedOn')} {...bound('openedOn')} />
          </div>
          <div className="col-md-4">
            <ResponsibleSelect staff={staff.data ?? []} {...bound('responsibleId')} />
          </div>
          <div className="col-md-4">
            <ReferralSourceSelect blank={t('cases.form.referralDefault')} {...bound('referralSource')} />
          </div>
        </div>
        <AreasFieldset idPrefix="new-case" value={values.areas} onChange={(areas) => form.set({ areas })} error={fieldErrors.areas} />
        <TextAreaField label={t('cases.summary')} maxLength={4000} {...bound('summary')} />
        <FormActions busy={change.busy} submitLabel={t('cases.form.submit')} onCancel={() => navigate(-1)} />
      </form>
    </>
  );
}
