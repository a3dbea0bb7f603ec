/** A case's plan: goals, their actions, the overdue actions. */
import {
  actionCreateInput,
  actionSchema,
  actionUpdateInput,
  goalCreateInput,
  goalSchema,
  goalUpdateInput,
  overdueActionSchema,
  overdueQuery,
} from '../../contracts/cases.js';
import { deleteQuery, pageOf } from '../../contracts/common.js';
import { idParams, routesOf } from '../http/route.js';
import { addAction, addGoal, deleteAction, deleteGoal, listOverdueFor, updateAction, updateGoal } from './plan.usecases.js';

export const planRoutes = routesOf(['cases'], (route, app) => {
  route.post('/cases/:id/goals', {
    permission: 'personal.write',
    summary: 'Add a goal to the plan',
    params: idParams,
    body: goalCreateInput,
    response: goalSchema,
    status: 201,
    handle: (actor, { params, body }) => addGoal(app.db, actor, params.id, body),
  });

  route.patch('/goals/:id', {
    permission: 'personal.write',
    summary: 'Change a goal (send the version you read)',
    params: idParams,
    body: goalUpdateInput,
    response: goalSchema,
    handle: (actor, { params, body }) => updateGoal(app.db, actor, params.id, body),
  });

  route.delete('/goals/:id', {
    permission: 'personal.write',
    summary: 'Delete a goal and its actions (?version= the version you read)',
    params: idParams,
    querystring: deleteQuery,
    handle: (actor, { params, query }) => deleteGoal(app.db, actor, params.id, query.version),
  });

  route.post('/goals/:id/actions', {
    permission: 'personal.write',
    summary: 'Add an action to a goal',
    params: idParams,
    body: actionCreateInput,
    response: actionSchema,
    status: 201,
    handle: (actor, { params, body }) => addAction(app.db, actor, params.id, body),
  });

  route.get('/actions/overdue', {
    permission: 'personal.read',
    summary: "Open actions past their due date: an operator's own (responsible or assigned), a coordinator's centres' all",
    querystring: overdueQuery,
    response: pageOf(overdueActionSchema),
    handle: (actor, { query }) => listOverdueFor(app.db, actor, query),
  });

  route.patch('/actions/:id', {
    permission: 'personal.write',
    summary: 'Change an action (send the version you read); done sets doneOn',
    params: idParams,
    body: actionUpdateInput,
    response: actionSchema,
    handle: (actor, { params, body }) => updateAction(app.db, actor, params.id, body),
  });

  route.delete('/actions/:id', {
    permission: 'personal.write',
    summary: 'Delete an action (?version= the version you read)',
    params: idParams,
    querystring: deleteQuery,
    handle: (actor, { params, query }) => deleteAction(app.db, actor, params.id, query.version),
  });
});
