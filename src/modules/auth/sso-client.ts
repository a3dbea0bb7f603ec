/**
 * The OpenID Connect relying party, on openid-client: the authorization code flow with PKCE,
 * state and nonce, the ID token verified against the issuer's keys (signature, issuer,
 * audience, expiry, nonce) by the library, and RP-initiated logout. The provider's metadata is
 * discovered at the first sign-in and kept; a failed discovery is tried again at the next.
 */
import * as oidc from 'openid-client';

/** The identity provider, as the environment configures it (see server/config.ts). Holds the client secret: never logged. */
export interface SsoSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  emailClaim: string;
  fiscalCodeClaim: string;
  buttonLabel: string | null;
  /** Where the provider sends the browser back with the code. */
  redirectUri: string;
  /** Where the provider sends the browser after signing out. */
  postLogoutRedirectUri: string;
  /**
   * Seconds the app's clock is taken to be ahead (tests only: an ID token seen after its
   * expiry without waiting for it).
   */
  clockSkewSeconds?: number;
}

/** A sign-in started: where to send the browser, and what its callback must bring back. */
export interface SsoAuthorization {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Who the provider says signed in: the verified ID token's issuer and subject, and its claims (with userinfo's). */
export interface SsoIdentity {
  issuer: string;
  subject: string;
  claims: Record<string, unknown>;
}

/** Plain HTTP is allowed for a provider on this machine only (tests, a local Keycloak). */
function onLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
}

export class SsoClient {
  #configuration: Promise<oidc.Configuration> | undefined;

  constructor(readonly settings: SsoSettings) {}

  private configuration(): Promise<oidc.Configuration> {
    const { issuer, clientId, clientSecret, clockSkewSeconds } = this.settings;
    this.#configuration ??= oidc
      .discovery(
        new URL(issuer),
        clientId,
        { client_secret: clientSecret, ...(clockSkewSeconds && { [oidc.clockSkew]: clockSkewSeconds }) },
        oidc.ClientSecretBasic(clientSecret),
        { execute: onLoopback(issuer) ? [oidc.allowInsecureRequests] : [] },
      )
      .catch((error: unknown) => {
        this.#configuration = undefined;
        throw error;
      });
    return this.#configuration;
  }

  async authorization(): Promise<SsoAuthorization> {
    const configuration = await this.configuration();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, nonce, codeVerifier };
  }

  /**
   * The identity of a callback: the code exchanged (with the PKCE verifier), the state and the
   * ID token checked. Claims the ID token lacks are read from the userinfo endpoint, for
   * providers that put only the subject in the token.
   */
  async identity(callbackQuery: string, expected: { state: string; nonce: string; codeVerifier: string }): Promise<SsoIdentity> {
    const configuration = await this.configuration();
    // The callback as the provider addressed it (PUBLIC_URL), whatever proxy the request came through.
    const callback = new URL(`${this.settings.redirectUri}?${callbackQuery}`);
    const tokens = await oidc.authorizationCodeGrant(configuration, callback, {
      pkceCodeVerifier: expected.codeVerifier,
      expectedState: expected.state,
      expectedNonce: expected.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) throw new Error('the provider answered without an ID token');
    let claims: Record<string, unknown> = { ...idToken };
    const { emailClaim, fiscalCodeClaim } = this.settings;
    if ((claims[emailClaim] === undefined || claims[fiscalCodeClaim] === undefined) && configuration.serverMetadata().userinfo_endpoint) {
      claims = { ...(await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub)), ...claims };
    }
    return { issuer: idToken.iss, subject: idToken.sub, claims };
  }

  /** Where to send the browser to sign out at the provider too, if it offers that. */
  async endSessionUrl(): Promise<string | null> {
    const configuration = await this.configuration();
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    // client_id rather than id_token_hint: the ID token is kept nowhere, and never reaches the browser.
    return oidc.buildEndSessionUrl(configuration, {
      client_id: this.settings.clientId,
      post_logout_redirect_uri: this.settings.postLogoutRedirectUri,
    }).href;
  }
}
