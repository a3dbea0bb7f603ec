/**
 * The year the report tests look at: visits dated three years ago, so that no other spec (they
 * all work around today) adds to its figures. Anonymous visitors of known citizenships, through
 * the API as the desk records catch-up visits. Idempotent: a second call finds them and only
 * reads the total back.
 */
import { romeDate } from './dates.js';
import { type ApiSession, asUser, ok } from './seed.js';

export const REPORT_YEAR = Number(romeDate().slice(0, 4)) - 3;

type Anonymous = { gender: 'female' | 'male' | 'other' | 'not_stated'; citizenship: string; ageBand: string };

/** Who came in the report's year, and on which day: 12 visits, so that the grouping threshold (5) groups some countries. */
export const REPORT_VISITS: Array<{ date: string; anonymous: Anonymous }> = [
  ...['02-05', '03-12', '04-09', '05-14', '06-18', '09-10'].map((day) => ({
    date: `${REPORT_YEAR}-${day}`,
    anonymous: { gender: 'male' as const, citizenship: 'MA', ageBand: '30-44' },
  })),
  ...['01-16', '07-02', '10-08'].map((day) => ({
    date: `${REPORT_YEAR}-${day}`,
    anonymous: { gender: 'female' as const, citizenship: 'RO', ageBand: '18-29' },
  })),
  { date: `${REPORT_YEAR}-02-20`, anonymous: { gender: 'female', citizenship: 'IT', ageBand: '45-64' } },
  { date: `${REPORT_YEAR}-11-05`, anonymous: { gender: 'female', citizenship: 'UA', ageBand: '30-44' } },
  { date: `${REPORT_YEAR}-12-03`, anonymous: { gender: 'male', citizenship: 'NG', ageBand: '18-29' } },
];

/** The visit added between the two publications (the "changed record" the comparison finds). */
export const LATE_VISIT = { date: `${REPORT_YEAR}-12-17`, anonymous: { gender: 'male' as const, citizenship: 'AF', ageBand: '18-29' } };

async function visitsOfYear({ api }: ApiSession): Promise<number> {
  const page = await ok<{ total: number }>(
    api.get('/api/v1/visits', { params: { from: `${REPORT_YEAR}-01-01`, to: `${REPORT_YEAR}-12-31`, pageSize: 1 } }),
  );
  return page.total;
}

async function addVisit(session: ApiSession, visit: { date: string; anonymous: Anonymous }): Promise<void> {
  const topics = await ok<Array<{ id: number }>>(session.api.get('/api/v1/topics', { params: { active: 'true' } }));
  await ok(
    session.api.post('/api/v1/visits', {
      headers: session.headers,
      data: { centreId: session.centreId, date: visit.date, time: '10:30', anonymous: visit.anonymous, topicIds: [topics[0]?.id] },
    }),
  );
}

/** The visits of the report's year (created unless there are some already); answers their number. */
export async function ensureReportVisits(): Promise<number> {
  return asUser(async (session) => {
    if ((await visitsOfYear(session)) === 0) {
      for (const visit of REPORT_VISITS) await addVisit(session, visit);
    }
    return visitsOfYear(session);
  });
}

/** Records the late visit; answers the new number of visits of the year. */
export async function addLateVisit(): Promise<number> {
  return asUser(async (session) => {
    await addVisit(session, LATE_VISIT);
    return visitsOfYear(session);
  });
}
