/** Settings from the environment, read once at start. Nothing here is ever logged whole. */
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { SsoSettings } from '../modules/auth/sso-client.js';
import type { SmtpSettings } from '../modules/reminders/mailer.js';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().default('sqlite:./data/approdo.db'),
  /** The address users reach, for the setup link and secure cookies. */
  PUBLIC_URL: z.string().url().optional(),
  /** Behind a TLS proxy, cookies are marked Secure; set to false only for plain-HTTP intranets. */
  COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto'),
  /**
   * `false`; the proxy's addresses (`loopback`, `10.0.0.0/8`, comma-separated): the client is
   * the last address the proxy forwards; or `true`: every hop trusted, the client is the
   * leftmost address, which is safe only if the proxy overwrites X-Forwarded-For.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(/^(true|false|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/, 'true, false, or the proxy addresses (loopback, 10.0.0.0/8, …)')
    .default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where uploaded registers wait to be imported; default: `imports/` beside the SQLite file, or the system's temporary directory. */
  IMPORT_DIR: z.string().min(1).optional(),
  SESSION_HOURS: z.coerce
    .number()
    .min(0.1)
    .max(24 * 30)
    .default(8),
  /**
   * Sign-in through the Comune's identity provider (OpenID Connect): its issuer URL turns it on;
   * the client id and secret are the ones registered there for Approdo, whose redirect URI is
   * PUBLIC_URL + /api/v1/auth/sso/callback and whose post-logout redirect URI is PUBLIC_URL + /login.
   */
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z.string().trim().min(1).default('openid email profile'),
  /** The claim that carries the e-mail address, and the one with the codice fiscale (SPID/CIE gateways: fiscalNumber). */
  OIDC_EMAIL_CLAIM: z.string().trim().min(1).default('email'),
  OIDC_FISCAL_CODE_CLAIM: z.string().trim().min(1).default('fiscalNumber'),
  /** The words on the login page's button, e.g. "Entra con SPID o CIE". */
  OIDC_BUTTON_LABEL: z.string().trim().min(1).max(80).optional(),
  /**
   * The daily reminders' e-mail: the SMTP server as a URL (smtp://user:password@host:587, or
   * smtps:// for TLS from the start) and the sender; unset: reminders in the app only. The URL
   * carries a password: it is never logged.
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'smtp://user:password@host:port or smtps://…')
    .optional(),
  SMTP_FROM: z.string().trim().min(3).optional(),
});

/** The built web app (vite build), served beside the API when it exists. */
const WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string;
  publicUrl: string;
  cookieSecure: boolean;
  /** Fastify's trustProxy: false, true, or the trusted proxies' addresses (proxy-addr's list). */
  trustProxy: boolean | string;
  logLevel: string;
  sessionHours: number;
  webRoot: string;
  /** Where uploaded registers wait until they are imported (or discarded). */
  importDir: string;
  /** Sign-in through the identity provider, or null when OIDC_ISSUER is not set. */
  sso: SsoSettings | null;
  /** The reminders' e-mail, or null when SMTP_URL is not set. */
  smtp: SmtpSettings | null;
}

function smtpConfig(parsed: z.infer<typeof envSchema>): SmtpSettings | null {
  if (!parsed.SMTP_URL) return null;
  if (!parsed.SMTP_FROM)
    throw new Error('SMTP_URL is set: SMTP_FROM (the sender, e.g. "Approdo <approdo@comune.example.it>") is needed too');
  return { url: parsed.SMTP_URL, from: parsed.SMTP_FROM };
}

function ssoConfig(parsed: z.infer<typeof envSchema>, publicUrl: string): SsoSettings | null {
  if (!parsed.OIDC_ISSUER) return null;
  if (!parsed.OIDC_CLIENT_ID || !parsed.OIDC_CLIENT_SECRET) {
    throw new Error('OIDC_ISSUER is set: OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are needed too');
  }
  const base = publicUrl.replace(/\/+$/, '');
  return {
    issuer: parsed.OIDC_ISSUER,
    clientId: parsed.OIDC_CLIENT_ID,
    clientSecret: parsed.OIDC_CLIENT_SECRET,
    scopes: parsed.OIDC_SCOPES,
    emailClaim: parsed.OIDC_EMAIL_CLAIM,
    fiscalCodeClaim: parsed.OIDC_FISCAL_CODE_CLAIM,
    buttonLabel: parsed.OIDC_BUTTON_LABEL ?? null,
    redirectUri: `${base}/api/v1/auth/sso/callback`,
    postLogoutRedirectUri: `${base}/login`,
  };
}

/** Beside the SQLite file (it is backed up and kept with the data), else the system's temporary directory. */
function defaultImportDir(databaseUrl: string): string {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return join(tmpdir(), 'approdo-imports');
  const file = databaseUrl.replace(/^sqlite:(\/\/)?/, '');
  if (file === ':memory:' || file === '') return join(tmpdir(), 'approdo-imports');
  return join(dirname(resolve(file)), 'imports');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.parse(env);
  const publicUrl = parsed.PUBLIC_URL ?? `http://localhost:${parsed.PORT}`;
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    databaseUrl: parsed.DATABASE_URL,
    publicUrl,
    cookieSecure: parsed.COOKIE_SECURE === 'auto' ? publicUrl.startsWith('https:') : parsed.COOKIE_SECURE === 'true',
    trustProxy: parsed.TRUST_PROXY === 'true' ? true : parsed.TRUST_PROXY === 'false' ? false : parsed.TRUST_PROXY,
    logLevel: parsed.LOG_LEVEL,
    sessionHours: parsed.SESSION_HOURS,
    webRoot: WEB_ROOT,
    importDir: parsed.IMPORT_DIR ? resolve(parsed.IMPORT_DIR) : defaultImportDir(parsed.DATABASE_URL),
    sso: ssoConfig(parsed, publicUrl),
    smtp: smtpConfig(parsed),
  };
}

/** Defaults for tests and tools that build the app in-process. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return { ...loadConfig({}), logLevel: 'silent', importDir: join(tmpdir(), 'approdo-test-imports'), ...overrides };
}
