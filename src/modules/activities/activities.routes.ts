import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const activitiesRoutes: FastifyPluginAsyncZod = async () => {};
