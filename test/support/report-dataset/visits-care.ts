/**
 * The report's sections 2–4 (Accessi, Tipologie di richieste, Utenti presi in carico): people,
 * visits, households and cases loaded through the HTTP API as a centre would record them, with
 * the edge cases of the counting rules, and the figures the report must show for them (worked
 * out by hand, not by the code under test).
 *
 * The centre must serve Jesi (comune 042021). Years: 2019–2025, all in the past.
 *
 * People and their cases (residence as recorded; * = the snapshot the rule picks):
 *   Youssef  M MA  Moie → Maiolati Spontini  case opened 2022-03-10, open: in care 2022, 2023, 2024 (three years)
 *   Giulia   F IT  Jesi                      opened 2023-12-31 (on 31 Dec), closed 2024-06-30
 *   Chinedu  M NG  senza fissa dimora        opened 2023-05-02, closed 2024-01-01 (on 1 Jan)
 *   Karim    M TN  Jesi                      own case 2023-11-01 → 2024-01-31, and the household case
 *   Amina    F TN  Jesi                      household case 2024-02-15, open (names Karim and Amina)
 *   Sara     F TN  Jesi                      in the household, not named by its case: never counted
 *   Alì      not stated, XU (unknown), residence unknown   opened 2024-03-01, open
 *   Elena    F RO  Staffolo                  opened 2023-09-01, closed 2023-12-20
 *   Imran    M PK  Cupramontana              opened 2021-02-01, closed 2021-12-31, reopened 2024-04-01 (not new in 2024)
 *   Moussa   M SN  Jesi                      opened 2025-01-01: in care in 2025 only
 *   John     M GB  Cupramontana              opened 2019-12-01, closed 2020-02-10: Comunitario in 2019, Extracomunitario in 2020
 *
 * Visits: 2022: 1; 2023: 6 (one at 23:30 on 31 Dec, Rome); 2024: 21 (one at 00:30 on 1 Jan, Rome,
 * 23:30 UTC on 31 Dec 2023; one with two topics; one left with none; anonymous ones with unknown
 * citizenship, stateless, Romanian, Albanian…); 2020: 2 by John, before and after 31 Jan 2020.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Case } from '../../../src/contracts/cases.js';
import type { Household } from '../../../src/contracts/households.js';
import type { Person } from '../../../src/contracts/people.js';
import type { Topic, Visit } from '../../../src/contracts/visits.js';
import type { Database } from '../../../src/db/schema.js';
import { searchComuni } from '../../../src/reference/index.js';
import { type Auth, api, expectStatus } from '../app.js';

export const JESI = { istat: '042021', name: 'Jesi' };

type Residence = { kind: 'comune'; comuneIstat: string } | { kind: 'no_fixed_abode' } | { kind: 'unknown' };

/** Moie is a frazione: the form finds it and stores its comune's code. */
const moie = () => {
  const match = searchComuni('Moie').find((m) => m.matchedFrazione === 'Moie');
  if (!match) throw new Error('Moie not found among the frazioni');
  return match.comune.istat; // Maiolati Spontini
};

const PEOPLE = {
  youssef: { givenNames: 'Youssef', familyNames: 'Amrani', gender: 'male', citizenship: 'MA', residence: 'moie' },
  giulia: { givenNames: 'Giulia', familyNames: 'Rossi', gender: 'female', citizenship: 'IT', residence: '042021' },
  chinedu: { givenNames: 'Chinedu', familyNames: 'Okafor', gender: 'male', citizenship: 'NG', residence: 'no_fixed_abode' },
  karim: { givenNames: 'Karim', familyNames: 'Haddad', gender: 'male', citizenship: 'TN', residence: '042021' },
  amina: { givenNames: 'Amina', familyNames: 'Haddad', gender: 'female', citizenship: 'TN', residence: '042021' },
  sara: { givenNames: 'Sara', familyNames: 'Haddad', gender: 'female', citizenship: 'TN', residence: '042021' },
  ali: { givenNames: 'Alì', familyNames: 'Senzadati', gender: 'not_stated', citizenship: 'XU', residence: 'unknown' },
  elena: { givenNames: 'Elena', familyNames: 'Popescu', gender: 'female', citizenship: 'RO', residence: '042049' },
  imran: { givenNames: 'Imran', familyNames: 'Khan', gender: 'male', citizenship: 'PK', residence: '042016' },
  moussa: { givenNames: 'Moussa', familyNames: 'Diop', gender: 'male', citizenship: 'SN', residence: '042021' },
  john: { givenNames: 'John', familyNames: 'Smith', gender: 'male', citizenship: 'GB', residence: '042016' },
} as const;
type Who = keyof typeof PEOPLE;

