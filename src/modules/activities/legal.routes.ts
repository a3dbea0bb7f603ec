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
import { deleteQuery, pageOf } from '../../contracts/common.js';
import { idParams, routesOf } from '../http/route.js';
import {
  caseOptionsFor,
  createConsultation,
  deleteConsultation,
  getConsultation,
  listConsultationsFor,
  summariseConsultationsFor,
  updateConsultation,
} from './legal.usecases.js';

/** The lawyer's consultations. */
export const legalRoutes = routesOf(['legal consultations'], (route, app) => {
  route.get('/legal-consultations', {
    permission: 'personal.read',
    summary: 'The lawyer’s consultations, newest first, with how many cases each discussed',
    querystring: legalConsultationListQuery,
    response: pageOf(legalConsultationListItem),
    handle: (actor, { query }) => listConsultationsFor(app.db, actor, query),
  });

  route.get('/legal-consultations/summary', {
    permission: 'statistics.read',
    summary: 'Consultations, minutes and distinct cases discussed for a period (aggregated: viewers too, no case ids)',
    querystring: summaryQuery,
    response: legalSummary,
    handle: (actor, { query }) => summariseConsultationsFor(app.db, actor, query),
  });

  route.get('/legal-consultations/case-options', {
    permission: 'personal.read',
    summary: 'The open cases of the user’s centres (or of one), with whose they are: what a consultation may name',
    querystring: caseOptionsQuery,
    response: z.array(caseOption),
    handle: (actor, { query }) => caseOptionsFor(app.db, actor, query.centreId),
  });

  route.get('/legal-consultations/:id', {
    permission: 'personal.read',
    summary: 'One consultation with the cases it discussed',
    params: idParams,
    response: legalConsultationSchema,
    handle: (actor, { params }) => getConsultation(app.db, actor, params.id),
  });

  route.post('/legal-consultations', {
    permission: 'personal.write',
    summary: 'Record a consultation: date, length, lawyer, the cases discussed (of the centre), questions and guidance',
    body: legalConsultationCreateInput,
    response: legalConsultationSchema,
    status: 201,
    handle: (actor, { body }) => createConsultation(app.db, actor, body),
  });

  route.patch('/legal-consultations/:id', {
    permission: 'personal.write',
    summary: 'Correct a consultation (send the version you read); caseIds, if sent, replace the cases discussed',
    params: idParams,
    body: legalConsultationUpdateInput,
    response: legalConsultationSchema,
    handle: (actor, { params, body }) => updateConsultation(app.db, actor, params.id, body),
  });

  route.delete('/legal-consultations/:id', {
    permission: 'personal.write',
    summary: 'Delete a consultation recorded by mistake (send ?version= as read: 409 if someone changed it since)',
    params: idParams,
    querystring: deleteQuery,
    handle: (actor, { params, query }) => deleteConsultation(app.db, actor, params.id, query.version),
  });
});
