/** A case's diary in SQL: its notes, and which of them a reader may read (domain/care.ts canReadNote). */
import type { Kysely, Selectable } from 'kysely';
import type { CaseNote } from '../../contracts/cases.js';
import type { NoteRestriction } from '../../contracts/enums.js';
import { userOf } from '../../db/joined.js';
import { withUserName } from '../../db/queries.js';
import type { CaseNotesTable, Database } from '../../db/schema.js';
import { insertVersioned, type NewVersioned } from '../../db/versioned.js';
import { canReadNote } from '../../domain/care.js';

type Db = Kysely<Database>;

/** Who reads a case: restricted notes depend on it. */
export interface Reader {
  userId: number;
  role: string;
}

type NoteRow = Selectable<CaseNotesTable> & { authorName: string | null };

function toNote(row: NoteRow): CaseNote {
  return {
    id: row.id,
    caseId: row.caseId,
    noteDate: row.noteDate,
    author: userOf(row.authorId, row.authorName),
    body: row.body,
    restriction: row.restriction as NoteRestriction | null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

const notesQuery = (db: Db) => withUserName(db, 'caseNotes', 'authorId', 'authorName');

export async function findNote(db: Db, id: number): Promise<CaseNote | undefined> {
  const row = await notesQuery(db).where('caseNotes.id', '=', id).executeTakeFirst();
  return row ? toNote(row) : undefined;
}

export function insertNote(db: Db, note: NewVersioned<'caseNotes'>, stamp: string): Promise<number> {
  return insertVersioned(db, 'caseNotes', note, stamp);
}

/**
 * The diary of each case (given with its responsible operator), newest first, split into what
 * the reader may read and a count of the rest.
 */
export async function diariesOf(db: Db, cases: ReadonlyMap<number, number | null>, reader: Reader) {
  const diaries = new Map<number, { notes: CaseNote[]; hidden: number }>();
  if (cases.size === 0) return diaries;
  const rows = await notesQuery(db)
    .where('caseNotes.caseId', 'in', [...cases.keys()])
    .orderBy('caseNotes.noteDate', 'desc')
    .orderBy('caseNotes.id', 'desc')
    .execute();
  for (const row of rows) {
    const diary = diaries.get(row.caseId) ?? { notes: [], hidden: 0 };
    diaries.set(row.caseId, diary);
    if (canReadNote(reader, row, cases.get(row.caseId) ?? null)) diary.notes.push(toNote(row));
    else diary.hidden += 1;
  }
  return diaries;
}
