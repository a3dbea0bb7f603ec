import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  actionCreateInput,
  actionSchema,
  actionUpdateInput,
  careSummaryQuery,
  careSummarySchema,
  caseCloseInput,
  caseCreateInput,
  caseListItemSchema,
  caseListQuery,
  caseReopenInput,
  caseSchema,
  caseUpdateInput,
  goalCreateInput,
  goalSchema,
  goalUpdateInput,
  noteCreateInput,
  noteSchema,
  noteUpdateInput,
  overdueActionSchema,
  overdueQuery,
  referralCreateInput,
  referralSchema,
  referralUpdateInput,
  staffQuery,
  staffSchema,
} from '../../contracts/cases.js';
import { deleteQuery, id, pageOf, problemResponses } from '../../contracts/common.js';
import { requireAuth } from '../auth/actor.js';
import {
  addAction,
  addGoal,
  addNote,
  addReferral,
  careSummaryFor,
  closeCase,
  createCase,
  deleteAction,
  deleteGoal,
  deleteNote,
  deleteReferral,
  getCase,
  listCasesFor,
  listOverdueFor,
  listStaff,
  reopenCase,
  updateAction,
  updateCase,
  updateGoal,
  updateNote,
  updateReferral,
} from './cases.usecases.js';

const tags = ['cases'];
const params = z.strictObject({ id });
const deleted = { 204: z.null(), ...problemResponses };

export const casesRoutes: FastifyPluginAsyncZod = async (app) => {
  // --- the case

  app.get(
    '/cases',
    {
      schema: {
        tags,
        summary: 'Cases (prese in carico), newest first, filtered',
        querystring: caseListQuery,
        response: { 200: pageOf(caseListItemSchema), ...problemResponses },
      },
    },
    async (request) => listCasesFor(app.db, requireAuth(request.auth, 'personal.read'), request.query),
  );

  app.get(
    '/cases/summary',
    {
      schema: {
        tags,
        summary: 'Utenti presi in carico and Utenti nuovi of a year (counts only: viewers too)',
        querystring: careSummaryQuery,
        response: { 200: careSummarySchema, ...problemResponses },
      },
    },
    async (request) => careSummaryFor(app.db, requireAuth(request.auth, 'statistics.read'), request.query),
  );

  app.get(
    '/cases/staff',
    {
      schema: {
        tags,
        summary: 'Who may be responsible for a case or do its actions: the active operators of a centre (or of all of yours)',
        querystring: staffQuery,
        response: { 200: staffSchema, ...problemResponses },
      },
    },
    async (request) => listStaff(app.db, requireAuth(request.auth, 'personal.read'), request.query.centreId),
  );

  app.post(
    '/cases',
    {
      schema: {
        tags,
        summary:
          "Open a case for a person (personId), a household (householdId, memberIds) or a visit's person (visitId). A person with an open case answers 409 case.already_open",
        body: caseCreateInput,
        response: { 201: caseSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const created = await createCase(app.db, requireAuth(request.auth, 'personal.write'), request.body);
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/cases/:id',
    {
      schema: {
        tags,
        summary:
          'The whole case: members, periods, plan, diary (restricted notes only for who may read them), referrals. The read is logged',
        params,
        response: { 200: caseSchema, ...problemResponses },
      },
    },
    async (request) => getCase(app.db, requireAuth(request.auth, 'personal.read'), request.params.id),
  );

  app.patch(
    '/cases/:id',
    {
      schema: {
        tags,
        summary: 'Change the responsible operator, areas, referral source or summary (send the version you read)',
        params,
        body: caseUpdateInput,
        response: { 200: caseSchema, ...problemResponses },
      },
    },
    async (request) => updateCase(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body),
  );

  app.post(
    '/cases/:id/close',
    {
      schema: {
        tags,
        summary: "Close the case's current period with a date and a reason",
        params,
        body: caseCloseInput,
        response: { 200: caseSchema, ...problemResponses },
      },
    },
    async (request) => closeCase(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body),
  );

  app.post(
    '/cases/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen a closed case: a new period starts, the history is kept',
        params,
        body: caseReopenInput,
        response: { 200: caseSchema, ...problemResponses },
      },
    },
    async (request) => reopenCase(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body),
  );

  // --- the plan

  app.post(
    '/cases/:id/goals',
    {
      schema: {
        tags,
        summary: 'Add a goal to the plan',
        params,
        body: goalCreateInput,
        response: { 201: goalSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addGoal(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body)),
  );

  app.patch(
    '/goals/:id',
    {
      schema: {
        tags,
        summary: 'Change a goal (send the version you read)',
        params,
        body: goalUpdateInput,
        response: { 200: goalSchema, ...problemResponses },
      },
    },
    async (request) => updateGoal(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body),
  );

  app.delete(
    '/goals/:id',
    {
      schema: {
        tags,
        summary: 'Delete a goal and its actions (?version= the version you read)',
        params,
        querystring: deleteQuery,
        response: deleted,
      },
    },
    async (request, reply) => {
      await deleteGoal(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/goals/:id/actions',
    {
      schema: {
        tags,
        summary: 'Add an action to a goal',
        params,
        body: actionCreateInput,
        response: { 201: actionSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addAction(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body)),
  );

  app.get(
    '/actions/overdue',
    {
      schema: {
        tags,
        summary: "Open actions past their due date: an operator's own (responsible or assigned), a coordinator's centres' all",
        querystring: overdueQuery,
        response: { 200: pageOf(overdueActionSchema), ...problemResponses },
      },
    },
    async (request) => listOverdueFor(app.db, requireAuth(request.auth, 'personal.read'), request.query),
  );

  app.patch(
    '/actions/:id',
    {
      schema: {
        tags,
        summary: 'Change an action (send the version you read); done sets doneOn',
        params,
        body: actionUpdateInput,
        response: { 200: actionSchema, ...problemResponses },
      },
    },
    async (request) => updateAction(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body),
  );

  app.delete(
    '/actions/:id',
    { schema: { tags, summary: 'Delete an action (?version= the version you read)', params, querystring: deleteQuery, response: deleted } },
    async (request, reply) => {
      await deleteAction(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );

  // --- the diary

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

  // --- referrals

  app.post(
    '/cases/:id/referrals',
    {
      schema: {
        tags,
        summary: 'Record a referral to or from another service',
        params,
        body: referralCreateInput,
        response: { 201: referralSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addReferral(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body)),
  );

  app.patch(
    '/referrals/:id',
    {
      schema: {
        tags,
        summary: 'Change a referral (send the version you read)',
        params,
        body: referralUpdateInput,
        response: { 200: referralSchema, ...problemResponses },
      },
    },
    async (request) => updateReferral(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body),
  );

  app.delete(
    '/referrals/:id',
    {
      schema: { tags, summary: 'Delete a referral (?version= the version you read)', params, querystring: deleteQuery, response: deleted },
    },
    async (request, reply) => {
      await deleteReferral(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );
};
