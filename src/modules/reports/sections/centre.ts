/**
 * Section 1, "Centro Servizi per l'Integrazione Sociale": the description, the closures of the
 * year (a sentence and the days lost), the opening hours with their change, the open days and
 * hours (with the visits per open hour), month by month, and the staff. Every figure comes
 * from the calendar's own functions (calendarOfYear, staffOfYear); none is typed.
 */
import type { StaffList } from '../../../contracts/calendar.js';
import type { StaffRole } from '../../../contracts/enums.js';
import { STAFF_ROLE_LABELS } from '../../../contracts/labels.js';
import type { ReportBlock, ReportRow, ReportTable } from '../../../contracts/reports.js';
import { closuresInYear, closuresSentence } from '../../../domain/report/closures-text.js';
import { HALF_DAY_LABELS, hoursChangeText, hoursTableRows } from '../../../domain/report/hours-table.js';
import { fromDate, italianNumber, monthName, shortDate } from '../../../domain/report/italian.js';
import { type CalendarOfYear, calendarOfYear, staffOfYear } from '../../calendar/report.js';
import type { SectionBuilder } from '../context.js';
import { countVisits } from '../visits-care.repository.js';
import {
  assertReconciles,
  figuresBlock,
  hoursOfMinutes,
  numberColumn,
  round2,
  textBlock,
  textColumn,
  totalRow,
} from './activity-blocks.js';

export const CENTRE_TITLE = "Centro Servizi per l'Integrazione Sociale";

export const DESCRIPTION_DRAFT =
  "Il Centro Servizi per l'Integrazione Sociale è un servizio che svolge attività di **informazione, accompagnamento, orientamento e sostegno** alla persona migrante o italiana. Gli utenti accedono al servizio spontaneamente o sono inviati da altri servizi comunali o dall'ASP.";

const PATRON_DAY_LABEL = 'Festa del patrono';

/** Plural of a staff role for "2 Operatori della mediazione". */
const ROLE_PLURALS: Record<StaffRole, string> = {
  coordinator: 'Coordinatori',
  mediation_operator: 'Operatori della mediazione',
  integration_operator: "Operatori dell'integrazione",
  other: 'Altre figure',
};

/** The days lost: each closure with the open days it took, each holiday and the patron day on a day with hours. */
export function closureDaysTable(id: string, calendar: CalendarOfYear, year: number): ReportTable {
  const closures = closuresInYear(calendar.closures, year);
  const lost = new Map(closures.map((c) => [c.id, 0]));
  const rows: Array<ReportRow & { date: string }> = [];
  for (const day of calendar.figures.closed) {
    const why = day.closedBecause;
    if (!why) continue;
    if (why.kind === 'closure') {
      const closure = closures.find((c) => c.from <= day.date && day.date <= c.to);
      if (closure) lost.set(closure.id, (lost.get(closure.id) ?? 0) + 1);
    } else if (why.kind === 'holiday' || why.kind === 'patron_day') {
      rows.push({
        key: `${why.kind}-${day.date}`,
        date: day.date,
        cells: {
          from: shortDate(day.date),
          to: shortDate(day.date),
          lost: 1,
          reason: why.kind === 'holiday' ? (why.name ?? 'Festività') : PATRON_DAY_LABEL,
        },
      });
    }
  }
  for (const closure of closures) {
    rows.push({
      key: `closure-${closure.id}`,
      date: closure.from,
      cells: { from: shortDate(closure.from), to: shortDate(closure.to), lost: lost.get(closure.id) ?? 0, reason: closure.reason },
    });
  }
  rows.sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key));
  const columns = [
    textColumn('from', 'Dal'),
    textColumn('to', 'Al'),
    numberColumn('lost', 'Giorni di apertura persi'),
    textColumn('reason', 'Motivo'),
  ];
  const parts = rows.map(({ date: _, ...row }) => row);
  const total = totalRow(columns, parts);
  total.cells.from = 'Totale';
  return assertReconciles({
    kind: 'table',
    id,
    title: 'Chiusure e festività',
    columns,
    rows: [...parts, total],
    protect: false,
    notes: [
      'Giorni in cui il Centro avrebbe avuto orario di apertura: le festività che cadono in un giorno di chiusura settimanale non sono contate.',
    ],
  });
}

