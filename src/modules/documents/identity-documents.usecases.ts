/** Identity documents of a person: the issuer is a state, or a territory with its own documents. */
import type { Kysely } from 'kysely';
import type { IdentityDocument, IdentityDocumentCreateInput, IdentityDocumentUpdateInput } from '../../contracts/documents.js';
import { orNotFound } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { changedFields, deleteVersioned, updateVersioned } from '../../db/versioned.js';
import { validationFailed } from '../../errors/index.js';
import { findCountry } from '../../reference/index.js';
import { recordChange, recordPersonRead } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { findIdentityDocumentRow, insertIdentityDocument, listIdentityDocumentRows, toIdentityDocument } from './documents.repository.js';
import { expiryNotBeforeIssue, givenFields, personInScope } from './documents.usecases.js';

type Db = Kysely<Database>;

/**
 * The rules on an identity document as it will be stored. The issuer is a state or a territory
 * with its own documents (a Hong Kong passport), never "stateless" or "unknown" (left empty).
 */
function checkIdentityDocument(record: { issuingCountry?: string | null; issuedOn?: string | null; expiresOn?: string | null }): void {
  const errors = expiryNotBeforeIssue(record);
  if (record.issuingCountry) {
    const country = findCountry(record.issuingCountry);
    if (!country || country.kind === 'special') {
      errors.push({ field: 'issuingCountry', code: 'document.issuer_unknown' });
    }
  }
  if (errors.length > 0) throw validationFailed(errors);
}

export async function listIdentityDocuments(db: Db, actor: Actor, personId: number): Promise<IdentityDocument[]> {
  const person = await personInScope(db, actor, personId);
  const rows = await listIdentityDocumentRows(db, person.id, actor.centreIds);
  await recordPersonRead(db, actor.userId, person, 'identity_documents');
  return rows.map(toIdentityDocument);
}

export async function createIdentityDocument(
  db: Db,
  actor: Actor,
  personId: number,
  input: IdentityDocumentCreateInput,
): Promise<IdentityDocument> {
  checkIdentityDocument(input);
  return inTransaction(db, async (trx) => {
    const person = await personInScope(trx, actor, personId);
    const now = new Date().toISOString();
    const row = await insertIdentityDocument(trx, {
      personId: person.id,
      centreId: person.centreId,
      kind: input.kind,
      number: input.number ?? null,
      issuingCountry: input.issuingCountry ?? null,
      issuedOn: input.issuedOn ?? null,
      expiresOn: input.expiresOn ?? null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    await recordChange(trx, actor, 'create', 'identity_document', row, { details: { personId: person.id } });
    return toIdentityDocument(row);
  });
}

export async function updateIdentityDocument(
  db: Db,
  actor: Actor,
  id: number,
  input: IdentityDocumentUpdateInput,
): Promise<IdentityDocument> {
  return inTransaction(db, async (trx) => {
    const existing = await orNotFound(findIdentityDocumentRow(trx, id, actor.centreIds), 'identity document');
    const { version, ...fields } = input;
    const changes = givenFields(fields);
    checkIdentityDocument({ ...existing, ...changes });
    await updateVersioned(trx, 'identityDocuments', id, version, { ...changes, updatedAt: new Date().toISOString() }, 'identity document');
    await recordChange(
      trx,
      actor,
      'update',
      'identity_document',
      { id, centreId: existing.centreId },
      { details: { personId: existing.personId, fields: changedFields(changes, existing) } },
    );
    const row = await orNotFound(findIdentityDocumentRow(trx, id, [existing.centreId]), 'identity document');
    return toIdentityDocument(row);
  });
}

/** Deletes an identity document at the version read (?version=): 409 if it was changed since. */
export async function deleteIdentityDocument(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const existing = await orNotFound(findIdentityDocumentRow(trx, id, actor.centreIds), 'identity document');
    await deleteVersioned(trx, 'identityDocuments', id, version, 'identity document');
    await recordChange(
      trx,
      actor,
      'delete',
      'identity_document',
      { id, centreId: existing.centreId },
      { details: { personId: existing.personId } },
    );
  });
}
