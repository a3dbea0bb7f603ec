/**
 * The catalogue of the organisations met at network meetings, one per organisation, managed by
 * the coordinator (catalogues.manage): rules, transactions, audit.
 */
import type { Kysely } from 'kysely';
import type { NetworkOrganisation, NetworkOrganisationCreateInput, NetworkOrganisationUpdateInput } from '../../contracts/events.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { conflict, notFound } from '../../errors/index.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import {
  findNetworkOrganisation,
  insertNetworkOrganisation,
  listNetworkOrganisations,
  updateNetworkOrganisationRow,
} from './network-organisations.repository.js';

type Db = Kysely<Database>;

async function getOrganisation(db: Db, actor: Actor, id: number): Promise<NetworkOrganisation> {
  const organisation = await findNetworkOrganisation(db, actor.organisationId, id);
  if (!organisation) throw notFound('network organisation');
  return organisation;
}

export async function networkOrganisationsFor(db: Db, actor: Actor, onlyActive: boolean): Promise<NetworkOrganisation[]> {
  return listNetworkOrganisations(db, actor.organisationId, onlyActive);
}

export async function createNetworkOrganisation(db: Db, actor: Actor, input: NetworkOrganisationCreateInput): Promise<NetworkOrganisation> {
  const existing = await listNetworkOrganisations(db, actor.organisationId);
  if (existing.some((organisation) => organisation.code === input.code)) {
    throw conflict(`A network organisation with code ${input.code} exists already`);
  }
  const now = new Date().toISOString();
  const id = await inTransaction(db, async (trx) => {
    const row = { organisationId: actor.organisationId, ...input, active: 1, createdAt: now, updatedAt: now };
    const created = await insertNetworkOrganisation(trx, row);
    await recordAudit(trx, { userId: actor.userId, centreId: null, action: 'create', entity: 'network_organisation', entityId: created });
    return created;
  });
  return getOrganisation(db, actor, id);
}

/** Renames, reclassifies or deactivates an organisation. Never deleted: past meetings keep theirs. */
export async function updateNetworkOrganisation(
  db: Db,
  actor: Actor,
  id: number,
  input: NetworkOrganisationUpdateInput,
): Promise<NetworkOrganisation> {
  const { active, ...rest } = input;
  await inTransaction(db, async (trx) => {
    await getOrganisation(trx, actor, id);
    await updateNetworkOrganisationRow(trx, id, {
      ...rest,
      ...(active !== undefined && { active: active ? 1 : 0 }),
      updatedAt: new Date().toISOString(),
    });
    await recordAudit(trx, {
      userId: actor.userId,
      centreId: null,
      action: 'update',
      entity: 'network_organisation',
      entityId: id,
      details: { fields: Object.keys(input) },
    });
  });
  return getOrganisation(db, actor, id);
}
