/**
 * The generated part of each section of the register of processing, from the facts the use
 * case gathers (the organisation's configuration, its accounts, the server's settings). Pure:
 * each line in both languages, Italian first.
 */

import { REFERRAL_SERVICES, type ReferralService } from '../../contracts/enums.js';
import { labelOf } from '../../contracts/labels.js';
import type { ProcessingRegisterSection, RegisterEntry } from '../../contracts/processing-register.js';
import { romeDateOf } from '../../domain/dates.js';
import type { Role } from '../../domain/permissions.js';
import {
  type Bilingual,
  DATA_CATEGORIES,
  type DataCategory,
  PEOPLE_CATEGORIES,
  type PeopleCategory,
  PURPOSES,
  type Purpose,
  roleRecipients,
} from '../../domain/processing-register.js';
import type { RetentionSettings } from '../../domain/retention.js';
import { italianDate } from '../../exports/subject/pdf.js';
import { findComune } from '../../reference/index.js';

export interface RegisterFacts {
  organisation: string;
  centres: ReadonlyArray<{
    name: string;
    code: string;
    comuneIstat: string | null;
    address: string | null;
    phone: string | null;
    email: string | null;
  }>;
  /** Active accounts by role. */
  accounts: ReadonlyArray<{ role: string; accounts: number; withSecondFactor: number; withPassword: number }>;
  secondFactorRoles: readonly Role[];
  /** everyone | break_glass */
  passwordSignIn: string;
  ssoCreatesAccounts: boolean;
  liveApiTokens: number;
  services: ReadonlyArray<{ service: string; referrals: number }>;
  /** The organisation's retention settings (off unless set). */
  retention: RetentionSettings;
  /** The latest retention run that completed, if any. */
  lastRetentionRun: { startedAt: string; peopleRemoved: number } | null;
  server: {
    sessionHours: number;
    publicUrl: string;
    cookieSecure: boolean;
    /** The identity provider's issuer, when sign-in through it is on. */
    ssoIssuer: string | null;
    dialect: 'sqlite' | 'postgres';
  };
}

export const SECTION_TITLES: Record<ProcessingRegisterSection, Bilingual> = {
  controller: { it: 'Titolare del trattamento e centri', en: 'Controller and centres' },
  purposes: { it: 'Finalità del trattamento', en: 'Purposes of the processing' },
  people: { it: 'Categorie di interessati', en: 'Categories of data subjects' },
  data: { it: 'Categorie di dati personali', en: 'Categories of personal data' },
  recipients: { it: 'Destinatari', en: 'Recipients' },
  transfers: { it: 'Trasferimenti verso paesi terzi', en: 'Transfers to third countries' },
  retention: { it: 'Termini di conservazione', en: 'Retention periods' },
  security: { it: 'Misure di sicurezza', en: 'Security measures' },
};

const say = (it: string, en: string, more: Omit<RegisterEntry, 'it' | 'en'> = {}): RegisterEntry => ({ it, en, ...more });
const line = (text: Bilingual, more: Omit<RegisterEntry, 'it' | 'en'> = {}): RegisterEntry => ({ it: text.it, en: text.en, ...more });

/** The labels of some items, joined in each language. */
function joined(items: readonly Bilingual[], empty: Bilingual = { it: 'nessuno', en: 'none' }): Bilingual {
  if (items.length === 0) return empty;
  return { it: items.map((item) => item.it).join('; '), en: items.map((item) => item.en).join('; ') };
}

const prefixed = (prefix: Bilingual, text: Bilingual): Bilingual => ({ it: `${prefix.it}: ${text.it}`, en: `${prefix.en}: ${text.en}` });

const roleName = (role: Role): Bilingual => ({ it: labelOf('it', 'role', role), en: labelOf('en', 'role', role) });

const categoriesWhere = (test: (category: DataCategory) => boolean) => DATA_CATEGORIES.filter(test);

