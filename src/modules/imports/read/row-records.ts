/**
 * Each kind's record read from a row's cells: a visit (its date and time, topics, referral,
 * channel, notes), a case, a residence permit, a course enrolment. Undefined when rejected, the
 * reasons noted on the reader.
 */
import type { Channel, EnrolmentProgramme, PermitType, ReferralSource } from '../../../contracts/enums.js';
import { CHANNELS, ENROLMENT_PROGRAMMES, PERMIT_TYPES, REFERRAL_SOURCES } from '../../../contracts/enums.js';
import { foldText } from '../../../domain/imports/columns.js';
import {
  matchByLabel,
  readChannel,
  readPermitType,
  readProgramme,
  readReferralSource,
  readTime,
  splitTopics,
} from '../../../domain/imports/values.js';
import { IMPORT_TEXT_LIMITS, oneOf, type RowReader, resolvedOr } from './row-reader.js';
import type { ImportLookups, ParsedCase, ParsedEnrolment, ParsedPermit, ParsedVisit } from './types.js';

/** The most topics one visit carries (contracts/visits.ts). */
const MAX_TOPICS = 20;
/** A visit without its time is put at noon. */
const DEFAULT_TIME = '12:00';

const readReferral = (reader: RowReader): ReferralSource | undefined =>
  resolvedOr<ReferralSource>(
    reader.listValue<ReferralSource>('referralSource', readReferralSource, oneOf(REFERRAL_SOURCES), 'import.referral_unknown'),
    'spontaneous',
  );

function readTopics(reader: RowReader, lookups: ImportLookups): number[] | undefined {
  const cell = reader.raw('topics');
  if (cell === null) {
    reader.reject('topics', 'import.topics_missing');
    return undefined;
  }
  const ids = new Set<number>();
  let failed = false;
  const parts = splitTopics(cell);
  // The whole cell may be one mapped value ("Casa / affitto" as the user wrote it).
  const whole = reader.mapped('topics', cell);
  for (const part of whole !== undefined || parts.length === 0 ? [cell] : parts) {
    const resolved = reader.resolve<number>(
      'topics',
      part,
      (value) => matchByLabel(value, lookups.topics)?.id,
      (stored) => lookups.topics.find((topic) => String(topic.id) === stored.trim())?.id,
      'import.topic_unknown',
    );
    if ('value' in resolved) ids.add(resolved.value);
    else failed = true;
  }
  if (failed) return undefined;
  if (ids.size > MAX_TOPICS) {
    reader.reject('topics', 'import.too_many_topics', { count: ids.size, max: MAX_TOPICS });
    return undefined;
  }
  return [...ids].sort((a, b) => a - b);
}

export function readVisit(
  reader: RowReader,
  lookups: ImportLookups,
  anonymous: ParsedVisit['anonymous'] | undefined,
): ParsedVisit | undefined {
  const date = reader.requiredDate('visitDate');
  let time: string | null | undefined = DEFAULT_TIME;
  const rawTime = reader.raw('visitTime');
  if (rawTime !== null) {
    time = readTime(rawTime);
    if (time === null) reader.reject('visitTime', 'import.time_invalid', { value: rawTime });
  } else {
    // "05/03/2024 10:30" or a date-time cell carries its time.
    const rawDate = reader.raw('visitDate');
    if (rawDate !== null && /\d[:.]\d{2}(?::\d{2})?$/.test(rawDate) && /[ T]/.test(rawDate)) time = readTime(rawDate) ?? DEFAULT_TIME;
  }
  const topicIds = readTopics(reader, lookups);
  const referralSource = readReferral(reader);
  const channel = resolvedOr<Channel>(
    reader.listValue<Channel>('channel', readChannel, oneOf(CHANNELS), 'import.channel_unknown'),
    'in_person',
  );
  const notes = reader.text('notes', IMPORT_TEXT_LIMITS.notes);
  if (
    date === undefined ||
    time === null ||
    topicIds === undefined ||
    referralSource === undefined ||
    channel === undefined ||
    notes === undefined ||
    anonymous === undefined
  ) {
    return undefined;
  }
  return { date, time, topicIds, referralSource, channel, notes, anonymous };
}

