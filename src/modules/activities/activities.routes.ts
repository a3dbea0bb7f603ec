import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { APPLICATION_TYPES } from '../catalogues/catalogues.js';
import { catalogueRoutes } from '../catalogues/catalogues.routes.js';
import { applicationsRoutes } from './applications.routes.js';
import { legalRoutes } from './legal.routes.js';
import { pcStationRoutes } from './pc-station.routes.js';

/** Applications (domande / bonus) and their catalogue, the PC station's log, the lawyer's consultations. */
export const activitiesRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(catalogueRoutes(APPLICATION_TYPES));
  await app.register(applicationsRoutes);
  await app.register(pcStationRoutes);
  await app.register(legalRoutes);
};
