/**
 * Correcting or deleting a visit recorded on the wrong person or by mistake, wherever visits are
 * listed (the desk's "Accessi di oggi", the visits list, the person's file): row actions, a form
 * on the desk's own fields (VisitFields) and a confirmation before a deletion.
 */
import { type ReactNode, useRef, useState } from 'react';
import type { PersonSummary } from '../../../contracts/people.js';
import type { Visit } from '../../../contracts/visits.js';
import { todayInRome } from '../../../domain/dates.js';
import { useTopicLabels } from '../../api/hooks.js';
import { PersonSearch } from '../../components/PersonSearch.js';
import { useI18n } from '../../i18n/index.js';
import { RecordForm, type RowAction, useChange, useConfirm, useRowForm } from '../../kit/index.js';
import {
  AnonymousFields,
  type AnonymousVisitor,
  DetailsFields,
  EMPTY_ANONYMOUS,
  missingAnonymousFacts,
  TopicsFieldset,
  type VisitDetails,
} from './VisitFields.js';

/** Who the corrected visit is of: the person it has, another one chosen, or an anonymous visitor. */
type Visitor = { kind: 'person'; id: number; name: string } | { kind: 'search' } | { kind: 'anonymous'; facts: AnonymousVisitor };

const personName = (person: { familyNames: string; givenNames: string }) => `${person.familyNames} ${person.givenNames}`;

function visitorOf(visit: Visit): Visitor {
  return visit.person
    ? { kind: 'person', id: visit.person.id, name: personName(visit.person) }
    : { kind: 'anonymous', facts: { gender: visit.gender, citizenship: visit.citizenship, ageBand: visit.ageBand } };
}

/** What the PATCH says of the visitor: nothing when unchanged. */
function visitorChange(visit: Visit, visitor: Visitor) {
  if (visitor.kind === 'person') return visitor.id === visit.person?.id ? {} : { personId: visitor.id };
  if (visitor.kind === 'anonymous') return { ...(visit.person ? { personId: null } : {}), anonymous: visitor.facts };
  return null;
}

function CorrectionForm({ visit, title, onDone }: { visit: Visit; title: string; onDone(saved: Visit | null): void }) {
  const { t } = useI18n();
  const { topics } = useTopicLabels();
  const change = useChange();
  const errors = change.fieldErrors;
  const firstTopicRef = useRef<HTMLInputElement>(null);
  const [visitor, setVisitor] = useState<Visitor>(() => visitorOf(visit));
  const [topicIds, setTopicIds] = useState(visit.topicIds);
  const [details, setDetails] = useState<VisitDetails>({
    date: visit.date,
    time: visit.time,
    channel: visit.channel,
    referralSource: visit.referralSource,
    notes: visit.notes ?? '',
  });
  // The active topics, and those of this visit that are no longer.
  const offered = topics.data?.filter((topic) => topic.active || visit.topicIds.includes(topic.id));

  const save = async () => {
    const who = visitorChange(visit, visitor);
    if (!who) return change.invalid({ personId: t('frontDesk.choosePerson') });
    const missing = visitor.kind === 'anonymous' ? missingAnonymousFacts(visitor.facts, t) : {};
    if (Object.keys(missing).length > 0) return change.invalid(missing);
    const sent = await change.send<Visit>('PATCH', `/visits/${visit.id}`, {
      version: visit.version,
      ...who,
      topicIds,
      date: details.date,
      time: details.time,
      channel: details.channel,
      referralSource: details.referralSource,
      notes: details.notes.trim() || null,
    });
    if (sent.ok) onDone(sent.data);
  };

  return (
    <RecordForm change={change} onSubmit={save} title={title} submitLabel={t('desk.correct.save')} onCancel={() => onDone(null)} autoFocus>
      {visitor.kind === 'person' ? (
        <p className="d-flex gap-3 align-items-center flex-wrap" data-testid="correction-person">
          <span>
            {t('visit.person')}: <strong>{visitor.name}</strong>
          </span>
          <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setVisitor({ kind: 'search' })}>
            {t('desk.correct.otherPerson')}
          </button>
        </p>
      ) : visitor.kind === 'anonymous' ? (
        <AnonymousFields
          anonymous={visitor.facts}
          onChange={(facts) => setVisitor({ kind: 'anonymous', facts })}
          centreId=""
          onCentre={() => undefined}
          chooseCentre={false}
          errors={errors}
          onUsePerson={() => setVisitor({ kind: 'search' })}
        />
      ) : (
        <>
          <PersonSearch
            id="correction-person-search"
            autoFocus
            onSelect={(person: PersonSummary) => setVisitor({ kind: 'person', id: person.id, name: personName(person) })}
          />
          {errors.personId ? (
            <div className="invalid-feedback d-block mb-2" role="alert">
              {errors.personId}
            </div>
          ) : null}
          <button
            type="button"
            className="btn btn-outline-primary btn-sm mb-3"
            onClick={() => setVisitor({ kind: 'anonymous', facts: EMPTY_ANONYMOUS })}
          >
            {t('frontDesk.anonymous')}
          </button>
        </>
      )}
      <TopicsFieldset
        idPrefix={`correction-${visit.id}-topic`}
        topics={offered}
        value={topicIds}
        onToggle={(id) => setTopicIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]))}
        error={errors.topicIds}
        firstRef={firstTopicRef}
      />
      <DetailsFields details={details} onChange={setDetails} today={todayInRome()} errors={errors} open />
    </RecordForm>
  );
}

/**
 * The row actions of a list of visits ("Correggi", "Elimina"), their names (`rowName`), and the
 * correction form with the outcome (`panel`, shown above the list). `reload` reads the list again.
 */
export function useVisitCorrection(reload: () => void): {
  actions(visit: Visit): RowAction[];
  rowName(visit: Visit): string;
  panel: ReactNode;
} {
  const { t, formatDate } = useI18n();
  const confirm = useConfirm();
  const removal = useChange({ reload });
  const rows = useRowForm<Visit>(reload);

  const rowName = (visit: Visit) =>
    t('desk.correct.visitOf', {
      when: `${formatDate(visit.date)} ${visit.time}`,
      who: visit.person ? personName(visit.person) : t('visit.anonymous'),
    });

  const remove = async (visit: Visit) => {
    rows.start();
    const confirmed = await confirm(t('desk.delete.confirm', { visit: rowName(visit) }), {
      title: t('desk.delete.title'),
      confirmLabel: t('desk.delete.action'),
      danger: true,
    });
    if (!confirmed) return;
    const sent = await removal.send('DELETE', `/visits/${visit.id}`, undefined, { query: { version: visit.version } });
    if (sent.ok) rows.succeeded(t('desk.delete.done', { visit: rowName(visit) }));
  };

  const panel = rows.panel(removal.problem, (editing) => (
    <CorrectionForm
      key={editing.id}
      visit={editing}
      title={t('desk.correct.title', { visit: rowName(editing) })}
      // Named as it is now: on the right person.
      onDone={(saved) => rows.close(saved ? t('desk.correct.done', { visit: rowName(saved) }) : undefined)}
    />
  ));

  return {
    rowName,
    panel,
    actions: (visit) => [
      { label: t('desk.correct.action'), onClick: () => rows.open(visit) },
      { label: t('desk.delete.action'), onClick: () => void remove(visit), danger: true },
    ],
  };
}
