/**
 * The visits of the centres' people (each person's first visit the day they were registered,
 * later ones in their active period) and the anonymous ones, with their channel, referral,
 * topics, operator and note: drawn into columns, written by write-people-visits.ts.
 */
import type { Gender } from '../contracts/enums.js';
import { originGroupOf } from '../domain/origin-group.js';
import { type DeskCalendar, drawMinute } from './desk-calendar.js';
import { type CentreContext, type DraftPerson, drawGender, NATIONALITY_TABLE } from './draw-people.js';
import {
  ANONYMOUS_AGE_BANDS,
  CHANNEL_WEIGHTS,
  NATIONALITIES,
  type Nationality,
  NOT_FOR_EU,
  NOT_FOR_ITALIANS,
  REFERRAL_WEIGHTS,
  TOPIC_WEIGHTS,
  TWO_TOPICS,
  VISIT_NOTES,
} from './profiles.js';
import { deriveSeed, Rng, searchCumulative, Weighted } from './random.js';

export const CHANNEL_TABLE = new Weighted(CHANNEL_WEIGHTS);
export const REFERRAL_TABLE = new Weighted(REFERRAL_WEIGHTS);
const REFERRAL_NO_SAI = new Weighted(REFERRAL_WEIGHTS.filter(([k]) => k !== 'sai'));
export const ANONYMOUS_AGE_TABLE = new Weighted(ANONYMOUS_AGE_BANDS);
export const GENDERS: readonly Gender[] = ['female', 'male', 'other', 'not_stated'];

/** The organisation's request topics (ids), weighted, for Italian, EU and other citizens. */
export interface TopicTables {
  italian: Weighted<number>;
  eu: Weighted<number>;
  other: Weighted<number>;
}

export function topicTables(topics: ReadonlyArray<{ id: number; code: string }>): TopicTables {
  const topicTable = (excluded: Set<string>) => {
    const usable = topics.filter((t) => !excluded.has(t.code));
    return new Weighted((usable.length > 0 ? usable : topics).map((t) => [t.id, TOPIC_WEIGHTS[t.code] ?? 2] as const));
  };
  return { italian: topicTable(NOT_FOR_ITALIANS), eu: topicTable(NOT_FOR_EU), other: topicTable(new Set()) };
}

/** The visits in columns, one typed array a field (a million objects would be slow and large). */
export interface VisitColumns {
  day: Int32Array;
  minute: Int16Array;
  /** Index into the people; -1: anonymous. */
  person: Int32Array;
  centre: Uint16Array;
  channel: Uint8Array;
  referral: Uint8Array;
  topicA: Int32Array;
  /** 0: none. */
  topicB: Int32Array;
  /** 0: none. */
  operator: Int32Array;
  /** Index into VISIT_NOTES; -1: none. */
  note: Int16Array;
  /** Of the anonymous visitors: index into NATIONALITIES, GENDERS and ANONYMOUS_AGE_TABLE. */
  nationality: Uint8Array;
  gender: Uint8Array;
  ageBand: Uint8Array;
}

export interface VisitsToDraw {
  seed: number;
  centres: readonly CentreContext[];
  people: readonly DraftPerson[];
  /** Each centre's people: [from, to) in `people`. */
  centrePeople: ReadonlyArray<{ from: number; to: number }>;
  calendar: DeskCalendar;
  anonymousShare: number;
  topicsFor: TopicTables;
  progress: (phase: string, done: number, total: number) => void;
}

