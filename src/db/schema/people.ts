/** The register of people with its search index, and the visits with their topics. */
import type { Generated } from 'kysely';

export interface PeopleTable {
  id: Generated<number>;
  centreId: number;
  givenNames: string;
  familyNames: string;
  gender: string;
  birthDate: string | null;
  birthCountry: string | null;
  citizenship: string;
  fiscalCode: string | null;
  phone: string | null;
  email: string | null;
  /** JSON array of ISO 639-1 codes. */
  languages: string;
  residenceKind: string;
  residenceComune: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface PersonNameTokensTable {
  personId: number;
  centreId: number;
  token: string;
  skeleton: string;
}

export interface VisitsTable {
  id: Generated<number>;
  centreId: number;
  /** Instant, ISO UTC. */
  occurredAt: string;
  /** Its date in Europe/Rome: what every count by day or year uses. */
  visitDate: string;
  visitYear: number;
  channel: string;
  personId: number | null;
  /** Snapshot at the visit, so statistics survive later edits and erasure. */
  gender: string;
  citizenship: string;
  ageBand: string;
  originGroup: string;
  referralSource: string;
  notes: string | null;
  operatorId: number | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/**
 * The visits of a centre, day and origin group (migration 0018): kept by triggers on `visits`,
 * read by the home page. Never written by the application.
 */
export interface VisitDayCountsTable {
  centreId: number;
  visitDate: string;
  originGroup: string;
  visits: number;
}

export interface VisitTopicsTable {
  visitId: number;
  topicId: number;
}

/** This area\'s part of `Database` (schema.ts). */
export interface PeopleTables {
  people: PeopleTable;
  visitDayCounts: VisitDayCountsTable;
  personNameTokens: PersonNameTokensTable;
  visits: VisitsTable;
  visitTopics: VisitTopicsTable;
}
