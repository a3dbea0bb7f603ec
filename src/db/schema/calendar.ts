/** The centre's calendar (migration 0003-activities-calendar): opening hours, closures, staff and projects. */
import type { Generated } from 'kysely';
import type { Editable } from './shared.js';

export interface OpeningHourSetsTable extends Editable {
  id: Generated<number>;
  centreId: number;
  validFrom: string;
  notes: string | null;
}

export interface OpeningSlotsTable {
  id: Generated<number>;
  setId: number;
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: number;
  fromTime: string;
  toTime: string;
}

export interface ClosuresTable extends Editable {
  id: Generated<number>;
  centreId: number;
  fromDate: string;
  toDate: string;
  reason: string;
}

export interface StaffMembersTable extends Editable {
  id: Generated<number>;
  centreId: number;
  name: string;
  role: string;
  userId: number | null;
  notes: string | null;
}

export interface StaffContractsTable extends Editable {
  id: Generated<number>;
  staffId: number;
  fromDate: string;
  toDate: string | null;
  weeklyMinutes: number;
  description: string | null;
  projectId: number | null;
}

export interface ProjectsTable extends Editable {
  id: Generated<number>;
  centreId: number;
  name: string;
  funder: string | null;
  fromDate: string;
  toDate: string | null;
  extraWeeklyMinutes: number;
  description: string | null;
}

/** This area\'s part of `Database` (schema.ts). */
export interface CalendarTables {
  openingHourSets: OpeningHourSetsTable;
  openingSlots: OpeningSlotsTable;
  closures: ClosuresTable;
  staffMembers: StaffMembersTable;
  staffContracts: StaffContractsTable;
  projects: ProjectsTable;
}
