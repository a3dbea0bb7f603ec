/** People in care (migration 0002-care): households, cases with their periods, members, plan, diary and referrals. */
import type { Generated } from 'kysely';
import type { Editable } from './shared.js';

export interface HouseholdsTable extends Editable {
  id: Generated<number>;
  centreId: number;
  name: string;
  /** The name folded for search and order (householdNameKey); written with every name. */
  nameKey: Generated<string>;
  notes: string | null;
}

export interface HouseholdMembersTable {
  id: Generated<number>;
  householdId: number;
  personId: number;
  relation: string;
  joinedOn: string;
  /** null while the person belongs to the household (one household at a time). */
  leftOn: string | null;
  createdAt: string;
}

export interface CasesTable extends Editable {
  id: Generated<number>;
  centreId: number;
  /** Exactly one of personId and householdId is set when the case is opened. */
  personId: number | null;
  householdId: number | null;
  responsibleId: number | null;
  referralSource: string;
  /** JSON array of area-of-need codes. */
  areas: string;
  summary: string | null;
  visitId: number | null;
  /** open | closed, denormalised from the periods. */
  status: string;
  /** First opening, and the end of the last period (null while open). */
  openedOn: string;
  closedOn: string | null;
}

export interface CasePeriodsTable {
  id: Generated<number>;
  caseId: number;
  openedOn: string;
  closedOn: string | null;
  closingReason: string | null;
  closingNotes: string | null;
  createdAt: string;
}

export interface CaseMembersTable {
  id: Generated<number>;
  caseId: number;
  /** null once the person's file is erased: the snapshot keeps the statistics. */
  personId: number | null;
  /** Given at erasure, the same on all the erased person's member rows: they still count as one person. */
  anonymousKey: number | null;
  relation: string | null;
  gender: string;
  citizenship: string;
  birthDate: string | null;
  residenceKind: string;
  residenceComune: string | null;
  /** When the snapshot was taken (opening, then closing). */
  snapshotOn: string;
}

export interface CaseGoalsTable extends Editable {
  id: Generated<number>;
  caseId: number;
  title: string;
  description: string | null;
  status: string;
  sortOrder: number;
}

export interface CaseActionsTable extends Editable {
  id: Generated<number>;
  goalId: number;
  caseId: number;
  description: string;
  assigneeId: number | null;
  assigneeName: string | null;
  dueOn: string | null;
  status: string;
  doneOn: string | null;
}

export interface CaseNotesTable extends Editable {
  id: Generated<number>;
  caseId: number;
  noteDate: string;
  authorId: number | null;
  body: string;
  /** null, or health | legal: then only the coordinator and the responsible operator read it. */
  restriction: string | null;
}

export interface ReferralsTable extends Editable {
  id: Generated<number>;
  caseId: number;
  /** outgoing | incoming */
  direction: string;
  service: string;
  serviceDetail: string | null;
  referredOn: string;
  reason: string;
  status: string;
  notes: string | null;
}

/**
 * A version of each centre's care data (migration 0019): a new random value at every write of the
 * cases, periods and members the people-in-care count reads, set by triggers, never by the
 * application. The home page counts a centre's people in care again only when it moved.
 */
export interface CareVersionsTable {
  centreId: number;
  version: string;
}

/** This area\'s part of `Database` (schema.ts). */
export interface CareTables {
  careVersions: CareVersionsTable;
  households: HouseholdsTable;
  householdMembers: HouseholdMembersTable;
  cases: CasesTable;
  casePeriods: CasePeriodsTable;
  caseMembers: CaseMembersTable;
  caseGoals: CaseGoalsTable;
  caseActions: CaseActionsTable;
  caseNotes: CaseNotesTable;
  referrals: ReferralsTable;
}