type Anonymous = { gender: string; citizenship: string; ageBand: string };
interface VisitSpec {
  date: string;
  time?: string;
  who: Who | Anonymous;
  topics: string[];
  referralSource?: string;
  channel?: string;
  /** Recorded with a topic, then left with none (as an import or an old record would be). */
  withoutTopic?: boolean;
}

const anon = (gender: string, citizenship: string, ageBand = '30-44'): Anonymous => ({ gender, citizenship, ageBand });

const VISITS: VisitSpec[] = [
  // 2020: a British citizen before and after Brexit (31 Jan 2020)
  { date: '2020-01-20', who: 'john', topics: ['residence_permit'] },
  { date: '2020-02-03', who: 'john', topics: ['residence_permit'] },
  // 2022
  { date: '2022-03-10', who: 'youssef', topics: ['residence_permit'] },
  // 2023
  { date: '2023-03-03', who: anon('male', 'MA', '18-29'), topics: ['residence_permit'] },
  { date: '2023-06-06', who: 'youssef', topics: ['residence_permit'] },
  { date: '2023-09-01', who: 'elena', topics: ['work'] },
  { date: '2023-11-01', who: 'karim', topics: ['residence_permit', 'housing'] },
  { date: '2023-12-31', time: '10:00', who: 'giulia', topics: ['housing'] },
  { date: '2023-12-31', time: '23:30', who: anon('female', 'IT'), topics: ['registry'] },
  // 2024
  { date: '2024-01-01', time: '00:30', who: anon('male', 'MA', '18-29'), topics: ['residence_permit'] },
  { date: '2024-01-10', who: 'youssef', topics: ['residence_permit'] },
  { date: '2024-03-05', who: 'youssef', topics: ['work'] },
  { date: '2024-05-20', who: 'youssef', topics: ['residence_permit', 'work'] },
  { date: '2024-02-01', who: 'giulia', topics: ['registry'] },
  { date: '2024-06-10', who: 'giulia', topics: ['housing'] },
  { date: '2024-01-15', who: 'chinedu', topics: ['residence_permit'], referralSource: 'asp' },
  { date: '2024-09-09', who: 'chinedu', topics: ['work'] },
  { date: '2024-02-15', who: 'karim', topics: ['housing'] },
  { date: '2024-04-04', who: 'amina', topics: ['health'] },
  { date: '2024-04-01', who: 'imran', topics: ['residence_permit'], referralSource: 'municipal_service' },
  { date: '2024-03-01', who: 'ali', topics: ['residence_permit'], channel: 'phone' },
  { date: '2024-02-20', who: anon('female', 'IT'), topics: ['registry'] },
  { date: '2024-07-01', who: anon('female', 'IT'), topics: ['residence_permit'] },
  { date: '2024-03-12', who: anon('male', 'MA', '18-29'), topics: ['residence_permit'] },
  { date: '2024-10-12', who: anon('male', 'MA', '18-29'), topics: ['residence_permit'] },
  { date: '2024-05-05', who: anon('female', 'XS', '45-64'), topics: ['residence_permit'] },
  { date: '2024-06-06', who: anon('male', 'XU', 'unknown'), topics: ['work'], channel: 'email' },
  { date: '2024-07-07', who: anon('female', 'AL'), topics: ['residence_permit'] },
  { date: '2024-08-08', who: anon('female', 'RO'), topics: ['work'] },
  { date: '2024-11-11', who: anon('female', 'IT'), topics: ['residence_permit'], withoutTopic: true },
];

export interface VisitsCareData {
  people: Record<Who, number>;
  /** Case ids by name. */
  cases: Record<string, number>;
  visitIds: number[];
}

/**
 * Loads the data set into the centre through the API, as `auth` (an operator of the centre).
 * `db` is used for one thing the API refuses on purpose: a visit left without a topic.
 */
