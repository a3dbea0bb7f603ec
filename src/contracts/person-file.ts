import { z } from 'zod';
import { applicationSchema, pcStationUseSchema } from './activities.js';
import { caseSchema } from './cases.js';
import { pageOf } from './common.js';
import { personCoursesSchema } from './courses.js';
import { identityDocumentSchema, permitSchema } from './documents.js';
import { personHousehold } from './households.js';
import { personSchema } from './people.js';
import { personPrivacySchema } from './privacy.js';
import { visitSchema } from './visits.js';

/** Everything about a person in one answer: what the person's page shows when it opens. */
export const personFileSchema = z
  .object({
    person: personSchema,
    /** The most recent visits (the first page; GET /visits?personId= pages through the rest). */
    visits: pageOf(visitSchema),
    household: personHousehold,
    /** Cases naming the person, with their plan and the diary the caller may read. */
    cases: z.array(caseSchema),
    permits: z.array(permitSchema),
    identityDocuments: z.array(identityDocumentSchema),
    applications: z.array(applicationSchema),
    pcStationUses: z.array(pcStationUseSchema),
    /** Course enrolments with attendance, and waiting-list entries. */
    courses: personCoursesSchema,
    /** The privacy notices given, and whether the desk should give one (none, or not the current version). */
    privacy: personPrivacySchema,
  })
  .meta({ id: 'PersonFile' });
export type PersonFile = z.infer<typeof personFileSchema>;

export const PERSON_FILE_VISITS = 20;
