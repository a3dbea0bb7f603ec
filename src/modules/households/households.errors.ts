/** The errors of households: one household at a time per person, one reference person per household. */
import { createErrorFactory, fixedError } from '../../errors/index.js';

export const referencePersonTaken = fixedError(
  'household.reference_person_taken',
  409,
  'The household has a reference person already: change their relation first',
);

export const alreadyMember = createErrorFactory<{ personId: number }>({
  code: 'household.already_member',
  status: 409,
  message: 'This person belongs to this household already',
  extra: ({ personId }) => ({ personId }),
});

/** The client asks to confirm the move, naming the household the person would leave. */
export const memberElsewhere = createErrorFactory<{ personId: number; householdId: number; householdName: string }>({
  code: 'household.member_elsewhere',
  status: 409,
  message: 'This person belongs to another household: confirm the move',
  extra: ({ personId, householdId, householdName }) => ({ personId, householdId, householdName }),
});

export const membershipEnded = createErrorFactory<{ leftOn: string }>({
  code: 'household.membership_ended',
  status: 409,
  message: 'This person has left the household already',
  extra: ({ leftOn }) => ({ leftOn }),
});
