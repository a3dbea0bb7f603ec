/**
 * A case's diary. A restricted note (health, legal) is read only by the coordinator, the
 * responsible operator and its author (domain/care.ts canReadNote, applied as the case is read);
 * a note is changed or deleted by its author or the coordinator only.
 */
import type { NoteCreateInput, NoteUpdateInput } from '../../contracts/cases.js';
import { inTransaction } from '../../db/transaction.js';
import { todayInRome } from '../../domain/dates.js';
import { forbidden } from '../../errors/index.js';
import type { Actor } from '../auth/actor.js';
import { addPart, caseInScope, checkNotBeforeOpening, type Db, deletePart, partInScope, savePart } from './case-access.js';
import { findNote, insertNote } from './diary.repository.js';

/** A note as case-access adds, saves and deletes it. */
const NOTE = { table: 'caseNotes', entity: 'case_note', name: 'note', find: findNote, insert: insertNote } as const;

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
    // Not the restriction in the audit row: that a note is about health or the law is itself a personal fact.
    return addPart(trx, actor, NOTE, { owner, values: note }, now);
  });
}

/** A note is changed or deleted by its author or the coordinator only. */
async function editableNote(db: Db, actor: Actor, id: number) {
  const { owner, existing } = await partInScope(db, actor, NOTE, id);
  if (actor.role !== 'coordinator' && existing.author?.id !== actor.userId) throw forbidden();
  return { owner, note: existing };
}

export async function updateNote(db: Db, actor: Actor, id: number, input: NoteUpdateInput, now = new Date()) {
  return inTransaction(db, async (trx) => {
    const { owner, note } = await editableNote(trx, actor, id);
    checkNotBeforeOpening(owner, input.noteDate, 'noteDate');
    const changes: Record<string, unknown> = {};
    if (input.noteDate !== undefined) changes.noteDate = input.noteDate;
    if (input.body !== undefined) changes.body = input.body;
    if (input.restriction !== undefined) changes.restriction = input.restriction;
    return savePart(trx, actor, NOTE, { owner, id, version: input.version, changes, before: note }, now);
  });
}

export async function deleteNote(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const { owner } = await editableNote(trx, actor, id);
    await deletePart(trx, actor, NOTE, { owner, id, version });
  });
}
