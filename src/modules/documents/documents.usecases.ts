/**
 * Residence permits and identity documents of a person, and the Scadenze (deadlines) of the
 * permits. Every record belongs to the person's centre (written at creation), so every read
 * and write is bounded by the actor's centres like the person's file. The rules both kinds of
 * document share are here; permits.usecases.ts and identity-documents.usecases.ts have the rest.
 */
import type { Kysely } from 'kysely';
import type { IdentityDocument, Permit } from '../../contracts/documents.js';
import { orNotFound } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import type { FieldProblem } from '../../errors/index.js';
import type { Actor } from '../auth/actor.js';
import { findPersonRow } from '../people/people.repository.js';
import { listIdentityDocumentRows, listPermitRows, toIdentityDocument, toPermit } from './documents.repository.js';

type Db = Kysely<Database>;

/** The fields an update sets (undefined means "leave as it is"). */
export function givenFields<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** A document cannot expire before it was issued. */
export function expiryNotBeforeIssue(record: { issuedOn?: string | null; expiresOn?: string | null }): FieldProblem[] {
  return record.issuedOn && record.expiresOn && record.expiresOn < record.issuedOn
    ? [{ field: 'expiresOn', code: 'document.expiry_before_issue' }]
    : [];
}

/** The person a document belongs to, in the actor's centres (404 otherwise, as if they did not exist). */
export async function personInScope(db: Db, actor: Actor, personId: number) {
  return orNotFound(findPersonRow(db, personId, actor.centreIds), 'person');
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
  const permits = await listPermitRows(db, personId, actor.centreIds);
  const identityDocuments = await listIdentityDocumentRows(db, personId, actor.centreIds);
  return { permits: permits.map(toPermit), identityDocuments: identityDocuments.map(toIdentityDocument) };
}
