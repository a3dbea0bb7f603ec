import type { Readable } from 'node:stream';
import { z } from 'zod';
import { centreLogoSchema, centreSettingsSchema, centreSettingsUpdateInput, LOGO_TYPES } from '../../contracts/centres.js';
import { idParams, routesOf } from '../http/route.js';
import { logoNotRaw } from './centres.errors.js';
import { getCentreLogo, getCentreSettings, removeCentreLogo, updateCentreSettings, uploadCentreLogo } from './centres.usecases.js';

/** The media types the logo is sent as: its raw bytes, whatever the client calls them (the bytes say what it is). */
const LOGO_UPLOAD_TYPES = [...LOGO_TYPES, 'application/octet-stream'];

/**
 * A centre's own settings, one resource: read by everyone of the centre (no personal data: the
 * calendar and the courses use them), changed by its coordinator or an administrator.
 */
export const centresRoutes = routesOf(['centres'], (route, app) => {
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

  // The image arrives as a stream, read up to its limit by the use case (not the server's body limit: its 413 names the limit).
  app.addContentTypeParser(LOGO_UPLOAD_TYPES, (_request, payload, done) => done(null, payload));

  route.put('/centres/:id/logo', {
    permission: 'centres.settings',
    summary:
      'Set the logo (or the Comune’s stemma) on the report’s cover: the PNG or JPEG file as the raw body, at most 1 MB and 4000 pixels a side (an SVG is refused)',
    params: idParams,
    response: centreLogoSchema,
    handle: (actor, { params }, request) => {
      const body = request.body as Readable | undefined;
      if (!body || typeof body.pipe !== 'function') throw logoNotRaw();
      const length = Number(request.headers['content-length']);
      return uploadCentreLogo(app.db, actor, params.id, body, Number.isFinite(length) ? length : undefined);
    },
  });

  route.get('/centres/:id/logo', {
    permission: 'statistics.read',
    summary: 'The logo on the report’s cover, as the image it is (404 when none is set)',
    params: idParams,
    produces: [...LOGO_TYPES],
    response: z.string(),
    handle: async (actor, { params }, _request, reply) => {
      const logo = await getCentreLogo(app.db, actor, params.id);
      return reply.type(logo.mediaType).header('content-disposition', 'inline').send(logo.bytes);
    },
  });

  route.delete('/centres/:id/logo', {
    permission: 'centres.settings',
    summary: 'Remove the logo from the report’s cover',
    params: idParams,
    handle: (actor, { params }) => removeCentreLogo(app.db, actor, params.id),
  });
});