export async function seedVisitsCare(app: FastifyInstance, db: Kysely<Database>, auth: Auth, centreId: number): Promise<VisitsCareData> {
  const as = api(app, auth);
  const topics = new Map(expectStatus<Topic[]>(await as.get('/topics'), 200).map((t) => [t.code, t.id]));
  const topicId = (code: string) => {
    const id = topics.get(code);
    if (id === undefined) throw new Error(`no topic ${code}`);
    return id;
  };

  const people = {} as Record<Who, number>;
  for (const [who, p] of Object.entries(PEOPLE) as Array<[Who, (typeof PEOPLE)[Who]]>) {
    const residence: Residence =
      p.residence === 'no_fixed_abode' || p.residence === 'unknown'
        ? { kind: p.residence }
        : { kind: 'comune', comuneIstat: p.residence === 'moie' ? moie() : p.residence };
    const { residence: _r, ...fields } = p;
    const person = expectStatus<Person>(
      await as.post('/people', { centreId, ...fields, birthDate: '1985-05-05', residence, confirmNotDuplicate: true }),
      201,
    );
    people[who] = person.id;
  }

  const visitIds: number[] = [];
  for (const v of VISITS) {
    const who = typeof v.who === 'string' ? { personId: people[v.who] } : { anonymous: v.who };
    const visit = expectStatus<Visit>(
      await as.post('/visits', {
        centreId,
        ...who,
        date: v.date,
        time: v.time ?? '10:00',
        topicIds: v.topics.map(topicId),
        ...(v.referralSource ? { referralSource: v.referralSource } : {}),
        ...(v.channel ? { channel: v.channel } : {}),
      }),
      201,
    );
    visitIds.push(visit.id);
    if (v.withoutTopic) await db.deleteFrom('visitTopics').where('visitId', '=', visit.id).execute();
  }

  const household = expectStatus<Household>(
    await as.post('/households', {
      centreId,
      name: 'Famiglia Haddad',
      members: [
        { personId: people.karim, relation: 'reference_person', joinedOn: '2020-01-01' },
        { personId: people.amina, relation: 'spouse_partner', joinedOn: '2020-01-01' },
        { personId: people.sara, relation: 'child', joinedOn: '2020-01-01' },
      ],
    }),
    201,
  );

  const open = async (body: Record<string, unknown>) => expectStatus<Case>(await as.post('/cases', { areas: ['work'], ...body }), 201);
  const close = async (c: Case, closedOn: string) =>
    expectStatus<Case>(await as.post(`/cases/${c.id}/close`, { version: c.version, closedOn, reason: 'goals_achieved' }), 200);
  const reopen = async (c: Case, openedOn: string) =>
    expectStatus<Case>(await as.post(`/cases/${c.id}/reopen`, { version: c.version, openedOn }), 200);

  const cases: Record<string, number> = {};
  const john = await open({ personId: people.john, openedOn: '2019-12-01' });
  cases.john = (await close(john, '2020-02-10')).id;
  cases.youssef = (await open({ personId: people.youssef, openedOn: '2022-03-10' })).id;
  cases.giulia = (await close(await open({ personId: people.giulia, openedOn: '2023-12-31' }), '2024-06-30')).id;
  cases.chinedu = (await close(await open({ personId: people.chinedu, openedOn: '2023-05-02' }), '2024-01-01')).id;
  cases.karim = (await close(await open({ personId: people.karim, openedOn: '2023-11-01' }), '2024-01-31')).id;
  cases.household = (await open({ householdId: household.id, memberIds: [people.karim, people.amina], openedOn: '2024-02-15' })).id;
  cases.ali = (await open({ personId: people.ali, openedOn: '2024-03-01' })).id;
  cases.elena = (await close(await open({ personId: people.elena, openedOn: '2023-09-01' }), '2023-12-20')).id;
  const imran = await close(await open({ personId: people.imran, openedOn: '2021-02-01' }), '2021-12-31');
  cases.imran = (await reopen(imran, '2024-04-01')).id;
  cases.moussa = (await open({ personId: people.moussa, openedOn: '2025-01-01' })).id;
  return { people, cases, visitIds };
}

// ---------------------------------------------------------------------------------------------
// What the report must show (the default grouping thresholds: countries 5, comuni listed; comparisonYears 3, unless said)
// ---------------------------------------------------------------------------------------------

type Rows = Array<[key: string, label: string, count: number]>;

