/** The diary: its notes (edited in place by their author or the coordinator), restricted ones hidden, a note added on demand. */
import type { CaseNote } from '../../../../contracts/cases.js';
import { NOTE_RESTRICTIONS } from '../../../../contracts/enums.js';
import { todayInRome } from '../../../../domain/dates.js';
import { TextAreaField } from '../../../components/fields.js';
import { useI18n } from '../../../i18n/index.js';
import { boundTo } from '../../../kit/bound.js';
import { EditableSection, type OnDemandForm, useFields, useRemove, ValueSelect } from '../../../kit/index.js';
import { useSession } from '../../../session.js';
import { AddToCase, CaseItemForm, CaseSection, PastDateField, type SectionProps, useCaseChange } from '../parts.js';

/** A new note (`caseId`) or a note edited (`note`). */
function NoteForm({ caseId, note, reload, onDone }: { caseId?: number; note?: CaseNote } & OnDemandForm) {
  const { t } = useI18n();
  const change = useCaseChange(reload);
  const form = useFields({ noteDate: note?.noteDate ?? todayInRome(), body: note?.body ?? '', restriction: note?.restriction ?? '' });
  const bound = boundTo(form, change);
  const { values } = form;
  const idPrefix = note ? `note-${note.id}` : 'new-note';
  const save = async () => {
    const fields = { noteDate: values.noteDate, body: values.body.trim(), restriction: values.restriction || null };
    const sent = note
      ? await change.send('PATCH', `/notes/${note.id}`, { version: note.version, ...fields }, { success: t('cases.note.saved') })
      : await change.send('POST', `/cases/${caseId}/notes`, fields, { success: t('cases.note.added') });
    if (sent.ok) onDone();
  };
  return (
    <CaseItemForm change={change} onSubmit={save} correcting={Boolean(note)} addLabel={t('cases.note.add')} onDone={onDone}>
      <div className="row">
        <div className="col-md-4">
          <PastDateField id={`${idPrefix}-date`} label={t('cases.note.date')} {...bound('noteDate')} />
        </div>
        <div className="col-md-8">
          <ValueSelect
            id={`${idPrefix}-restriction`}
            label={t('cases.note.restriction')}
            hint={t('cases.note.restrictionHint')}
            list="noteRestriction"
            values={NOTE_RESTRICTIONS}
            blank={t('cases.note.unrestricted')}
            {...form.field('restriction')}
          />
        </div>
      </div>
      <TextAreaField id={`${idPrefix}-body`} label={t('cases.note.body')} required rows={4} maxLength={10_000} {...bound('body')} />
    </CaseItemForm>
  );
}

function Note({ note, reload }: { note: CaseNote; reload(): void }) {
  const { t, formatDate, label } = useI18n();
  const { me } = useSession();
  const change = useCaseChange(reload);
  const removeNote = useRemove(change, 'cases.note');
  const canEdit = me !== null && (me.role === 'coordinator' || me.id === note.author?.id);
  const remove = () => removeNote(`/notes/${note.id}`, note.version, { success: t('cases.note.deleted'), focus: 'diary-title' });
  return (
    <li className="border-bottom py-2">
      {change.problem}
      <EditableSection
        heading={
          <p className="small mb-1">
            <strong>{t('cases.note.by', { date: formatDate(note.noteDate), author: note.author?.displayName ?? '—' })}</strong>
            {note.restriction ? (
              <span className="badge bg-warning text-dark ms-2">{label('noteRestriction', note.restriction)}</span>
            ) : null}
          </p>
        }
        editLabel={t('cases.note.edit')}
        editClass="btn btn-link btn-sm p-0"
        canEdit={canEdit}
        actions={
          <button type="button" className="btn btn-link btn-sm p-0 text-danger" onClick={remove}>
            {t('cases.note.delete')}
          </button>
        }
        form={(close) => <NoteForm note={note} reload={reload} onDone={close} />}
      >
        <p className="mb-1" style={{ whiteSpace: 'pre-wrap' }}>
          {note.body}
        </p>
      </EditableSection>
    </li>
  );
}

export function DiarySection({ c, reload, canWrite }: SectionProps) {
  const { t } = useI18n();
  return (
    <CaseSection id="diary-title" title={t('cases.diary')}>
      {canWrite ? (
        <AddToCase label={t('cases.note.add')} form={(close) => <NoteForm caseId={c.id} reload={reload} onDone={close} />} />
      ) : null}
      {c.hiddenNotes > 0 ? <p className="fst-italic">{t('cases.diary.hidden', { count: c.hiddenNotes })}</p> : null}
      {c.notes.length === 0 ? <p>{t('cases.diary.none')}</p> : null}
      <ul className="list-unstyled">
        {c.notes.map((note) => (
          <Note key={note.id} note={note} reload={reload} />
        ))}
      </ul>
    </CaseSection>
  );
}
