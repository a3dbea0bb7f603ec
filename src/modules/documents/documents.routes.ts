import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deleteQuery, id, problemResponses } from '../../contracts/common.js';
import {
  deadlineCountsSchema,
  deadlinesQuery,
  deadlinesSchema,
  identityDocumentCreateInput,
  identityDocumentSchema,
  identityDocumentUpdateInput,
  permitCreateInput,
  permitSchema,
  permitUpdateInput,
} from '../../contracts/documents.js';
import { requireAuth } from '../auth/actor.js';
import {
  createIdentityDocument,
  deleteIdentityDocument,
  listIdentityDocuments,
  updateIdentityDocument,
} from './identity-documents.usecases.js';
import { createPermit, deadlineCountsFor, deadlinesFor, deletePermit, listPermits, updatePermit } from './permits.usecases.js';

const tags = ['documents'];
const params = z.strictObject({ id });

export const documentsRoutes: FastifyPluginAsyncZod = async (app) => {
  // --- residence permits

  app.get(
    '/people/:id/permits',
    {
      schema: {
        tags,
        summary: "A person's residence permits, the latest expiry first (the read is logged)",
        params,
        response: { 200: z.array(permitSchema), ...problemResponses },
      },
    },
    async (request) => listPermits(app.db, requireAuth(request.auth, 'personal.read'), request.params.id),
  );

  app.post(
    '/people/:id/permits',
    {
      schema: {
        tags,
        summary:
          'Record a residence permit of a person. The expiry is required (but for an EU long-term permit) and not before the issue date; the issue date is not in the future',
        params,
        body: permitCreateInput,
        response: { 201: permitSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const permit = await createPermit(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body);
      return reply.code(201).send(permit);
    },
  );

  app.patch(
    '/permits/:id',
    {
      schema: {
        tags,
        summary: 'Change a residence permit, e.g. its renewal status (send the version you read: 409 if someone changed it since)',
        params,
        body: permitUpdateInput,
        response: { 200: permitSchema, ...problemResponses },
      },
    },
    async (request) => updatePermit(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body),
  );

  app.delete(
    '/permits/:id',
    {
      schema: {
        tags,
        summary: 'Delete a residence permit recorded by mistake (send ?version= as read: 409 if someone changed it since)',
        params,
        querystring: deleteQuery,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await deletePermit(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );

  // --- identity documents

  app.get(
    '/people/:id/identity-documents',
    {
      schema: {
        tags,
        summary: "A person's identity documents, the latest expiry first (the read is logged)",
        params,
        response: { 200: z.array(identityDocumentSchema), ...problemResponses },
      },
    },
    async (request) => listIdentityDocuments(app.db, requireAuth(request.auth, 'personal.read'), request.params.id),
  );

  app.post(
    '/people/:id/identity-documents',
    {
      schema: {
        tags,
        summary: 'Record an identity document of a person (passport, identity card, refugee travel document…)',
        params,
        body: identityDocumentCreateInput,
        response: { 201: identityDocumentSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const document = await createIdentityDocument(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body);
      return reply.code(201).send(document);
    },
  );

  app.patch(
    '/identity-documents/:id',
    {
      schema: {
        tags,
        summary: 'Change an identity document (send the version you read: 409 if someone changed it since)',
        params,
        body: identityDocumentUpdateInput,
        response: { 200: identityDocumentSchema, ...problemResponses },
      },
    },
    async (request) => updateIdentityDocument(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body),
  );

  app.delete(
    '/identity-documents/:id',
    {
      schema: {
        tags,
        summary: 'Delete an identity document recorded by mistake (send ?version= as read: 409 if someone changed it since)',
        params,
        querystring: deleteQuery,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await deleteIdentityDocument(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );

  // --- Scadenze

  app.get(
    '/deadlines',
    {
      schema: {
        tags,
        summary:
          'Scadenze: residence permits expiring within withinDays (default 60) from today (Europe/Rome) and those already expired. ' +
          'Left out: permits whose renewal was done (renewed) or refused, and permits superseded by a later permit of the same person. ' +
          'The list is logged',
        querystring: deadlinesQuery,
        response: { 200: deadlinesSchema, ...problemResponses },
      },
    },
    async (request) => deadlinesFor(app.db, requireAuth(request.auth, 'personal.read'), request.query),
  );

  app.get(
    '/deadlines/count',
    {
      schema: {
        tags,
        summary: 'How many permits the Scadenze page lists as expiring and as expired (for the home page)',
        querystring: deadlinesQuery,
        response: { 200: deadlineCountsSchema, ...problemResponses },
      },
    },
    async (request) => deadlineCountsFor(app.db, requireAuth(request.auth, 'personal.read'), request.query),
  );
};
