/** A case's referrals to and from other services. */
import { referralCreateInput, referralSchema, referralUpdateInput } from '../../contracts/cases.js';
import { deleteQuery } from '../../contracts/common.js';
import { idParams, routesOf } from '../http/route.js';
import { addReferral, deleteReferral, updateReferral } from './referrals.usecases.js';

export const referralsRoutes = routesOf(['cases'], (route, app) => {
  route.post('/cases/:id/referrals', {
    permission: 'personal.write',
    summary: 'Record a referral to or from another service',
    params: idParams,
    body: referralCreateInput,
    response: referralSchema,
    status: 201,
    handle: (actor, { params, body }) => addReferral(app.db, actor, params.id, body),
  });

  route.patch('/referrals/:id', {
    permission: 'personal.write',
    summary: 'Change a referral (send the version you read)',
    params: idParams,
    body: referralUpdateInput,
    response: referralSchema,
    handle: (actor, { params, body }) => updateReferral(app.db, actor, params.id, body),
  });

  route.delete('/referrals/:id', {
    permission: 'personal.write',
    summary: 'Delete a referral (?version= the version you read)',
    params: idParams,
    querystring: deleteQuery,
    handle: (actor, { params, query }) => deleteReferral(app.db, actor, params.id, query.version),
  });
});
