import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../contracts/common.js';
import { listCountries, searchComuni } from '../../reference/index.js';
import { requireAuth } from '../auth/actor.js';

const tags = ['reference'];
const countrySchema = z
  .object({ code: z.string(), istat: z.string().nullable(), it: z.string(), en: z.string(), kind: z.string() })
  .meta({ id: 'Country' });
const comuneMatchSchema = z
  .object({ istat: z.string(), name: z.string(), province: z.string(), matchedFrazione: z.string().nullable() })
  .meta({ id: 'ComuneMatch' });

export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/reference/countries',
    {
      schema: {
        tags,
        summary: 'Countries with ISTAT codes and Italian names (plus stateless and unknown)',
        response: { 200: z.array(countrySchema), 401: problemSchema },
      },
    },
    async (request, reply) => {
      requireAuth(request.auth);
      reply.header('cache-control', 'private, max-age=86400');
      return listCountries().map(({ code, istat, it, en, kind }) => ({ code, istat, it, en, kind }));
    },
  );

  app.get(
    '/reference/comuni',
    {
      schema: {
        tags,
        summary: 'Search Italian comuni by name; a frazione finds its comune',
        querystring: z.strictObject({ q: z.string().trim().min(1).max(100), limit: z.coerce.number().int().min(1).max(50).default(10) }),
        response: { 200: z.array(comuneMatchSchema), 400: problemSchema, 401: problemSchema },
      },
    },
    async (request) => {
      requireAuth(request.auth);
      return searchComuni(request.query.q, request.query.limit).map((m) => ({
        istat: m.comune.istat,
        name: m.comune.name,
        province: m.comune.province,
        matchedFrazione: m.matchedFrazione ?? null,
      }));
    },
  );
};
