/**
 * Recording visits under load: autocannon against POST /api/v1/visits, linked and anonymous
 * visits in turn, with valid topic ids. The same bodies go to the real application and to a
 * bare Fastify + better-sqlite3 route, so that the ratio says what the application costs.
 */
import autocannon from 'autocannon';
import { deriveSeed, Rng } from '../src/demo/random.js';

export interface VisitPlan {
  personIds: number[];
  topicIds: number[];
  seed: number;
}

export interface LoadRun {
  label: string;
  requestsPerSecond: number;
  ok: number;
  non2xx: number;
  errors: number;
  latencyMs: { p50: number; p99: number; mean: number };
  durationSeconds: number;
  firstFailure?: string;
  /** The server process's CPU time (all its threads) per successful request, when it could be read. */
  serverCpuMicrosPerRequest?: number;
}

const ANONYMOUS = [
  { gender: 'male', citizenship: 'PK', ageBand: '18-29' },
  { gender: 'female', citizenship: 'MA', ageBand: '30-44' },
  { gender: 'male', citizenship: 'NG', ageBand: '30-44' },
  { gender: 'female', citizenship: 'UA', ageBand: '45-64' },
  { gender: 'male', citizenship: 'BD', ageBand: '18-29' },
  { gender: 'female', citizenship: 'IT', ageBand: '65+' },
];

/** Bodies alternate: a visit of a registered person, then an anonymous one with two topics. */
function bodies(plan: VisitPlan) {
  const rng = new Rng(deriveSeed(plan.seed, 0x715));
  const topic = () => rng.pick(plan.topicIds);
  return {
    linked: () =>
      JSON.stringify({ personId: rng.pick(plan.personIds), topicIds: [topic()], channel: 'in_person', referralSource: 'spontaneous' }),
    anonymous: () => {
      const a = topic();
      let b = topic();
      if (b === a) b = plan.topicIds.find((t) => t !== a) ?? a;
      return JSON.stringify({ anonymous: rng.pick(ANONYMOUS), topicIds: [a, b], channel: 'phone', referralSource: 'municipal_service' });
    },
  };
}

export async function loadVisits(
  label: string,
  baseUrl: string,
  token: string,
  plan: VisitPlan,
  options: { seconds: number; connections: number },
): Promise<LoadRun> {
  const next = bodies(plan);
  let firstFailure: string | undefined;
  const onResponse = (status: number, body: string) => {
    if ((status < 200 || status > 299) && firstFailure === undefined) firstFailure = `${status} ${body.slice(0, 300)}`;
  };
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const result = await autocannon({
    url: baseUrl,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    requests: [
      { method: 'POST', path: '/api/v1/visits', headers, setupRequest: (r) => ({ ...r, body: next.linked() }), onResponse },
      { method: 'POST', path: '/api/v1/visits', headers, setupRequest: (r) => ({ ...r, body: next.anonymous() }), onResponse },
    ],
  });
  return {
    label,
    requestsPerSecond: Math.round(result['2xx'] / result.duration),
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, mean: Math.round(result.latency.mean * 100) / 100 },
    durationSeconds: result.duration,
    firstFailure,
  };
}