function controller(facts: RegisterFacts): RegisterEntry[] {
  return [
    say(`Organizzazione che usa Approdo: ${facts.organisation}`, `Organisation using Approdo: ${facts.organisation}`),
    ...facts.centres.map((centre) => {
      const comune = centre.comuneIstat ? findComune(centre.comuneIstat)?.name : undefined;
      const contacts = [centre.address, centre.phone, centre.email].filter(Boolean).join(' · ');
      const where = [comune && `Comune di ${comune}`, contacts].filter(Boolean).join(' · ');
      return say(`${centre.name} (${centre.code})`, `${centre.name} (${centre.code})`, where ? { detail: { it: where, en: where } } : {});
    }),
  ];
}

function purposes(): RegisterEntry[] {
  return (Object.entries(PURPOSES) as Array<[Purpose, Bilingual]>).map(([purpose, text]) =>
    line(text, { detail: prefixed({ it: 'Dati', en: 'Data' }, joined(categoriesWhere((c) => c.purposes.includes(purpose)))) }),
  );
}

function people(): RegisterEntry[] {
  return (Object.entries(PEOPLE_CATEGORIES) as Array<[PeopleCategory, Bilingual]>).map(([category, text]) =>
    line(text, { detail: prefixed({ it: 'Dati', en: 'Data' }, joined(categoriesWhere((c) => c.people.includes(category)))) }),
  );
}

function data(): RegisterEntry[] {
  return DATA_CATEGORIES.map((category) =>
    line(category, {
      special: category.special,
      detail: prefixed({ it: 'Finalità', en: 'Purposes' }, joined(category.purposes.map((purpose) => PURPOSES[purpose]))),
      sources: category.sources.map((source) => `${source.table}: ${source.columns.join(', ')}`),
    }),
  );
}

function recipients(facts: RegisterFacts): RegisterEntry[] {
  const accountsOf = (role: Role) => facts.accounts.find((row) => row.role === role)?.accounts ?? 0;
  const roles = roleRecipients().map(({ role, reach, permissions }) => {
    const extra = [
      permissions.includes('personal.delete') && { it: 'decide le richieste di cancellazione', en: 'decides erasure requests' },
      permissions.includes('audit.read') && { it: 'legge il registro delle attività', en: 'reads the audit log' },
      permissions.includes('users.manage') && { it: 'gestisce gli account', en: 'manages the accounts' },
    ].filter((item): item is Bilingual => Boolean(item));
    const reads: Bilingual =
      reach === 'personal'
        ? { it: 'legge e modifica le schede personali dei propri centri', en: 'reads and changes the personal files of their centres' }
        : reach === 'aggregate'
          ? {
              it: 'solo dati aggregati (statistiche, relazione): nessuna scheda personale',
              en: 'aggregated figures only (statistics, report): no personal file',
            }
          : { it: 'nessun dato', en: 'no data' };
    const name = roleName(role);
    const count = accountsOf(role);
    return say(`${name.it}: ${count} account attivi`, `${name.en}: ${count} active accounts`, {
      detail: { it: [reads.it, ...extra.map((e) => e.it)].join('; '), en: [reads.en, ...extra.map((e) => e.en)].join('; ') },
    });
  });
  const serviceName = (service: string): Bilingual =>
    (REFERRAL_SERVICES as readonly string[]).includes(service)
      ? {
          it: labelOf('it', 'referralService', service as ReferralService),
          en: labelOf('en', 'referralService', service as ReferralService),
        }
      : { it: service, en: service };
  const services = facts.services.map(({ service, referrals }) => {
    const name = serviceName(service);
    return { it: `${name.it} (${referrals})`, en: `${name.en} (${referrals})` };
  });
  return [
    ...roles,
    say(
      'Il Comune e gli enti che ricevono la relazione annuale: solo dati aggregati, con i numeri piccoli nascosti («< N») nella versione pubblicata',
      'The Comune and the bodies that receive the annual report: aggregated figures only, small counts hidden ("< N") in the published version',
    ),
    say(
      'L’interessato: copia dei propri dati (artt. 15 e 20) in PDF e JSON',
      'The data subject: a copy of their own data (arts. 15 and 20) as PDF and JSON',
    ),
    say(
      'Servizi a cui le persone sono inviate: Approdo registra l’invio, non trasmette dati',
      'Services people are referred to: Approdo records the referral, it sends no data',
      { detail: prefixed({ it: 'Invii registrati', en: 'Referrals recorded' }, joined(services)) },
    ),
    say(
      `Esportazioni: accessi e registro delle attività in CSV, copia dei dati della persona; ${facts.liveApiTokens} token API attivi (programmi con i permessi del loro utente). Ogni esportazione è registrata`,
      `Exports: visits and the audit log as CSV, a person's data; ${facts.liveApiTokens} active API tokens (programs with their user's permissions). Every export is logged`,
    ),
  ];
}

