import {
  recoveryCodes,
  secondFactorDisableInput,
  secondFactorEnableInput,
  secondFactorPolicy,
  secondFactorPolicyInput,
  secondFactorSetup,
  secondFactorStatus,
} from '../../contracts/auth.js';
import { idParams, routesOf } from '../http/route.js';
import { requireLogin } from './actor.js';
import {
  disableSecondFactor,
  enableSecondFactor,
  resetSecondFactorOf,
  secondFactorPolicyOf,
  secondFactorStatusOf,
  setSecondFactorPolicy,
  setUpSecondFactor,
} from './second-factor.usecases.js';

export const secondFactorRoutes = routesOf(['auth'], (route, app) => {
  route.get('/auth/second-factor', {
    permission: 'login',
    summary: 'Whether your second factor is on or required of your role, and how many recovery codes you have left (never a secret)',
    response: secondFactorStatus,
    handle: (actor) => secondFactorStatusOf(app.db, actor),
  });

  route.post('/auth/second-factor/setup', {
    permission: 'login',
    summary: 'A new TOTP seed for your account, answered once (otpauth URI, QR code, the seed): not active until enabled',
    response: secondFactorSetup,
    handle: (_actor, _input, request) => setUpSecondFactor(app.db, requireLogin(request.auth)),
  });

  route.post('/auth/second-factor/enable', {
    permission: 'login',
    summary: 'Turn the second factor on with a code of the new seed: the 10 recovery codes are answered once',
    body: secondFactorEnableInput,
    response: recoveryCodes,
    handle: (_actor, { body }, request) => enableSecondFactor(app.db, requireLogin(request.auth), body, request.ip),
  });

  route.delete('/auth/second-factor', {
    permission: 'login',
    summary: 'Turn your second factor off, with your password and a code (not when the organisation requires it of your role)',
    body: secondFactorDisableInput,
    handle: (_actor, { body }, request) => disableSecondFactor(app.db, requireLogin(request.auth), body, request.ip),
  });

  route.delete('/users/:id/second-factor', {
    permission: 'users.manage',
    summary: "Take a user's second factor off (a lost phone): they set it up again",
    params: idParams,
    handle: (actor, { params }) => resetSecondFactorOf(app.db, actor, params.id),
  });

  route.get('/organisation/second-factor', {
    permission: 'users.manage',
    summary: 'The roles the organisation requires a second factor of',
    response: secondFactorPolicy,
    handle: (actor) => secondFactorPolicyOf(app.db, actor),
  });

  route.put('/organisation/second-factor', {
    permission: 'users.manage',
    summary: 'Set the roles the organisation requires a second factor of (administrators, coordinators)',
    body: secondFactorPolicyInput,
    response: secondFactorPolicy,
    handle: (actor, { body }) => setSecondFactorPolicy(app.db, actor, body),
  });
});
