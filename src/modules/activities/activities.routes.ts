import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  applicationCreateInput,
  applicationListQuery,
  applicationSchema,
  applicationSummary,
  applicationTypeCreateInput,
  applicationTypeListQuery,
  applicationTypeSchema,
  applicationTypeUpdateInput,
  applicationUpdateInput,
  caseOption,
  caseOptionsQuery,
  legalConsultationCreateInput,
  legalConsultationListItem,
  legalConsultationListQuery,
  legalConsultationSchema,
  legalConsultationUpdateInput,
  legalSummary,
  pcStationSummary,
  pcStationUseCreateInput,
  pcStationUseListQuery,
  pcStationUseSchema,
  summaryQuery,
} from '../../contracts/activities.js';
import { deleteQuery, id, pageOf, problemResponses } from '../../contracts/common.js';
import { requireAuth } from '../auth/actor.js';
import {
  applicationTypesFor,
  createApplication,
  createApplicationType,
  deleteApplication,
  listApplicationsFor,
  summariseApplicationsFor,
  updateApplication,
  updateApplicationType,
} from './applications.usecases.js';
import {
  caseOptionsFor,
  createConsultation,
  deleteConsultation,
  getConsultation,
  listConsultationsFor,
  summariseConsultationsFor,
  updateConsultation,
} from './legal.usecases.js';
import { createPcUse, deletePcUse, listPcUsesFor, summarisePcUsesFor } from './pc-station.usecases.js';

const params = z.strictObject({ id });
const deleted = { 204: z.null(), ...problemResponses };

/** Applications (domande / bonus) and their catalogue, the PC station's log, the lawyer's consultations. */
export const activitiesRoutes: FastifyPluginAsyncZod = async (app) => {
  // --- the application-type catalogue

  app.get(
    '/application-types',
    {
      schema: {
        tags: ['applications'],
        summary: 'The application-type catalogue, with each type’s level and Anagrafe flag',
        querystring: applicationTypeListQuery,
        response: { 200: z.array(applicationTypeSchema), ...problemResponses },
      },
    },
    async (request) => applicationTypesFor(app.db, requireAuth(request.auth), request.query.active === 'true'),
  );

  app.post(
    '/application-types',
    {
      schema: {
        tags: ['applications'],
        summary: 'Add an application type',
        body: applicationTypeCreateInput,
        response: { 201: applicationTypeSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const type = await createApplicationType(app.db, requireAuth(request.auth, 'catalogues.manage'), request.body);
      return reply.code(201).send(type);
    },
  );

  app.patch(
    '/application-types/:id',
    {
      schema: {
        tags: ['applications'],
        summary: 'Rename, reorder, correct or deactivate an application type (types are never deleted: past applications keep them)',
        params,
        body: applicationTypeUpdateInput,
        response: { 200: applicationTypeSchema, ...problemResponses },
      },
    },
    async (request) => updateApplicationType(app.db, requireAuth(request.auth, 'catalogues.manage'), request.params.id, request.body),
  );

  // --- applications

  app.get(
    '/applications',
    {
      schema: {
        tags: ['applications'],
        summary: 'Applications filled in with people (compilazione domande / bonus), newest first, filtered',
        querystring: applicationListQuery,
        response: { 200: pageOf(applicationSchema), ...problemResponses },
      },
    },
    async (request) => listApplicationsFor(app.db, requireAuth(request.auth, 'personal.read'), request.query),
  );

  app.get(
    '/applications/summary',
    {
      schema: {
        tags: ['applications'],
        summary: 'Counts of applications by type, level and outcome for a period (aggregated: viewers too)',
        querystring: summaryQuery,
        response: { 200: applicationSummary, ...problemResponses },
      },
    },
    async (request) => summariseApplicationsFor(app.db, requireAuth(request.auth, 'statistics.read'), request.query),
  );

  app.post(
    '/applications',
    {
      schema: {
        tags: ['applications'],
        summary: 'Record an application filled in with a person; the operator is the caller',
        body: applicationCreateInput,
        response: { 201: applicationSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const application = await createApplication(app.db, requireAuth(request.auth, 'personal.write'), request.body);
      return reply.code(201).send(application);
    },
  );

  app.patch(
    '/applications/:id',
    {
      schema: {
        tags: ['applications'],
        summary: 'Correct an application or record its outcome (send the version you read)',
        params,
        body: applicationUpdateInput,
        response: { 200: applicationSchema, ...problemResponses },
      },
    },
    async (request) => updateApplication(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.body),
  );

  app.delete(
    '/applications/:id',
    {
      schema: {
        tags: ['applications'],
        summary: 'Delete an application recorded by mistake (send ?version= as read: 409 if someone changed it since)',
        params,
        querystring: deleteQuery,
        response: deleted,
      },
    },
    async (request, reply) => {
      await deleteApplication(app.db, requireAuth(request.auth, 'personal.write'), request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );

  // --- the PC station

  app.get(
    '/pc-station-uses',
    {
      schema: {
        tags: ['pc station'],
        summary: 'Uses of the public PC station, newest first',
        querystring: pcStationUseListQuery,
        response: { 200: pageOf(pcStationUseSchema), ...problemResponses },
      },
    },
    async (request) => listPcUsesFor(app.db, requireAuth(request.auth, 'personal.read'), request.query),
  );

  app.get(
    '/pc-station-uses/summary',
    {
      schema: {
        tags: ['pc station'],
        summary: 'Uses, minutes, distinct people and uses by purpose for a period (aggregated: viewers too)',
        querystring: summaryQuery,
        response: { 200: pcStationSummary, ...problemResponses },
      },
    },
    async (request) => summarisePcUsesFor(app.db, requireAuth(request.auth, 'statistics.read'), request.query),
  );

  app.post(
    '/pc-station-uses',
    {
      schema: {
        tags: ['pc station'],
        summary: 'Log a use of the public PC station (person if known); the operator is the caller',
        body: pcStationUseCreateInput,
        response: { 201: pcStationUseSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const use = await createPcUse(app.db, requireAuth(request.auth, 'personal.write'), request.body);
      return reply.code(201).send(use);
    },
  );

  app.delete(
    '/pc-station-uses/:id',
    { schema: { tags: ['pc station'], summary: 'Delete a use logged by mistake', params, response: deleted } },
    async (request, reply) => {
      await deletePcUse(app.db, requireAuth(request.auth, 'personal.write'), request.params.id);
      return reply.code(204).send(null);
    },
  );

  // --- legal consultations

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