export function hoursTable(id: string, calendar: CalendarOfYear, year: number): ReportTable {
  return {
    kind: 'table',
    id,
    title: 'Orario di apertura',
    columns: [
      textColumn('weekday', ''),
      textColumn('morning', HALF_DAY_LABELS.morning),
      textColumn('afternoon', HALF_DAY_LABELS.afternoon),
    ],
    rows: hoursTableRows(calendar.hours, year).map((row) => ({
      key: String(row.weekday),
      cells: { weekday: row.label, morning: row.morning, afternoon: row.afternoon },
    })),
    protect: false,
  };
}

/** Open days, open hours and days closed, month by month. */
export function monthsTable(id: string, calendars: readonly CalendarOfYear[]): ReportTable {
  const columns = [
    textColumn('month', 'Mese'),
    numberColumn('openDays', 'Giorni di apertura'),
    numberColumn('openHours', 'Ore di apertura'),
    numberColumn('closedDays', 'Giorni di chiusura'),
  ];
  const rows: ReportRow[] = Array.from({ length: 12 }, (_, i) => {
    const months = calendars.map((c) => c.figures.months.find((m) => m.month === i + 1));
    const sum = (pick: (m: { openDays: number; openMinutes: number; closedDays: number }) => number) =>
      months.reduce((s, m) => s + (m ? pick(m) : 0), 0);
    const name = monthName(i + 1);
    return {
      key: String(i + 1),
      cells: {
        month: name.charAt(0).toUpperCase() + name.slice(1),
        openDays: sum((m) => m.openDays),
        openHours: hoursOfMinutes(sum((m) => m.openMinutes)),
        closedDays: sum((m) => m.closedDays),
      },
    };
  });
  return assertReconciles({
    kind: 'table',
    id,
    title: 'Giorni e ore di apertura per mese',
    columns,
    rows: [...rows, totalRow(columns, rows)],
    protect: false,
    chart: { type: 'bar', categoryColumn: 'month', seriesColumns: ['openDays', 'openHours'] },
    notes: ['Giorni di chiusura: giorni con orario di apertura in cui il Centro era chiuso per festività, festa del patrono o chiusura.'],
  });
}

export function staffTable(id: string, staff: StaffList, year: number): ReportTable {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const rows: ReportRow[] = staff.items.flatMap((member) =>
    member.contracts
      .filter((c) => c.from <= last && (c.to === null || c.to >= first))
      .sort((a, b) => a.from.localeCompare(b.from))
      .map((c) => ({
        key: String(c.id),
        cells: {
          role: STAFF_ROLE_LABELS.it[member.role],
          from: shortDate(c.from),
          to: c.to ? shortDate(c.to) : null,
          weeklyHours: hoursOfMinutes(c.weeklyMinutes),
          description: c.project ? [c.description, `progetto ${c.project.name}`].filter(Boolean).join(', ') : c.description,
        },
      })),
  );
  return {
    kind: 'table',
    id,
    title: 'Figure professionali e ore settimanali',
    columns: [
      textColumn('role', 'Figura professionale'),
      textColumn('from', 'Dal'),
      textColumn('to', 'Al'),
      numberColumn('weeklyHours', 'Ore settimanali'),
      textColumn('description', 'Note'),
    ],
    rows,
    protect: false,
    notes: [`Ore settimanali in vigore al 31/12/${year}: ${italianNumber(hoursOfMinutes(staff.totalWeeklyMinutes))}.`],
  };
}

/** "Figure professionali presenti all'interno del Centro al 31 dicembre 2024: 1 Coordinatore; …", and the changes of the year. */
export function staffDraft(staff: StaffList, year: number): string {
  const atEnd = new Map<StaffRole, number>();
  for (const member of staff.items) if (member.weeklyMinutes > 0) atEnd.set(member.role, (atEnd.get(member.role) ?? 0) + 1);
  const roles = (Object.keys(ROLE_PLURALS) as StaffRole[]).filter((role) => atEnd.has(role));
  if (roles.length === 0) return `Nessuna figura professionale con un contratto in vigore al 31 dicembre ${year}.`;
  const list = roles
    .map((role, i) => {
      const n = atEnd.get(role) as number;
      return `- ${n} ${n === 1 ? STAFF_ROLE_LABELS.it[role] : ROLE_PLURALS[role]}${i === roles.length - 1 ? '.' : ';'}`;
    })
    .join('\n');
  const starts = new Map<string, { from: string; description: string; who: string[] }>();
  for (const member of staff.items) {
    for (const c of member.contracts.filter((c) => c.from > `${year}-01-01` && c.from <= `${year}-12-31`)) {
      const description = c.description ?? 'nuovo contratto';
      const key = `${c.from}|${description}`;
      const start = starts.get(key) ?? { from: c.from, description, who: [] };
      start.who.push(`${STAFF_ROLE_LABELS.it[member.role]}, ${italianNumber(hoursOfMinutes(c.weeklyMinutes))} ore settimanali`);
      starts.set(key, start);
    }
  }
  const changes = [...starts.values()]
    .sort((a, b) => a.from.localeCompare(b.from))
    .map((s) => `${fromDate(s.from)}, ${s.description} (${s.who.join('; ')})`);
  const intro = `Figure professionali presenti all'interno del Centro al 31 dicembre ${year}:\n\n${list}`;
  return changes.length > 0 ? `${intro}\n\nVariazioni nell'anno: ${changes.join('; ')}.` : intro;
}

