/**
 * The centre's staff, as in Jesi 2024: a coordinator and two operators (the centre's users, in
 * that order), each with a contract that changes on 1 September, and two projects that add hours.
 */
import type { StaffRole } from '../contracts/enums.js';
import { addDays } from '../domain/dates.js';
import { type ActivitiesRun, SAI_PARTNER } from './activities-writers.js';
import { NAME_POOLS } from './names.js';
import type { Rng } from './random.js';

/** An Italian name: staff who are not users, the lawyer. */
export function personName(rng: Rng): string {
  const pool = NAME_POOLS.italian;
  return `${rng.ranked(rng.chance(0.7) ? pool.female : pool.male)} ${rng.ranked(pool.family, 0.7)}`;
}

/** Writes the staff unless the centre has some already; `anchor` is the year of the contract change and of the projects. */
export async function writeStaff(
  run: ActivitiesRun,
  centreId: number,
  userIds: readonly number[],
  setupRng: Rng,
  { first: firstYear, anchor: anchorYear }: { first: number; anchor: number },
): Promise<void> {
  const { session, stamp, writers, ids, counts } = run;
  const hasStaff = await (await session.connection())
    .selectFrom('staffMembers')
    .select('id')
    .where('centreId', '=', centreId)
    .limit(1)
    .executeTakeFirst();
  if (hasStaff) return;
  const users = new Map(
    userIds.length > 0
      ? (
          await (
            await session.connection()
          )
            .selectFrom('users')
            .select(['id', 'displayName'])
            .where('id', 'in', [...userIds])
            .execute()
        ).map((u) => [u.id, u.displayName])
      : [],
  );
  const staffIds: number[] = [];
  const change = `${anchorYear}-09-01`;
  const roster: ReadonlyArray<readonly [StaffRole, number, number]> = [
    ['coordinator', 10 * 60, 12 * 60],
    ['mediation_operator', 18 * 60, 20 * 60],
    ['integration_operator', 18 * 60, 24 * 60],
  ];
  for (const [i, [role, before, after]] of roster.entries()) {
    const id = ++ids.staff;
    const userId = userIds[i] ?? null;
    const name = (userId !== null ? users.get(userId) : undefined) ?? personName(setupRng);
    await writers.staff.add(id, centreId, name, role, userId, null, stamp, stamp, 1);
    await writers.contracts.add(
      id,
      `${firstYear}-01-01`,
      addDays(change, -1),
      before,
      'Appalto di gestione del centro',
      null,
      stamp,
      stamp,
      1,
    );
    await writers.contracts.add(id, change, null, after, 'Nuovo appalto di gestione del centro', null, stamp, stamp, 1);
    staffIds.push(id);
    counts.staff++;
    counts.contracts += 2;
  }
  const projectRows: ReadonlyArray<readonly [string, string | null, string, string, number, string, number]> = [
    [
      'Presi da (P)Arte',
      null,
      `${anchorYear - 1}-06-01`,
      addDays(`${anchorYear}-03-01`, -1),
      6 * 60,
      'Ore in più per 1 operatore che hanno permesso di estendere l’orario di apertura dello sportello al pubblico.',
      1,
    ],
    [
      'Sportello per l’autonomia',
      SAI_PARTNER,
      `${anchorYear}-03-01`,
      `${anchorYear}-07-31`,
      6 * 60,
      'Ore in più per 1 operatore: orario di apertura più ampio e il Centro fatto conoscere alle persone prese in carico dal progetto SAI.',
      2,
    ],
  ];
  for (const [name, funder, from, to, minutes, description, staffIndex] of projectRows) {
    const id = ++ids.project;
    await writers.projects.add(id, centreId, name, funder, from, to, minutes, description, stamp, stamp, 1);
    await writers.contracts.add(staffIds[staffIndex], from, to, minutes, `Progetto «${name}»`, id, stamp, stamp, 1);
    counts.projects++;
    counts.contracts++;
  }
}
