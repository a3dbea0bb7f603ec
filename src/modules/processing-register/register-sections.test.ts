/** The generated lines of the register from the facts alone: the sign-in through the Comune's identity provider. */
import { describe, expect, it } from 'vitest';
import { generatedSections, type RegisterFacts } from './register-sections.js';

const facts: RegisterFacts = {
  organisation: 'Comune di Jesi',
  centres: [{ name: 'Centro Servizi', code: 'JESI', comuneIstat: '042021', address: 'Piazza Indipendenza 1', phone: null, email: null }],
  accounts: [{ role: 'admin', accounts: 1, withSecondFactor: 1, withPassword: 1 }],
  secondFactorRoles: ['admin'],
  passwordSignIn: 'everyone',
  ssoCreatesAccounts: false,
  liveApiTokens: 0,
  services: [{ service: 'asp', referrals: 3 }],
  retention: { enabled: false, yearsAfterContact: 5, yearsAfterCase: 10 },
  lastRetentionRun: null,
  server: { sessionHours: 8, publicUrl: 'http://localhost:3000', cookieSecure: false, ssoIssuer: null, dialect: 'postgres' },
};

describe('the register’s generated sections', () => {
  it('name the identity provider, and the passwords left to the break-glass administrator, when sign-in goes through it', () => {
    const local = generatedSections(facts);
    expect(local.security[0]?.it).toMatch(/^Password locali \(almeno 12 caratteri/);
    expect(local.transfers.map((entry) => entry.it).join(' ')).not.toContain('fornitore di identità');

    const sso = generatedSections({
      ...facts,
      passwordSignIn: 'break_glass',
      ssoCreatesAccounts: true,
      server: { ...facts.server, ssoIssuer: 'https://id.comune.jesi.an.it/realms/comune' },
    });
    expect(sso.security.slice(0, 2).map((entry) => entry.it)).toEqual([
      'Accesso con il fornitore di identità del Comune (OpenID Connect): https://id.comune.jesi.an.it/realms/comune; chi entra la prima volta diventa consultatore senza centri',
      'Password locali disattivate, tranne per l’amministratore di emergenza',
    ]);
    expect(sso.transfers.at(-1)?.it).toMatch(/^Accesso tramite il fornitore di identità https:\/\/id\.comune\.jesi\.an\.it/);
  });

  it('word the centres with their comune, the services referred to, a public address without HTTPS', () => {
    const sections = generatedSections(facts);
    expect(sections.controller[1]).toMatchObject({ it: 'Centro Servizi (JESI)', detail: { it: 'Comune di Jesi · Piazza Indipendenza 1' } });
    expect(sections.recipients.find((entry) => entry.it.startsWith('Servizi a cui'))?.detail?.it).toBe('Invii registrati: ASP (3)');
    expect(sections.security.some((entry) => entry.it.startsWith('Indirizzo pubblico non in HTTPS (http://localhost:3000)'))).toBe(true);
  });
});
