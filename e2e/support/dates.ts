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
