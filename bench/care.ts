/**
 * People in care: the person's file and the Scadenze page through the API, timed one request
 * after another. The data set already has cases for a fifth of the people and permits
 * (src/demo/care-generator.ts); one person in care is grown to 200 visits and 50 diary notes,
 * as the issue asks.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.js';
import { addDays, romeInstant } from '../src/domain/dates.js';
import { originGroupOf } from '../src/domain/origin-group.js';
import { type LatencySummary, summarise } from './lib.js';

export const HEAVY_VISITS = 200;
export const HEAVY_NOTES = 50;

/**
 * The centre's first person with an open case, topped up to exactly HEAVY_VISITS visits and
 * HEAVY_NOTES diary notes (on that case), spread over the days before `endDate`.
 */
export async function growHeavyPerson(
  db: Kysely<Database>,
  centreId: number,
  endDate: string,
): Promise<{ personId: number; caseId: number }> {
  const found = await db
    .selectFrom('cases')
    .innerJoin('people', 'people.id', 'cases.personId')
    .select(['cases.id as caseId', 'cases.responsibleId', 'people.id as personId', 'people.gender', 'people.citizenship'])
    .where('cases.centreId', '=', centreId)
    .where('cases.status', '=', 'open')
    .orderBy('cases.id')
    .executeTakeFirstOrThrow();
  const topic = await db.selectFrom('requestTopics').select('id').orderBy('id').executeTakeFirstOrThrow();
  const count = async (table: 'visits' | 'caseNotes', column: 'personId' | 'caseId', id: number) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(column, '=', id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const missingVisits = HEAVY_VISITS - (await count('visits', 'personId', found.personId));
  for (let i = 0; i < missingVisits; i++) {
    const visitDate = addDays(endDate, -i * 3);
    const occurredAt = romeInstant(visitDate, '10:30').toISOString();
    const { id } = await db
      .insertInto('visits')
      .values({
        centreId,
        occurredAt,
        visitDate,
        visitYear: Number(visitDate.slice(0, 4)),
        channel: 'in_person',
        personId: found.personId,
        gender: found.gender,
        citizenship: found.citizenship,
        ageBand: '30-44',
        originGroup: originGroupOf(found.citizenship, visitDate),
        referralSource: 'spontaneous',
        notes: i % 4 === 0 ? 'Aggiornamento della pratica' : null,
        operatorId: found.responsibleId,
        createdAt: occurredAt,
        updatedAt: occurredAt,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('visitTopics').values({ visitId: id, topicId: topic.id }).execute();
  }
  const missingNotes = HEAVY_NOTES - (await count('caseNotes', 'caseId', found.caseId));
  for (let i = 0; i < missingNotes; i++) {
    const stamp = `${addDays(endDate, -i * 5)}T09:00:00.000Z`;
    await db
      .insertInto('caseNotes')
      .values({
        caseId: found.caseId,
        noteDate: stamp.slice(0, 10),
        authorId: found.responsibleId,
        body: `Colloquio di aggiornamento n. ${i + 1}: documenti verificati, prossimi passi concordati con la persona.`,
        restriction: i % 10 === 0 ? 'health' : null,
        createdAt: stamp,
        updatedAt: stamp,
      })
      .execute();
  }
  return { personId: found.personId, caseId: found.caseId };
}

export interface GetRun extends LatencySummary {
  label: string;
  /** What one answer held, to show that the request did the work. */
  answered: string;
}

/** GETs `path` `count` times one after the other (after a warm-up of 20) and times each. */
export async function timeGets(
  baseUrl: string,
  token: string,
  path: string,
  count: number,
  label: string,
  summariseAnswer: (body: unknown) => string,
): Promise<GetRun> {
  const headers = { authorization: `Bearer ${token}` };
  let last: unknown;
  const once = async () => {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${path}`, { headers });
    last = await response.json();
    const ms = performance.now() - started;
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${JSON.stringify(last).slice(0, 300)}`);
    return ms;
  };
  for (let i = 0; i < 20; i++) await once();
  const samples: number[] = [];
  for (let i = 0; i < count; i++) samples.push(await once());
  return { label, ...summarise(samples), answered: summariseAnswer(last) };
}
