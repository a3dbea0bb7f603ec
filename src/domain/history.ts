/**
 * The years before the records: the figures a centre published before it used Approdo (visits
 * and people in care with their origin groups, course enrolments), typed by the coordinator.
 *
 * Rules:
 * - a year is one the centre lived before now: from FIRST_HISTORICAL_YEAR to last year (Europe/
 *   Rome). The current year is never "before the records": its figures come from the records
 *   and are published only after it ends;
 * - every figure may be left empty (not published); at least one total is entered;
 * - a breakdown (Italiani, Comunitari, Extracomunitari, Non specificato) is either left all
 *   empty, with only its total, or it adds up to its total exactly; a part left empty beside
 *   parts entered counts 0. A difference is never filled in silently: the user puts it in
 *   Non specificato (the web form offers it: unspecifiedToClose);
 * - a breakdown or a count of new people needs its total; new people are at most the people in care.
 *
 * Which figure the report uses (figuresInPlaceOfRecords): for each centre and year, the records
 * when the centre has at least one record of that kind in that year, else its published figure
 * (if any). Records of a centre without any count 0, so a year's figure over several centres is
 * the count from the records plus the published figures of the centres without records.
 */

export const FIRST_HISTORICAL_YEAR = 1990;

/** The last year figures may be entered for: last year in Europe/Rome (`today` as an ISO date). */
export const lastHistoricalYear = (today: string) => Number(today.slice(0, 4)) - 1;

/** The origin groups of a breakdown, in the report's order (domain/origin-group.ts ORIGIN_GROUPS). */
export const BREAKDOWN_PARTS = ['italian', 'eu', 'nonEu', 'unspecified'] as const;
export type BreakdownPart = (typeof BREAKDOWN_PARTS)[number];

/** A total and its parts by origin group; null = not published. */
export interface Breakdown {
  total: number | null;
  italian: number | null;
  eu: number | null;
  nonEu: number | null;
  unspecified: number | null;
}

/**
 * The figures of a year, in the contract's order: the one list the repository selects, the use
 * cases copy and the page's form shows (a total and its parts; inCareNew: people in care whose
 * first case opened in the year; enrolmentsTotal: language club enrolments).
 */
export const HISTORICAL_VALUE_KEYS = [
  'visitsTotal',
  'visitsItalian',
  'visitsEu',
  'visitsNonEu',
  'visitsUnspecified',
  'inCareTotal',
  'inCareNew',
  'inCareItalian',
  'inCareEu',
  'inCareNonEu',
  'inCareUnspecified',
  'enrolmentsTotal',
] as const;
export type HistoricalValueKey = (typeof HISTORICAL_VALUE_KEYS)[number];

/** A year's published figures of a centre, as stored (every figure nullable). */
export type HistoricalValues = Record<HistoricalValueKey, number | null>;

export const visitsBreakdown = (v: HistoricalValues): Breakdown => ({
  total: v.visitsTotal,
  italian: v.visitsItalian,
  eu: v.visitsEu,
  nonEu: v.visitsNonEu,
  unspecified: v.visitsUnspecified,
});

export const inCareBreakdown = (v: HistoricalValues): Breakdown => ({
  total: v.inCareTotal,
  italian: v.inCareItalian,
  eu: v.inCareEu,
  nonEu: v.inCareNonEu,
  unspecified: v.inCareUnspecified,
});

/** Whether any part of the breakdown was entered. */
export const hasParts = (b: Breakdown) => BREAKDOWN_PARTS.some((part) => b[part] !== null);

/** The sum of the parts entered (a part left empty counts 0). */
export const partsSum = (b: Breakdown) => BREAKDOWN_PARTS.reduce((sum, part) => sum + (b[part] ?? 0), 0);

/**
 * What Non specificato must hold for the parts to add up to the total, or null when that cannot
 * close the gap (no total, or the other parts alone exceed it).
 */
export function unspecifiedToClose(b: Breakdown): number | null {
  if (b.total === null) return null;
  const others = partsSum({ ...b, unspecified: 0 });
  return others <= b.total ? b.total - others : null;
}

/** A rule broken, with the field at fault and the message's code and values (contracts/messages/history.ts). */
export interface HistoryProblem {
  field: string;
  code:
    | 'history.breakdown_short'
    | 'history.breakdown_over'
    | 'history.total_required'
    | 'history.new_over_total'
    | 'history.nothing_entered';
  params?: Record<string, number>;
}

