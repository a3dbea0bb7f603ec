/**
 * Reminders (issue 15): what a user's daily digest lists, and its words. Pure rules on facts the
 * repository reads in the user's centres:
 * - permits expiring: a permit the Scadenze page watches that expires from today to
 *   `permitWithinDays` ahead (deadlines.ts: the same window as the page's default);
 * - plan actions overdue: an action to do or in progress, of an open case, due before today;
 * - cases silent too long: an open case with no diary note for `silentDays` (since it was
 *   opened, when it has none);
 * - course places freed: a course not yet ended, with places free, where an enrolment was
 *   withdrawn in the last `freedWithinDays`, in a centre where people wait.
 * Scope: an operator is reminded of their own cases (they are responsible for it, or the
 * action is theirs) and of the permits of the people of those cases, and of the places of their
 * centres' courses; coordinators and administrators of everything in their centres; viewers of
 * nothing (no personal data). The e-mail carries names and links only.
 */
import { DEFAULT_WITHIN_DAYS, daysBetween, daysLeft } from './deadlines.js';
import type { Role } from './permissions.js';

export const REMINDER_DELIVERIES = ['off', 'app', 'email'] as const;
export type ReminderDelivery = (typeof REMINDER_DELIVERIES)[number];

export const REMINDER_KINDS = ['permit_expiring', 'action_overdue', 'case_silent', 'course_places'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export type ReminderLocale = 'it' | 'en';

export interface ReminderRules {
  permitWithinDays: number;
  silentDays: number;
  freedWithinDays: number;
}

export const REMINDER_RULES: ReminderRules = { permitWithinDays: DEFAULT_WITHIN_DAYS, silentDays: 60, freedWithinDays: 7 };

/** The roles that get a digest: those who read personal files. */
export const REMINDED_ROLES: readonly Role[] = ['admin', 'coordinator', 'operator'];

export interface ReminderReader {
  userId: number;
  role: Role;
  centreIds: readonly number[];
}

export interface PermitFact {
  permitId: number;
  centreId: number;
  personId: number;
  expiresOn: string;
  /** The responsible operators of the open cases that name the person. */
  responsibleIds: readonly number[];
}

export interface ActionFact {
  actionId: number;
  caseId: number;
  centreId: number;
  personId: number | null;
  dueOn: string;
  responsibleId: number | null;
  assigneeId: number | null;
}

export interface CaseFact {
  caseId: number;
  centreId: number;
  personId: number | null;
  responsibleId: number | null;
  openedOn: string;
  lastNoteOn: string | null;
}

export interface CourseFact {
  courseId: number;
  centreId: number;
  endDate: string;
  capacity: number | null;
  enrolled: number;
  lastWithdrawnOn: string | null;
  /** People waiting in the course's centre. */
  waiting: number;
}

export interface ReminderFacts {
  permits: readonly PermitFact[];
  actions: readonly ActionFact[];
  cases: readonly CaseFact[];
  courses: readonly CourseFact[];
}

/** One line of a digest, by reference. */
export interface DueItem {
  kind: ReminderKind;
  centreId: number;
  personId: number | null;
  caseId: number | null;
  courseId: number | null;
  /** The permit or the plan action. */
  recordId: number | null;
  /** The day that makes it due. */
  dueOn: string;
  /** Days left (permits), days overdue (actions), days silent (cases), places free (courses). */
  amount: number;
  waiting: number | null;
}

const ITEM = { personId: null, caseId: null, courseId: null, recordId: null, waiting: null } as const;

/**
 * Whether the reader is reminded of something of this centre whose operators (responsible or
 * assigned) are these; `null`: something that is no one's (a course's places).
 */
function inScope(reader: ReminderReader, centreId: number, operatorIds: readonly (number | null)[] | null): boolean {
  if (!REMINDED_ROLES.includes(reader.role) || !reader.centreIds.includes(centreId)) return false;
  return reader.role !== 'operator' || operatorIds === null || operatorIds.includes(reader.userId);
}

/** What is due for the reader on `today`, by kind in REMINDER_KINDS's order, then by day. */
export function remindersDue(
  reader: ReminderReader,
  facts: ReminderFacts,
  today: string,
  rules: ReminderRules = REMINDER_RULES,
): DueItem[] {
  const permits = facts.permits.flatMap((permit): DueItem[] => {
    const left = daysLeft(permit.expiresOn, today);
    if (left < 0 || left > rules.permitWithinDays || !inScope(reader, permit.centreId, permit.responsibleIds)) return [];
    const { centreId, personId, permitId, expiresOn } = permit;
    return [{ ...ITEM, kind: 'permit_expiring', centreId, personId, recordId: permitId, dueOn: expiresOn, amount: left }];
  });
  const actions = facts.actions.flatMap((action): DueItem[] => {
    const late = daysBetween(action.dueOn, today);
    if (late <= 0 || !inScope(reader, action.centreId, [action.responsibleId, action.assigneeId])) return [];
    const { centreId, personId, caseId, actionId, dueOn } = action;
    return [{ ...ITEM, kind: 'action_overdue', centreId, personId, caseId, recordId: actionId, dueOn, amount: late }];
  });
  const cases = facts.cases.flatMap((fact): DueItem[] => {
    const since = fact.lastNoteOn ?? fact.openedOn;
    const silent = daysBetween(since, today);
    if (silent < rules.silentDays || !inScope(reader, fact.centreId, [fact.responsibleId])) return [];
    const { centreId, personId, caseId } = fact;
    return [{ ...ITEM, kind: 'case_silent', centreId, personId, caseId, dueOn: since, amount: silent }];
  });
  const courses = facts.courses.flatMap((course): DueItem[] => {
    const free = course.capacity === null ? 0 : course.capacity - course.enrolled;
    const freed = course.lastWithdrawnOn === null ? -1 : daysBetween(course.lastWithdrawnOn, today);
    const due = course.endDate >= today && free > 0 && course.waiting > 0 && freed >= 0 && freed <= rules.freedWithinDays;
    if (!due || !inScope(reader, course.centreId, null)) return [];
    const { centreId, courseId, waiting } = course;
    return [{ ...ITEM, kind: 'course_places', centreId, courseId, dueOn: course.lastWithdrawnOn as string, amount: free, waiting }];
  });
  const byDay = (a: DueItem, b: DueItem) =>
    a.dueOn < b.dueOn
      ? -1
      : a.dueOn > b.dueOn
        ? 1
        : (a.recordId ?? a.caseId ?? a.courseId ?? 0) - (b.recordId ?? b.caseId ?? b.courseId ?? 0);
  return [...permits.sort(byDay), ...actions.sort(byDay), ...cases.sort(byDay), ...courses.sort(byDay)];
}

// --- words

/** Each kind's heading, in both languages (contracts/labels.ts lists them as `reminderKind`). */
export const REMINDER_KIND_WORDS: Record<ReminderLocale, Record<ReminderKind, string>> = {
  it: {
    permit_expiring: 'Permessi di soggiorno in scadenza',
    action_overdue: 'Azioni del piano scadute',
    case_silent: 'Casi senza note da troppo tempo',
    course_places: 'Posti liberi nei corsi per chi è in lista d’attesa',
  },
  en: {
    permit_expiring: 'Residence permits expiring',
    action_overdue: 'Plan actions overdue',
    case_silent: 'Cases without a note for too long',
    course_places: 'Course places free for people on a waiting list',
  },
};

/** The preference's words (contracts/labels.ts lists them as `reminderDelivery`). */
export const REMINDER_DELIVERY_WORDS: Record<ReminderLocale, Record<ReminderDelivery, string>> = {
  it: { off: 'Nessun promemoria', app: 'Nell’app', email: 'Nell’app e per e-mail' },
  en: { off: 'No reminders', app: 'In the app', email: 'In the app and by e-mail' },
};

const WORDS = {
  it: {
    subject: (count: number, day: string) => `Approdo: ${count === 1 ? '1 promemoria' : `${count} promemoria`} del ${italianDate(day)}`,
    greeting: (name: string) => `Buongiorno ${name},`,
    intro: 'ecco cosa chiede attenzione oggi nei tuoi centri.',
    places: (free: number, waiting: number) => `${free === 1 ? '1 posto libero' : `${free} posti liberi`}, ${waiting} in attesa`,
    settings: 'Per cambiare o spegnere questi promemoria:',
    footer: 'Messaggio automatico di Approdo: non contiene dati personali oltre al nome; i dettagli sono nell’app.',
  },
  en: {
    subject: (count: number, day: string) => `Approdo: ${count === 1 ? '1 reminder' : `${count} reminders`} for ${day}`,
    greeting: (name: string) => `Good morning ${name},`,
    intro: 'this is what needs attention today in your centres.',
    places: (free: number, waiting: number) => `${free === 1 ? '1 place free' : `${free} places free`}, ${waiting} waiting`,
    settings: 'To change or turn off these reminders:',
    footer: 'An automatic message from Approdo: it holds no personal data beyond the name; the details are in the app.',
  },
} as const;

function italianDate(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

/** A digest's line as shown: the item with the name of whom or what it is about. */
export interface NamedItem extends DueItem {
  name: string;
}

/** Where an item leads in the web app: the person's file for a permit, the case, the course. */
export function reminderPath(item: DueItem): string {
  if (item.kind === 'course_places') return `/courses/${item.courseId}`;
  if (item.kind === 'permit_expiring') return `/people/${item.personId}`;
  return `/cases/${item.caseId}`;
}

export interface DigestEmail {
  subject: string;
  text: string;
}

/**
 * The digest's e-mail in the user's language: by kind, each item's name and link, nothing
 * else about a person (no dates, permit numbers, notes); a course's free places and waiting count
 * are no one's. Links are absolute, on `baseUrl` (PUBLIC_URL).
 */
export function digestEmail(
  digest: { recipient: string; digestOn: string; items: readonly NamedItem[] },
  locale: ReminderLocale,
  baseUrl: string,
): DigestEmail {
  const words = WORDS[locale];
  const base = baseUrl.replace(/\/+$/, '');
  const lines = [words.greeting(digest.recipient), words.intro, ''];
  for (const kind of REMINDER_KINDS) {
    const items = digest.items.filter((item) => item.kind === kind);
    if (items.length === 0) continue;
    lines.push(`${REMINDER_KIND_WORDS[locale][kind]} (${items.length})`);
    for (const item of items) {
      const what = kind === 'course_places' ? `${item.name}: ${words.places(item.amount, item.waiting ?? 0)}` : item.name;
      lines.push(`- ${what}`, `  ${base}${reminderPath(item)}`);
    }
    lines.push('');
  }
  lines.push(words.settings, `${base}/account`, '', '--', words.footer, '');
  return { subject: words.subject(digest.items.length, digest.digestOn), text: lines.join('\n') };
}

/** The language of a user's digest: theirs when it is one of the app's, else Italian. */
export function reminderLocaleOf(locale: string): ReminderLocale {
  return locale === 'en' ? 'en' : 'it';
}
