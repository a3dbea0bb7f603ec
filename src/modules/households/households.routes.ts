import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id, pageOf, problemResponses } from '../../contracts/common.js';
import {
  householdCreateInput,
  householdListItem,
  householdListQuery,
  householdSchema,
  householdUpdateInput,
  memberAddInput,
  memberLeaveInput,
  memberUpdateInput,
  personHousehold,
} from '../../contracts/households.js';
import { requireAuth } from '../auth/actor.js';
import { createHousehold, getHousehold, householdForPerson, listHouseholdsFor, updateHousehold } from './households.usecases.js';
import { addHouseholdMember, changeMemberRelation, leaveHousehold } from './memberships.usecases.js';

const tags = ['households'];
const params = z.strictObject({ id });
const memberParams = z.strictObject({ id, memberId: id });

export const householdsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/households',
    {
      schema: {
        tags,
        summary: 'Households (nuclei familiari) by name, each with its current members',
        querystring: householdListQuery,
        response: { 200: pageOf(householdListItem), ...problemResponses },
      },
    },
    async (request) => listHouseholdsFor(app.db, requireAuth(request.auth, 'personal.read'), request.query),
  );

  app.post(
    '/households',
    {
      schema: {
        tags,
        summary:
          'Create a household with its first members. A person in another household answers 409 household.member_elsewhere, unless move is true',
        body: householdCreateInput,
        response: { 201: householdSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const household = await createHousehold(app.db, requireAuth(request.auth, 'personal.write'), request.body);
      return reply.code(201).send(household);
    },
  );

  app.get(
    '/households/:id',
    {
      schema: {
        tags,
        summary: 'A household: its current members and the history of past memberships (the read is logged)',
        params,
        response: { 200: householdSchema, ...problemResponses },
      },
    },
    async (request) => getHousehold(app.db, requireAuth(request.auth, 'personal.read'), request.params.id),
  );

  app.patch(
    '/households/:id',
    {
      schema: {
        tags,
        summary: "Change a household's name or notes (send the version you read: 409 if someone changed it since)",
        params,
        body: householdUpdateInput,
        response: { 200: householdSchema, ...problemResponses },
      },
    },
    async (request) => updateHousehold(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body),
  );

  app.post(
    '/households/:id/members',
    {
      schema: {
        tags,
        summary:
          'A person joins the household (today unless joinedOn). A person in another household answers 409 household.member_elsewhere, unless move is true: then the old membership ends on the joining day',
        params,
        body: memberAddInput,
        response: { 201: householdSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const household = await addHouseholdMember(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body);
      return reply.code(201).send(household);
    },
  );

  app.patch(
    '/households/:id/members/:memberId',
    {
      schema: {
        tags,
        summary: "Change a current member's relation to the reference person",
        params: memberParams,
        body: memberUpdateInput,
        response: { 200: householdSchema, ...problemResponses },
      },
    },
    async (request) =>
      changeMemberRelation(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.params.memberId, request.body),
  );

  app.post(
    '/households/:id/members/:memberId/leave',
    {
      schema: {
        tags,
        summary: 'A member leaves the household (today unless leftOn); the membership stays in the history',
        params: memberParams,
        // No body at all means today.
        body: memberLeaveInput.nullable(),
        response: { 200: householdSchema, ...problemResponses },
      },
    },
    async (request) =>
      leaveHousehold(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.params.memberId, request.body ?? {}),
  );

  app.get(
    '/people/:id/household',
    {
      schema: {
        tags,
        summary: "A person's household now (with its members, or null) and all their memberships (the read is logged)",
        params,
        response: { 200: personHousehold, ...problemResponses },
      },
    },
    async (request) => householdForPerson(app.db, requireAuth(request.auth, 'personal.read'), request.params.id),
  );
};