/** Each centre's visits from its own random stream. */
export function drawVisits(input: VisitsToDraw): VisitColumns {
  const { centres, people, centrePeople, calendar, topicsFor, progress } = input;
  const nDays = calendar.days.length;
  const totalVisits = centres.reduce((a, c) => a + c.target.visits, 0);
  const vDay = new Int32Array(totalVisits);
  const vMinute = new Int16Array(totalVisits);
  const vPerson = new Int32Array(totalVisits); // index into people, -1 anonymous
  const vCentre = new Uint16Array(totalVisits);
  const vChannel = new Uint8Array(totalVisits);
  const vReferral = new Uint8Array(totalVisits);
  const vTopicA = new Int32Array(totalVisits);
  const vTopicB = new Int32Array(totalVisits); // 0: none
  const vOperator = new Int32Array(totalVisits); // 0: none
  const vNote = new Int16Array(totalVisits); // -1: none
  const vNationality = new Uint8Array(totalVisits); // anonymous visitors
  const vGender = new Uint8Array(totalVisits);
  const vAgeBand = new Uint8Array(totalVisits);
  let k = 0;
  for (const centre of centres) {
    const rng = new Rng(deriveSeed(input.seed, centre.target.stream, 2));
    const { from, to } = centrePeople[centre.index] as { from: number; to: number };
    const count = to - from;
    const linked = count > 0 ? Math.round(centre.target.visits * (1 - input.anonymousShare)) : 0;
    const firsts = Math.min(count, linked);
    const cumulative = new Float64Array(count);
    let sum = 0;
    for (let i = 0; i < count; i++) {
      sum += (people[from + i] as DraftPerson).weight;
      cumulative[i] = sum;
    }
    const operators = centre.target.operatorIds;
    for (let v = 0; v < centre.target.visits; v++, k++) {
      let nationality: Nationality;
      if (v < linked) {
        // Each person's first visit is the day they were registered; later ones fall in their active period.
        const index = v < firsts ? from + v : from + searchCumulative(cumulative, rng.float());
        const person = people[index] as DraftPerson;
        let day = person.firstDay;
        let minute = person.firstMinute;
        if (v >= firsts) {
          day = person.firstDay + Math.floor(rng.float() * (person.lastDay - person.firstDay + 1));
          minute = drawMinute(rng, calendar.slots[day] as ReadonlyArray<readonly [number, number]>);
          if (day === person.firstDay && minute <= person.firstMinute) {
            // Not before (nor at) the first visit: another day of the active period, or later that day.
            if (person.lastDay > person.firstDay) {
              day = person.firstDay + 1 + Math.floor(rng.float() * (person.lastDay - person.firstDay));
              minute = drawMinute(rng, calendar.slots[day] as ReadonlyArray<readonly [number, number]>);
            } else {
              minute = person.firstMinute;
            }
          }
        }
        vDay[k] = day;
        vMinute[k] = minute;
        vPerson[k] = index;
        nationality = person.nationality;
        vOperator[k] = v < firsts ? (person.operatorId ?? 0) : operators.length > 0 ? rng.pick(operators) : 0;
      } else {
        const day = rng.int(0, nDays - 1);
        vDay[k] = day;
        vMinute[k] = drawMinute(rng, calendar.slots[day] as ReadonlyArray<readonly [number, number]>);
        vPerson[k] = -1;
        nationality = NATIONALITY_TABLE.draw(rng);
        vNationality[k] = NATIONALITIES.indexOf(nationality);
        vGender[k] = GENDERS.indexOf(drawGender(rng, nationality));
        vAgeBand[k] = ANONYMOUS_AGE_TABLE.drawIndex(rng);
        vOperator[k] = operators.length > 0 ? rng.pick(operators) : 0;
      }
      vCentre[k] = centre.index;
      const group = originGroupOf(nationality.code, calendar.days[vDay[k] as number] as string);
      const table = group === 'italian' ? topicsFor.italian : group === 'eu' ? topicsFor.eu : topicsFor.other;
      vChannel[k] = CHANNEL_TABLE.drawIndex(rng);
      vReferral[k] = REFERRAL_TABLE.keys.indexOf((nationality.protection ? REFERRAL_TABLE : REFERRAL_NO_SAI).draw(rng));
      const topicA = table.draw(rng);
      vTopicA[k] = topicA;
      const topicB = rng.chance(TWO_TOPICS) ? table.draw(rng) : 0;
      vTopicB[k] = topicB === topicA ? 0 : topicB;
      vNote[k] = rng.chance(0.06) ? rng.int(0, VISIT_NOTES.length - 1) : -1;
    }
    progress('visits drawn', k, totalVisits);
  }
  return {
    day: vDay,
    minute: vMinute,
    person: vPerson,
    centre: vCentre,
    channel: vChannel,
    referral: vReferral,
    topicA: vTopicA,
    topicB: vTopicB,
    operator: vOperator,
    note: vNote,
    nationality: vNationality,
    gender: vGender,
    ageBand: vAgeBand,
  };
}
