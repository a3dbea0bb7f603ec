/**
 * A centre's own settings (name, comune, contacts, patron day, course completion threshold,
 * privacy notice version):
 * read by everyone of the centre, changed by its coordinator or an administrator
 * (centres.settings), always inside the actor's centres (another centre answers 404), at the
 * version read (409), audited with the fields changed.
 */
import type { Readable } from 'node:stream';
import type { Kysely, Selectable } from 'kysely';
import {
  type CentreLogo,
  type CentreSettings,
  type CentreSettingsUpdateInput,
  LOGO_MAX_BYTES,
  LOGO_MAX_PIXELS,
} from '../../contracts/centres.js';
import { orNotFound } from '../../db/queries.js';
import type { CentresTable, Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { changedFields } from '../../db/versioned.js';
import { readImage } from '../../domain/images.js';
import { notFound, staleVersion, validationFailed } from '../../errors/index.js';
import { type CoverImage, storedCoverImage } from '../../exports/report/index.js';
import { type Comune, findComune, resolveComuneName, searchComuni } from '../../reference/index.js';
import { recordChange } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { logoTooLarge, logoTooManyPixels, logoUnreadable, logoUnsupportedType } from './centres.errors.js';
import {
  type CentreSettingsChanges,
  deleteCentreLogo,
  findCentreLogoFacts,
  findCentreSettingsRow,
  findFirstCentreLogo,
  saveCentreLogo,
  updateCentreSettingsAt,
} from './centres.repository.js';

type Db = Kysely<Database>;

/** A comune code that the shipped ISTAT list does not have is refused (400, comune.unknown). */
export function checkCentreComune(comuneIstat: string | null | undefined, field = 'comuneIstat'): void {
  if (comuneIstat && !findComune(comuneIstat)) throw validationFailed([{ field, code: 'comune.unknown' }]);
}

/**
 * The comune a person typed (the command line's --comune): its 6-digit ISTAT code, or its name
 * or a frazione's, optionally with the province ("Moie", "Samone (TO)"). When it is not one
 * comune, the error names the candidates.
 */
export function comuneFromText(text: string): Comune {
  const typed = text.trim();
  const comune = /^\d{6}$/.test(typed) ? findComune(typed) : resolveComuneName(typed);
  if (comune) return comune;
  const candidates = searchComuni(typed, 5).map((m) => `${m.comune.name} (${m.comune.province}) ${m.comune.istat}`);
  throw new Error(
    candidates.length > 0
      ? `"${typed}" is not one comune; did you mean: ${candidates.join(', ')}? Give its name with the province, or its ISTAT code`
      : `No comune "${typed}" in the ISTAT list`,
  );
}

/** «Comune di Jesi»: how the report's cover, the public page and the feed name the centre's comune. */
export function comuneTitle(comuneIstat: string | null | undefined): string | null {
  const comune = comuneIstat ? findComune(comuneIstat) : undefined;
  return comune ? `Comune di ${comune.name}` : null;
}

type SettingsRow = Pick<
  Selectable<CentresTable>,
  | 'id'
  | 'code'
  | 'name'
  | 'comuneIstat'
  | 'address'
  | 'phone'
  | 'email'
  | 'patronDay'
  | 'completionThreshold'
  | 'privacyNoticeVersion'
  | 'settingsVersion'
>;

function toSettings(row: SettingsRow, logo: CentreLogo | null): CentreSettings {
  const comune = row.comuneIstat ? findComune(row.comuneIstat) : undefined;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    comuneIstat: row.comuneIstat,
    comuneName: comune?.name ?? null,
    comuneProvince: comune?.province ?? null,
    address: row.address,
    phone: row.phone,
    email: row.email,
    patronDay: row.patronDay,
    completionThreshold: row.completionThreshold,
    privacyNoticeVersion: row.privacyNoticeVersion,
    logo,
    version: row.settingsVersion,
  };
}

export async function getCentreSettings(db: Db, actor: Actor, centreId: number): Promise<CentreSettings> {
  const row = await orNotFound(findCentreSettingsRow(db, centreId, actor.centreIds), 'centre');
  return toSettings(row, ((await findCentreLogoFacts(db, centreId)) as CentreLogo | undefined) ?? null);
}

