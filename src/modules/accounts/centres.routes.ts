import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { centreSettingsSchema, centreSettingsUpdateInput } from '../../contracts/centres.js';
import { idParams, routeDeclarer } from '../http/route.js';
import { getCentreSettings, updateCentreSettings } from './centres.usecases.js';

/**
 * A centre's own settings, one resource: read by everyone of the centre (no personal data: the
 * calendar and the courses use them), changed by its coordinator or an administrator.
 */
export const centresRoutes: FastifyPluginAsyncZod = async (app) => {
  const route = routeDeclarer(app, ['centres']);

  route.get('/centres/:id/settings', {
    permission: 'statistics.read',
    summary:
      'One of your centres’ settings: name, comune (code and name), address, telephone, e-mail, patron day, course completion threshold',
    params: idParams,
    response: centreSettingsSchema,
    handle: (actor, { params }) => getCentreSettings(app.db, actor, params.id),
  });

  route.patch('/centres/:id/settings', {
    permission: 'centres.settings',
    summary: 'Change one of your centres’ settings (send the version you read; the comune is an ISTAT code)',
    params: idParams,
    body: centreSettingsUpdateInput,
    response: centreSettingsSchema,
    handle: (actor, { params, body }) => updateCentreSettings(app.db, actor, params.id, body),
  });
};
