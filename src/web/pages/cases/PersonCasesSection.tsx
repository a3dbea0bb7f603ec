import { Link } from 'react-router';
import type { Case } from '../../../contracts/cases.js';
import { isOverdue } from '../../../domain/care.js';
import { todayInRome } from '../../../domain/dates.js';
import { useI18n } from '../../i18n/index.js';
import { useSession } from '../../session.js';
import { caseTitle } from './parts.js';

/** How many diary notes of each case the person's file shows; the case page has them all. */
const RECENT_NOTES = 3;

/**
 * The person's file: their cases (as a person or as a household member), each with its plan
 * and its latest diary notes, as the file brought them; and the button to open a case.
 */
export function PersonCasesSection({ personId, cases }: { personId: number; cases: Case[] }) {
  const { t, formatDate, label } = useI18n();
  const { can } = useSession();
  const today = todayInRome();
  const hasOpen = cases.some((c) => c.status === 'open');
  return (
    <section aria-labelledby="person-cases-title" className="mt-4">
      <div className="d-flex justify-content-between align-items-center flex-wrap gap-2">
        <h2 id="person-cases-title" className="h4">
          {t('cases.person.title')} <span className="badge bg-primary">{cases.length}</span>
        </h2>
        {can('personal.write') && !hasOpen ? (
          <Link to={`/cases/new?personId=${personId}`} className="btn btn-outline-primary btn-sm">
            {t('cases.person.open')}
          </Link>
        ) : null}
      </div>
      {cases.length === 0 ? <p>{t('cases.person.none')}</p> : null}
      {cases.map((c) => (
        <article key={c.id} className="border rounded p-3 mb-3" aria-labelledby={`person-case-${c.id}`}>
          <h3 id={`person-case-${c.id}`} className="h5 d-flex flex-wrap gap-2 align-items-center">
            <Link to={`/cases/${c.id}`}>{caseTitle(c, t)}</Link>
            <span className={`badge ${c.status === 'open' ? 'bg-success' : 'bg-secondary'}`}>{label('caseStatus', c.status)}</span>
          </h3>
          <dl className="row small mb-2">
            <div className="col-sm-6 col-lg-3">
              <dt>{t('cases.openedOn')}</dt>
              <dd className="mb-0">{formatDate(c.openedOn)}</dd>
            </div>
            <div className="col-sm-6 col-lg-3">
              <dt>{t('cases.closedOn')}</dt>
              <dd className="mb-0">{c.closedOn ? formatDate(c.closedOn) : '–'}</dd>
            </div>
            <div className="col-sm-6 col-lg-3">
              <dt>{t('cases.responsible')}</dt>
              <dd className="mb-0">{c.responsible?.displayName ?? t('cases.nobody')}</dd>
            </div>
            <div className="col-sm-6 col-lg-3">
              <dt>{t('cases.areas')}</dt>
              <dd className="mb-0">{c.areas.map((a) => label('caseArea', a)).join(', ')}</dd>
            </div>
          </dl>

          <h4 className="h6">{t('cases.plan')}</h4>
          {c.goals.length === 0 ? <p className="small">{t('cases.plan.none')}</p> : null}
          <ul className="small">
            {c.goals.map((goal) => (
              <li key={goal.id}>
                <strong>{goal.title}</strong>
                {goal.actions.length > 0 ? (
                  <ul>
                    {goal.actions.map((action) => (
                      <li key={action.id}>
                        {action.description} — {label('actionStatus', action.status)}
                        {action.dueOn ? `, ${t('cases.action.due').toLowerCase()} ${formatDate(action.dueOn)}` : ''}
                        {isOverdue(action, today) ? <span className="badge bg-danger ms-2">{t('cases.action.overdue')}</span> : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>

          <h4 className="h6">{t('cases.diary')}</h4>
          {c.notes.length === 0 ? <p className="small">{t('cases.diary.none')}</p> : null}
          <ul className="list-unstyled small mb-1">
            {c.notes.slice(0, RECENT_NOTES).map((note) => (
              <li key={note.id} className="mb-1">
                <span className="text-secondary">
                  {t('cases.note.by', { date: formatDate(note.noteDate), author: note.author?.displayName ?? '–' })}
                </span>
                {note.restriction ? (
                  <span className="badge bg-warning text-dark ms-2">{label('noteRestriction', note.restriction)}</span>
                ) : null}
                <br />
                {note.body}
              </li>
            ))}
          </ul>
          {c.hiddenNotes > 0 ? <p className="small mb-1">{t('cases.diary.hidden', { count: c.hiddenNotes })}</p> : null}
          {c.notes.length > RECENT_NOTES ? (
            <Link to={`/cases/${c.id}`} className="small">
              {t('cases.person.wholeDiary', { count: c.notes.length })}
            </Link>
          ) : null}
        </article>
      ))}
    </section>
  );
}
