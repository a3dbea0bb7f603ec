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
import { pageOf } from '../../contracts/common.js';
import { idParams, routesOf } from '../http/route.js';
import { casesExport } from './cases.export.js';
import { careSummaryFor, closeCase, createCase, getCase, listCasesFor, listStaff, reopenCase, updateCase } from './cases.usecases.js';
import { diaryRoutes } from './diary.routes.js';
import { planRoutes } from './plan.routes.js';
import { referralsRoutes } from './referrals.routes.js';

/** Cases (prese in carico): the case itself, then its plan, diary and referrals. */
export const casesRoutes = routesOf(['cases'], async (route, app) => {
  // --- the case

  route.exportedList('/cases', {
    permission: 'personal.read',
    summary: 'Cases (prese in carico), newest first, filtered',
    querystring: caseListQuery,
    response: pageOf(caseListItemSchema),
    list: listCasesFor,
    export: { what: 'The filtered cases', file: 'prese-in-carico', entity: 'case', rows: casesExport },
  });

  route.get('/cases/summary', {
    permission: 'statistics.read',
    summary: 'Utenti presi in carico and Utenti nuovi of a year (counts only: viewers too)',
    querystring: careSummaryQuery,
    response: careSummarySchema,
    handle: (actor, { query }) => careSummaryFor(app.db, actor, query),
  });

  route.get('/cases/staff', {
    permission: 'personal.read',
    summary: 'Who may be responsible for a case or do its actions: the active operators of a centre (or of all of yours)',
    querystring: staffQuery,
    response: staffSchema,
    handle: (actor, { query }) => listStaff(app.db, actor, query.centreId),
  });

  route.post('/cases', {
    permission: 'personal.write',
    summary:
      "Open a case for a person (personId), a household (householdId, memberIds) or a visit's person (visitId). A person with an open case answers 409 case.already_open",
    body: caseCreateInput,
    response: caseSchema,
    status: 201,
    handle: (actor, { body }) => createCase(app.db, actor, body),
  });

  route.get('/cases/:id', {
    permission: 'personal.read',
    summary: 'The whole case: members, periods, plan, diary (restricted notes only for who may read them), referrals. The read is logged',
    params: idParams,
    response: caseSchema,
    handle: (actor, { params }) => getCase(app.db, actor, params.id),
  });

  route.patch('/cases/:id', {
    permission: 'personal.write',
    summary: 'Change the responsible operator, areas, referral source or summary (send the version you read)',
    params: idParams,
    body: caseUpdateInput,
    response: caseSchema,
    handle: (actor, { params, body }) => updateCase(app.db, actor, params.id, body),
  });

  route.post('/cases/:id/close', {
    permission: 'personal.write',
    summary: "Close the case's current period with a date and a reason",
    params: idParams,
    body: caseCloseInput,
    response: caseSchema,
    handle: (actor, { params, body }) => closeCase(app.db, actor, params.id, body),
  });

  route.post('/cases/:id/reopen', {
    permission: 'personal.write',
    summary: 'Reopen a closed case: a new period starts, the history is kept',
    params: idParams,
    body: caseReopenInput,
    response: caseSchema,
    handle: (actor, { params, body }) => reopenCase(app.db, actor, params.id, body),
  });

  // The parts of a case, each sub-area with its routes (registered after the case's, in this order).
  await app.register(planRoutes);
  await app.register(diaryRoutes);
  await app.register(referralsRoutes);
});
