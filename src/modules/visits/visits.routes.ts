import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id, pageOf, problemResponses } from '../../contracts/common.js';
import {
  visitCreateInput,
  visitExportQuery,
  visitListQuery,
  visitSchema,
  visitSummary,
  visitSummaryQuery,
  visitUpdateInput,
} from '../../contracts/visits.js';
import { todayInRome } from '../../domain/dates.js';
import { requireAuth } from '../auth/actor.js';
import { createVisit, deleteVisit, exportVisitsFor, getVisit, listVisitsFor, summariseVisitsFor, updateVisit } from './visits.usecases.js';

const tags = ['visits'];
const params = z.strictObject({ id });

export const visitsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/visits',
    {
      schema: {
        tags,
        summary: 'Visits (accessi), newest first, filtered',
        querystring: visitListQuery,
        response: { 200: pageOf(visitSchema), ...problemResponses },
      },
    },
    async (request) => listVisitsFor(app.db, requireAuth(request.auth, 'personal.read'), request.query),
  );

  app.get(
    '/visits/summary',
    {
      schema: {
        tags,
        summary: 'Counts of visits by origin group, gender, citizenship and topic (aggregated: viewers too)',
        querystring: visitSummaryQuery,
        response: { 200: visitSummary, ...problemResponses },
      },
    },
    async (request) => summariseVisitsFor(app.db, requireAuth(request.auth, 'statistics.read'), request.query),
  );

  app.get(
    '/visits/export.csv',
    {
      schema: {
        tags,
        summary: 'The filtered visits as CSV (semicolon-separated, formula-safe)',
        querystring: visitExportQuery,
        produces: ['text/csv'],
        response: { 200: z.string(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const csv = await exportVisitsFor(app.db, requireAuth(request.auth, 'personal.read'), request.query);
      return (
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="accessi-${todayInRome()}.csv"`)
          // A stream is piped as it is; the schema's string documents the body for OpenAPI.
          .send(Readable.from(csv) as unknown as string)
      );
    },
  );

  app.post(
    '/visits',
    {
      schema: {
        tags,
        summary: 'Record a visit for a person (personId) or an anonymous visitor (anonymous); the operator is the caller',
        body: visitCreateInput,
        response: { 201: visitSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const visit = await createVisit(app.db, requireAuth(request.auth, 'personal.write'), request.body);
      return reply.code(201).send(visit);
    },
  );

  app.get(
    '/visits/:id',
    { schema: { tags, summary: 'One visit', params, response: { 200: visitSchema, ...problemResponses } } },
    async (request) => getVisit(app.db, requireAuth(request.auth, 'personal.read'), request.params.id),
  );

  app.patch(
    '/visits/:id',
    {
      schema: {
        tags,
        summary: 'Correct a visit (send the version you read)',
        params,
        body: visitUpdateInput,
        response: { 200: visitSchema, ...problemResponses },
      },
    },
    async (request) => updateVisit(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body),
  );

  app.delete(
    '/visits/:id',
    { schema: { tags, summary: 'Delete a visit recorded by mistake', params, response: { 204: z.null(), ...problemResponses } } },
    async (request, reply) => {
      await deleteVisit(app.db, requireAuth(request.auth, 'personal.write'), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
