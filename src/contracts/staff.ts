/** The centre's staff with their contracts, and its projects (exported from calendar.ts too). */
import { z } from 'zod';
import { centreRecord, createInCentre, id, isoDate, shortText, updateOf, userRef, versionedRecord, year } from './common.js';
import { STAFF_ROLES } from './enums.js';
import { endAfterStart, periodInOrder } from './period.js';

/** Weekly minutes: up to 80 hours a week. */
const weeklyMinutes = z
  .number()
  .int()
  .min(1)
  .max(80 * 60);

// --- staff

const contractFields = {
  from: isoDate,
  /** Included; empty while the contract lasts. */
  to: isoDate.nullable().optional(),
  weeklyMinutes,
  /** E.g. «nuovo contratto dal 1 settembre», «+6 ore dal 15 ottobre». */
  description: shortText(300).nullable().optional(),
  /** The project that pays for these hours, if any. */
  projectId: id.nullable().optional(),
};

export const staffContractSchema = versionedRecord('StaffContract', {
  staffId: z.number(),
  from: z.string(),
  to: z.string().nullable(),
  weeklyMinutes: z.number(),
  description: z.string().nullable(),
  project: z.object({ id: z.number(), name: z.string() }).nullable(),
});
export type StaffContract = z.infer<typeof staffContractSchema>;

export const staffContractCreateInput = z.strictObject(contractFields).refine(periodInOrder, endAfterStart);
export type StaffContractCreateInput = z.infer<typeof staffContractCreateInput>;

export const staffContractUpdateInput = updateOf(contractFields).refine(periodInOrder, endAfterStart);
export type StaffContractUpdateInput = z.infer<typeof staffContractUpdateInput>;

export const staffMemberSchema = centreRecord('StaffMember', {
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  /** The member's user account, if they have one. */
  user: userRef.nullable(),
  notes: z.string().nullable(),
  contracts: z.array(staffContractSchema),
  /** Weekly minutes in force on the list's date. */
  weeklyMinutes: z.number(),
  /** Contracted minutes over the list's year. */
  yearMinutes: z.number(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

const staffFields = {
  name: shortText(120).min(1),
  role: z.enum(STAFF_ROLES),
  userId: id.nullable().optional(),
  notes: shortText(1000).nullable().optional(),
};

export const staffCreateInput = createInCentre(staffFields);
export type StaffCreateInput = z.infer<typeof staffCreateInput>;

export const staffUpdateInput = updateOf(staffFields);
export type StaffUpdateInput = z.infer<typeof staffUpdateInput>;

export const staffListQuery = z.strictObject({
  centreId: id.optional(),
  /** The day the weekly hours are given for: today by default. */
  date: isoDate.optional(),
  /** The year the contracted hours are summed over: the date's by default. */
  year: year.optional(),
});
export type StaffListQuery = z.infer<typeof staffListQuery>;

export const staffListSchema = z
  .object({
    date: z.string(),
    year: z.number(),
    items: z.array(staffMemberSchema),
    totalWeeklyMinutes: z.number(),
    totalYearMinutes: z.number(),
  })
  .meta({ id: 'StaffList' });
export type StaffList = z.infer<typeof staffListSchema>;

/** A user account a staff member may be linked to: the users of the centre. */
export const staffUserOption = userRef;

export const staffContractParams = z.strictObject({ id, contractId: id });

// --- projects

export const projectSchema = centreRecord('Project', {
  name: z.string(),
  funder: z.string().nullable(),
  from: z.string(),
  to: z.string().nullable(),
  /** Staff time the project adds each week. */
  extraWeeklyMinutes: z.number(),
  description: z.string().nullable(),
});
export type Project = z.infer<typeof projectSchema>;

const projectFields = {
  name: shortText(200).min(1),
  /** The funder or partner. */
  funder: shortText(200).nullable().optional(),
  from: isoDate,
  to: isoDate.nullable().optional(),
  extraWeeklyMinutes: z
    .number()
    .int()
    .min(0)
    .max(80 * 60)
    .default(0),
  description: shortText(4000).nullable().optional(),
};

export const projectCreateInput = createInCentre(projectFields).refine(periodInOrder, endAfterStart);
export type ProjectCreateInput = z.infer<typeof projectCreateInput>;

export const projectUpdateInput = updateOf(projectFields).refine(periodInOrder, endAfterStart);
export type ProjectUpdateInput = z.infer<typeof projectUpdateInput>;

export const projectListQuery = z.strictObject({
  centreId: id.optional(),
  /** The projects running at some moment of this year. */
  year: year.optional(),
});
export type ProjectListQuery = z.infer<typeof projectListQuery>;