export function readCase(reader: RowReader): ParsedCase | undefined {
  const openedOn = reader.requiredDate('openedOn');
  const closedOn = reader.date('closedOn');
  const referralSource = readReferral(reader);
  const summary = reader.text('caseSummary', IMPORT_TEXT_LIMITS.caseSummary);
  if (openedOn && closedOn && closedOn < openedOn) {
    reader.reject('closedOn', 'import.closed_before_opened', { openedOn, closedOn });
    return undefined;
  }
  if (openedOn === undefined || closedOn === undefined || referralSource === undefined || summary === undefined) return undefined;
  return { openedOn, closedOn, referralSource, summary };
}

export function readPermit(reader: RowReader): ParsedPermit | undefined {
  const type = reader.listValue<PermitType>('permitType', readPermitType, oneOf(PERMIT_TYPES), 'import.permit_type_unknown');
  if ('empty' in type) reader.reject('permitType', 'import.value_missing');
  const number = reader.text('permitNumber', IMPORT_TEXT_LIMITS.permitNumber);
  const issuedOn = reader.date('issuedOn');
  const expiresOn = reader.date('expiresOn', { future: true });
  if (issuedOn === null && expiresOn === null) reader.reject(reader.has('expiresOn') ? 'expiresOn' : 'issuedOn', 'import.value_missing');
  if (issuedOn && expiresOn && expiresOn < issuedOn) {
    reader.reject('expiresOn', 'import.expiry_before_issue', { issuedOn, expiresOn });
    return undefined;
  }
  if (
    !('value' in type) ||
    number === undefined ||
    issuedOn === undefined ||
    expiresOn === undefined ||
    (issuedOn === null && expiresOn === null)
  ) {
    return undefined;
  }
  return { permitType: type.value, number, issuedOn, expiresOn };
}

/** The course a cell names: by its title, folded; of two courses of one title, the one starting nearest the enrolment. */
function findCourse(value: string, lookups: ImportLookups, enrolledOn: string | null | undefined): number | undefined {
  const folded = foldText(value);
  const candidates = lookups.courses.filter((course) => foldText(course.title) === folded);
  if (candidates.length <= 1) return candidates[0]?.id;
  if (!enrolledOn) return undefined;
  const distance = (date: string) => Math.abs(Date.parse(date) - Date.parse(enrolledOn));
  return [...candidates].sort((a, b) => distance(a.startDate) - distance(b.startDate) || a.id - b.id)[0]?.id;
}

export function readEnrolment(reader: RowReader, lookups: ImportLookups): ParsedEnrolment | undefined {
  const enrolledOn = reader.requiredDate('enrolledOn');
  const withdrawnOn = reader.date('withdrawnOn');
  const course = reader.listValue<number>(
    'course',
    (value) => findCourse(value, lookups, enrolledOn),
    (stored) => lookups.courses.find((c) => String(c.id) === stored.trim())?.id,
    'import.course_unknown',
  );
  if ('empty' in course) reader.reject('course', 'import.value_missing');
  const programme = resolvedOr<EnrolmentProgramme>(
    reader.listValue<EnrolmentProgramme>('programme', readProgramme, oneOf(ENROLMENT_PROGRAMMES), 'import.programme_unknown'),
    'centre_user',
  );
  if (enrolledOn && withdrawnOn && withdrawnOn < enrolledOn) {
    reader.reject('withdrawnOn', 'import.withdrawn_before_enrolled', { enrolledOn, withdrawnOn });
    return undefined;
  }
  if (enrolledOn === undefined || withdrawnOn === undefined || !('value' in course) || programme === undefined) return undefined;
  return { courseId: course.value, programme, enrolledOn, withdrawnOn };
}
