import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { PERSON_FILE_VISITS, type PersonFile } from '../../contracts/person-file.js';
import type { Visit } from '../../contracts/visits.js';
import { languagesAsText } from '../../domain/languages.js';
import type { Page } from '../api/client.js';
import { useApiGet } from '../api/hooks.js';
import { useCountryName } from '../components/CountrySelect.js';
import { ProblemAlert, SuccessAlert } from '../components/ProblemAlert.js';
import { VisitTable } from '../components/VisitTable.js';
import { useI18n } from '../i18n/index.js';
import type { MessageKey } from '../i18n/it.js';
import { Facts, focusLater } from '../kit/index.js';
import { usePageTitle } from '../page-title.js';
import { useSession } from '../session.js';
import { PersonApplicationsSection } from './activities/PersonApplicationsSection.js';
import { PersonCasesSection } from './cases/PersonCasesSection.js';
import { PersonCoursesSection } from './courses/PersonCoursesSection.js';
import { PersonDocumentsSection } from './documents/PersonDocumentsSection.js';
import { useVisitCorrection } from './frontdesk/VisitCorrection.js';
import { PersonHouseholdSection } from './households/PersonHouseholdSection.js';
import { SubjectExportSection } from './person/SubjectExportSection.js';
import { ErasureRequestForm } from './privacy/ErasureRequestForm.js';
import { PersonPrivacySection } from './privacy/PersonPrivacySection.js';

/** The person's file: one request brings every part (GET /people/:id/file, one logged read). */
export default function PersonPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const file = useApiGet<PersonFile>(`/people/${id}/file`);
  if (file.error) return <ProblemAlert error={file.error} />;
  // Keyed by person: another person's file starts again, with its own data.
  return file.data && String(file.data.person.id) === id ? <PersonFileView key={id} file={file.data} /> : <p>{t('app.loading')}</p>;
}

function PersonFileView({ file }: { file: PersonFile }) {
  const { t, formatDate, label, locale } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const countryName = useCountryName();
  const [page, setPage] = useState(1);
  const p = file.person;
  // The first page came with the file; the others are asked for when wanted.
  const visits = useApiGet<Page<Visit>>('/visits', { personId: p.id, page, pageSize: PERSON_FILE_VISITS }, file.visits);
  // A visit recorded on this person by mistake is corrected (or deleted) from the file.
  const correction = useVisitCorrection(visits.reload);
  const canCorrect = can('personal.write');
  // The erasure request's form, open on demand; a refusal recorded is said here.
  const [erasure, setErasure] = useState<'closed' | 'open' | 'refused'>('closed');
  const notice = (location.state as { notice?: MessageKey } | null)?.notice;
  usePageTitle(`${p.familyNames} ${p.givenNames}`);

  const residence =
    p.residence.kind === 'comune'
      ? (p.residence.comuneName ?? p.residence.comuneIstat)
      : t(`person.residence.${p.residence.kind}` as MessageKey);
  const facts: Array<[MessageKey, string]> = [
    ['person.gender', label('gender', p.gender)],
    ['person.birthDate', p.birthDate ? formatDate(p.birthDate) : t('person.notSet')],
    ['person.birthCountry', p.birthCountry ? countryName(p.birthCountry) : t('person.notSet')],
    ['person.citizenship', countryName(p.citizenship)],
    ['person.originGroup', label('originGroup', p.originGroup)],
    ['person.fiscalCode', p.fiscalCode ?? t('person.notSet')],
    ['person.phone', p.phone ?? t('person.notSet')],
    ['person.email', p.email ?? t('person.notSet')],
    ['person.languages', languagesAsText(p.languages, locale) || t('person.notSet')],
    ['person.residence', residence],
  ];

  return (
    <>
      <SuccessAlert message={notice ? t(notice) : erasure === 'refused' ? t('erasure.refused') : null} />
      <div className="d-flex justify-content-between align-items-start flex-wrap gap-2 mb-3">
        <div>
          <p className="text-uppercase small mb-1">{t('people.file')}</p>
          <h1 className="h2">
            {p.familyNames} {p.givenNames}
          </h1>
        </div>
        <div className="d-flex gap-2 flex-wrap">
          {can('personal.write') ? (
            <>
              <button type="button" className="btn btn-primary" onClick={() => navigate('/', { state: { person: p } })}>
                {t('people.recordVisit')}
              </button>
              <Link to={`/people/${p.id}/edit`} className="btn btn-outline-primary">
                {t('people.edit')}
              </Link>
            </>
          ) : null}
          {can('personal.delete') ? (
            <button
              type="button"
              id="erasure-open"
              className="btn btn-outline-danger"
              aria-expanded={erasure === 'open'}
              onClick={() => setErasure('open')}
            >
              {t('erasure.open')}
            </button>
          ) : null}
        </div>
      </div>
      {erasure === 'open' ? (
        <ErasureRequestForm
          person={p}
          onErased={() => navigate('/people', { replace: true })}
          onRefused={() => {
            setErasure('refused');
            focusLater('erasure-open');
          }}
          onCancel={() => {
            setErasure('closed');
            focusLater('erasure-open');
          }}
        />
      ) : null}
      <Facts facts={facts.map(([name, value]) => [t(name), value])} />

      <PersonPrivacySection personId={p.id} initial={file.privacy} />

      <PersonCasesSection personId={p.id} cases={file.cases} />

      <PersonHouseholdSection personId={p.id} initial={file.household} />

      <PersonDocumentsSection personId={p.id} initial={file} />

      <PersonApplicationsSection personId={p.id} initial={file.applications} />

      <PersonCoursesSection personId={p.id} initial={file.courses} />

      <h2 className="h4 mt-4">
        {t('people.visits')} <span className="badge bg-primary">{visits.data?.total ?? 0}</span>
      </h2>
      {canCorrect ? correction.panel : null}
      {visits.data ? (
        <VisitTable
          visits={visits.data}
          columns={['date', 'channel', 'topics', 'referral', 'operator', 'notes']}
          caption={t('people.visits')}
          empty={t('people.noVisits')}
          onPage={setPage}
          actions={canCorrect ? correction.actions : undefined}
          rowName={correction.rowName}
        />
      ) : null}

      <SubjectExportSection personId={p.id} />
    </>
  );
}
