/** "Today" and "now" at the centre (Europe/Rome), whatever the browser's time zone. */
const ROME = 'Europe/Rome';

export function romeToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ROME, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function romeNowTime(now = new Date()): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: ROME, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
}
