/**
 * `approdo demo`: a demo centre filled with synthetic people and visits over the last two
 * years, their cases and permits, the centre's year (calendar, staff, courses, events), and
 * four accounts to try it with (administrator, coordinator, operator, viewer). Their passwords
 * are random, made here for this run and shown once: there is no default password.
 *
 * The demo only fills an empty centre: run it twice on the same centre and the second run
 * stops with an explanation, changing nothing. Everything happens in one transaction.
 */
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { todayInRome } from '../domain/dates.js';
import type { Role } from '../domain/permissions.js';
import { createUser, ensureCentre } from '../modules/accounts/accounts.usecases.js';
import { TOPICS } from '../modules/catalogues/catalogues.js';
import { listCatalogue } from '../modules/catalogues/catalogues.repository.js';
import { populateActivities } from './activities-generator.js';
import { populateCare } from './care-generator.js';
import { auditSyntheticData, JESI_ISTAT, populateCentres } from './generator.js';
import { addDays } from './profiles.js';

export interface DemoOptions {
  centreCode: string;
  people: number;
  visits: number;
  seed: number;
  /** Days of visits up to today (default 730: two years). */
  days?: number;
  /** For tests: the moment taken as now. */
  now?: Date;
}

export interface DemoAccount {
  role: Role;
  email: string;
  /** Shown once; for an account that existed already, a note that it was left unchanged. */
  password: string;
}

export interface DemoResult {
  centreId: number;
  people: number;
  visits: number;
  cases: number;
  permits: number;
  /** The centre's year (see activities-generator.ts). */
  courses: number;
  enrolments: number;
  events: number;
  accounts: DemoAccount[];
}

export class DemoRefused extends Error {}

const PASSWORD_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 20 characters from 56 (about 116 bits), in groups of five: strong, and readable aloud. */
export function randomPassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = '';
    for (let i = 0; i < 5; i++) group += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

const DEMO_ROLES: ReadonlyArray<{ role: Role; local: string; displayName: string }> = [
  { role: 'admin', local: 'amministrazione', displayName: 'Amministrazione (demo)' },
  { role: 'coordinator', local: 'coordinatrice', displayName: 'Coordinatrice (demo)' },
  { role: 'operator', local: 'operatore', displayName: 'Operatore (demo)' },
  { role: 'viewer', local: 'comune', displayName: 'Ufficio servizi sociali (demo)' },
];

function demoEmail(local: string, centreCode: string): string {
  const slug = centreCode.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return `${local}.${slug}@demo.example.org`;
}

export async function fillDemo(db: Kysely<Database>, options: DemoOptions): Promise<DemoResult> {
  const { centreCode } = options;
  for (const [name, value] of [
    ['people', options.people],
    ['visits', options.visits],
    ['seed', options.seed],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0) throw new DemoRefused(`--${name} must be a whole number ≥ 0 (got ${value})`);
  }
  if (!/^[A-Za-z0-9_-]{2,32}$/.test(centreCode)) throw new DemoRefused('The centre code takes 2 to 32 letters, digits, - and _');
  const now = options.now ?? new Date();
  const endDate = todayInRome(now);
  const startDate = addDays(endDate, -(options.days ?? 730) + 1);
  // Random per run, from the system's CSPRNG: never derived from the seed.
  const passwords = DEMO_ROLES.map(() => randomPassword());

  return inTransaction(db, async (trx) => {
    const { centre } = await ensureCentre(trx, {
      code: centreCode,
      name: `Centro Servizi per l'Integrazione Sociale (demo ${centreCode})`,
      organisationName: 'Comune di Jesi (demo)',
      comuneIstat: JESI_ISTAT,
    });
    const [people, visits] = await Promise.all([
      trx
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('centreId', '=', centre.id)
        .executeTakeFirstOrThrow(),
      trx
        .selectFrom('visits')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('centreId', '=', centre.id)
        .executeTakeFirstOrThrow(),
    ]);
    if (Number(people.n) > 0 || Number(visits.n) > 0) {
      throw new DemoRefused(
        `Centre ${centreCode} already has ${Number(people.n)} people and ${Number(visits.n)} visits: the demo fills an empty centre only, ` +
          'so nothing was changed. Choose another code with --centre.',
      );
    }

    const organisationId = centre.organisationId;
    if ((await listCatalogue(trx, TOPICS, organisationId, true)).length === 0) {
      throw new DemoRefused('The organisation has no active request topics: add some before filling a demo centre.');
    }

    const accounts: DemoAccount[] = [];
    const userIds = new Map<Role, number>();
    for (const [i, spec] of DEMO_ROLES.entries()) {
      const email = demoEmail(spec.local, centreCode);
      const existing = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
      if (existing) {
        userIds.set(spec.role, existing.id);
        accounts.push({ role: spec.role, email, password: '(account existed already: password unchanged)' });
        continue;
      }
      const password = passwords[i] as string;
      const user = await createUser(
        trx,
        { organisationId, email, displayName: spec.displayName, role: spec.role, centreIds: [centre.id], password },
        null,
      );
      userIds.set(spec.role, user.id);
      accounts.push({ role: spec.role, email, password });
    }

    const operatorIds = [userIds.get('operator'), userIds.get('operator'), userIds.get('coordinator')].filter(
      (id): id is number => id !== undefined,
    );
    const result = await populateCentres(trx, {
      seed: options.seed,
      organisationId,
      centres: [
        {
          centreId: centre.id,
          stream: 1,
          hostComune: centre.comuneIstat ?? JESI_ISTAT,
          people: options.people,
          visits: options.visits,
          operatorIds,
        },
      ],
      startDate,
      endDate,
      now,
    });
    const staff = {
      centreId: centre.id,
      stream: 1,
      userIds: [userIds.get('coordinator'), userIds.get('operator')].filter((id) => id !== undefined),
    };
    const care = await populateCare(trx, { seed: options.seed, centres: [staff], endDate });
    // The centre's year: calendar, staff, courses, events, network meetings, the lawyer.
    const activities = await populateActivities(trx, { seed: options.seed, centres: [staff], startDate, endDate });
    const figures = {
      people: result.people,
      visits: result.visits,
      cases: care.cases,
      permits: care.permits,
      courses: activities.courses,
      enrolments: activities.enrolments,
      events: activities.events,
    };
    await auditSyntheticData(trx, centre.id, { seed: options.seed, ...figures, startDate, endDate });
    return { centreId: centre.id, ...figures, accounts };
  });
}