function transfers(facts: RegisterFacts): RegisterEntry[] {
  const where: Bilingual =
    facts.server.dialect === 'sqlite'
      ? { it: 'un file SQLite sul server di Approdo', en: 'an SQLite file on Approdo’s server' }
      : { it: 'il database PostgreSQL dell’organizzazione', en: 'the organisation’s PostgreSQL database' };
  const entries = [
    say(
      `Approdo non trasmette dati a terzi né fuori dall’Unione europea: i dati restano in ${where.it}`,
      `Approdo sends no data to third parties nor outside the European Union: the data stay in ${where.en}`,
    ),
    say(
      'L’interfaccia non carica nulla da siti esterni: caratteri, script e stili sono serviti da Approdo',
      'The interface loads nothing from other sites: fonts, scripts and styles are served by Approdo',
    ),
  ];
  if (facts.server.ssoIssuer) {
    entries.push(
      say(
        `Accesso tramite il fornitore di identità ${facts.server.ssoIssuer}: Approdo ne riceve e-mail e codice fiscale dell’operatore, non gli invia dati delle persone`,
        `Sign-in through the identity provider ${facts.server.ssoIssuer}: Approdo receives the operator's e-mail and codice fiscale, and sends it no data of the people`,
      ),
    );
  }
  return entries;
}

function retention(facts: RegisterFacts): RegisterEntry[] {
  const settings = facts.retention;
  const rule = settings.enabled
    ? say(
        `Cancellazione automatica ogni giorno: la scheda di una persona mai presa in carico ${settings.yearsAfterContact} anni dopo l’ultimo contatto; di una persona con percorsi tutti chiusi ${settings.yearsAfterCase} anni dopo l’ultimo contatto; una presa in carico aperta la conserva`,
        `Removed automatically every day: the file of a person never in care ${settings.yearsAfterContact} years after the last contact; of a person whose cases are all closed ${settings.yearsAfterCase} years after the last contact; an open case keeps it`,
      )
    : say(
        'Nessuna cancellazione automatica: le schede restano finché una richiesta di cancellazione non è accolta',
        'No automatic removal: files stay until an erasure request is granted',
      );
  const run = facts.lastRetentionRun;
  const lastRun = run
    ? [
        say(
          `Ultima cancellazione eseguita il ${italianDate(romeDateOf(new Date(run.startedAt)))}: ${run.peopleRemoved} schede cancellate`,
          `Latest removal run on ${romeDateOf(new Date(run.startedAt))}: ${run.peopleRemoved} files removed`,
        ),
      ]
    : [];
  return [
    rule,
    ...lastRun,
    say(
      'Dopo la cancellazione restano, anonimi, i dati delle statistiche (accessi, prese in carico, domande)',
      'After an erasure the statistics’ data stay, anonymous (visits, cases, applications)',
    ),
    say(
      `Sessioni: terminano dopo ${facts.server.sessionHours} ore senza uso; tentativi di accesso: cancellati dopo un giorno`,
      `Sessions: end after ${facts.server.sessionHours} hours without use; sign-in attempts: deleted after a day`,
    ),
    say('Registro delle attività: conservato, non modificabile', 'Audit log: kept, cannot be changed'),
  ];
}

