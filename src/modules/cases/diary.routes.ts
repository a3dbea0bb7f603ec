/** A case's diary: its notes (restricted ones read only by who may). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { noteCreateInput, noteSchema, noteUpdateInput } from '../../contracts/cases.js';
import { deleteQuery, id, problemResponses } from '../../contracts/common.js';
import { requireAuth } from '../auth/actor.js';
import { addNote, deleteNote, updateNote } from './diary.usecases.js';

const tags = ['cases'];
const params = z.strictObject({ id });
const deleted = { 204: z.null(), ...problemResponses };

export const diaryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/cases/:id/notes',
    {
      schema: {
        tags,
        summary:
          'Add a diary note; a restricted one (health, legal) is read only by the coordinator, the responsible operator and its author',
        params,
        body: noteCreateInput,
        response: { 201: noteSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addNote(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body)),
  );

  app.patch(
    '/notes/:id',
    {
      schema: {
        tags,
        summary: 'Change a diary note (its author or the coordinator; send the version you read)',
        params,
        body: noteUpdateInput,
        response: { 200: noteSchema, ...problemResponses },
      },
    },
    async (request) => updateNote(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body),
  );

  app.delete(
    '/notes/:id',
    {
      schema: {
        tags,
        summary: 'Delete a diary note (its author or the coordinator; ?version= the version you read)',
        params,
        querystring: deleteQuery,
        response: deleted,
      },
    },
    async (request, reply) => {
      await deleteNote(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );
};
