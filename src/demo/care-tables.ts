/** What people in care look like: areas of need, referrals, closing reasons, goals and their steps, diary notes, permits, applications, PC station uses. */
import type {
  ApplicationOutcome,
  CaseArea,
  CaseClosingReason,
  PcPurpose,
  PermitType,
  ReferralService,
  ReferralSource,
} from '../contracts/enums.js';
import { Weighted } from './random.js';

export const AREA_TABLE = new Weighted<CaseArea>([
  ['documents', 6],
  ['work', 5],
  ['housing', 4],
  ['economic', 4],
  ['family', 3],
  ['legal', 3],
  ['social', 2],
  ['health', 2],
]);
export const REFERRAL_SOURCE_TABLE = new Weighted<ReferralSource>([
  ['spontaneous', 6],
  ['municipal_service', 2],
  ['asp', 1],
  ['sai', 2],
  ['other_body', 1],
]);
export const CLOSING_REASON_TABLE = new Weighted<CaseClosingReason>([
  ['goals_achieved', 5],
  ['no_longer_needed', 2],
  ['referred_elsewhere', 2],
  ['moved_away', 1],
  ['lost_contact', 2],
  ['other', 1],
]);
export const SERVICE_TABLE = new Weighted<ReferralService>([
  ['social_services', 4],
  ['employment_centre', 4],
  ['patronage_union', 3],
  ['asp', 2],
  ['sai', 2],
  ['health_services', 2],
  ['school', 1],
  ['questura_prefettura', 2],
  ['other', 1],
]);
export const GOALS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Rinnovo del permesso di soggiorno', ['Raccogliere i documenti', 'Compilare il kit postale', 'Accompagnare in Questura']],
  ['Ricerca di lavoro', ['Scrivere il curriculum', 'Iscrizione al Centro per l’impiego', 'Colloquio con agenzia']],
  ['Iscrizione anagrafica', ['Dichiarazione di dimora abituale', 'Appuntamento in Anagrafe']],
  ['Sostegno economico', ['Calcolo ISEE', 'Domanda di assegno unico']],
  ['Ricerca di una casa', ['Contatto con agenzie', 'Domanda di contributo affitto']],
  ['Corso di italiano', ['Test di livello', 'Iscrizione al club linguistico']],
  ['Ricongiungimento familiare', ['Verifica dei requisiti', 'Domanda di nulla osta']],
  ['Iscrizione al Servizio sanitario', ['Scelta del medico di base']],
];
export const NOTES = [
  'Colloquio di aggiornamento: la situazione è stabile.',
  'Consegnati i documenti richiesti.',
  'Telefonata: chiede un appuntamento per la prossima settimana.',
  'Accompagnamento presso l’ufficio comunale.',
  'Verificata la documentazione per la domanda.',
  'Contatto con l’assistente sociale di riferimento.',
  'Non si è presentato all’appuntamento; ricontattato.',
  'Aggiornato il piano con la persona.',
];
export const RESTRICTED_NOTES: ReadonlyArray<readonly ['health' | 'legal', string]> = [
  ['health', 'Riferisce problemi di salute che incidono sulla ricerca di lavoro.'],
  ['legal', 'Ricorso pendente contro il diniego: seguito dall’avvocato.'],
];
export const PERMIT_TYPES = new Weighted<PermitType>([
  ['employment', 6],
  ['family', 5],
  ['asylum', 2],
  ['subsidiary_protection', 2],
  ['special_protection', 2],
  ['asylum_request', 3],
  ['study', 1],
  ['job_seeking', 1],
  ['eu_long_term', 4],
]);
/** Relative frequency of the default application types (others: 1). */
export const APPLICATION_WEIGHTS: Record<string, number> = {
  residence_permit_kit: 4,
  child_allowance: 3,
  social_bonus_isee: 3,
  registry_certificates: 2,
  residence_request: 2,
  rent_support: 2,
  inclusion_allowance: 2,
};
export const OUTCOME_TABLE = new Weighted<ApplicationOutcome>([
  ['submitted', 3],
  ['accepted', 5],
  ['rejected', 1],
  ['unknown', 1],
]);
export const PC_PURPOSE_TABLE = new Weighted<PcPurpose>([
  ['job_search', 4],
  ['documents_online', 4],
  ['printing_scanning', 3],
  ['email', 2],
  ['school', 1],
  ['other', 1],
]);
