/**
 * The catalogue of the organisations met at network meetings (trade unions, services, schools…),
 * one per organisation: SQL only.
 */
import type { Insertable, Kysely, Updateable } from 'kysely';
import { NETWORK_ORGANISATION_KINDS, type NetworkOrganisationKind } from '../../contracts/enums.js';
import type { NetworkOrganisation } from '../../contracts/events.js';
import type { Database, NetworkOrganisationsTable } from '../../db/schema.js';
import { DEFAULT_NETWORK_ORGANISATIONS } from './default-network-organisations.js';

type Db = Kysely<Database>;

const ORGANISATION_COLUMNS = ['id', 'code', 'name', 'kind', 'active'] as const;

type OrganisationRow = { id: number; code: string; name: string; kind: string; active: number };

const toOrganisation = (row: OrganisationRow): NetworkOrganisation => ({
  ...row,
  kind: row.kind as NetworkOrganisationKind,
  active: row.active === 1,
});

/** Unions first, then services, schools, associations, the rest; by name within a kind. */
export function byKindAndName<T extends { kind: NetworkOrganisationKind; name: string }>(a: T, b: T): number {
  return NETWORK_ORGANISATION_KINDS.indexOf(a.kind) - NETWORK_ORGANISATION_KINDS.indexOf(b.kind) || a.name.localeCompare(b.name, 'it');
}

/** Gives an organisation the default catalogue; the ones it has already are left as they are. */
export async function seedDefaultNetworkOrganisations(db: Db, organisationId: number, now = new Date().toISOString()) {
  await db
    .insertInto('networkOrganisations')
    .values(DEFAULT_NETWORK_ORGANISATIONS.map((row) => ({ organisationId, ...row, active: 1, createdAt: now, updatedAt: now })))
    .onConflict((oc) => oc.columns(['organisationId', 'code']).doNothing())
    .execute();
}

export async function listNetworkOrganisations(db: Db, organisationId: number, onlyActive = false): Promise<NetworkOrganisation[]> {
  let query = db.selectFrom('networkOrganisations').select(ORGANISATION_COLUMNS).where('organisationId', '=', organisationId);
  if (onlyActive) query = query.where('active', '=', 1);
  const rows = await query.execute();
  return rows.map(toOrganisation).sort(byKindAndName);
}

/** The catalogue of the organisation(s) these centres belong to. */
export async function networkOrganisationsOfCentres(db: Db, centreIds: number[]): Promise<NetworkOrganisation[]> {
  if (centreIds.length === 0) return [];
  const rows = await db
    .selectFrom('networkOrganisations')
    .select(ORGANISATION_COLUMNS)
    .where('organisationId', 'in', db.selectFrom('centres').select('organisationId').where('id', 'in', centreIds))
    .execute();
  return rows.map(toOrganisation).sort(byKindAndName);
}

export async function findNetworkOrganisation(db: Db, organisationId: number, id: number): Promise<NetworkOrganisation | undefined> {
  const row = await db
    .selectFrom('networkOrganisations')
    .select(ORGANISATION_COLUMNS)
    .where('organisationId', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toOrganisation(row) : undefined;
}

export async function insertNetworkOrganisation(db: Db, values: Insertable<NetworkOrganisationsTable>): Promise<number> {
  const row = await db.insertInto('networkOrganisations').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateNetworkOrganisationRow(db: Db, id: number, changes: Updateable<NetworkOrganisationsTable>): Promise<void> {
  await db.updateTable('networkOrganisations').set(changes).where('id', '=', id).execute();
}
