import { z } from 'zod';
import { problemSchema } from '../../contracts/common.js';
import { comuneMatchSchema, comuneSearchQuery } from '../../contracts/reference.js';
import { listCountries } from '../../reference/index.js';
import { routesOf } from '../http/route.js';
import { comuneMatches } from './reference.usecases.js';

const countrySchema = z
  .object({ code: z.string(), istat: z.string().nullable(), it: z.string(), en: z.string(), kind: z.string() })
  .meta({ id: 'Country' });

export const referenceRoutes = routesOf(['reference'], (route) => {
  route.get('/reference/countries', {
    permission: 'login',
    summary: 'Countries with ISTAT codes and Italian names (plus stateless and unknown)',
    response: z.array(countrySchema),
    problems: { 401: problemSchema },
    handle: (_actor, _input, _request, reply) => {
      reply.header('cache-control', 'private, max-age=86400');
      return listCountries().map(({ code, istat, it, en, kind }) => ({ code, istat, it, en, kind }));
    },
  });

  route.get('/reference/comuni', {
    permission: 'login',
    summary: 'Search Italian comuni by name; a frazione finds its comune',
    querystring: comuneSearchQuery({ limit: 10, maxLimit: 50 }),
    response: z.array(comuneMatchSchema),
    problems: { 400: problemSchema, 401: problemSchema },
    handle: (_actor, { query }) => comuneMatches(query.q, query.limit),
  });
});
