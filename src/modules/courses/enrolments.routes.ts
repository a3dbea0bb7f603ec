import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deleteQuery, id, problemResponses } from '../../contracts/common.js';
import { enrolmentCreateInput, enrolmentSchema, enrolmentUpdateInput } from '../../contracts/courses.js';
import { requireAuth } from '../auth/actor.js';
import { deleteEnrolment, enrol, listEnrolmentsFor, updateEnrolment } from './enrolments.usecases.js';

const params = z.strictObject({ id });
const deleted = { 204: z.null(), ...problemResponses };

/** Enrolments (operators): personal data. */
export const enrolmentsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/courses/:id/enrolments',
    {
      schema: {
        tags: ['courses'],
        summary: 'A course’s enrolments by name, with each learner’s attendance and completion',
        params,
        response: { 200: z.array(enrolmentSchema), ...problemResponses },
      },
    },
    async (request) => listEnrolmentsFor(app.db, requireAuth(request.auth, 'personal.read'), request.params.id),
  );

  app.post(
    '/courses/:id/enrolments',
    {
      schema: {
        tags: ['courses'],
        summary: 'Enrol a person of the course’s centre, with the programme they come from (409 when full or enrolled already)',
        params,
        body: enrolmentCreateInput,
        response: { 201: enrolmentSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const enrolment = await enrol(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body);
      return reply.code(201).send(enrolment);
    },
  );

  app.patch(
    '/enrolments/:id',
    {
      schema: {
        tags: ['courses'],
        summary: 'Correct an enrolment or record the withdrawal (send the version you read)',
        params,
        body: enrolmentUpdateInput,
        response: { 200: enrolmentSchema, ...problemResponses },
      },
    },
    async (request) => updateEnrolment(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body),
  );

  app.delete(
    '/enrolments/:id',
    {
      schema: {
        tags: ['courses'],
        summary: 'Delete an enrolment made by mistake, with its attendance (?version=)',
        params,
        querystring: deleteQuery,
        response: deleted,
      },
    },
    async (request, reply) => {
      await deleteEnrolment(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );
};
