/**
 * The front-desk page in Debian's Chromium: the JavaScript it loads (sum of gzip sizes) and the
 * time from navigation to a usable form (#person-search visible and enabled), after logging in.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium } from '@playwright/test';
import { percentile, ROOT } from './lib.js';

export const WEB_DIR = join(ROOT, 'dist', 'web');
export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const FORM_SELECTOR = '#person-search';
/** The front desk's page (the home is at `/` since decision 014). */
const FRONT_DESK_PATH = '/sportello';

export interface JsFile {
  path: string;
  bytes: number;
  gzipBytes: number;
  /** Body bytes on the wire as the server sent them (compressed only if the server compresses). */
  wireBytes?: number;
}

export interface FrontDeskResult {
  /** JS the page's HTML references (entry scripts and module preloads), from dist/web. */
  staticJs: { files: JsFile[]; gzipKB: number } | { notMeasured: string };
  /** JS Chromium actually received while the page loaded and settled; wireKB as the server sent it. */
  loadedJs: { files: JsFile[]; gzipKB: number; wireKB?: number } | { notMeasured: string };
  /** Navigation start → #person-search visible and enabled (performance.now() in the page). */
  usableFormMs: { coldMedian: number; coldRuns: number[]; warmMedian: number; warmRuns: number[] } | { notMeasured: string };
}

const gzipSize = (data: Buffer) => gzipSync(data).length; // zlib's default level, as a server compressing on the fly
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Scripts and module preloads named by dist/web/index.html (the entry and its static imports). */
export function staticJs(): FrontDeskResult['staticJs'] {
  const index = join(WEB_DIR, 'index.html');
  if (!existsSync(index)) return { notMeasured: 'dist/web/index.html is missing' };
  const html = readFileSync(index, 'utf8');
  const refs = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) refs.add(match[1] as string);
  for (const match of html.matchAll(
    /<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"|<link\b[^>]*href="([^"]+)"[^>]*rel="modulepreload"/g,
  )) {
    refs.add((match[1] ?? match[2]) as string);
  }
  const files: JsFile[] = [];
  for (const ref of refs) {
    if (/^https?:/.test(ref)) continue;
    const file = join(WEB_DIR, ref.replace(/^\//, '').split('?')[0] as string);
    if (!existsSync(file)) continue;
    const data = readFileSync(file);
    files.push({ path: ref, bytes: data.length, gzipBytes: gzipSize(data) });
  }
  if (files.length === 0) return { notMeasured: 'index.html names no local script' };
  return { files, gzipKB: kb(files.reduce((a, f) => a + f.gzipBytes, 0)) };
}

export async function measureFrontDesk(
  baseUrl: string,
  credentials: { email: string; password: string },
  runs = 5,
  log: (line: string) => void = () => {},
): Promise<FrontDeskResult> {
  const result: FrontDeskResult = {
    staticJs: staticJs(),
    loadedJs: { notMeasured: 'not run' },
    usableFormMs: { notMeasured: 'not run' },
  };
  if ('notMeasured' in result.staticJs) {
    result.loadedJs = { notMeasured: result.staticJs.notMeasured };
    result.usableFormMs = { notMeasured: result.staticJs.notMeasured };
    return result;
  }
  if (!existsSync(CHROMIUM)) {
    const reason = `${CHROMIUM} is missing (apt-get install -y chromium)`;
    result.loadedJs = { notMeasured: reason };
    result.usableFormMs = { notMeasured: reason };
    return result;
  }

  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const cold: number[] = [];
    const warm: number[] = [];
    for (let run = 0; run < runs; run++) {
      // A new context is a new profile: empty cache, no cookies.
      const context = await browser.newContext();
      try {
        const login = await context.request.post(`${baseUrl}/api/v1/auth/login`, { data: credentials });
        if (!login.ok()) throw new Error(`login answered ${login.status()}: ${(await login.text()).slice(0, 200)}`);
        const page = await context.newPage();
        const scripts: Array<Promise<JsFile | undefined>> = [];
        if (run === 0) {
          page.on('response', (response) => {
            const type = response.request().resourceType();
            const url = new URL(response.url());
            if (type !== 'script' && !url.pathname.endsWith('.js')) return;
            scripts.push(
              Promise.all([response.body(), response.request().sizes()])
                .then(([body, sizes]) => ({
                  path: url.pathname,
                  bytes: body.length,
                  gzipBytes: gzipSize(body),
                  wireBytes: sizes.responseBodySize,
                }))
                .catch(() => undefined),
            );
          });
        }
        const waitUsable = () =>
          page.waitForFunction(
            (selector: string) => {
              const el = document.querySelector(selector) as HTMLInputElement | null;
              if (!el || el.disabled) return false;
              const box = el.getBoundingClientRect();
              const style = getComputedStyle(el);
              if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || style.display === 'none') return false;
              return performance.now();
            },
            FORM_SELECTOR,
            { polling: 'raf', timeout: 20_000 },
          );
        await page.goto(`${baseUrl}${FRONT_DESK_PATH}`, { waitUntil: 'commit' });
        try {
          cold.push(Math.round(((await (await waitUsable()).jsonValue()) as number) * 10) / 10);
        } finally {
          if (run === 0) {
            // Whatever happened to the form, count the scripts the page loaded once it settled.
            await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
            const files = (await Promise.all(scripts)).filter((f): f is JsFile => f !== undefined);
            result.loadedJs =
              files.length > 0
                ? {
                    files,
                    gzipKB: kb(files.reduce((a, f) => a + f.gzipBytes, 0)),
                    wireKB: kb(files.reduce((a, f) => a + (f.wireBytes ?? f.bytes), 0)),
                  }
                : { notMeasured: 'no script loaded' };
          }
        }
        // The same page again, its files now cached (as on the second visit of the day).
        await page.goto('about:blank');
        await page.goto(`${baseUrl}${FRONT_DESK_PATH}`, { waitUntil: 'commit' });
        warm.push(Math.round(((await (await waitUsable()).jsonValue()) as number) * 10) / 10);
        log(`    run ${run + 1}: cold ${cold.at(-1)} ms, warm ${warm.at(-1)} ms`);
      } finally {
        await context.close();
      }
    }
    const median = (xs: number[]) =>
      percentile(
        [...xs].sort((a, b) => a - b),
        0.5,
      );
    result.usableFormMs = { coldMedian: median(cold), coldRuns: cold, warmMedian: median(warm), warmRuns: warm };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const reason = /Timeout/i.test(message ?? '') ? `${FORM_SELECTOR} never became visible and enabled (${message})` : (message ?? 'error');
    if ('notMeasured' in result.loadedJs && result.loadedJs.notMeasured === 'not run') result.loadedJs = { notMeasured: reason };
    result.usableFormMs = { notMeasured: reason };
  } finally {
    await browser?.close();
  }
  return result;
}
