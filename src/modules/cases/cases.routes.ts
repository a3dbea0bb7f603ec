import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  careSummaryQuery,
  careSummarySchema,
  caseCloseInput,
  caseCreateInput,
  caseListItemSchema,
  caseListQuery,
  caseReopenInput,
  caseSchema,
  caseUpdateInput,
  staffQuery,
  staffSchema,
} from '../../contracts/cases.js';
import { id, pageOf, problemResponses } from '../../contracts/common.js';
import { requireAuth } from '../auth/actor.js';
import { careSummaryFor, closeCase, createCase, getCase, listCasesFor, listStaff, reopenCase, updateCase } from './cases.usecases.js';
import { diaryRoutes } from './diary.routes.js';
import { planRoutes } from './plan.routes.js';
import { referralsRoutes } from './referrals.routes.js';

const tags = ['cases'];
const params = z.strictObject({ id });

/** Cases (prese in carico): the case itself, then its plan, diary and referrals. */
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

  // The parts of a case, each sub-area with its routes (registered after the case's, in this order).
  await app.register(planRoutes);
  await app.register(diaryRoutes);
  await app.register(referralsRoutes);
};