function security(facts: RegisterFacts): RegisterEntry[] {
  const withPassword = facts.accounts.reduce((sum, row) => sum + row.withPassword, 0);
  const withSecondFactor = facts.accounts.reduce((sum, row) => sum + row.withSecondFactor, 0);
  const required = joined(facts.secondFactorRoles.map(roleName), { it: 'nessun ruolo', en: 'no role' });
  const https = facts.server.publicUrl.startsWith('https:');
  const signIn: RegisterEntry[] = [];
  if (facts.server.ssoIssuer) {
    signIn.push(
      say(
        `Accesso con il fornitore di identità del Comune (OpenID Connect): ${facts.server.ssoIssuer}; ${facts.ssoCreatesAccounts ? 'chi entra la prima volta diventa consultatore senza centri' : 'nessun account creato all’accesso'}`,
        `Sign-in through the Comune's identity provider (OpenID Connect): ${facts.server.ssoIssuer}; ${facts.ssoCreatesAccounts ? 'a first sign-in makes a viewer of no centre' : 'no account is created by signing in'}`,
      ),
    );
  }
  signIn.push(
    facts.passwordSignIn === 'break_glass'
      ? say(
          'Password locali disattivate, tranne per l’amministratore di emergenza',
          'Local passwords turned off, except for the break-glass administrator',
        )
      : say(
          'Password locali (almeno 12 caratteri, conservate come hash argon2id), con limiti ai tentativi per indirizzo e per account',
          'Local passwords (12 characters at least, stored as argon2id hashes), with limits on attempts per address and per account',
        ),
  );
  return [
    ...signIn,
    say(
      `Secondo fattore (TOTP, con codici di recupero) obbligatorio per: ${required.it}; attivo per ${withSecondFactor} account su ${withPassword} con password`,
      `Second factor (TOTP, with recovery codes) required of: ${required.en}; on for ${withSecondFactor} of ${withPassword} accounts with a password`,
    ),
    say(
      `Sessioni: terminano dopo ${facts.server.sessionHours} ore senza uso; ogni utente vede e chiude le proprie, l’amministratore chiude quelle di un utente`,
      `Sessions: end after ${facts.server.sessionHours} hours without use; each user sees and ends their own, an administrator ends a user's`,
    ),
    https
      ? say(
          `Collegamento cifrato (HTTPS, HSTS) all’indirizzo ${facts.server.publicUrl}; cookie ${facts.server.cookieSecure ? 'Secure' : 'non Secure'}`,
          `Encrypted connection (HTTPS, HSTS) at ${facts.server.publicUrl}; cookies ${facts.server.cookieSecure ? 'Secure' : 'not Secure'}`,
        )
      : say(
          `Indirizzo pubblico non in HTTPS (${facts.server.publicUrl}): il collegamento va cifrato da un proxy; cookie ${facts.server.cookieSecure ? 'Secure' : 'non Secure'}`,
          `Public address not on HTTPS (${facts.server.publicUrl}): a proxy must encrypt the connection; cookies ${facts.server.cookieSecure ? 'Secure' : 'not Secure'}`,
        ),
    say(
      `Accesso limitato ai centri di ciascun utente (${facts.centres.length} centri); le note riservate (salute, questioni legali) solo al coordinatore, all’operatore responsabile e all’autore`,
      `Access bounded by each user's centres (${facts.centres.length} centres); restricted notes (health, legal) only for the coordinator, the responsible operator and the author`,
    ),
    say(
      'Registro delle attività: ogni apertura di una scheda, modifica, esportazione e accesso, con chi e quando; il database ne rifiuta modifiche e cancellazioni',
      'Audit log: every file opened, change, export and sign-in, with who and when; the database refuses to change or delete it',
    ),
    facts.server.dialect === 'sqlite'
      ? say(
          'Backup: copia verificata del database SQLite con «approdo backup» (integrità e schema controllati)',
          'Backups: a verified copy of the SQLite database with "approdo backup" (integrity and schema checked)',
        )
      : say('Backup: copie del database PostgreSQL con pg_dump', 'Backups: copies of the PostgreSQL database with pg_dump'),
    say('Token API e sessioni conservati solo come hash SHA-256', 'API tokens and sessions stored as SHA-256 hashes only'),
  ];
}

/** The generated lines of every section, in the register's order. */
export function generatedSections(facts: RegisterFacts): Record<ProcessingRegisterSection, RegisterEntry[]> {
  return {
    controller: controller(facts),
    purposes: purposes(),
    people: people(),
    data: data(),
    recipients: recipients(facts),
    transfers: transfers(facts),
    retention: retention(facts),
    security: security(facts),
  };
}
