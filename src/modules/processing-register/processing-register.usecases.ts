/**
 * The register of processing (GDPR art. 30, issue 14): generated from what the organisation
 * holds and how Approdo is configured, each section with the text its data protection officer
 * writes (versioned, audited). One register per organisation: it names no person.
 */
import type { Kysely } from 'kysely';
import {
  PROCESSING_REGISTER_SECTIONS,
  type ProcessingRegister,
  type ProcessingRegisterSection,
  type RegisterText,
  type RegisterTextInput,
} from '../../contracts/processing-register.js';
import type { DialectName } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { updateVersioned } from '../../db/versioned.js';
import { staleVersion } from '../../errors/index.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Actor } from '../auth/actor.js';
import { secondFactorPolicyOf } from '../auth/second-factor.usecases.js';
import { retentionRunsFor, retentionSettingsFor } from '../retention/retention.usecases.js';
import {
  activeAccountsByRole,
  centresOf,
  findRegisterText,
  insertRegisterText,
  liveApiTokens,
  organisationPolicies,
  registerTexts,
  servicesReferredTo,
} from './processing-register.repository.js';
import { generatedSections, type RegisterFacts, SECTION_TITLES } from './register-sections.js';

type Db = Kysely<Database>;

/** What the register reads of the server: its settings and its database. */
export interface RegisterServer {
  config: { sessionHours: number; publicUrl: string; cookieSecure: boolean; sso?: { issuer: string } | null };
  dialect: DialectName;
}

async function factsOf(db: Db, actor: Actor, server: RegisterServer): Promise<RegisterFacts> {
  const { organisationId } = actor;
  const [organisation, centres, accounts, policy, tokens, services, retention, runs] = await Promise.all([
    organisationPolicies(db, organisationId),
    centresOf(db, organisationId),
    activeAccountsByRole(db, organisationId),
    secondFactorPolicyOf(db, actor),
    liveApiTokens(db, organisationId),
    servicesReferredTo(db, organisationId),
    retentionSettingsFor(db, actor),
    retentionRunsFor(db, actor, { page: 1, pageSize: 20 }),
  ]);
  const lastRun = runs.items.find((run) => run.outcome === 'completed');
  return {
    organisation: organisation.name,
    centres,
    accounts,
    secondFactorRoles: policy.roles,
    passwordSignIn: organisation.passwordSignIn,
    ssoCreatesAccounts: organisation.ssoCreatesAccounts === 1,
    liveApiTokens: tokens,
    services,
    retention,
    lastRetentionRun: lastRun ? { startedAt: lastRun.startedAt, peopleRemoved: lastRun.peopleRemoved } : null,
    server: {
      sessionHours: server.config.sessionHours,
      publicUrl: server.config.publicUrl,
      cookieSecure: server.config.cookieSecure,
      ssoIssuer: server.config.sso?.issuer ?? null,
      dialect: server.dialect,
    },
  };
}

/** Every section's DPO text: the one written, or an empty one at version 0. */
async function textsOf(db: Db, organisationId: number): Promise<Map<ProcessingRegisterSection, RegisterText>> {
  const written = new Map((await registerTexts(db, organisationId)).map((row) => [row.section, row]));
  return new Map(
    PROCESSING_REGISTER_SECTIONS.map((section) => {
      const row = written.get(section);
      return [
        section,
        row
          ? { section, text: row.text, version: row.version, updatedAt: row.updatedAt, updatedBy: row.updatedBy }
          : { section, text: '', version: 0, updatedAt: null, updatedBy: null },
      ];
    }),
  );
}

/** The organisation's register: every section generated now, with its DPO text. */
export async function processingRegister(db: Db, actor: Actor, server: RegisterServer, now = new Date()): Promise<ProcessingRegister> {
  const facts = await factsOf(db, actor, server);
  const generated = generatedSections(facts);
  const texts = await textsOf(db, actor.organisationId);
  return {
    organisation: facts.organisation,
    generatedAt: now.toISOString(),
    sections: PROCESSING_REGISTER_SECTIONS.map((section) => ({
      section,
      title: SECTION_TITLES[section],
      entries: generated[section],
      dpoText: texts.get(section) as RegisterText,
    })),
  };
}

/**
 * Writes a section's DPO text at the version read: 0 for the first text (409 if someone wrote
 * one meanwhile), the row's version afterwards (409 with the current one if it changed). Audited
 * by section, never with the text.
 */
export async function saveRegisterText(
  db: Db,
  actor: Actor,
  section: ProcessingRegisterSection,
  input: RegisterTextInput,
  now = new Date(),
): Promise<RegisterText> {
  const { organisationId } = actor;
  await inTransaction(db, async (trx) => {
    const at = now.toISOString();
    const row = await findRegisterText(trx, organisationId, section);
    let id: number;
    if (input.version === 0) {
      if (row) throw staleVersion(row.version);
      const inserted = await insertRegisterText(trx, { organisationId, section, text: input.text, updatedBy: actor.userId, at });
      if (inserted === undefined) throw staleVersion((await findRegisterText(trx, organisationId, section))?.version ?? 0);
      id = inserted;
    } else {
      if (!row) throw staleVersion(0);
      await updateVersioned(trx, 'processingRegisterTexts', row.id, input.version, {
        text: input.text,
        updatedBy: actor.userId,
        updatedAt: at,
      });
      id = row.id;
    }
    await recordAudit(
      trx,
      {
        userId: actor.userId,
        centreId: null,
        action: input.version === 0 ? 'create' : 'update',
        entity: 'processing_register_text',
        entityId: id,
        details: { section, fields: row && row.text === input.text ? [] : ['text'] },
      },
      now,
    );
  });
  return (await textsOf(db, organisationId)).get(section) as RegisterText;
}
