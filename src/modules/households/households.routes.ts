import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const householdsRoutes: FastifyPluginAsyncZod = async () => {};
