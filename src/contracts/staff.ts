/** The centre's staff with their contracts, and its projects (exported from calendar.ts too). */
import { z } from 'zod';
import { id, isoDate, shortText, version } from './common.js';
import { STAFF_ROLES } from './enums.js';
import { endAfterStart, inOrder } from './period.js';

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

export const staffContractSchema = z
  .object({
    id: z.number(),
    staffId: z.number(),
    from: z.string(),
    to: z.string().nullable(),
    weeklyMinutes: z.number(),
    description: z.string().nullable(),
    project: z.object({ id: z.number(), name: z.string() }).nullable(),
    version: z.number(),
  })
  .meta({ id: 'StaffContract' });
export type StaffContract = z.infer<typeof staffContractSchema>;

export const staffContractCreateInput = z.strictObject(contractFields).refine((c) => inOrder(c.from, c.to), endAfterStart);
export type StaffContractCreateInput = z.infer<typeof staffContractCreateInput>;

export const staffContractUpdateInput = z
  .strictObject({
    version,
    from: contractFields.from.optional(),
    to: contractFields.to,
    weeklyMinutes: weeklyMinutes.optional(),
    description: contractFields.description,
    projectId: contractFields.projectId,
  })
  .refine((c) => inOrder(c.from, c.to), endAfterStart);
export type StaffContractUpdateInput = z.infer<typeof staffContractUpdateInput>;

export const staffMemberSchema = z
  .object({
    id: z.number(),
    centreId: z.number(),
    name: z.string(),
    role: z.enum(STAFF_ROLES),
    /** The member's user account, if they have one. */
    user: z.object({ id: z.number(), displayName: z.string() }).nullable(),
    notes: z.string().nullable(),
    contracts: z.array(staffContractSchema),
    /** Weekly minutes in force on the list's date. */
    weeklyMinutes: z.number(),
    /** Contracted minutes over the list's year. */
    yearMinutes: z.number(),
    version: z.number(),
  })
  .meta({ id: 'StaffMember' });
export type StaffMember = z.infer<typeof staffMemberSchema>;

export const staffCreateInput = z.strictObject({
  centreId: id.optional(),
  name: shortText(120).min(1),
  role: z.enum(STAFF_ROLES),
  userId: id.nullable().optional(),
  notes: shortText(1000).nullable().optional(),
});
export type StaffCreateInput = z.infer<typeof staffCreateInput>;

export const staffUpdateInput = z.strictObject({
  version,
  name: shortText(120).min(1).optional(),
  role: z.enum(STAFF_ROLES).optional(),
  userId: id.nullable().optional(),
  notes: shortText(1000).nullable().optional(),
});
export type StaffUpdateInput = z.infer<typeof staffUpdateInput>;

export const staffListQuery = z.strictObject({
  centreId: id.optional(),
  /** The day the weekly hours are given for: today by default. */
  date: isoDate.optional(),
  /** The year the contracted hours are summed over: the date's by default. */
  year: z.coerce.number().int().min(1900).max(2100).optional(),
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
export const staffUserOption = z.object({ id: z.number(), displayName: z.string() });

export const staffContractParams = z.strictObject({ id, contractId: id });

// --- projects

export const projectSchema = z
  .object({
    id: z.number(),
    centreId: z.number(),
    name: z.string(),
    funder: z.string().nullable(),
    from: z.string(),
    to: z.string().nullable(),
    /** Staff time the project adds each week. */
    extraWeeklyMinutes: z.number(),
    description: z.string().nullable(),
    version: z.number(),
  })
  .meta({ id: 'Project' });
export type Project = z.infer<typeof projectSchema>;

export const projectCreateInput = z
  .strictObject({
    centreId: id.optional(),
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
  })
  .refine((p) => inOrder(p.from, p.to), endAfterStart);
export type ProjectCreateInput = z.infer<typeof projectCreateInput>;

export const projectUpdateInput = z
  .strictObject({
    version,
    name: shortText(200).min(1).optional(),
    funder: shortText(200).nullable().optional(),
    from: isoDate.optional(),
    to: isoDate.nullable().optional(),
    extraWeeklyMinutes: z
      .number()
      .int()
      .min(0)
      .max(80 * 60)
      .optional(),
    description: shortText(4000).nullable().optional(),
  })
  .refine((p) => inOrder(p.from, p.to), endAfterStart);
export type ProjectUpdateInput = z.infer<typeof projectUpdateInput>;

export const projectListQuery = z.strictObject({
  centreId: id.optional(),
  /** The projects running at some moment of this year. */
  year: z.coerce.number().int().min(1900).max(2100).optional(),
});
export type ProjectListQuery = z.infer<typeof projectListQuery>;
