/** Identity documents of a person: the issuer is a state, or a territory with its own documents. */
import type { Kysely } from 'kysely';
import type { IdentityDocument, IdentityDocumentCreateInput, IdentityDocumentUpdateInput } from '../../contracts/documents.js';
import type { Database } from '../../db/schema.js';
import type { FieldProblem } from '../../errors/index.js';
import { findCountry } from '../../reference/index.js';
import type { Actor } from '../auth/actor.js';
import { toIdentityDocument } from './documents.repository.js';
import { createDocument, type DocumentKind, deleteDocument, listDocuments, updateDocument } from './documents.usecases.js';

type Db = Kysely<Database>;

/**
 * The issuer is a state or a territory with its own documents (a Hong Kong passport), never
 * "stateless" or "unknown" (left empty).
 */
function issuerProblems(record: { issuingCountry?: string | null }): FieldProblem[] {
  if (!record.issuingCountry) return [];
  const country = findCountry(record.issuingCountry);
  return !country || country.kind === 'special' ? [{ field: 'issuingCountry', code: 'document.issuer_unknown' }] : [];
}

const IDENTITY_DOCUMENTS: DocumentKind<'identityDocuments', IdentityDocument> = {
  table: 'identityDocuments',
  label: 'identity document',
  entity: 'identity_document',
  part: 'identity_documents',
  problems: issuerProblems,
  toItem: toIdentityDocument,
};

export async function listIdentityDocuments(db: Db, actor: Actor, personId: number): Promise<IdentityDocument[]> {
  return listDocuments(db, actor, IDENTITY_DOCUMENTS, personId);
}

export async function createIdentityDocument(
  db: Db,
  actor: Actor,
  personId: number,
  input: IdentityDocumentCreateInput,
): Promise<IdentityDocument> {
  return createDocument(db, actor, IDENTITY_DOCUMENTS, personId, {
    kind: input.kind,
    number: input.number ?? null,
    issuingCountry: input.issuingCountry ?? null,
    issuedOn: input.issuedOn ?? null,
    expiresOn: input.expiresOn ?? null,
  });
}

export async function updateIdentityDocument(
  db: Db,
  actor: Actor,
  id: number,
  input: IdentityDocumentUpdateInput,
): Promise<IdentityDocument> {
  return updateDocument(db, actor, IDENTITY_DOCUMENTS, id, input);
}

/** Deletes an identity document at the version read (?version=): 409 if it was changed since. */
export async function deleteIdentityDocument(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  await deleteDocument(db, actor, IDENTITY_DOCUMENTS, id, version);
}
