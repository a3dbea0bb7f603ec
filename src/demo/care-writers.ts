/** The writers of the care generator: cases with their periods, members, plan, diary and referrals; permits, applications, PC station uses. */
import { BULK_COLUMNS, type WriteSession } from './bulk.js';

export type CareWriters = ReturnType<typeof careWriters>;

/** Parents before their children: the generator flushes them in this order at the end. */
export function careWriters(session: WriteSession) {
  const cases = session.writer('cases', BULK_COLUMNS.cases);
  const periods = session.writer('casePeriods', ['caseId', 'openedOn', 'closedOn', 'closingReason', 'closingNotes', 'createdAt'], cases);
  const members = session.writer(
    'caseMembers',
    ['caseId', 'personId', 'relation', 'gender', 'citizenship', 'birthDate', 'residenceKind', 'residenceComune', 'snapshotOn'],
    cases,
  );
  const goals = session.writer(
    'caseGoals',
    ['id', 'caseId', 'title', 'description', 'status', 'sortOrder', 'createdAt', 'updatedAt', 'version'],
    cases,
  );
  const actions = session.writer(
    'caseActions',
    ['goalId', 'caseId', 'description', 'assigneeId', 'assigneeName', 'dueOn', 'status', 'doneOn', 'createdAt', 'updatedAt', 'version'],
    goals,
  );
  const notes = session.writer(
    'caseNotes',
    ['caseId', 'noteDate', 'authorId', 'body', 'restriction', 'createdAt', 'updatedAt', 'version'],
    cases,
  );
  const referrals = session.writer(
    'referrals',
    ['caseId', 'direction', 'service', 'serviceDetail', 'referredOn', 'reason', 'status', 'notes', 'createdAt', 'updatedAt', 'version'],
    cases,
  );
  const permits = session.writer('residencePermits', BULK_COLUMNS.residencePermits);

  const applications = session.writer('applications', [
    'centreId',
    'personId',
    'typeId',
    'appliedOn',
    'operatorId',
    'outcome',
    'visitId',
    'notes',
    'createdAt',
    'updatedAt',
    'version',
  ]);
  const pcUses = session.writer('pcStationUses', ['centreId', 'usedOn', 'personId', 'purpose', 'minutes', 'operatorId', 'createdAt']);
  return { cases, periods, members, goals, actions, notes, referrals, permits, applications, pcUses };
}
