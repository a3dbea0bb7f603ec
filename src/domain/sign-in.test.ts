import { describe, expect, it } from 'vitest';
import { emailFromClaims, fiscalCodeFromClaim, matchAccount, passwordSignInAllowed, safeReturnPath } from './sign-in.js';

const identity = { issuer: 'https://id.comune.example', subject: 'abc' };
const unbound = (id: number) => ({ id, ssoIssuer: null, ssoSubject: null });
const none = { bySubject: undefined, byEmail: undefined, byFiscalCode: undefined };

describe('fiscalCodeFromClaim', () => {
  it('reads the SPID/CIE form (TINIT-…) and the bare code, in any case and spacing', () => {
    expect(fiscalCodeFromClaim('TINIT-RSSMRA85T10A562S')).toBe('RSSMRA85T10A562S');
    expect(fiscalCodeFromClaim('tinit-rssmra85t10a562s')).toBe('RSSMRA85T10A562S');
    expect(fiscalCodeFromClaim(' RSSMRA85T10A562S ')).toBe('RSSMRA85T10A562S');
  });
  it('gives nothing for a wrong check character, another country or no string', () => {
    expect(fiscalCodeFromClaim('TINIT-RSSMRA85T10A562T')).toBeNull();
    expect(fiscalCodeFromClaim('TINDE-RSSMRA85T10A562S')).toBeNull();
    expect(fiscalCodeFromClaim(undefined)).toBeNull();
    expect(fiscalCodeFromClaim(42)).toBeNull();
  });
});

describe('emailFromClaims', () => {
  it('reads an address in lower case unless the provider says it is not verified', () => {
    expect(emailFromClaims(' Mario.Rossi@Comune.Jesi.AN.it', true)).toBe('mario.rossi@comune.jesi.an.it');
    expect(emailFromClaims('mario@comune.it', undefined)).toBe('mario@comune.it');
    expect(emailFromClaims('mario@comune.it', false)).toBeNull();
    expect(emailFromClaims('mario@comune.it', 'false')).toBeNull();
    expect(emailFromClaims('not an address', true)).toBeNull();
    expect(emailFromClaims(['mario@comune.it'], true)).toBeNull();
  });
});

describe('matchAccount', () => {
  it('takes the account bound to the identity first, whatever the claims find', () => {
    const bound = { id: 7, ssoIssuer: identity.issuer, ssoSubject: 'abc' };
    expect(matchAccount(identity, { bySubject: bound, byEmail: unbound(8), byFiscalCode: unbound(9) }, false)).toEqual({
      outcome: 'account',
      userId: 7,
      bind: false,
    });
  });
  it('binds the one account found by e-mail, by codice fiscale, or by both', () => {
    expect(matchAccount(identity, { ...none, byEmail: unbound(3) }, false)).toEqual({ outcome: 'account', userId: 3, bind: true });
    expect(matchAccount(identity, { ...none, byFiscalCode: unbound(4) }, false)).toEqual({ outcome: 'account', userId: 4, bind: true });
    expect(matchAccount(identity, { ...none, byEmail: unbound(5), byFiscalCode: unbound(5) }, false)).toEqual({
      outcome: 'account',
      userId: 5,
      bind: true,
    });
  });
  it('refuses two different accounts, and an account bound to another identity', () => {
    expect(matchAccount(identity, { ...none, byEmail: unbound(3), byFiscalCode: unbound(4) }, true)).toEqual({
      outcome: 'refused',
      reason: 'ambiguous',
    });
    const other = { id: 3, ssoIssuer: identity.issuer, ssoSubject: 'someone-else' };
    expect(matchAccount(identity, { ...none, byEmail: other }, true)).toEqual({ outcome: 'refused', reason: 'bound_elsewhere' });
    const otherProvider = { id: 3, ssoIssuer: 'https://old-provider.example', ssoSubject: 'abc' };
    expect(matchAccount(identity, { ...none, byEmail: otherProvider }, true)).toEqual({ outcome: 'refused', reason: 'bound_elsewhere' });
  });
  it('creates an account for nobody known only when the organisation allows it', () => {
    expect(matchAccount(identity, none, true)).toEqual({ outcome: 'create' });
    expect(matchAccount(identity, none, false)).toEqual({ outcome: 'refused', reason: 'no_account' });
  });
});

describe('passwordSignInAllowed', () => {
  it('lets everyone in, or only the break-glass administrator', () => {
    expect(passwordSignInAllowed({ passwordSignIn: 'everyone', breakGlassUserId: null }, 4)).toBe(true);
    expect(passwordSignInAllowed({ passwordSignIn: 'break_glass', breakGlassUserId: 1 }, 1)).toBe(true);
    expect(passwordSignInAllowed({ passwordSignIn: 'break_glass', breakGlassUserId: 1 }, 4)).toBe(false);
    expect(passwordSignInAllowed({ passwordSignIn: 'break_glass', breakGlassUserId: null }, 4)).toBe(false);
  });
});

describe('safeReturnPath', () => {
  it('keeps a path of the app and turns anything else into the home page', () => {
    expect(safeReturnPath('/persone/12?tab=casi')).toBe('/persone/12?tab=casi');
    for (const bad of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      'persone',
      '',
      undefined,
      '/a\nb',
      `/${'x'.repeat(600)}`,
    ]) {
      expect(safeReturnPath(bad)).toBe('/');
    }
  });
});
