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
  'auth.second_factor_required',
  'auth.second_factor_invalid',
  'auth.second_factor_reused',
  'auth.second_factor_wrong_code',
  'auth.second_factor_not_set_up',
  'auth.second_factor_already_on',
  'auth.second_factor_not_on',
  'auth.second_factor_mandatory',
  'auth.second_factor_session_only',
  'auth.sso_not_configured',
  'auth.sso_unavailable',
  'auth.sso_state_invalid',
  'auth.sso_refused',
  'auth.sso_no_account',
  'auth.sso_ambiguous',
  'auth.sso_bound_elsewhere',
  'auth.sso_account_inactive',
  'auth.sso_needed',
  'auth.password_sign_in_off',
  'auth.break_glass_not_admin',
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
  'case.responsible_change_forbidden',

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

  // the years before the records (historical figures)
  'history.year_taken',

  // imports of old registers (reading the file)
  'import.not_spreadsheet',
  'import.empty',
  'import.no_header',
  'import.merged_header',
  'import.too_many_columns',
  // imports: the engine (a step asked at the wrong moment, pending decisions, undo refused; why a job stopped)
  'import.wrong_status',
  'import.decisions_pending',
  'import.records_in_use',
  'import.interrupted',
  'import.file_missing',
  'import.write_failed',
  'import.analysis_failed',

  // retention: a run asked for while retention is off, or while another run is going
  'retention.off',
  'retention.run_in_progress',

  // reminders: e-mail chosen on a server that sends none (SMTP_URL unset)
  'reminders.email_unavailable',

  // the centre's logo for the report's cover: not a PNG or JPEG (read from its bytes), its size unreadable, too many pixels
  'logo.unsupported_type',
  'logo.unreadable',
  'logo.too_many_pixels',

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
  errors?: FieldError[];
  [extra: string]: unknown;
}

/**
 * One field error of a validation.failed problem. `message` is English, for scripts; `code` is
 * the stable code of one of the API's own messages (`case.closed_before_opening`, see
 * contracts/messages/), with the values it names in `params`, or else zod's issue code
 * (too_small, too_big, invalid_type, invalid_format, invalid_value, unrecognized_keys, …) with
 * the parameters a message needs, so that a client can say it in its own language.
 */
export interface FieldError {
  /** Where: body.x.y, querystring.x, params.x. */
  path: string;
  message: string;
  code: string;
  /** What was measured (too_small, too_big, invalid_format): string, number, int, array, set, date, … */
  origin?: string;
  minimum?: number | string;
  maximum?: number | string;
  /** Whether the bound itself is allowed (>= rather than >). */
  inclusive?: boolean;
  /** A length that must be exactly the bound. */
  exact?: boolean;
  /** invalid_format: email, url, regex, date, datetime, … */
  format?: string;
  /** invalid_type: the type wanted (string, number, int, array, …). */
  expected?: string;
  /** invalid_type: the type sent; `undefined` when the field is missing. */
  received?: string;
  /** invalid_value: the values allowed. */
  values?: Array<string | number | boolean | null>;
  /** unrecognized_keys: the fields not allowed. */
  keys?: string[];
  /** not_multiple_of. */
  divisor?: number;
  /** The values one of the API's own messages names ({date}, {ids}…). */
  params?: Readonly<Record<string, string | number>>;
}
