/**
 * One case of a person: its periods (closed after an exponential time, some reopened), the
 * member snapshot, a plan of goals and actions, diary notes (some restricted), referrals and the
 * applications filled in while it was open.
 */
import type { PopulateCareResult } from './care-generator.js';
import { AREA_TABLE, CLOSING_REASON_TABLE, GOALS, NOTES, REFERRAL_SOURCE_TABLE, RESTRICTED_NOTES, SERVICE_TABLE } from './care-tables.js';
import type { CareWriters } from './care-writers.js';
import type { PersonFacts } from './centre-people.js';
import { addDays, dateMin } from './profiles.js';
import type { Rng } from './random.js';

/** What the care generator draws a centre's people with. */
export interface CareDraw {
  rng: Rng;
  centreId: number;
  /** Who can be responsible and write the diary ([null] when the centre has no staff). */
  staff: ReadonlyArray<number | null>;
  /** Nothing is dated after it. */
  end: string;
  /** created_at and updated_at of every row. */
  stamp: string;
  writers: CareWriters;
  /** The last ids written (explicit ids, after the current maximum). */
  ids: { case: number; goal: number; permit: number };
  counts: PopulateCareResult;
  /** An application by the person between two dates (none without a catalogue). */
  application: (personId: number, from: string, until: string, operatorId: number | null) => Promise<void>;
}

export async function drawCase(draw: CareDraw, person: PersonFacts): Promise<void> {
  const { rng, centreId, staff, end, stamp, writers, ids, counts } = draw;
  const id = ++ids.case;
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
  await writers.cases.add(
    id,
    centreId,
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
    await writers.periods.add(id, from, to, to ? CLOSING_REASON_TABLE.draw(rng) : null, null, stamp);
  }
  await writers.members.add(
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
    const gid = ++ids.goal;
    await writers.goals.add(gid, id, title, null, lastEnd ? (rng.chance(0.7) ? 'achieved' : 'dropped') : 'open', g, stamp, stamp, 1);
    counts.goals++;
    for (const step of steps.slice(0, rng.int(1, steps.length))) {
      const dueOn = addDays(openedOn, rng.int(7, 120));
      const done = lastEnd !== null || (dueOn < end && rng.chance(0.6));
      const status = done ? 'done' : rng.chance(0.5) ? 'todo' : 'in_progress';
      await writers.actions.add(gid, id, step, responsible, null, dueOn, status, done ? dateMin(dueOn, end) : null, stamp, stamp, 1);
      counts.actions++;
    }
  }
  const lastDay = lastEnd ?? end;
  const noteCount = rng.int(0, 8);
  for (let n = 0; n < noteCount; n++) {
    const noteDate = dateMin(addDays(openedOn, rng.int(0, 400)), lastDay);
    const restricted = rng.chance(0.15) ? rng.pick(RESTRICTED_NOTES) : null;
    await writers.notes.add(
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
    await writers.referrals.add(
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
  for (let a = 0; a < applicationCount; a++) await draw.application(person.id, openedOn, lastDay, responsible);
}
