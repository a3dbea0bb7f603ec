/**
 * Stable error codes of the API (the `code` member of every application/problem+json body).
 * The web app shows each one with its own Italian or English message.
 */
export const ERROR_CODES = [
  'validation.failed',
  'request.malformed',
  'request.unsupported_media_type',
  'request.too_large',
  'route.not_found',
  'auth.unauthenticated',
  'auth.invalid_credentials',
  'auth.rate_limited',
  'auth.forbidden',
  'auth.csrf_failed',
  'auth.wrong_password',
  'setup.not_needed',
  'setup.invalid_token',
  'resource.not_found',
  'resource.conflict',
  'resource.stale_version',
  'person.possible_duplicate',
  // cases
  'case.already_open',
  'case.not_open',
  'case.not_closed',

  // households
  'household.member_elsewhere',
  'household.already_member',
  'household.membership_ended',
  'household.reference_person_taken',

  // documents

  // applications, PC station, legal consultations

  // calendar, staff, projects
  'calendar.hours_date_taken',
  'calendar.hours_not_future',

  // courses, lessons, enrolments, waiting lists
  'course.full',
  'course.has_enrolments',
  'enrolment.already_enrolled',
  'lesson.cancelled',
  'lesson.has_attendance',
  'lesson.in_future',
  'waiting_list.not_waiting',

  // events, network meetings

  'server.internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  /** Field errors of a validation.failed problem. */
  errors?: Array<{ path: string; message: string }>;
  [extra: string]: unknown;
}
