/**
 * People in care (presa in carico): who counts as in care in a year, who is new, and the date
 * and reading rules of a case. Plain data in, plain data out: the database computes the same
 * counts in `careSummary` and the tests hold the two together.
 */

/** One period a case was open: closing ends it, reopening starts the next. */
export interface CarePeriod {
  openedOn: string;
  /** null while the case is open. */
  closedOn: string | null;
}

/** A person a case names, with that case's periods. */
export interface CareMembership<K = string | number> {
  /** Who it is: the person's id, or (after erasure) something naming the member row alone. */
  personKey: K;
  periods: readonly CarePeriod[];
}

export const firstDayOf = (year: number) => `${String(year).padStart(4, '0')}-01-01`;
export const lastDayOf = (year: number) => `${String(year).padStart(4, '0')}-12-31`;

/** Open at some moment of the year: opened on or before 31 Dec, not closed before 1 Jan. */
export function periodOverlapsYear(period: CarePeriod, year: number): boolean {
  return period.openedOn <= lastDayOf(year) && (period.closedOn === null || period.closedOn >= firstDayOf(year));
}

/**
 * The distinct people in care in the year: those named by a case open at some moment of it.
 * A household case names each member it covers; the household itself is nobody.
 */
export function peopleInCare<K>(memberships: ReadonlyArray<CareMembership<K>>, year: number): Set<K> {
  const inCare = new Set<K>();
  for (const membership of memberships) {
    if (membership.periods.some((period) => periodOverlapsYear(period, year))) inCare.add(membership.personKey);
  }
  return inCare;
}

/** Each person's first opening over all their cases and periods. */
export function firstOpenings<K>(memberships: ReadonlyArray<CareMembership<K>>): Map<K, string> {
  const first = new Map<K, string>();
  for (const membership of memberships) {
    for (const period of membership.periods) {
      const known = first.get(membership.personKey);
      if (known === undefined || period.openedOn < known) first.set(membership.personKey, period.openedOn);
    }
  }
  return first;
}

/**
 * The people new in the year: in care in it, and whose first case ever opened in it. Reopening
 * an old case, or opening a second one, does not make anyone new again.
 */
export function newInYear<K>(memberships: ReadonlyArray<CareMembership<K>>, year: number): Set<K> {
  const inCare = peopleInCare(memberships, year);
  const result = new Set<K>();
  for (const [key, openedOn] of firstOpenings(memberships)) {
    if (inCare.has(key) && openedOn >= firstDayOf(year) && openedOn <= lastDayOf(year)) result.add(key);
  }
  return result;
}

/** The two figures of the report: Utenti presi in carico, and of them the Utenti nuovi. */
export function careCounts<K>(memberships: ReadonlyArray<CareMembership<K>>, year: number): { inCare: number; new: number } {
  return { inCare: peopleInCare(memberships, year).size, new: newInYear(memberships, year).size };
}

// --- dates of a case

/**
 * A date the rules refuse: the code of its message (contracts/messages/) and the date it
 * names. The domain says what is wrong; the API words it.
 */
export type DateProblem<Code extends string> = { code: Code; params?: { date: string } };

/**
 * The rule of a dated step (closing, reopening, joining, leaving): its date is not after today,
 * nor before the date it follows (nor on it, unless `sameDay`). The codes name the two problems.
 */
export interface DateRule<InFuture extends string, TooEarly extends string> {
  inFuture: InFuture;
  tooEarly: TooEarly;
  sameDay: boolean;
}

/** Why `date` breaks the rule, or null when it keeps it; a null `follows` sets no lower bound. */
export function dateRuleProblem<InFuture extends string, TooEarly extends string>(
  rule: DateRule<InFuture, TooEarly>,
  date: string,
  follows: string | null,
  today: string,
): DateProblem<InFuture | TooEarly> | null {
  if (date > today) return { code: rule.inFuture };
  if (follows !== null && (date < follows || (date === follows && !rule.sameDay)))
    return { code: rule.tooEarly, params: { date: follows } };
  return null;
}

const CLOSING = { inFuture: 'case.closed_in_future', tooEarly: 'case.closed_before_opening', sameDay: true } as const;
const REOPENING = { inFuture: 'case.reopened_in_future', tooEarly: 'case.reopened_before_closing', sameDay: false } as const;

/** Why a case cannot be closed on this date, or null when it can. */
export function closingDateProblem(periodOpenedOn: string, closedOn: string, today: string) {
  return dateRuleProblem(CLOSING, closedOn, periodOpenedOn, today);
}

/** Why a closed case cannot be reopened on this date, or null when it can. */
export function reopeningDateProblem(lastClosedOn: string, openedOn: string, today: string) {
  return dateRuleProblem(REOPENING, openedOn, lastClosedOn, today);
}

/**
 * Why a note, a done action or an outgoing referral cannot carry this date, or null when it
 * can: nothing of a case happens before its first opening.
 */
export function beforeOpeningProblem(date: string, caseOpenedOn: string): DateProblem<'case.dated_before_opening'> | null {
  if (date < caseOpenedOn) return { code: 'case.dated_before_opening', params: { date: caseOpenedOn } };
  return null;
}

/** Why a household case cannot be opened on this date: before one of its members joined. */
export function openingBeforeJoiningProblem(
  openedOn: string,
  members: ReadonlyArray<{ personId: number; joinedOn: string }>,
): DateProblem<'case.opened_before_joining'> | null {
  const joinedLater = members
    .map((m) => m.joinedOn)
    .filter((joinedOn) => joinedOn > openedOn)
    .sort();
  if (joinedLater.length === 0) return null;
  return { code: 'case.opened_before_joining', params: { date: joinedLater[joinedLater.length - 1] as string } };
}

// --- the plan

export const OPEN_ACTION_STATUSES = ['todo', 'in_progress'] as const;

/** An action still to do whose due date has passed. */
export function isOverdue(action: { status: string; dueOn: string | null }, today: string): boolean {
  return action.dueOn !== null && action.dueOn < today && (OPEN_ACTION_STATUSES as readonly string[]).includes(action.status);
}

// --- the diary

/**
 * Who may read a restricted (health, legal) note: the coordinator, the case's responsible
 * operator and the note's author. Everyone else never receives its text.
 */
/**
 * Who may change a case's responsible operator: the coordinator, or the responsible operator
 * handing the case over. Nobody else: being responsible opens the restricted notes, so an
 * operator who could name themselves would read notes the law keeps from them.
 */
export function canChangeResponsible(actor: { userId: number; role: string }, caseResponsibleId: number | null): boolean {
  return actor.role === 'coordinator' || (caseResponsibleId !== null && actor.userId === caseResponsibleId);
}

export function canReadNote(
  reader: { userId: number; role: string },
  note: { restriction: string | null; authorId: number | null },
  caseResponsibleId: number | null,
): boolean {
  if (note.restriction === null) return true;
  return reader.role === 'coordinator' || reader.userId === caseResponsibleId || reader.userId === note.authorId;
}
