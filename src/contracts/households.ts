import { z } from 'zod';
import { id, isoDate, pageQuery, personNames, personRef, shortText, storedRecord, timestamps, updateOf } from './common.js';
import { GENDERS, HOUSEHOLD_RELATIONS } from './enums.js';
import { messageEn } from './messages/index.js';

const relation = z.enum(HOUSEHOLD_RELATIONS);
const name = shortText(200).min(1);
const notes = shortText(4000).nullable().optional();

/** A person joining: with their relation to the reference person, from a date (today by default). */
const newMember = z.strictObject({
  personId: id,
  relation,
  joinedOn: isoDate.optional(),
});

export const householdCreateInput = z
  .strictObject({
    name,
    /** The centre of the household; without it, the centre of the first member (or the user's only centre). */
    centreId: id.optional(),
    notes,
    members: z.array(newMember).max(30).optional(),
    /** Members who belong to another household now leave it and join this one. */
    move: z.boolean().optional(),
  })
  .refine((h) => new Set(h.members?.map((m) => m.personId)).size === (h.members?.length ?? 0), {
    message: messageEn('household.person_twice'),
    path: ['members'],
  });
export type HouseholdCreateInput = z.infer<typeof householdCreateInput>;

export const householdUpdateInput = updateOf({ name, notes });
export type HouseholdUpdateInput = z.infer<typeof householdUpdateInput>;

export const memberAddInput = newMember.extend({
  /** Set after the operator has confirmed that the person moves here from their current household. */
  move: z.boolean().optional(),
});
export type MemberAddInput = z.infer<typeof memberAddInput>;

export const memberUpdateInput = z.strictObject({ relation });

export const memberLeaveInput = z.strictObject({
  /** Today by default. */
  leftOn: isoDate.optional(),
});

export const householdListQuery = z.strictObject({
  /** Part of the household's name. */
  q: shortText(200).default(''),
  centreId: id.optional(),
  ...pageQuery,
});
export type HouseholdListQuery = z.infer<typeof householdListQuery>;

/** A current member as a household shows it; its id is the membership's (for changing the relation or leaving). */
export const householdMember = storedRecord('HouseholdMember', {
  personId: z.number(),
  ...personNames,
  gender: z.enum(GENDERS),
  birthDate: z.string().nullable(),
  relation,
  joinedOn: z.string(),
});
export type HouseholdMember = z.infer<typeof householdMember>;

/** A membership that has ended. */
export const pastHouseholdMember = householdMember.extend({ leftOn: z.string() }).meta({ id: 'PastHouseholdMember' });
export type PastHouseholdMember = z.infer<typeof pastHouseholdMember>;

const householdFields = {
  id: z.number(),
  centreId: z.number(),
  name: z.string(),
  notes: z.string().nullable(),
  ...timestamps,
  version: z.number(),
};

export const householdSchema = z
  .object({
    ...householdFields,
    /** Who belongs to it now, oldest membership first. */
    members: z.array(householdMember),
    /** Memberships that have ended, the latest first. */
    history: z.array(pastHouseholdMember),
  })
  .meta({ id: 'Household' });
export type Household = z.infer<typeof householdSchema>;

export const householdListItem = householdSchema
  .pick({ id: true, centreId: true, name: true, updatedAt: true })
  .extend({
    /** The current members (a household is a handful of people). */
    members: z.array(householdMember.pick({ id: true, personId: true, givenNames: true, familyNames: true, relation: true })),
  })
  .meta({ id: 'HouseholdListItem' });
export type HouseholdListItem = z.infer<typeof householdListItem>;

/** One of a person's memberships, current or past, with the household's name. */
export const personMembership = storedRecord('PersonMembership', {
  householdId: z.number(),
  householdName: z.string(),
  relation,
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
});
export type PersonMembership = z.infer<typeof personMembership>;

/** The household part of a person's file. */
export const personHousehold = z
  .object({
    /** Whose household this is (the name for "Crea nucleo"). */
    person: personRef,
    /** The household the person belongs to now, with its current members; null if none. */
    current: z
      .object({
        ...householdFields,
        /** The person's own membership. */
        membershipId: z.number(),
        relation,
        joinedOn: z.string(),
        members: z.array(householdMember),
      })
      .nullable(),
    /** Every membership of the person, the latest first. */
    memberships: z.array(personMembership),
  })
  .meta({ id: 'PersonHousehold' });
export type PersonHousehold = z.infer<typeof personHousehold>;
