/**
 * Reads a V8 .cpuprofile (node --cpu-prof) and says where the time goes: by function (self
 * time), by package or source area (self time), and, for the application's own functions,
 * inclusive time (the function and everything it calls).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

export interface ProfileSummary {
  sampledMs: number;
  idlePercent: number;
  /** Share of the busy time. */
  areas: Array<{ area: string; percent: number }>;
  selfTop: Array<{ fn: string; percent: number }>;
  appInclusive: Array<{ fn: string; percent: number }>;
}

const SQLITE_NATIVE = new Set(['Statement', 'run', 'all', 'get', 'iterate', 'exec', 'pragma', 'prepare']);
const SOCKET_NATIVE = new Set(['writev', 'writeBuffer', 'writeUtf8String', 'writeLatin1String', 'onStreamRead']);

function areaOf(url: string, fn: string): string {
  if (!url) {
    if (SQLITE_NATIVE.has(fn)) return 'SQLite (better-sqlite3 native: prepare and run statements)';
    if (SOCKET_NATIVE.has(fn)) return 'sockets (native)';
    return fn.startsWith('(') ? fn : `(native) ${fn}`;
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] as string;
  const src = /\/(src\/[^/]+(?:\/[^/]+)?)\//.exec(url);
  if (src) return src[1] as string;
  if (url.startsWith('node:')) return 'node internals';
  return url.replace(/^file:\/\//, '');
}

const shortUrl = (url: string) => url.replace(/^file:\/\/.*?\/(node_modules|src|bench)\//, '$1/');
/** Where a function is: file and line for packages; the file only for the app (run through tsx, its lines are not the source's). */
const place = (url: string, line: number) => (url.includes('/node_modules/') ? `${shortUrl(url)}:${line + 1}` : shortUrl(url));

export function summariseProfile(file: string, top = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totalHits = profile.nodes.reduce((a, n) => a + (n.hitCount ?? 0), 0) || 1;
  const msPerHit = (profile.endTime - profile.startTime) / 1000 / totalHits;
  const idleHits = profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').reduce((a, n) => a + (n.hitCount ?? 0), 0);
  const busyHits = Math.max(1, totalHits - idleHits);
  const pct = (hits: number) => Math.round((hits / busyHits) * 1000) / 10;

  const areas = new Map<string, number>();
  const self = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0 || node.callFrame.functionName === '(idle)') continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + hits);
    const key = `${functionName || '(anonymous)'} ${url ? place(url, lineNumber) : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + hits);
  }

  // Inclusive hits of the application's functions (src/), counted once per stack.
  const inclusive = new Map<string, number>();
  const walk = (id: number, onStack: Set<string>): number => {
    const node = byId.get(id);
    if (!node) return 0;
    const { functionName, url, lineNumber } = node.callFrame;
    const isApp = url.includes('/src/') && !url.includes('node_modules');
    const key = isApp ? `${functionName || '(anonymous)'} ${place(url, lineNumber)}` : '';
    const added = isApp && !onStack.has(key);
    if (added) onStack.add(key);
    let hits = node.hitCount ?? 0;
    for (const child of node.children ?? []) hits += walk(child, onStack);
    if (added) {
      onStack.delete(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + hits);
    }
    return hits;
  };
  const root = profile.nodes[0];
  if (root) walk(root.id, new Set());

  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return {
    sampledMs: Math.round(totalHits * msPerHit),
    idlePercent: Math.round((idleHits / totalHits) * 1000) / 10,
    areas: sorted(areas)
      .slice(0, top)
      .map(([area, hits]) => ({ area, percent: pct(hits) })),
    selfTop: sorted(self)
      .slice(0, top)
      .map(([fn, hits]) => ({ fn, percent: pct(hits) })),
    appInclusive: sorted(inclusive)
      .slice(0, top)
      .map(([fn, hits]) => ({ fn, percent: pct(hits) })),
  };
}
