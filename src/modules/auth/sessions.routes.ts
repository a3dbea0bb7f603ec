import { z } from 'zod';
import { sessionHandleParams, sessionSchema, sessionsEnded } from '../../contracts/auth.js';
import { problemSchema } from '../../contracts/common.js';
import { idParams, routesOf } from '../http/route.js';
import { requireLogin, SESSION_COOKIE } from './actor.js';
import { endMySession, endSessionsOfUser, listMySessions } from './sessions.usecases.js';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

export const sessionsRoutes = routesOf(['auth'], (route, app) => {
  route.get('/auth/sessions', {
    permission: 'login',
    summary: 'Your open sessions: when and where each was opened and last used (never its secret)',
    response: z.array(sessionSchema),
    problems,
    handle: (_actor, _input, request) => listMySessions(app.db, requireLogin(request.auth)),
  });

  route.delete('/auth/sessions/:handle', {
    permission: 'login',
    summary: 'End one of your sessions (your current one: you are logged out)',
    params: sessionHandleParams,
    problems,
    handle: async (_actor, { params }, request, reply) => {
      const { wasCurrent } = await endMySession(app.db, requireLogin(request.auth), params.handle);
      if (wasCurrent) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    },
  });

  route.delete('/users/:id/sessions', {
    permission: 'users.manage',
    summary: "End every session of a user at once (a stolen laptop); the user's API tokens are revoked apart",
    params: idParams,
    response: sessionsEnded,
    problems,
    handle: (actor, { params }) => endSessionsOfUser(app.db, actor, params.id),
  });
});
