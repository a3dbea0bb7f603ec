/**
 * The identities the e2e runs' OpenID provider knows (test/support/oidc-provider.ts, started by
 * global setup beside the app): someone matched by e-mail, someone matched by the codice fiscale
 * a SPID/CIE gateway sends, and someone Approdo does not know.
 */
import type { TestIdentity } from '../../test/support/oidc-provider.js';

export const SARA = {
  sub: 'sara',
  email: 'sara.sportello@comune.jesi.example',
  email_verified: true,
  name: 'Sara Sportello',
} satisfies TestIdentity;
export const MARCO = { sub: 'marco', fiscalNumber: 'TINIT-RSSMRA85T10A562S', name: 'Marco Rossi' } satisfies TestIdentity;
export const STRANGER = {
  sub: 'estraneo',
  email: 'estraneo@example.org',
  email_verified: true,
  name: 'Ettore Estraneo',
} satisfies TestIdentity;

export const E2E_IDENTITIES: TestIdentity[] = [SARA, MARCO, STRANGER];
