/**
 * A centre's own settings (name, comune, contacts, patron day, course completion threshold,
 * privacy notice version):
 * read by everyone of the centre, changed by its coordinator or an administrator
 * (centres.settings), always inside the actor's centres (another centre answers 404), at the
 * version read (409), audited with the fields changed.
 */
import type { Kysely, Selectable } from 'kysely';
import type { CentreSettings, CentreSettingsUpdateInput } from '../../contracts/centres.js';
import { orNotFound } from '../../db/queries.js';
import type { CentresTable, Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { changedFields } from '../../db/versioned.js';
import { staleVersion, validationFailed } from '../../errors/index.js';
import { type Comune, findComune, resolveComuneName, searchComuni } from '../../reference/index.js';
import { recordChange } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { type CentreSettingsChanges, findCentreSettingsRow, updateCentreSettingsAt } from './centres.repository.js';

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

function toSettings(row: SettingsRow): CentreSettings {
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
    version: row.settingsVersion,
  };
}

export async function getCentreSettings(db: Db, actor: Actor, centreId: number): Promise<CentreSettings> {
  return toSettings(await orNotFound(findCentreSettingsRow(db, centreId, actor.centreIds), 'centre'));
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