/** Only the fields sent change; an empty text clears an optional one. */
export async function updateCentreSettings(
  db: Db,
  actor: Actor,
  centreId: number,
  input: CentreSettingsUpdateInput,
  now = new Date(),
): Promise<CentreSettings> {
  checkCentreComune(input.comuneIstat);
  await inTransaction(db, async (trx) => {
    const existing = await orNotFound(findCentreSettingsRow(trx, centreId, actor.centreIds), 'centre');
    if (existing.settingsVersion !== input.version) throw staleVersion(existing.settingsVersion);
    const changes: CentreSettingsChanges = {};
    if (input.name !== undefined) changes.name = input.name;
    for (const key of ['comuneIstat', 'address', 'phone', 'email', 'patronDay'] as const) {
      if (input[key] !== undefined) changes[key] = input[key] || null;
    }
    if (input.completionThreshold !== undefined) changes.completionThreshold = input.completionThreshold;
    if (input.privacyNoticeVersion !== undefined) changes.privacyNoticeVersion = input.privacyNoticeVersion;
    const fields = changedFields(changes, existing);
    if (!(await updateCentreSettingsAt(trx, centreId, input.version, changes))) throw staleVersion(existing.settingsVersion + 1);
    await recordChange(trx, actor, 'update', 'centre_settings', { id: centreId, centreId }, { details: { fields }, at: now });
  });
  return getCentreSettings(db, actor, centreId);
}

// --- the logo on the report's cover ----------------------------------------------------------

/**
 * The body's bytes, at most `limit` of them: past it (or when the declared length is past it),
 * the rest is read and dropped, so that the client hears the 413.
 */
async function bytesUpTo(body: Readable, declaredLength: number | undefined, limit: number): Promise<Buffer> {
  if (declaredLength !== undefined && declaredLength > limit) {
    body.resume();
    throw logoTooLarge({ limit });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      body.resume();
      throw logoTooLarge({ limit });
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Sets a centre's logo (or its Comune's stemma) from the uploaded bytes: a PNG or a JPEG as its
 * bytes say (never its name: an SVG, a PDF, a text renamed .png are refused, 422), at most
 * LOGO_MAX_BYTES (413) and LOGO_MAX_PIXELS a side (422). Replaces the one it had; audited.
 */
export async function uploadCentreLogo(
  db: Db,
  actor: Actor,
  centreId: number,
  body: Readable,
  declaredLength?: number,
  now = new Date(),
): Promise<CentreLogo> {
  if (!(await findCentreSettingsRow(db, centreId, actor.centreIds))) {
    body.resume();
    throw notFound('centre');
  }
  const bytes = await bytesUpTo(body, declaredLength, LOGO_MAX_BYTES);
  const image = readImage(bytes);
  if (!image.ok) throw image.problem === 'unsupported_type' ? logoUnsupportedType() : logoUnreadable();
  const { mediaType, width, height } = image;
  if (width > LOGO_MAX_PIXELS || height > LOGO_MAX_PIXELS) throw logoTooManyPixels({ width, height });
  const logo: CentreLogo = { mediaType, byteSize: bytes.length, width, height, uploadedAt: now.toISOString() };
  await inTransaction(db, async (trx) => {
    await saveCentreLogo(trx, { centreId, ...logo, bytes, uploadedBy: actor.userId });
    await recordChange(
      trx,
      actor,
      'update',
      'centre_logo',
      { id: centreId, centreId },
      { details: { mediaType, byteSize: bytes.length, width, height }, at: now },
    );
  });
  return logo;
}

/** The logo's bytes and media type (404 when the centre has none). */
export async function getCentreLogo(db: Db, actor: Actor, centreId: number): Promise<{ mediaType: string; bytes: Buffer }> {
  await orNotFound(findCentreSettingsRow(db, centreId, actor.centreIds), 'centre');
  const logo = await orNotFound(findFirstCentreLogo(db, [centreId]), 'logo');
  return { mediaType: logo.mediaType, bytes: Buffer.from(logo.bytes) };
}

/** Removes a centre's logo (404 when it has none); audited. */
export async function removeCentreLogo(db: Db, actor: Actor, centreId: number, now = new Date()): Promise<void> {
  await orNotFound(findCentreSettingsRow(db, centreId, actor.centreIds), 'centre');
  await inTransaction(db, async (trx) => {
    if (!(await deleteCentreLogo(trx, centreId))) throw notFound('logo');
    await recordChange(trx, actor, 'delete', 'centre_logo', { id: centreId, centreId }, { at: now });
  });
}

/** The cover logo of a report about these centres (in the heading's order), or null when none has one. */
export async function coverLogoOf(db: Db, centres: readonly { id: number; name: string }[]): Promise<CoverImage | null> {
  const logo = await findFirstCentreLogo(
    db,
    centres.map((centre) => centre.id),
  );
  if (!logo) return null;
  const name = centres.find((centre) => centre.id === logo.centreId)?.name ?? '';
  return storedCoverImage(logo, `Logo di ${name}`);
}
