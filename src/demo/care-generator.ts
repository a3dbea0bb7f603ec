/**
 * Synthetic people in care for the demo and the benchmark: cases (with their periods, the
 * member snapshot, a plan, a diary and referrals) for a share of the people a centre already
 * has, and residence permits for non-EU citizens. Seeded and reproducible like generator.ts,
 * written in bulk with explicit ids after the current maximum: run it on a database nobody
 * else writes to at the same time.
 */
import type { Kysely } from 'kysely';
import type {
  ApplicationOutcome,
  CaseArea,
  CaseClosingReason,
  PcPurpose,
  PermitType,
  ReferralService,
  ReferralSource,
  RenewalStatus,
} from '../contracts/enums.js';
import type { Database } from '../db/schema.js';
import { romeDateOf } from '../domain/dates.js';
import { originGroupOf } from '../domain/origin-group.js';
import { BulkWriter, WriteSession } from './bulk.js';
import { addDays } from './profiles.js';
import { deriveSeed, Rng, Weighted } from './random.js';

type Db = Kysely<Database>;

export interface CareCentreTarget {
  centreId: number;
  /** The centre's random stream (its position in the organisation). */
  stream: number;
  /** Staff who can be responsible for cases and write the diary (the coordinator first). */
  userIds: readonly number[];
}

export interface PopulateCareOptions {
  seed: number;
  centres: readonly CareCentreTarget[];
  /** Nothing is dated after this day (Europe/Rome). */
  endDate: string;
  /** Share of the people who have a case (default 0.2). */
  caseShare?: number;
  /** Share of the non-EU citizens with a residence permit on file (default 0.6). */
  permitShare?: number;
  commitEvery?: number;
  onProgress?: (phase: string, done: number, total: number) => void;
}

export interface PopulateCareResult {
  cases: number;
  periods: number;
  goals: number;
  actions: number;
  notes: number;
  referrals: number;
  permits: number;
  applications: number;
  pcStationUses: number;
}

const AREA_TABLE = new Weighted<CaseArea>([
  ['documents', 6],
  ['work', 5],
  ['housing', 4],
  ['economic', 4],
  ['family', 3],
  ['legal', 3],
  ['social', 2],
  ['health', 2],
]);
const REFERRAL_SOURCE_TABLE = new Weighted<ReferralSource>([
  ['spontaneous', 6],
  ['municipal_service', 2],
  ['asp', 1],
  ['sai', 2],
  ['other_body', 1],
]);
const CLOSING_REASON_TABLE = new Weighted<CaseClosingReason>([
  ['goals_achieved', 5],
  ['no_longer_needed', 2],
  ['referred_elsewhere', 2],
  ['moved_away', 1],
  ['lost_contact', 2],
  ['other', 1],
]);
const SERVICE_TABLE = new Weighted<ReferralService>([
  ['social_services', 4],
  ['employment_centre', 4],
  ['patronage_union', 3],
  ['asp', 2],
  ['sai', 2],
  ['health_services', 2],
  ['school', 1],
  ['questura_prefettura', 2],
  ['other', 1],
]);
const GOALS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Rinnovo del permesso di soggiorno', ['Raccogliere i documenti', 'Compilare il kit postale', 'Accompagnare in Questura']],
  ['Ricerca di lavoro', ['Scrivere il curriculum', 'Iscrizione al Centro per l’impiego', 'Colloquio con agenzia']],
  ['Iscrizione anagrafica', ['Dichiarazione di dimora abituale', 'Appuntamento in Anagrafe']],
  ['Sostegno economico', ['Calcolo ISEE', 'Domanda di assegno unico']],
  ['Ricerca di una casa', ['Contatto con agenzie', 'Domanda di contributo affitto']],
  ['Corso di italiano', ['Test di livello', 'Iscrizione al club linguistico']],
  ['Ricongiungimento familiare', ['Verifica dei requisiti', 'Domanda di nulla osta']],
  ['Iscrizione al Servizio sanitario', ['Scelta del medico di base']],
];
const NOTES = [
  'Colloquio di aggiornamento: la situazione è stabile.',
  'Consegnati i documenti richiesti.',
  'Telefonata: chiede un appuntamento per la prossima settimana.',
  'Accompagnamento presso l’ufficio comunale.',
  'Verificata la documentazione per la domanda.',
  'Contatto con l’assistente sociale di riferimento.',
  'Non si è presentato all’appuntamento; ricontattato.',
  'Aggiornato il piano con la persona.',
];
const RESTRICTED_NOTES: ReadonlyArray<readonly ['health' | 'legal', string]> = [
  ['health', 'Riferisce problemi di salute che incidono sulla ricerca di lavoro.'],
  ['legal', 'Ricorso pendente contro il diniego: seguito dall’avvocato.'],
];
const PERMIT_TYPES = new Weighted<PermitType>([
  ['employment', 6],
  ['family', 5],
  ['asylum', 2],
  ['subsidiary_protection', 2],
  ['special_protection', 2],
  ['asylum_request', 3],
  ['study', 1],
  ['job_seeking', 1],
  ['eu_long_term', 4],
]);
/** Relative frequency of the default application types (others: 1). */
const APPLICATION_WEIGHTS: Record<string, number> = {
  residence_permit_kit: 4,
  child_allowance: 3,
  social_bonus_isee: 3,
  registry_certificates: 2,
  residence_request: 2,
  rent_support: 2,
  inclusion_allowance: 2,
};
const OUTCOME_TABLE = new Weighted<ApplicationOutcome>([
  ['submitted', 3],
  ['accepted', 5],
  ['rejected', 1],
  ['unknown', 1],
]);
const PC_PURPOSE_TABLE = new Weighted<PcPurpose>([
  ['job_search', 4],
  ['documents_online', 4],
  ['printing_scanning', 3],
  ['email', 2],
  ['school', 1],
  ['other', 1],
]);

