/**
 * Residence permits and identity documents of a person, and the Scadenze (deadlines) of the
 * permits. Every record belongs to the person's centre (written at creation), so every read
 * and write is bounded by the actor's centres like the person's file. The rules both kinds of
 * document share are here; permits.usecases.ts and identity-documents.usecases.ts have the rest.
 */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AuditAction } from '../../contracts/audit.js';
import type { IdentityDocument, Permit } from '../../contracts/documents.js';
import { orNotFound } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { changedFields, deleteVersioned, updateVersioned } from '../../db/versioned.js';
import { type FieldProblem, validationFailed } from '../../errors/index.js';
import { recordChange, recordPersonRead } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { findPersonRow } from '../people/people.repository.js';
import { type DocumentTable, documentIn, documentsOf, insertDocument, toIdentityDocument, toPermit } from './documents.repository.js';

type Db = Kysely<Database>;

/** The fields an update sets (undefined means "leave as it is"). */
function givenFields<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** The person a document belongs to, in the actor's centres (404 otherwise, as if they did not exist). */
async function personInScope(db: Db, actor: Actor, personId: number) {
  return orNotFound(findPersonRow(db, personId, actor.centreIds), 'person');
}

// --- what both kinds of document do alike

/** A kind of document: its table, its names and its rules (permits.usecases.ts, identity-documents.usecases.ts). */
export interface DocumentKind<T extends DocumentTable, Item> {
  table: T;
  /** Its name in a 404 or 409 problem. */
  label: string;
  /** Its name in the audit log. */
  entity: string;
  /** The part of the person's file its list is, as the read is logged. */
  part: string;
  /** Its own rules on a document as it will be stored (beside an expiry not before the issue). */
  problems: (record: StoredDocument<T>) => FieldProblem[];
  toItem: (row: Selectable<Database[T]>) => Item;
  /** What follows every write of a person's documents of this kind (permits: marking the superseded ones). */
  afterWrite?: (db: Db, personId: number) => Promise<void>;
}

/** A new document, without what its person and the time give. */
type NewDocument<T extends DocumentTable> = Omit<Insertable<Database[T]>, 'personId' | 'centreId' | 'createdAt' | 'updatedAt' | 'version'>;

/** A document as it will be stored: a new one, or one stored merged with the change. */
type StoredDocument<T extends DocumentTable> = NewDocument<T> | Selectable<Database[T]>;

/**
 * The rules on a document as it will be stored: it cannot expire before it was issued, and
 * those of its kind.
 */
function checkDocument<T extends DocumentTable>(kind: DocumentKind<T, unknown>, record: StoredDocument<T>) {
  const { issuedOn, expiresOn } = record as { issuedOn?: string | null; expiresOn?: string | null };
  const problems: FieldProblem[] =
    issuedOn && expiresOn && expiresOn < issuedOn ? [{ field: 'expiresOn', code: 'document.expiry_before_issue' }] : [];
  problems.push(...kind.problems(record));
  if (problems.length > 0) throw validationFailed(problems);
}

interface DocumentRow {
  id: number;
  centreId: number;
  personId: number;
}

/** Every change to a document is logged with its person (the id, never a value). */
function recordDocumentChange(db: Db, actor: Actor, action: AuditAction, entity: string, document: DocumentRow, fields?: string[]) {
  return recordChange(db, actor, action, entity, document, { details: { personId: document.personId, ...(fields && { fields }) } });
}

/** The document as stored after a write (and what followed it). */
async function reloadDocument<T extends DocumentTable, Item>(db: Db, kind: DocumentKind<T, Item>, id: number, centreId: number) {
  return kind.toItem(await orNotFound(documentIn(db, kind.table, id, [centreId]), kind.label));
}

/** A person's documents of one kind, the latest expiry first: reading them is reading the person's file (logged). */
export async function listDocuments<T extends DocumentTable, Item>(db: Db, actor: Actor, kind: DocumentKind<T, Item>, personId: number) {
  const person = await personInScope(db, actor, personId);
  const rows = await documentsOf(db, kind.table, person.id, actor.centreIds);
  await recordPersonRead(db, actor.userId, person, kind.part);
  return rows.map(kind.toItem);
}

/** Records a document of a person (of the person's centre). */
export async function createDocument<T extends DocumentTable, Item>(
  db: Db,
  actor: Actor,
  kind: DocumentKind<T, Item>,
  personId: number,
  values: NewDocument<T>,
): Promise<Item> {
  checkDocument(kind, values);
  return inTransaction(db, async (trx) => {
    const person = await personInScope(trx, actor, personId);
    const now = new Date().toISOString();
    const stamped = { ...values, personId: person.id, centreId: person.centreId, createdAt: now, updatedAt: now, version: 1 };
    const row = (await insertDocument(trx, kind.table, stamped as Insertable<Database[T]>)) as DocumentRow;
    await kind.afterWrite?.(trx, person.id);
    await recordDocumentChange(trx, actor, 'create', kind.entity, row);
    return reloadDocument(trx, kind, row.id, row.centreId);
  });
}

/** Changes the fields sent (undefined: left as it is), at the version read; the log names the fields whose value changed. */
export async function updateDocument<T extends DocumentTable, Item>(
  db: Db,
  actor: Actor,
  kind: DocumentKind<T, Item>,
  id: number,
  input: { version: number } & object,
): Promise<Item> {
  return inTransaction(db, async (trx) => {
    const existing = await orNotFound(documentIn(trx, kind.table, id, actor.centreIds), kind.label);
    const { version, ...fields } = input;
    const changes = givenFields(fields);
    checkDocument(kind, { ...existing, ...changes });
    await updateVersioned(trx, kind.table, id, version, { ...changes, updatedAt: new Date().toISOString() }, kind.label);
    const stored = existing as DocumentRow;
    await kind.afterWrite?.(trx, stored.personId);
    await recordDocumentChange(trx, actor, 'update', kind.entity, stored, changedFields(changes, existing));
    return reloadDocument(trx, kind, id, stored.centreId);
  });
}

/** Deletes a document at the version read (?version=): 409 if it was changed since. */
export async function deleteDocument<T extends DocumentTable, Item>(
  db: Db,
  actor: Actor,
  kind: DocumentKind<T, Item>,
  id: number,
  version: number,
) {
  await inTransaction(db, async (trx) => {
    const existing = (await orNotFound(documentIn(trx, kind.table, id, actor.centreIds), kind.label)) as DocumentRow;
    await deleteVersioned(trx, kind.table, id, version, kind.label);
    await kind.afterWrite?.(trx, existing.personId);
    await recordDocumentChange(trx, actor, 'delete', kind.entity, existing);
  });
}

/**
 * The documents of a person, for the person's file: two queries, bounded by the actor's
 * centres. It neither checks that the person exists nor logs the read: the caller has opened
 * the file (found the person, and logged that).
 */
export async function documentsForPerson(
  db: Db,
  actor: Actor,
  personId: number,
): Promise<{ permits: Permit[]; identityDocuments: IdentityDocument[] }> {
  const permits = await documentsOf(db, 'residencePermits', personId, actor.centreIds);
  const identityDocuments = await documentsOf(db, 'identityDocuments', personId, actor.centreIds);
  return { permits: permits.map(toPermit), identityDocuments: identityDocuments.map(toIdentityDocument) };
}
