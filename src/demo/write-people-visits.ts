/**
 * Writes the drawn people (with their search index rows) and visits (with their topics) in
 * time order, as a real desk would have written them: ids grow with time, explicit, after the
 * current maximum.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { ageBandOn, romeInstant } from '../domain/dates.js';
import { originGroupOf } from '../domain/origin-group.js';
import { BULK_COLUMNS, PeopleWriters, writeInSession } from './bulk.js';
import { clockTimeOf, type DeskCalendar } from './desk-calendar.js';
import type { CentreContext, DraftPerson } from './draw-people.js';
import { ANONYMOUS_AGE_TABLE, CHANNEL_TABLE, GENDERS, REFERRAL_TABLE, type VisitColumns } from './draw-visits.js';
import { NATIONALITIES, type Nationality, VISIT_NOTES } from './profiles.js';

export interface PopulateResult {
  people: number;
  visits: number;
  visitTopics: number;
  nameTokens: number;
  /** Ids of the first and last rows written (ids are consecutive). */
  personIds: [number, number] | null;
  visitIds: [number, number] | null;
}

export interface DrawnPeopleAndVisits {
  centres: readonly CentreContext[];
  calendar: DeskCalendar;
  people: readonly DraftPerson[];
  visits: VisitColumns;
}

export async function writePeopleAndVisits(
  db: Kysely<Database>,
  drawn: DrawnPeopleAndVisits,
  commitEvery: number | undefined,
  progress: (phase: string, done: number, total: number) => void,
): Promise<PopulateResult> {
  const { centres, calendar, people, visits } = drawn;
  const totalPeople = people.length;
  const totalVisits = visits.day.length;
  // --- time order: ids grow with time, as they would at a real desk
  const SHIFT = 2 ** 24; // room for 16 million rows per sort
  if (totalPeople >= SHIFT || totalVisits >= SHIFT) throw new Error('At most 16 million people and visits per run');
  const personKeys = new Float64Array(people.length);
  people.forEach((p, i) => {
    personKeys[i] = (p.firstDay * 1440 + p.firstMinute) * SHIFT + i;
  });
  personKeys.sort();
  const visitKeys = new Float64Array(totalVisits);
  for (let i = 0; i < totalVisits; i++) visitKeys[i] = ((visits.day[i] as number) * 1440 + (visits.minute[i] as number)) * SHIFT + i;
  visitKeys.sort();

  // The instant of a desk minute, by the domain's own conversion (memoised: a million visits share few minutes).
  const instants = new Map<number, string>();
  const instantOf = (day: number, minute: number): string => {
    const key = day * 1440 + minute;
    let iso = instants.get(key);
    if (iso === undefined) {
      iso = romeInstant(calendar.days[day] as string, clockTimeOf(minute)).toISOString();
      instants.set(key, iso);
    }
    return iso;
  };

  // --- write
  return writeInSession(db, { commitEvery, sequences: ['people', 'visits'] }, async (session) => {
    const personBase = await session.maxId('people');
    const visitBase = await session.maxId('visits');

    const peopleWriters = new PeopleWriters(session);
    const personIdOf = new Int32Array(people.length);
    for (let rank = 0; rank < personKeys.length; rank++) {
      const index = (personKeys[rank] as number) % SHIFT;
      const p = people[index] as DraftPerson;
      const id = personBase + rank + 1;
      personIdOf[index] = id;
      const centreId = (centres[p.centre] as CentreContext).target.centreId;
      peopleWriters.push({ ...p, id, centreId, createdBy: p.operatorId, createdAt: instantOf(p.firstDay, p.firstMinute) });
      await peopleWriters.flushFull();
      if ((rank + 1) % 20_000 === 0) progress('people written', rank + 1, totalPeople);
    }
    await peopleWriters.flush();
    progress('people written', totalPeople, totalPeople);

    const visitWriter = session.writer('visits', BULK_COLUMNS.visits);
    const topicWriter = session.writer('visitTopics', ['visitId', 'topicId'], visitWriter);
    for (let rank = 0; rank < totalVisits; rank++) {
      const i = (visitKeys[rank] as number) % SHIFT;
      const id = visitBase + rank + 1;
      const day = visits.day[i] as number;
      const visitDate = calendar.days[day] as string;
      const occurredAt = instantOf(day, visits.minute[i] as number);
      const personIndex = visits.person[i] as number;
      let personId: number | null = null;
      let gender: string;
      let citizenship: string;
      let ageBand: string;
      if (personIndex >= 0) {
        // A snapshot of the person on the day, as createVisit takes it.
        const person = people[personIndex] as DraftPerson;
        personId = personIdOf[personIndex] as number;
        gender = person.gender;
        citizenship = person.citizenship;
        ageBand = ageBandOn(person.birthDate, visitDate);
      } else {
        gender = GENDERS[visits.gender[i] as number] as string;
        citizenship = (NATIONALITIES[visits.nationality[i] as number] as Nationality).code;
        ageBand = ANONYMOUS_AGE_TABLE.keys[visits.ageBand[i] as number] as string;
      }
      const note = visits.note[i] as number;
      const operatorId = visits.operator[i] as number;
      await visitWriter.add(
        id,
        (centres[visits.centre[i] as number] as CentreContext).target.centreId,
        occurredAt,
        visitDate,
        Number(visitDate.slice(0, 4)),
        CHANNEL_TABLE.keys[visits.channel[i] as number],
        personId,
        gender,
        citizenship,
        ageBand,
        originGroupOf(citizenship, visitDate),
        REFERRAL_TABLE.keys[visits.referral[i] as number] ?? 'spontaneous',
        note >= 0 ? VISIT_NOTES[note] : null,
        operatorId > 0 ? operatorId : null,
        occurredAt,
        occurredAt,
        1,
      );
      await topicWriter.add(id, visits.topicA[i]);
      if ((visits.topicB[i] as number) > 0) await topicWriter.add(id, visits.topicB[i]);
      if ((rank + 1) % 100_000 === 0) progress('visits written', rank + 1, totalVisits);
    }
    await visitWriter.flush();
    await topicWriter.flush();
    progress('visits written', totalVisits, totalVisits);
    return {
      people: totalPeople,
      visits: totalVisits,
      visitTopics: topicWriter.written,
      nameTokens: peopleWriters.tokens.written,
      personIds: totalPeople > 0 ? [personBase + 1, personBase + totalPeople] : null,
      visitIds: totalVisits > 0 ? [visitBase + 1, visitBase + totalVisits] : null,
    };
  });
}
