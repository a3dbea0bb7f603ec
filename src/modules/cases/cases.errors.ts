/** The errors of cases: one open case per person, the case's state, who hands it over. */
import { createErrorFactory, fixedError } from '../../errors/index.js';

/** The ids tell the client which case to open instead (the person's id, never a name). */
export const caseAlreadyOpen = createErrorFactory<{ caseId: number; personId: number | null }>({
  code: 'case.already_open',
  status: 409,
  message: ({ caseId }) => `This person already has an open case (${caseId}): add to that one, or close it first`,
  extra: ({ caseId, personId }) => ({ caseId, personId }),
});

export const caseNotOpen = fixedError('case.not_open', 409, 'This case is closed already');

export const caseNotClosed = fixedError('case.not_closed', 409, 'This case is open already');

/** Who is responsible decides who reads the restricted notes (domain/care.ts canChangeResponsible). */
export const responsibleChangeForbidden = fixedError(
  'case.responsible_change_forbidden',
  403,
  'Only the coordinator, or the responsible operator handing the case over, changes who is responsible',
);
