/**
 * Every custom field message of the API, by stable code (`area.what`), in English and Italian.
 * The server sends the code, its parameters and the English text; the web app words the code
 * in the UI's language. A new message goes in its area's file; a test checks both texts.
 */
import { ACCOUNTS_MESSAGES } from './accounts.js';
import { ACTIVITIES_MESSAGES } from './activities.js';
import { AUDIT_MESSAGES } from './audit.js';
import { CALENDAR_MESSAGES } from './calendar.js';
import { CASES_MESSAGES } from './cases.js';
import { COMMON_MESSAGES } from './common.js';
import { COURSES_MESSAGES } from './courses.js';
import { DOCUMENTS_MESSAGES } from './documents.js';
import { EVENTS_MESSAGES } from './events.js';
import { HISTORY_MESSAGES } from './history.js';
import { HOUSEHOLDS_MESSAGES } from './households.js';
import { IMPORTS_MESSAGES } from './imports.js';
import { fillMessage, type MessageParams, type Messages } from './message.js';
import { PEOPLE_MESSAGES } from './people.js';
import { PRIVACY_MESSAGES } from './privacy.js';
import { REPORTS_MESSAGES } from './reports.js';
import { RETENTION_MESSAGES } from './retention.js';
import { VISITS_MESSAGES } from './visits.js';

export { fillMessage, type MessageParams, type MessageTexts } from './message.js';

export const MESSAGES = {
  ...COMMON_MESSAGES,
  ...ACCOUNTS_MESSAGES,
  ...PEOPLE_MESSAGES,
  ...VISITS_MESSAGES,
  ...DOCUMENTS_MESSAGES,
  ...CASES_MESSAGES,
  ...HOUSEHOLDS_MESSAGES,
  ...ACTIVITIES_MESSAGES,
  ...CALENDAR_MESSAGES,
  ...COURSES_MESSAGES,
  ...EVENTS_MESSAGES,
  ...REPORTS_MESSAGES,
  ...HISTORY_MESSAGES,
  ...IMPORTS_MESSAGES,
  ...AUDIT_MESSAGES,
  ...PRIVACY_MESSAGES,
  ...RETENTION_MESSAGES,
} as const satisfies Messages;

export type MessageCode = keyof typeof MESSAGES;

export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(MESSAGES, code);
}

/** The English text of a message, for a zod check: `.min(1, messageEn('visit.topic_required'))`. */
export function messageEn(code: MessageCode, params?: MessageParams): string {
  return fillMessage(MESSAGES[code].en, params);
}

/** The code of a zod check's message written with messageEn (those have no parameters). */
const CODE_BY_ENGLISH = new Map<string, MessageCode>(
  (Object.keys(MESSAGES) as MessageCode[]).filter((code) => !/\{\w+\}/.test(MESSAGES[code].en)).map((code) => [MESSAGES[code].en, code]),
);

export function codeOfEnglish(message: string): MessageCode | undefined {
  return CODE_BY_ENGLISH.get(message);
}
