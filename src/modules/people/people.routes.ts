import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id, pageOf, problemResponses } from '../../contracts/common.js';
import { peopleSearchQuery, personCreateInput, personSchema, personSummary, personUpdateInput } from '../../contracts/people.js';
import { requireAuth } from '../auth/actor.js';
import { createPerson, deletePerson, getPerson, searchPeopleFor, updatePerson } from './people.usecases.js';

const tags = ['people'];
const params = z.strictObject({ id });

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/people',
    {
      schema: {
        tags,
        summary: 'Search people by name (any order, accents and transliterations forgiven) or codice fiscale',
        querystring: peopleSearchQuery,
        response: { 200: pageOf(personSummary), ...problemResponses },
      },
    },
    async (request) => searchPeopleFor(app.db, requireAuth(request.auth, 'personal.read'), request.query),
  );

  app.post(
    '/people',
    {
      schema: {
        tags,
        summary:
          'Register a person. A probable duplicate answers 409 person.possible_duplicate with the candidates, unless confirmNotDuplicate is true',
        body: personCreateInput,
        response: { 201: personSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const person = await createPerson(app.db, requireAuth(request.auth, 'personal.write'), request.body);
      return reply.code(201).send(person);
    },
  );

  app.get(
    '/people/:id',
    {
      schema: { tags, summary: "Open a person's file (the read is logged)", params, response: { 200: personSchema, ...problemResponses } },
    },
    async (request) => getPerson(app.db, requireAuth(request.auth, 'personal.read'), request.params.id),
  );

  app.patch(
    '/people/:id',
    {
      schema: {
        tags,
        summary: 'Change a person (send the version you read: 409 if someone changed it since)',
        params,
        body: personUpdateInput,
        response: { 200: personSchema, ...problemResponses },
      },
    },
    async (request) => updatePerson(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body),
  );

  app.delete(
    '/people/:id',
    {
      schema: {
        tags,
        summary: "Erase a person's file; their visits stay as anonymous records",
        params,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await deletePerson(app.db, requireAuth(request.auth, 'personal.delete'), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