export interface ExpectedYear {
  visits: {
    total: number;
    originGroup: Rows;
    gender: Rows;
    country: Rows;
    /** The "Altro" footnote, or null when nothing is grouped. */
    countryOther: Rows | null;
    referral: Rows;
    channel: Rows;
    byYear: Rows;
  };
  topics: { visits: number; requests: number; byTopic: Rows };
  care: {
    total: number;
    new: number;
    originGroup: Rows;
    gender: Rows;
    /** Rows total, italian, eu, non_eu, unspecified; one count per year of the comparison. */
    comparison: { years: number[]; rows: Array<[key: string, counts: number[]]> };
    country: Rows;
    countryOther: Rows | null;
    residenceOutside: Rows;
    residenceOutsideOther: Rows | null;
    residence: Rows;
  };
}

const origin = (italian: number, eu: number, nonEu: number, unspecified: number): Rows => [
  ['italian', 'Italiani', italian],
  ['eu', 'Comunitari', eu],
  ['non_eu', 'Extracomunitari', nonEu],
  ['unspecified', 'Non specificato', unspecified],
];
const genders = (female: number, male: number, other: number, notStated: number): Rows => [
  ['female', 'Donna', female],
  ['male', 'Uomo', male],
  ['other', 'Altra identità', other],
  ['not_stated', 'Non dichiarato', notStated],
];
const referrals = (spontaneous: number, municipal: number, asp: number, sai: number, other: number): Rows => [
  ['spontaneous', 'Spontaneo', spontaneous],
  ['municipal_service', 'Servizio comunale', municipal],
  ['asp', 'ASP', asp],
  ['sai', 'Progetto SAI', sai],
  ['other_body', 'Altro ente', other],
];
const channels = (inPerson: number, phone: number, email: number, messaging: number): Rows => [
  ['in_person', 'Di persona', inPerson],
  ['phone', 'Telefono', phone],
  ['email', 'E-mail', email],
  ['messaging', 'Messaggistica', messaging],
];
const residence = (host: number, outside: number, noFixedAbode: number, unspecified: number): Rows => [
  ['host', 'Nel comune di Jesi', host],
  ['outside', 'Fuori dal comune di Jesi', outside],
  ['no_fixed_abode', 'Senza fissa dimora / senza residenza', noFixedAbode],
  ['unspecified', 'Non specificato', unspecified],
];

