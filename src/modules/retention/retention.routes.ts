import { pageOf } from '../../contracts/common.js';
import {
  retentionPreviewQuery,
  retentionPreviewSchema,
  retentionRunSchema,
  retentionRunsQuery,
  retentionSettingsInput,
  retentionSettingsSchema,
} from '../../contracts/retention.js';
import { routesOf } from '../http/route.js';
import { previewRetention, retentionRunsFor, retentionSettingsFor, runRetentionNow, setRetentionSettings } from './retention.usecases.js';

/**
 * Retention: administrators set it and run it (centres.manage, the organisation's configuration);
 * coordinators and administrators, who decide erasures (personal.delete), read the settings,
 * the preview and the runs.
 */
export const retentionRoutes = routesOf(['retention'], (route, app) => {
  route.get('/organisation/retention', {
    permission: 'personal.delete',
    summary: "The organisation's retention settings: off, or the years a file is kept after the last contact",
    response: retentionSettingsSchema,
    handle: (actor) => retentionSettingsFor(app.db, actor),
  });

  route.put('/organisation/retention', {
    permission: 'centres.manage',
    summary: "Set the organisation's retention (audited): on or off, years after the last contact without a case and with cases all closed",
    body: retentionSettingsInput,
    response: retentionSettingsSchema,
    handle: (actor, { body }) => setRetentionSettings(app.db, actor, body),
  });

  route.get('/retention/preview', {
    permission: 'personal.delete',
    summary: 'The files a run would remove today in your centres, with the last contact and why (the list is logged)',
    querystring: retentionPreviewQuery,
    response: retentionPreviewSchema,
    handle: (actor, { query }) => previewRetention(app.db, actor, query),
  });

  route.post('/retention/runs', {
    permission: 'centres.manage',
    summary: 'Run retention now: removes the files due in the whole organisation (409 when off or another run is going)',
    response: retentionRunSchema,
    status: 201,
    handle: (actor) => runRetentionNow(app.db, actor),
  });

  route.get('/retention/runs', {
    permission: 'personal.delete',
    summary: "The organisation's retention runs, the latest first",
    querystring: retentionRunsQuery,
    response: pageOf(retentionRunSchema),
    handle: (actor, { query }) => retentionRunsFor(app.db, actor, query),
  });
});