function breakdownProblems(b: Breakdown, totalField: string): HistoryProblem[] {
  if (!hasParts(b)) return [];
  if (b.total === null) return [{ field: totalField, code: 'history.total_required' }];
  const sum = partsSum(b);
  if (sum < b.total)
    return [{ field: totalField, code: 'history.breakdown_short', params: { sum, total: b.total, difference: b.total - sum } }];
  if (sum > b.total)
    return [{ field: totalField, code: 'history.breakdown_over', params: { sum, total: b.total, difference: sum - b.total } }];
  return [];
}

/** Every rule the figures break (none: they may be stored). The year is checked by the contract. */
export function historicalProblems(v: HistoricalValues): HistoryProblem[] {
  const problems = [...breakdownProblems(visitsBreakdown(v), 'visitsTotal'), ...breakdownProblems(inCareBreakdown(v), 'inCareTotal')];
  if (v.inCareNew !== null) {
    if (v.inCareTotal === null) problems.push({ field: 'inCareTotal', code: 'history.total_required' });
    else if (v.inCareNew > v.inCareTotal)
      problems.push({ field: 'inCareNew', code: 'history.new_over_total', params: { total: v.inCareTotal } });
  }
  if (v.visitsTotal === null && v.inCareTotal === null && v.enrolmentsTotal === null && problems.length === 0) {
    problems.push({ field: 'visitsTotal', code: 'history.nothing_entered' });
  }
  return problems;
}

/**
 * A published breakdown as the report's origin groups: a total published without its parts
 * shows whole under Non specificato, so that the groups still add up to it.
 */
export function originGroupsOf(b: Breakdown): { total: number; italian: number; eu: number; non_eu: number; unspecified: number } | null {
  if (b.total === null) return null;
  if (!hasParts(b)) return { total: b.total, italian: 0, eu: 0, non_eu: 0, unspecified: b.total };
  return { total: b.total, italian: b.italian ?? 0, eu: b.eu ?? 0, non_eu: b.nonEu ?? 0, unspecified: b.unspecified ?? 0 };
}

/** A centre's published figure of a year. */
export interface CentreFigure<T> {
  centreId: number;
  year: number;
  figure: T | null;
}

/**
 * The published figures that stand in for the records of a year: those of the centres with no
 * record of that kind in that year (`hasRecords`), and a figure published. The report adds them
 * to the count from the records (which those centres add nothing to).
 */
export function figuresInPlaceOfRecords<T>(
  figures: readonly CentreFigure<T>[],
  year: number,
  hasRecords: (centreId: number, year: number) => boolean,
): Array<CentreFigure<T> & { figure: T }> {
  return figures.filter((f): f is CentreFigure<T> & { figure: T } => f.year === year && f.figure !== null && !hasRecords(f.centreId, year));
}

/** How a year's column was made: from the records only, from published figures only, or both (several centres). */
export type YearSource = 'records' | 'figures' | 'mixed';

/** The source of a year's figure, from the number of centres using published figures in it and of those with records. */
export function yearSource(centresUsingFigures: number, centresWithRecords: number): YearSource {
  if (centresUsingFigures === 0) return 'records';
  return centresWithRecords === 0 ? 'figures' : 'mixed';
}

const yearList = (years: readonly number[]) => {
  const words = years.map(String);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} e ${words[words.length - 1]}`;
};

/**
 * The note under a comparison that uses published figures, or null when every year comes from
 * the records: "I dati 2022 e 2023 sono quelli pubblicati dal centro prima di Approdo (inseriti
 * a mano)."; with several centres, a year of which some centres have records says so.
 */
export function historicalNote(sources: ReadonlyMap<number, YearSource>, severalCentres: boolean): string | null {
  const whole = [...sources].filter(([, s]) => s === 'figures').map(([y]) => y);
  const mixed = [...sources].filter(([, s]) => s === 'mixed').map(([y]) => y);
  if (whole.length === 0 && mixed.length === 0) return null;
  const who = severalCentres ? 'dai centri' : 'dal centro';
  const sentences: string[] = [];
  if (whole.length > 0) {
    const subject = whole.length === 1 ? `I dati ${whole[0]} sono quelli pubblicati` : `I dati ${yearList(whole)} sono quelli pubblicati`;
    sentences.push(`${subject} ${who} prima di Approdo (inseriti a mano).`);
  }
  if (mixed.length > 0) {
    sentences.push(
      `I dati ${yearList(mixed)} sommano le registrazioni dei centri che le hanno e i dati pubblicati prima di Approdo (inseriti a mano) degli altri.`,
    );
  }
  return sentences.join(' ');
}
