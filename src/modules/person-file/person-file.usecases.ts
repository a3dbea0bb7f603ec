import type { Kysely } from 'kysely';
import { PERSON_FILE_VISITS, type PersonFile } from '../../contracts/person-file.js';
import { orNotFound } from '../../db/queries.js';
import type { Database } from '../../db/schema.js';
import { applicationsForPerson } from '../activities/applications.usecases.js';
import { pcStationUsesForPerson } from '../activities/pc-station.usecases.js';
import { recordPersonRead } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { casesForPerson } from '../cases/cases.usecases.js';
import { enrolmentsForPerson } from '../courses/person-courses.usecases.js';
import { documentsForPerson } from '../documents/documents.usecases.js';
import { loadPersonHousehold } from '../households/households.usecases.js';
import { findPersonRow, toPerson } from '../people/people.repository.js';
import { privacyOfPerson } from '../privacy/privacy.usecases.js';
import { listVisits } from '../visits/visits.repository.js';

/**
 * The person's file: details, recent visits, household, cases with plan and diary, documents,
 * applications, PC station use, courses and waiting lists, privacy notices, bounded by the
 * actor's centres. Opening it is one logged read (with the ids of the other people it shows).
 */
export async function getPersonFile(db: Kysely<Database>, actor: Actor, personId: number): Promise<PersonFile> {
  const row = await orNotFound(findPersonRow(db, personId, actor.centreIds), 'person');
  const visits = await listVisits(db, { personId, centreIds: actor.centreIds }, 1, PERSON_FILE_VISITS);
  const household = await loadPersonHousehold(db, row);
  const cases = await casesForPerson(db, actor, personId);
  const { permits, identityDocuments } = await documentsForPerson(db, actor, personId);
  const applications = await applicationsForPerson(db, actor, personId);
  const pcStationUses = await pcStationUsesForPerson(db, actor, personId);
  const courses = await enrolmentsForPerson(db, actor, personId);
  const privacy = await privacyOfPerson(db, actor, row);
  // The file also names other people (household members, members of household cases): logged too.
  const others = new Set<number>();
  for (const member of household.current?.members ?? []) others.add(member.personId);
  for (const c of cases) for (const member of c.members) if (member.person) others.add(member.person.id);
  others.delete(personId);
  await recordPersonRead(db, actor.userId, row, 'file', others.size > 0 ? { personIds: [...others].sort((a, b) => a - b) } : {});
  return {
    person: toPerson(row),
    visits: { ...visits, page: 1, pageSize: PERSON_FILE_VISITS },
    household,
    cases,
    permits,
    identityDocuments,
    applications,
    pcStationUses,
    courses,
    privacy,
  };
}
