/**
 * TOTP (RFC 6238: 30-second steps, 6 digits, SHA-1, what authenticator apps expect) through
 * otplib, and the recovery codes. No I/O: the use cases keep the seed and the last step.
 */
import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { sha256 } from './secrets.js';

const ISSUER = 'Approdo';
const PERIOD_SECONDS = 30;
/** A code of the step before or after now is accepted too: a phone's clock may drift, a user type slowly. */
const TOLERANCE_SECONDS = PERIOD_SECONDS;

export const RECOVERY_CODE_COUNT = 10;

export function newTotpSeed(): string {
  return generateSecret();
}

export function otpauthUri(seed: string, email: string): string {
  return generateURI({ issuer: ISSUER, label: email, secret: seed });
}

export async function qrCodeOf(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

export const looksLikeTotp = (code: string) => /^\d{6}$/.test(code);

/** The time step a code belongs to (now's, or the one before or after), or null when it matches none. */
export async function totpStepOf(seed: string, code: string, now: Date): Promise<number | null> {
  if (!looksLikeTotp(code)) return null;
  try {
    const result = await verify({ secret: seed, token: code, epoch: Math.floor(now.getTime() / 1000), epochTolerance: TOLERANCE_SECONDS });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    // A malformed seed or code: not a match, never a 5xx.
    return null;
  }
}

/** A recovery code: 80 random bits in base32, shown as four groups of four (xxxx-xxxx-xxxx-xxxx). */
function newRecoveryCode(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  const bytes = randomBytes(16);
  const chars = [...bytes].map((byte) => alphabet[byte % 32]).join('');
  return chars.match(/.{4}/g)?.join('-') ?? chars;
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
}

/** The stored form of a recovery code, whatever case or separators it is typed with. */
export function recoveryCodeHash(code: string): string {
  return sha256(code.toLowerCase().replace(/[^a-z2-7]/g, ''));
}
