/** The HTTP shell: health, the OpenAPI document, headers. */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, expectProblem, expectStatus, startTestApp, type TestApp } from '../../test/support/app.js';
import { DIALECTS, describeDialect, withPostgresAdmin } from '../../test/support/databases.js';

interface OpenApi {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
  components: { securitySchemes: Record<string, unknown> };
}

for (const dialect of DIALECTS) {
  describeDialect(dialect)(`${dialect}: health and OpenAPI`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect);
    });
    afterAll(() => t?.close());

    it('GET /api/health answers 200 with the database kind, without logging in', async () => {
      const res = await api(t.app, null).get('/api/health');
      expect(expectStatus(res, 200)).toEqual({ status: 'ok', database: dialect, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    });

    it('GET /api/openapi.json is an OpenAPI 3.1 document listing the API', async () => {
      const doc = expectStatus<OpenApi>(await api(t.app, null).get('/api/openapi.json'), 200);
      expect(doc.openapi).toBe('3.1.0');
      expect(doc.info.title).toBe('Approdo API');
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/visits',
          '/api/v1/visits/{id}',
          '/api/v1/visits/summary',
          '/api/v1/people',
          '/api/v1/audit',
          '/api/health',
        ]),
      );
      expect(Object.keys(doc.paths['/api/v1/visits'] ?? {}).sort()).toEqual(['get', 'post']);
      expect(Object.keys(doc.paths['/api/v1/visits']?.post?.responses ?? {})).toEqual(expect.arrayContaining(['201', '400', '401']));
      expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'session']);
      expect(doc.paths['/api/openapi.json']).toBeUndefined();
      // Errors are documented as problem details; successes as JSON; the login needs no credentials.
      const post = doc.paths['/api/v1/visits']?.post as { responses: Record<string, { content: Record<string, unknown> }> };
      expect(Object.keys(post.responses['400']?.content ?? {})).toEqual(['application/problem+json']);
      expect(Object.keys(post.responses['201']?.content ?? {})).toEqual(['application/json']);
      expect((doc.paths['/api/v1/auth/login']?.post as { security?: unknown[] } | undefined)?.security).toEqual([]);
    });

    if (dialect === 'postgres') {
      // PostgreSQL only: SQLite has no connections to lose.
      it('survives PostgreSQL cutting its idle connections (a restart, a failover)', async () => {
        expectStatus(await api(t.app, null).get('/api/health'), 200); // the pool now holds an idle connection
        const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(t.db);
        const killed = await withPostgresAdmin((client) =>
          client.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [
            rows[0]?.name,
          ]),
        );
        expect(killed.rowCount).toBeGreaterThan(0);
        await new Promise((resolve) => setTimeout(resolve, 200)); // let the termination reach the pool
        expect(expectStatus(await api(t.app, null).get('/api/health'), 200)).toMatchObject({ status: 'ok', database: 'postgres' });
      });
    }

    it('an unknown API route is a 404 problem', async () => {
      expectProblem(await api(t.app, null).get('/api/v1/no-such-thing'), 404, 'route.not_found');
      expectProblem(await api(t.app, null).get('/api/nothing'), 404, 'route.not_found');
    });
  });
}
