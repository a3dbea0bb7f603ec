/**
 * A case's diary. A restricted note (health, legal) is read only by the coordinator, the
 * responsible operator and its author (domain/care.ts canReadNote, applied as the case is read);
 * a note is changed or deleted by its author or the coordinator only.
 */
import type { NoteCreateInput, NoteUpdateInput } from '../../contracts/cases.js';
import { orNotFound } from '../../db/queries.js';
import { inTransaction } from '../../db/transaction.js';
import { deleteVersioned, saveChanges } from '../../db/versioned.js';
import { todayInRome } from '../../domain/dates.js';
import { forbidden } from '../../errors/index.js';
import type { Actor } from '../auth/actor.js';
import { audit, caseInScope, checkNotBeforeOpening, type Db, owningCase } from './case-access.js';
import { findNote, insertNote } from './diary.repository.js';

export async function addNote(db: Db, actor: Actor, caseId: number, input: NoteCreateInput, now = new Date()) {
  return inTransaction(db, async (trx) => {
    const owner = await caseInScope(trx, actor, caseId);
    checkNotBeforeOpening(owner, input.noteDate, 'noteDate');
    const note = {
      caseId,
      noteDate: input.noteDate ?? todayInRome(now),
      authorId: actor.userId,
      body: input.body,
      restriction: input.restriction ?? null,
    };
    const id = await insertNote(trx, note, now.toISOString());
    // Not the restriction: that a note is about health or the law is itself a personal fact.
    await audit(trx, actor, 'create', 'case_note', id, owner.centreId, { caseId }, now);
    return orNotFound(findNote(trx, id), 'note');
  });
}

/** A note is changed or deleted by its author or the coordinator only. */
async function editableNote(db: Db, actor: Actor, id: number) {
  const owner = await owningCase(db, actor, 'caseNotes', id, 'note');
  const note = await orNotFound(findNote(db, id), 'note');
  if (actor.role !== 'coordinator' && note.author?.id !== actor.userId) throw forbidden();
  return { owner, note };
}

export async function updateNote(db: Db, actor: Actor, id: number, input: NoteUpdateInput, now = new Date()) {
  return inTransaction(db, async (trx) => {
    const { owner, note } = await editableNote(trx, actor, id);
    checkNotBeforeOpening(owner, input.noteDate, 'noteDate');
    const changes: Record<string, unknown> = {};
    if (input.noteDate !== undefined) changes.noteDate = input.noteDate;
    if (input.body !== undefined) changes.body = input.body;
    if (input.restriction !== undefined) changes.restriction = input.restriction;
    const fields = await saveChanges(trx, 'caseNotes', id, input.version, changes, note, 'note', now);
    await audit(trx, actor, 'update', 'case_note', id, owner.centreId, { caseId: owner.id, fields }, now);
    return orNotFound(findNote(trx, id), 'note');
  });
}

export async function deleteNote(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const { owner } = await editableNote(trx, actor, id);
    await deleteVersioned(trx, 'caseNotes', id, version, 'note');
    await audit(trx, actor, 'delete', 'case_note', id, owner.centreId, { caseId: owner.id });
  });
}
