/**
 * A real OpenID provider for the tests (the npm `oidc-provider`, not a mock), on a local port:
 * one confidential client for Approdo, the accounts the test gives (their claims, with
 * `fiscalNumber` as SPID/CIE gateways send it), a plain login form for its interaction (type
 * the account's name; no password) and consent given for the first-party client.
 *
 *   const idp = await startTestProvider({ appUrl: 'http://localhost:3000', accounts: [{ sub: 'mrossi', email: '…' }] });
 *   const app = await startTestApp(dialect, { sso: idp.ssoSettings() });
 *   const callback = await signInAtProvider(idp, startLocation, 'mrossi'); // the URL the browser is sent back to
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import type { SsoSettings } from '../../src/modules/auth/sso-client.js';

export interface TestIdentity {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  /** As SPID/CIE gateways send it: TINIT-<codice fiscale>. */
  fiscalNumber?: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  appUrl: string;
  /** The accounts the provider knows, by subject: add or change them between tests. */
  accounts: Map<string, TestIdentity>;
  /** Approdo's settings for this provider (a clock skew makes its ID tokens look expired). */
  ssoSettings(overrides?: Partial<SsoSettings>): SsoSettings;
  close(): Promise<void>;
}

const CLIENT_ID = 'approdo';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

const loginForm = (uid: string, error = '') =>
  page(
    'Identità del Comune (prova)',
    `${error && `<p role="alert">${error}</p>`}<form method="post" action="/interaction/${uid}/login">` +
      '<label for="login">Utente</label> <input id="login" name="login" autocomplete="username" required> ' +
      '<button type="submit">Entra</button></form>',
  );

async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

/** Starts the provider on 127.0.0.1 (`port` 0: any free one); `appUrl` is Approdo's PUBLIC_URL. */
export async function startTestProvider(options: { appUrl: string; accounts?: TestIdentity[]; port?: number }): Promise<TestProvider> {
  const accounts = new Map((options.accounts ?? []).map((account) => [account.sub, account]));
  const clientSecret = randomBytes(24).toString('hex');
  const appUrl = options.appUrl.replace(/\/+$/, '');
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const signingKey = {
    ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
    kid: 'test',
    use: 'sig',
  };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: clientSecret,
        redirect_uris: [`${appUrl}/api/v1/auth/sso/callback`],
        post_logout_redirect_uris: [`${appUrl}/login`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'fiscalNumber'] },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      return account && { accountId: sub, claims: () => ({ ...account }) };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // Seconds. The ID token lasts an hour: the tests that see it expired move Approdo's clock, not the provider's.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 3600 },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: KoaContextWithOIDC, form: string) => {
          ctx.body = page(
            'Esci dall’identità del Comune (prova)',
            `${form}<button form="op.logoutForm" name="logout" value="yes">Esci</button>`,
          );
        },
      },
    },
    // The client is Approdo itself: consent is given, as a Comune's provider does for its own applications.
    loadExistingGrant: async (ctx) => {
      const { oidc } = ctx;
      if (!oidc.session?.accountId || !oidc.client) return undefined;
      const grantId = oidc.session.grantIdFor(oidc.client.clientId);
      const existing = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
      if (existing) return existing;
      const grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  const handleProvider = provider.callback();

  async function handleInteraction(req: IncomingMessage, res: ServerResponse, uid: string, action: string | undefined) {
    const html = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    };
    await provider.interactionDetails(req, res);
    if (action !== 'login' || req.method !== 'POST') return html(200, loginForm(uid));
    const login = (await formOf(req)).get('login')?.trim() ?? '';
    if (!accounts.has(login)) return html(400, loginForm(uid, 'Utente sconosciuto'));
    await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const match = /^\/interaction\/([\w-]+)(?:\/(\w+))?/.exec(req.url ?? '');
    if (!match) {
      handleProvider(req, res);
      return;
    }
    handleInteraction(req, res, match[1] as string, match[2]).catch((error: unknown) => {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });

  return {
    issuer,
    clientId: CLIENT_ID,
    clientSecret,
    appUrl,
    accounts,
    ssoSettings: (overrides = {}) => ({
      issuer,
      clientId: CLIENT_ID,
      clientSecret,
      scopes: 'openid email profile',
      emailClaim: 'email',
      fiscalCodeClaim: 'fiscalNumber',
      buttonLabel: 'Entra con l’identità del Comune',
      redirectUri: `${appUrl}/api/v1/auth/sso/callback`,
      postLogoutRedirectUri: `${appUrl}/login`,
      ...overrides,
    }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Goes through the provider as a browser would (its cookies kept between requests): from the
 * authorization URL Approdo redirected to, the login form filled in as `login`, until the
 * provider sends the browser back to Approdo; answers that URL (the callback with code and state).
 */
export async function signInAtProvider(idp: TestProvider, authorizationUrl: string, login: string): Promise<URL> {
  const cookies = new Map<string, string>();
  const send = async (url: URL, init: RequestInit = {}) => {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
  let url = new URL(authorizationUrl);
  for (let step = 0; step < 20; step++) {
    if (url.href.startsWith(idp.appUrl)) return url;
    let response = await send(url);
    if (response.status === 200 && url.pathname.startsWith('/interaction/')) {
      await response.text();
      response = await send(new URL(`${url.pathname}/login`, url), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ login }).toString(),
      });
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`the provider answered ${response.status} at ${url.pathname}: ${await response.text()}`);
    await response.body?.cancel();
    url = new URL(location, url);
  }
  throw new Error('the provider never sent the browser back to Approdo');
}
