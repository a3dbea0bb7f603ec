import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  caseOption,
  caseOptionsQuery,
  legalConsultationCreateInput,
  legalConsultationListItem,
  legalConsultationListQuery,
  legalConsultationSchema,
  legalConsultationUpdateInput,
  legalSummary,
  summaryQuery,
} from '../../contracts/activities.js';
import { deleteQuery, id, pageOf, problemResponses } from '../../contracts/common.js';
import { requireAuth } from '../auth/actor.js';
import {
  caseOptionsFor,
  createConsultation,
  deleteConsultation,
  getConsultation,
  listConsultationsFor,
  summariseConsultationsFor,
  updateConsultation,
} from './legal.usecases.js';

const params = z.strictObject({ id });
const deleted = { 204: z.null(), ...problemResponses };

/** The lawyer's consultations. */
export const legalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/legal-consultations',
    {
      schema: {
        tags: ['legal consultations'],
        summary: 'The lawyer’s consultations, newest first, with how many cases each discussed',
        querystring: legalConsultationListQuery,
        response: { 200: pageOf(legalConsultationListItem), ...problemResponses },
      },
    },
    async (request) => listConsultationsFor(app.db, requireAuth(request.auth, 'personal.read'), request.query),
  );

  app.get(
    '/legal-consultations/summary',
    {
      schema: {
        tags: ['legal consultations'],
        summary: 'Consultations, minutes and distinct cases discussed for a period (aggregated: viewers too, no case ids)',
        querystring: summaryQuery,
        response: { 200: legalSummary, ...problemResponses },
      },
    },
    async (request) => summariseConsultationsFor(app.db, requireAuth(request.auth, 'statistics.read'), request.query),
  );

  app.get(
    '/legal-consultations/case-options',
    {
      schema: {
        tags: ['legal consultations'],
        summary: 'The open cases of the user’s centres (or of one), with whose they are: what a consultation may name',
        querystring: caseOptionsQuery,
        response: { 200: z.array(caseOption), ...problemResponses },
      },
    },
    async (request) => caseOptionsFor(app.db, requireAuth(request.auth, 'personal.read'), request.query.centreId),
  );

  app.get(
    '/legal-consultations/:id',
    {
      schema: {
        tags: ['legal consultations'],
        summary: 'One consultation with the cases it discussed',
        params,
        response: { 200: legalConsultationSchema, ...problemResponses },
      },
    },
    async (request) => getConsultation(app.db, requireAuth(request.auth, 'personal.read'), request.params.id),
  );

  app.post(
    '/legal-consultations',
    {
      schema: {
        tags: ['legal consultations'],
        summary: 'Record a consultation: date, length, lawyer, the cases discussed (of the centre), questions and guidance',
        body: legalConsultationCreateInput,
        response: { 201: legalConsultationSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const consultation = await createConsultation(app.db, requireAuth(request.auth, 'personal.write'), request.body);
      return reply.code(201).send(consultation);
    },
  );

  app.patch(
    '/legal-consultations/:id',
    {
      schema: {
        tags: ['legal consultations'],
        summary: 'Correct a consultation (send the version you read); caseIds, if sent, replace the cases discussed',
        params,
        body: legalConsultationUpdateInput,
        response: { 200: legalConsultationSchema, ...problemResponses },
      },
    },
    async (request) => updateConsultation(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body),
  );

  app.delete(
    '/legal-consultations/:id',
    {
      schema: {
        tags: ['legal consultations'],
        summary: 'Delete a consultation recorded by mistake (send ?version= as read: 409 if someone changed it since)',
        params,
        querystring: deleteQuery,
        response: deleted,
      },
    },
    async (request, reply) => {
      await deleteConsultation(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );
};