export const EXPECTED: Record<2020 | 2023 | 2024, ExpectedYear> = {
  2024: {
    visits: {
      total: 21,
      originGroup: origin(5, 1, 13, 2),
      gender: genders(9, 11, 0, 1),
      // Marocco 6 and Italia 5 reach the threshold; Albania, Apolide, Nigeria, Pakistan, Romania, Tunisia do not.
      country: [
        ['MA', 'Marocco', 6],
        ['IT', 'Italia', 5],
        ['_other', 'Altro', 8],
        ['unspecified', 'Non specificato', 2],
      ],
      countryOther: [
        ['AL', 'Albania', 1],
        ['XS', 'Apolide', 1],
        ['NG', 'Nigeria', 2],
        ['PK', 'Pakistan', 1],
        ['RO', 'Romania', 1],
        ['TN', 'Tunisia', 2],
      ],
      referral: referrals(19, 1, 1, 0, 0),
      channel: channels(19, 1, 1, 0),
      byYear: [
        ['2022', '2022', 1],
        ['2023', '2023', 6],
        ['2024', '2024', 21],
      ],
    },
    topics: {
      visits: 21,
      requests: 22,
      byTopic: [
        ['residence_permit', 'Permesso di soggiorno', 11],
        ['work', 'Lavoro', 5],
        ['housing', 'Casa', 2],
        ['registry', 'Residenza / anagrafe', 2],
        ['health', 'Salute', 1],
        ['unspecified', 'Non specificato', 1],
      ],
    },
    care: {
      // Youssef, Giulia, Chinedu, Karim, Amina, Alì, Imran; new: Amina, Alì.
      total: 7,
      new: 2,
      originGroup: origin(1, 0, 5, 1),
      gender: genders(2, 4, 0, 1),
      comparison: {
        years: [2022, 2023, 2024],
        rows: [
          ['total', [1, 5, 7]],
          ['italian', [0, 1, 1]],
          ['eu', [0, 1, 0]],
          ['non_eu', [1, 3, 5]],
          ['unspecified', [0, 0, 1]],
        ],
      },
      // Every country under 5: listed, never an "Altro" alone.
      country: [
        ['TN', 'Tunisia', 2],
        ['IT', 'Italia', 1],
        ['MA', 'Marocco', 1],
        ['NG', 'Nigeria', 1],
        ['PK', 'Pakistan', 1],
        ['unspecified', 'Non specificato', 1],
      ],
      countryOther: null,
      // Youssef (Moie) and Imran (the closing snapshot of 2021: reopening keeps it): every comune listed.
      residenceOutside: [
        ['042016', 'Cupramontana', 1],
        ['042023', 'Maiolati Spontini', 1],
      ],
      residenceOutsideOther: null,
      residence: residence(3, 2, 1, 1),
    },
  },
  2023: {
    visits: {
      total: 6,
      originGroup: origin(2, 1, 3, 0),
      gender: genders(3, 3, 0, 0),
      country: [
        ['IT', 'Italia', 2],
        ['MA', 'Marocco', 2],
        ['RO', 'Romania', 1],
        ['TN', 'Tunisia', 1],
      ],
      countryOther: null,
      referral: referrals(6, 0, 0, 0, 0),
      channel: channels(6, 0, 0, 0),
      byYear: [
        ['2021', '2021', 0],
        ['2022', '2022', 1],
        ['2023', '2023', 6],
      ],
    },
    topics: {
      visits: 6,
      requests: 7,
      byTopic: [
        ['residence_permit', 'Permesso di soggiorno', 3],
        ['housing', 'Casa', 2],
        ['work', 'Lavoro', 1],
        ['registry', 'Residenza / anagrafe', 1],
      ],
    },
    care: {
      // Youssef, Giulia (opened on 31 Dec), Chinedu, Karim, Elena; new: all but Youssef.
      total: 5,
      new: 4,
      originGroup: origin(1, 1, 3, 0),
      gender: genders(2, 3, 0, 0),
      comparison: {
        years: [2021, 2022, 2023],
        rows: [
          ['total', [1, 1, 5]],
          ['italian', [0, 0, 1]],
          ['eu', [0, 0, 1]],
          ['non_eu', [1, 1, 3]],
          ['unspecified', [0, 0, 0]],
        ],
      },
      country: [
        ['IT', 'Italia', 1],
        ['MA', 'Marocco', 1],
        ['NG', 'Nigeria', 1],
        ['RO', 'Romania', 1],
        ['TN', 'Tunisia', 1],
      ],
      countryOther: null,
      residenceOutside: [
        ['042023', 'Maiolati Spontini', 1],
        ['042049', 'Staffolo', 1],
      ],
      residenceOutsideOther: null,
      residence: residence(2, 2, 1, 0),
    },
  },
  2020: {
    visits: {
      total: 2,
      originGroup: origin(0, 1, 1, 0),
      gender: genders(0, 2, 0, 0),
      country: [['GB', 'Regno Unito', 2]],
      countryOther: null,
      referral: referrals(2, 0, 0, 0, 0),
      channel: channels(2, 0, 0, 0),
      byYear: [
        ['2018', '2018', 0],
        ['2019', '2019', 0],
        ['2020', '2020', 2],
      ],
    },
    topics: { visits: 2, requests: 2, byTopic: [['residence_permit', 'Permesso di soggiorno', 2]] },
    care: {
      // John, closed on 10 Feb 2020: his origin group is the one of that day.
      total: 1,
      new: 0,
      originGroup: origin(0, 0, 1, 0),
      gender: genders(0, 1, 0, 0),
      comparison: {
        years: [2018, 2019, 2020],
        rows: [
          ['total', [0, 1, 1]],
          ['italian', [0, 0, 0]],
          ['eu', [0, 1, 0]],
          ['non_eu', [0, 0, 1]],
          ['unspecified', [0, 0, 0]],
        ],
      },
      country: [['GB', 'Regno Unito', 1]],
      countryOther: null,
      residenceOutside: [['042016', 'Cupramontana', 1]],
      residenceOutsideOther: null,
      residence: residence(0, 1, 0, 0),
    },
  },
};

/** Utenti presi in carico and new ones per year, as careSummary must give them too. */
export const EXPECTED_CARE_SUMMARY: Record<number, { inCare: number; new: number }> = {
  2019: { inCare: 1, new: 1 },
  2020: { inCare: 1, new: 0 },
  2021: { inCare: 1, new: 1 },
  2022: { inCare: 1, new: 1 },
  2023: { inCare: 5, new: 4 },
  2024: { inCare: 7, new: 2 },
  // Youssef, Karim, Amina, Alì, Imran, Moussa (opened on 1 Jan 2025).
  2025: { inCare: 6, new: 1 },
};
