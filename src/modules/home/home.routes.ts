import { homeQuery, homeSchema } from '../../contracts/home.js';
import { routesOf } from '../http/route.js';
import { homeFor } from './home.usecases.js';

/** The home page: one answer per view (coordinator, operator, viewer); every role opens its own. */
export const homeRoutes = routesOf(['home'], (route, app) => {
  route.get('/home', {
    permission: 'statistics.read',
    summary:
      "The caller's home page: the coordinator's figures of the year so far against last year's same days, this month by week, what needs attention and the courses; the operator's day; the viewer's aggregate figures",
    querystring: homeQuery,
    response: homeSchema,
    handle: (actor, { query }) => homeFor(app.db, actor, query),
  });
});
