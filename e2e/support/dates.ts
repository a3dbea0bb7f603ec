/** Dates as the app counts them: the calendar of the centre (Europe/Rome), yyyy-mm-dd. */
export function romeDate(daysFromToday = 0, now = new Date()): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  );
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  // Calendar arithmetic on the date itself: no daylight-saving surprises.
  return new Date(Date.UTC(y, m - 1, d + daysFromToday)).toISOString().slice(0, 10);
}

/** dd/mm/yyyy, as the Italian pages show a date. */
export function italianDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

/** A day of next month (clamped to its length), yyyy-mm-dd: always 1 to about 60 days away. */
export function romeDateNextMonth(day: number, now = new Date()): string {
  const [y, m] = romeDate(0, now).split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/** Whole days from today (Rome) to a yyyy-mm-dd date. */
export function daysFromToday(isoDate: string, now = new Date()): number {
  return Math.round((Date.parse(isoDate) - Date.parse(romeDate(0, now))) / 86_400_000);
}

/** "martedì 8 dicembre 2026", as the pages write a date with its weekday. */
export function italianLongDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat('it-IT', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(Date.UTC(y, m - 1, d, 12)),
  );
}
