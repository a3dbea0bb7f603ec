import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pageOf } from '../../contracts/common.js';
import {
  importActionInput,
  importListQuery,
  importParams,
  importRejectSchema,
  importRejectsQuery,
  importSchema,
  importUpdateInput,
  importUploadQuery,
} from '../../contracts/imports.js';
import { routesOf } from '../http/route.js';
import { unsupportedUpload } from './imports.errors.js';
import {
  discardImport,
  getImport,
  type ImportContext,
  listImportsFor,
  markInterruptedImports,
  runImport,
  undoImport,
  updateImportFor,
  uploadImport,
} from './imports.usecases.js';
import { ImportJobs } from './jobs.js';
import { listRejectsFor, rejectsWorkbook } from './rejects.usecases.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The server's import jobs (dry runs and imports); `idle()` resolves when none runs. */
    importJobs: ImportJobs;
  }
}

/** The media types a register is sent as: the raw file, whatever the browser calls it. */
const FILE_TYPES = [
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'text/csv',
];

/**
 * The import jobs of a server: one runner, and on start the imports a stopped server left
 * running are marked failed (import.interrupted); on close the running jobs are waited for.
 */
export function registerImportJobs(app: FastifyInstance): void {
  app.decorate('importJobs', new ImportJobs());
  app.addHook('onReady', async () => {
    const interrupted = await markInterruptedImports(app.db);
    if (interrupted > 0) app.log.warn({ interrupted }, 'imports interrupted by a restart marked failed');
  });
  app.addHook('onClose', async () => app.importJobs.idle());
}

export const importsRoutes = routesOf(['imports'], (route, app) => {
  const ctx = (): ImportContext => ({ db: app.db, jobs: app.importJobs, importDir: app.config.importDir });

  // The file arrives as a stream, written to disk as it comes (never whole in memory): no body limit
  // here, the upload counts the bytes and stops at IMPORT_MAX_BYTES.
  app.addContentTypeParser(FILE_TYPES, (_request, payload, done) => done(null, payload));

  route.post('/imports', {
    permission: 'imports.manage',
    summary: 'Upload a register (XLSX or CSV, the raw file as the body, at most 25 MB) and start its dry run',
    querystring: importUploadQuery,
    response: importSchema,
    status: 201,
    handle: async (actor, { query }, request) => {
      const body = request.body as Readable | undefined;
      if (!body || typeof (body as Readable).pipe !== 'function') throw unsupportedUpload();
      const length = Number(request.headers['content-length']);
      const started = await uploadImport(ctx(), actor, query, body, Number.isFinite(length) ? length : undefined);
      return started.import;
    },
  });

  route.get('/imports', {
    permission: 'imports.manage',
    summary: "The centre's imports, newest first",
    querystring: importListQuery,
    response: pageOf(importSchema),
    handle: (actor, { query }) => listImportsFor(ctx(), actor, query),
  });

  route.get('/imports/:id', {
    permission: 'imports.manage',
    summary: 'One import: its status and progress, mapping, dry-run summary, failure',
    params: importParams,
    response: importSchema,
    handle: (actor, { params }) => getImport(ctx(), actor, params.id),
  });

  route.patch('/imports/:id', {
    permission: 'imports.manage',
    summary: "Change the columns' mapping, the answers to unmatched values or the decisions on doubtful people; the dry run runs again",
    params: importParams,
    body: importUpdateInput,
    response: importSchema,
    handle: async (actor, { params, body }) => (await updateImportFor(ctx(), actor, params.id, body)).import,
  });

  route.delete('/imports/:id', {
    permission: 'imports.manage',
    summary: 'Discard an import not imported (its file is removed)',
    params: importParams,
    handle: (actor, { params }) => discardImport(ctx(), actor, params.id),
  });

  route.get('/imports/:id/rejects', {
    permission: 'imports.manage',
    summary: "The dry run's rejected rows with their row, column and reason",
    params: importParams,
    querystring: importRejectsQuery,
    response: pageOf(importRejectSchema),
    handle: (actor, { params, query }) => listRejectsFor(ctx(), actor, params.id, query),
  });

  route.get('/imports/:id/rejects.xlsx', {
    permission: 'imports.manage',
    summary: 'The rejected rows as a spreadsheet (original headers and cells, and the reason in Italian) to fix and import again',
    params: importParams,
    produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    response: z.string(),
    handle: async (actor, { params }, _request, reply) => {
      const { fileName, stream } = await rejectsWorkbook(ctx(), actor, params.id);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="${encodeURIComponent(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        )
        .send(stream);
    },
  });

  route.post('/imports/:id/run', {
    permission: 'imports.manage',
    summary: 'Import an analysed register (202): all its accepted rows are written together, or none',
    params: importParams,
    body: importActionInput,
    response: importSchema,
    handle: async (actor, { params, body }, _request, reply) => {
      const started = await runImport(ctx(), actor, params.id, body.version);
      return reply.code(202).send(started.import);
    },
  });

  route.post('/imports/:id/undo', {
    permission: 'imports.manage',
    summary: 'Undo an import while nothing has been attached to its records since (409 import.records_in_use otherwise)',
    params: importParams,
    body: importActionInput,
    response: importSchema,
    handle: (actor, { params, body }) => undoImport(ctx(), actor, params.id, body.version),
  });
});
