/** The errors of households: one household at a time per person, one reference person per household. */
import { errorCarrying, fixedError } from '../../errors/index.js';

export const referencePersonTaken = fixedError(
  'household.reference_person_taken',
  409,
  'The household has a reference person already: change their relation first',
);

export const alreadyMember = errorCarrying<{ personId: number }>(
  'household.already_member',
  409,
  'This person belongs to this household already',
);

/** The client asks to confirm the move, naming the household the person would leave. */
export const memberElsewhere = errorCarrying<{ personId: number; householdId: number; householdName: string }>(
  'household.member_elsewhere',
  409,
  'This person belongs to another household: confirm the move',
);

export const membershipEnded = errorCarrying<{ leftOn: string }>(
  'household.membership_ended',
  409,
  'This person has left the household already',
);