export const centreSection: SectionBuilder = async (ctx) => {
  const centres = await ctx.db
    .selectFrom('centres')
    .select(['id', 'code', 'name'])
    .where('id', 'in', ctx.centreIds)
    .orderBy('name')
    .execute();
  const several = centres.length > 1;
  const calendars: CalendarOfYear[] = [];
  const perCentre: ReportBlock[] = [];
  let closuresText = '';
  let changeText = '';
  let staffText = '';
  for (const centre of centres) {
    const [calendar, staff] = [await calendarOfYear(ctx.db, centre.id, ctx.year), await staffOfYear(ctx.db, centre.id, ctx.year)];
    calendars.push(calendar);
    const suffix = several ? `.${centre.code}` : '';
    const named = (title: string) => (several ? `${title} — ${centre.name}` : title);
    const heading = several ? `${centre.name}: ` : '';
    closuresText += `${closuresText ? '\n\n' : ''}${heading}${closuresSentence(calendar.closures, ctx.year)}`;
    changeText += `${changeText ? '\n\n' : ''}${heading}${hoursChangeText(calendar.hours, ctx.year)}`;
    staffText += `${staffText ? '\n\n' : ''}${heading}${staffDraft(staff, ctx.year)}`;
    const closureTable = closureDaysTable(`centre.closureDays${suffix}`, calendar, ctx.year);
    const hours = hoursTable(`centre.hours${suffix}`, calendar, ctx.year);
    const staffRows = staffTable(`centre.staff${suffix}`, staff, ctx.year);
    perCentre.push(
      { ...closureTable, title: named(closureTable.title) },
      { ...hours, title: named(hours.title) },
      { ...staffRows, title: named(staffRows.title) },
    );
  }

  const openDays = calendars.reduce((s, c) => s + c.figures.openDays, 0);
  const openMinutes = calendars.reduce((s, c) => s + c.figures.openMinutes, 0);
  const visits = await countVisits(ctx.db, ctx.centreIds, ctx.year);
  const openHours = hoursOfMinutes(openMinutes);
  const threshold = ctx.settings.disclosureThreshold;
  // A ratio would give a hidden count away (visits = ratio × hours): none when the visits are.
  const visitsHidden = threshold > 1 && visits > 0 && visits < threshold;
  const perHour = openMinutes > 0 && !visitsHidden ? round2(visits / openHours) : null;

  const byId = (id: string) => perCentre.filter((b) => b.id === id || b.id.startsWith(`${id}.`));
  const blocks: ReportBlock[] = [
    textBlock('centre.description', 'Il Centro', DESCRIPTION_DRAFT),
    textBlock('centre.closures', 'Chiusure', closuresText),
    ...byId('centre.closureDays'),
    ...byId('centre.hours'),
    textBlock('centre.hoursChange', "Variazione dell'orario", changeText),
    figuresBlock('centre.opening', `Apertura nel ${ctx.year}`, false, [
      { key: 'openDays', label: 'Giorni di apertura', value: openDays },
      { key: 'openHours', label: 'Ore di apertura', value: openHours },
      { key: 'visitsPerOpenHour', label: 'Accessi per ora di apertura', value: perHour },
    ]),
    figuresBlock('centre.visits', `Accessi ${ctx.year}`, true, [{ key: 'visits', label: 'Accessi', value: visits }]),
    monthsTable('centre.months', calendars),
    ...byId('centre.staff'),
    textBlock('centre.staffText', 'Figure professionali', staffText),
  ];
  return { id: 'centre', title: CENTRE_TITLE, blocks };
};
