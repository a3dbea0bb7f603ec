/**
 * What probing the running app found at the edge of the HTTP layer: a URL the router cannot
 * decode answered Fastify's own JSON without the security headers; source maps were served;
 * no HSTS behind https.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/support/app.js';
import viteConfig from '../../vite.config.js';

const MALFORMED = ['/api/v1/visits/%E0%A4%A', '/api/v1/people/%', '/persone/%E0%A4%A'];

function expectHardened(res: LightMyRequestResponse) {
  expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('DENY');
}

describe('the HTTP edge (SQLite)', () => {
  let web: string;
  let plain: TestApp;
  let https: TestApp;

  beforeAll(async () => {
    // A built web app with a source map beside its script, as an older build would leave it.
    web = mkdtempSync(join(tmpdir(), 'approdo-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Approdo</title>');
    writeFileSync(join(web, 'assets', 'app-1a2b.js'), 'console.log("app")\n//# sourceMappingURL=app-1a2b.js.map\n');
    writeFileSync(join(web, 'assets', 'app-1a2b.js.map'), '{"version":3,"sources":["secret.tsx"],"sourcesContent":["x"]}');
    plain = await startTestApp('sqlite', { webRoot: web });
    https = await startTestApp('sqlite', { webRoot: web, publicUrl: 'https://approdo.comune.example' });
  });
  afterAll(async () => {
    await plain?.close();
    await https?.close();
    rmSync(web, { recursive: true, force: true });
  });

  it('a malformed percent-encoding is a 400 problem with the security headers, for the API and the pages', async () => {
    for (const url of MALFORMED) {
      const res = await plain.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ status: 400, code: 'request.malformed' });
      expect(res.headers['cache-control']).toBe('no-store');
      expectHardened(res);
    }
  });

  it('serves the web app but never a source map', async () => {
    const script = await plain.app.inject({ method: 'GET', url: '/assets/app-1a2b.js' });
    expect(script.statusCode).toBe(200);
    for (const url of ['/assets/app-1a2b.js.map', '/assets/app-1a2b.js.map?x=1', '/assets/%61pp-1a2b.js.map']) {
      const map = await plain.app.inject({ method: 'GET', url });
      expect(map.statusCode, url).not.toBe(200);
      expect(map.body).not.toContain('sourcesContent');
    }
    expect(viteConfig.build?.sourcemap).toBe(false);
  });

  it('sends HSTS when users reach the app over https, and only then', async () => {
    for (const url of ['/api/health', '/', '/api/v1/visits/%E0%A4%A', '/api/v1/nope']) {
      const res = await https.app.inject({ method: 'GET', url });
      expect(res.headers['strict-transport-security'], url).toBe('max-age=31536000; includeSubDomains');
      expectHardened(res);
      expect(res.statusCode, url).toBeLessThan(500);
    }
    const res = await plain.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});
