import { describe, expect, it } from 'vitest';
import { APPLICATION_LEVELS, PC_PURPOSES } from '../domain/activities.js';
import { AGE_BANDS } from '../domain/dates.js';
import { RENEWAL_STATUSES } from '../domain/deadlines.js';
import { ORIGIN_GROUPS } from '../domain/origin-group.js';
import { ROLES } from '../domain/permissions.js';
import { AUDIT_ACTIONS } from './audit.js';
import * as E from './enums.js';
import { LABELS, type LabelList, labelOf } from './labels.js';

/** Each list of words beside the values it words: a value added to an enum must get its words. */
const VALUES: Record<LabelList, readonly (string | number)[]> = {
  gender: E.GENDERS,
  originGroup: ORIGIN_GROUPS,
  channel: E.CHANNELS,
  referralSource: E.REFERRAL_SOURCES,
  ageBand: AGE_BANDS,
  role: ROLES,
  caseArea: E.CASE_AREAS,
  caseStatus: E.CASE_STATUSES,
  caseClosingReason: E.CASE_CLOSING_REASONS,
  goalStatus: E.GOAL_STATUSES,
  actionStatus: E.ACTION_STATUSES,
  noteRestriction: E.NOTE_RESTRICTIONS,
  referralDirection: E.REFERRAL_DIRECTIONS,
  referralService: E.REFERRAL_SERVICES,
  referralStatus: E.REFERRAL_STATUSES,
  householdRelation: E.HOUSEHOLD_RELATIONS,
  permitType: E.PERMIT_TYPES,
  renewalStatus: RENEWAL_STATUSES,
  identityDocumentKind: E.IDENTITY_DOCUMENT_KINDS,
  applicationLevel: APPLICATION_LEVELS,
  applicationOutcome: E.APPLICATION_OUTCOMES,
  pcPurpose: PC_PURPOSES,
  staffRole: E.STAFF_ROLES,
  courseLevel: E.COURSE_LEVELS,
  enrolmentProgramme: E.ENROLMENT_PROGRAMMES,
  lessonStatus: E.LESSON_STATUSES,
  waitingListKind: E.WAITING_LIST_KINDS,
  waitingListStatus: E.WAITING_LIST_STATUSES,
  waitingListPriority: E.WAITING_LIST_PRIORITIES,
  networkOrganisationKind: E.NETWORK_ORGANISATION_KINDS,
  reminderKind: E.REMINDER_KINDS,
  reminderDelivery: E.REMINDER_DELIVERIES,
  auditAction: AUDIT_ACTIONS,
};

describe('labels: one system for every value list', () => {
  for (const list of Object.keys(LABELS) as LabelList[]) {
    it(`${list}: every value has Italian and English words, and no words for a value that does not exist`, () => {
      const values = VALUES[list].map(String).sort();
      for (const locale of ['it', 'en'] as const) {
        const words = LABELS[list][locale] as Record<string, string>;
        expect(Object.keys(words).sort(), `${list}.${locale}`).toEqual(values);
        for (const value of values) expect(words[value]?.trim(), `${list}.${locale}.${value}`).toBeTruthy();
      }
    });
  }

  it('every enum of the contracts is worded, except the ones the app never shows', () => {
    const worded = new Set(Object.values(VALUES));
    // Internal codes: residence kinds and closure reasons are worded by the pages' own sentences.
    const unshown = new Set<readonly unknown[]>([E.RESIDENCE_KINDS, E.CLOSED_BECAUSE_KINDS]);
    const enums = Object.entries(E).filter(([, v]) => Array.isArray(v)) as [string, readonly unknown[]][];
    const missing = enums.filter(([, values]) => !worded.has(values as never) && !unshown.has(values)).map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('labelOf words a value in the language asked', () => {
    expect(labelOf('it', 'gender', 'female')).toBe('Donna');
    expect(labelOf('en', 'waitingListPriority', 2)).toBe(LABELS.waitingListPriority.en[2]);
  });
});