interface PersonFacts {
  id: number;
  gender: string;
  citizenship: string;
  birthDate: string | null;
  residenceKind: string;
  residenceComune: string | null;
  firstDate: string;
}

const dateMin = (a: string, b: string) => (a < b ? a : b);

export async function populateCare(db: Db, options: PopulateCareOptions): Promise<PopulateCareResult> {
  const caseShare = options.caseShare ?? 0.2;
  const permitShare = options.permitShare ?? 0.6;
  const progress = options.onProgress ?? (() => {});
  const end = options.endDate;
  const stamp = `${end}T12:00:00.000Z`;
  const session = new WriteSession(db, options.commitEvery);
  const counts: PopulateCareResult = {
    cases: 0,
    periods: 0,
    goals: 0,
    actions: 0,
    notes: 0,
    referrals: 0,
    permits: 0,
    applications: 0,
    pcStationUses: 0,
  };
  try {
    // Asked for at each read: the session commits every so many rows and starts a new transaction.
    const connection = () => session.connection();
    const maxOf = async (table: 'cases' | 'caseGoals' | 'residencePermits') =>
      Number(
        (
          await (
            await connection()
          )
            .selectFrom(table)
            .select((eb) => eb.fn.max('id').as('m'))
            .executeTakeFirstOrThrow()
        ).m ?? 0,
      );
    let caseId = await maxOf('cases');
    let goalId = await maxOf('caseGoals');
    let permitId = await maxOf('residencePermits');

    const cases = new BulkWriter(session, db, 'cases', [
      'id',
      'centreId',
      'personId',
      'householdId',
      'responsibleId',
      'referralSource',
      'areas',
      'summary',
      'visitId',
      'status',
      'openedOn',
      'closedOn',
      'createdAt',
      'updatedAt',
      'version',
    ]);
    const child = <T extends keyof Database & string>(table: T, columns: ReadonlyArray<keyof Database[T] & string>) => {
      const writer = new BulkWriter(session, db, table, columns);
      writer.parent = cases;
      return writer;
    };
    const periods = child('casePeriods', ['caseId', 'openedOn', 'closedOn', 'closingReason', 'closingNotes', 'createdAt']);
    const members = child('caseMembers', [
      'caseId',
      'personId',
      'relation',
      'gender',
      'citizenship',
      'birthDate',
      'residenceKind',
      'residenceComune',
      'snapshotOn',
    ]);
    const goals = child('caseGoals', ['id', 'caseId', 'title', 'description', 'status', 'sortOrder', 'createdAt', 'updatedAt', 'version']);
    const actions = child('caseActions', [
      'goalId',
      'caseId',
      'description',
      'assigneeId',
      'assigneeName',
      'dueOn',
      'status',
      'doneOn',
      'createdAt',
      'updatedAt',
      'version',
    ]);
    actions.parent = goals;
    goals.parent = cases;
    const notes = child('caseNotes', ['caseId', 'noteDate', 'authorId', 'body', 'restriction', 'createdAt', 'updatedAt', 'version']);
    const referrals = child('referrals', [
      'caseId',
      'direction',
      'service',
      'serviceDetail',
      'referredOn',
      'reason',
      'status',
      'notes',
      'createdAt',
      'updatedAt',
      'version',
    ]);
    const permits = new BulkWriter(session, db, 'residencePermits', [
      'id',
      'personId',
      'centreId',
      'permitType',
      'number',
      'issuedOn',
      'expiresOn',
      'renewalStatus',
      'notes',
      'createdAt',
      'updatedAt',
      'version',
    ]);

    const applications = new BulkWriter(session, db, 'applications', [
      'centreId',
      'personId',
      'typeId',
      'appliedOn',
      'operatorId',
      'outcome',
      'visitId',
      'notes',
      'createdAt',
      'updatedAt',
      'version',
    ]);
    const pcUses = new BulkWriter(session, db, 'pcStationUses', [
      'centreId',
      'usedOn',
      'personId',
      'purpose',
      'minutes',
      'operatorId',
      'createdAt',
    ]);

    for (const centre of options.centres) {
      const rng = new Rng(deriveSeed(options.seed, centre.stream, 7));
      // The organisation's application catalogue, weighted towards what the desk fills in most.
      const types = await (await connection())
        .selectFrom('applicationTypes')
        .innerJoin('centres', 'centres.organisationId', 'applicationTypes.organisationId')
        .select(['applicationTypes.id', 'applicationTypes.code'])
        .where('centres.id', '=', centre.centreId)
        .where('applicationTypes.active', '=', 1)
        .orderBy('applicationTypes.id')
        .execute();
      const typeTable =
        types.length > 0 ? new Weighted(types.map((type) => [type.id, APPLICATION_WEIGHTS[type.code] ?? 1] as const)) : null;
      const application = async (personId: number, from: string, until: string, operatorId: number | null) => {
        if (!typeTable || from > until) return;
        const appliedOn = dateMin(addDays(from, rng.int(0, 120)), until);
        await applications.add(
          centre.centreId,
          personId,
          typeTable.draw(rng),
          appliedOn,
          operatorId,
          OUTCOME_TABLE.draw(rng),
          null,
          null,
          stamp,
          stamp,
          1,
        );
        counts.applications++;
      };
      const people: PersonFacts[] = (
        await (
          await connection()
        )
          .selectFrom('people')
          .select(['id', 'gender', 'citizenship', 'birthDate', 'residenceKind', 'residenceComune', 'createdAt'])
          .where('centreId', '=', centre.centreId)
          .orderBy('id')
          .execute()
      ).map((p) => ({ ...p, firstDate: romeDateOf(new Date(p.createdAt)) }));
      const staff = centre.userIds.length > 0 ? centre.userIds : [null];

      for (const person of people) {
        if (person.firstDate > end) continue;
        if (rng.chance(caseShare)) {
          const id = ++caseId;
          const responsible = rng.pick(staff);
          const openedOn = dateMin(addDays(person.firstDate, rng.int(0, 60)), end);
          // Closed after an exponential time, unless that falls after the end: then still open.
          const firstClose = addDays(openedOn, 14 + Math.round(rng.exponential(220)));
          const spans: Array<[string, string | null]> = [[openedOn, firstClose <= end ? firstClose : null]];
          const firstEnd = spans[0]?.[1];
          if (firstEnd && rng.chance(0.12)) {
            const reopened = addDays(firstEnd, 30 + Math.round(rng.exponential(200)));
            if (reopened <= end) {
              const closeAgain = addDays(reopened, 14 + Math.round(rng.exponential(150)));
              spans.push([reopened, closeAgain <= end ? closeAgain : null]);
            }
          }
          const lastEnd = spans.at(-1)?.[1] ?? null;
          const areas = [...new Set([AREA_TABLE.draw(rng), AREA_TABLE.draw(rng), AREA_TABLE.draw(rng)].slice(0, rng.int(1, 3)))];
          await cases.add(
            id,
            centre.centreId,
            person.id,
            null,
            responsible,
            REFERRAL_SOURCE_TABLE.draw(rng),
            JSON.stringify(areas),
            null,
            null,
            lastEnd ? 'closed' : 'open',
            openedOn,
            lastEnd,
            stamp,
            stamp,
            1,
          );
          for (const [from, to] of spans) {
            await periods.add(id, from, to, to ? CLOSING_REASON_TABLE.draw(rng) : null, null, stamp);
          }
          await members.add(
            id,
            person.id,
            null,
            person.gender,
            person.citizenship,
            person.birthDate,
            person.residenceKind,
            person.residenceComune,
            lastEnd ?? openedOn,
          );
          counts.cases++;
          counts.periods += spans.length;

          const goalCount = rng.int(1, 3);
          for (let g = 0; g < goalCount; g++) {
            const [title, steps] = rng.pick(GOALS);
            const gid = ++goalId;
            await goals.add(gid, id, title, null, lastEnd ? (rng.chance(0.7) ? 'achieved' : 'dropped') : 'open', g, stamp, stamp, 1);
            counts.goals++;
            for (const step of steps.slice(0, rng.int(1, steps.length))) {
              const dueOn = addDays(openedOn, rng.int(7, 120));
              const done = lastEnd !== null || (dueOn < end && rng.chance(0.6));
              const status = done ? 'done' : rng.chance(0.5) ? 'todo' : 'in_progress';
              await actions.add(gid, id, step, responsible, null, dueOn, status, done ? dateMin(dueOn, end) : null, stamp, stamp, 1);
              counts.actions++;
            }
          }
          const lastDay = lastEnd ?? end;
          const noteCount = rng.int(0, 8);
          for (let n = 0; n < noteCount; n++) {
            const noteDate = dateMin(addDays(openedOn, rng.int(0, 400)), lastDay);
            const restricted = rng.chance(0.15) ? rng.pick(RESTRICTED_NOTES) : null;
            await notes.add(
              id,
              noteDate,
              rng.pick(staff),
              restricted ? restricted[1] : rng.pick(NOTES),
              restricted ? restricted[0] : null,
              stamp,
              stamp,
              1,
            );
            counts.notes++;
          }
          const referralCount = rng.chance(0.5) ? rng.int(1, 2) : 0;
          for (let r = 0; r < referralCount; r++) {
            const referredOn = dateMin(addDays(openedOn, rng.int(0, 90)), lastDay);
            await referrals.add(
              id,
              rng.chance(0.8) ? 'outgoing' : 'incoming',
              SERVICE_TABLE.draw(rng),
              null,
              referredOn,
              'Orientamento ai servizi del territorio',
              lastEnd ? 'completed' : rng.pick(['sent', 'in_progress', 'completed']),
              null,
              stamp,
              stamp,
              1,
            );
            counts.referrals++;
          }
          const applicationCount = rng.chance(0.5) ? rng.int(1, 2) : 0;
          for (let a = 0; a < applicationCount; a++) await application(person.id, openedOn, lastDay, responsible);
        } else if (rng.chance(0.05)) {
          await application(person.id, person.firstDate, end, rng.pick(staff));
        }

        if (rng.chance(0.08)) {
          const uses = rng.int(1, 3);
          for (let u = 0; u < uses; u++) {
            const usedOn = dateMin(addDays(person.firstDate, rng.int(0, 500)), end);
            await pcUses.add(
              centre.centreId,
              usedOn,
              person.id,
              PC_PURPOSE_TABLE.draw(rng),
              10 + 5 * rng.int(0, 10),
              rng.pick(staff),
              stamp,
            );
            counts.pcStationUses++;
          }
        }

        if (originGroupOf(person.citizenship, end) === 'non_eu' && rng.chance(permitShare)) {
          const type = PERMIT_TYPES.draw(rng);
          // Expiries from well before the end to two years after it: the Scadenze page has both.
          const expiresOn = type === 'eu_long_term' ? null : addDays(end, rng.int(-240, 730));
          const issuedOn = expiresOn ? addDays(expiresOn, -rng.pick([365, 730, 1095])) : addDays(person.firstDate, -rng.int(30, 900));
          const renewal: RenewalStatus = expiresOn && expiresOn < end ? (rng.chance(0.5) ? 'requested' : 'to_renew') : 'none';
          await permits.add(
            ++permitId,
            person.id,
            centre.centreId,
            type,
            `J${String(1_000_000 + permitId).slice(1)}`,
            dateMin(issuedOn, end),
            expiresOn,
            renewal,
            null,
            stamp,
            stamp,
            1,
          );
          counts.permits++;
        }
      }
      progress('people in care drawn', counts.cases, counts.cases);
    }
    for (const writer of [cases, periods, members, goals, actions, notes, referrals, permits, applications, pcUses]) await writer.flush();

    await session.resetSequences(['cases', 'case_goals', 'residence_permits']);
    await session.commit();
    return counts;
  } catch (error) {
    await session.rollback().catch(() => {});
    throw error;
  }
}
