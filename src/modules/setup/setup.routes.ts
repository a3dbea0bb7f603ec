import { z } from 'zod';
import { problemSchema } from '../../contracts/common.js';
import { comuneMatchSchema, comuneSearchQuery } from '../../contracts/reference.js';
import { routesOf } from '../http/route.js';
import { setupComuni } from './setup.usecases.js';

/**
 * What the first-run page needs besides GET/POST /setup (auth.routes.ts, which signs in): the
 * comune search for the centre's comune, before anyone can log in.
 */
export const setupRoutes = routesOf(['auth'], (route, app) => {
  route.get('/setup/comuni', {
    permission: 'public',
    summary: 'First run only: search Italian comuni by name for the first centre’s comune (a frazione finds its comune); 409 once set up',
    querystring: comuneSearchQuery({ limit: 8, maxLimit: 20 }),
    response: z.array(comuneMatchSchema),
    problems: { 400: problemSchema, 409: problemSchema },
    handle: (_nobody, { query }) => setupComuni(app.db, query.q, query.limit),
  });
});
