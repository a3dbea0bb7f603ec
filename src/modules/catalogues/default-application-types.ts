import type { ApplicationLevel } from '../../contracts/enums.js';

/**
 * The application-type catalogue a new organisation starts with; the coordinator edits it.
 * (Migration 0002 gave the same list to the organisations that existed before it.)
 */
export const DEFAULT_APPLICATION_TYPES: ReadonlyArray<{
  code: string;
  labelIt: string;
  labelEn: string;
  level: ApplicationLevel;
  anagrafe: boolean;
}> = [
  {
    code: 'child_allowance',
    labelIt: 'Assegno unico universale',
    labelEn: 'Universal child allowance',
    level: 'national',
    anagrafe: false,
  },
  {
    code: 'social_bonus_isee',
    labelIt: 'Bonus sociale luce e gas / ISEE',
    labelEn: 'Social bonus for electricity and gas / ISEE',
    level: 'national',
    anagrafe: false,
  },
  { code: 'purchase_card', labelIt: 'Carta acquisti', labelEn: 'Purchase card', level: 'national', anagrafe: false },
  { code: 'inclusion_allowance', labelIt: 'Assegno di inclusione', labelEn: 'Inclusion allowance', level: 'national', anagrafe: false },
  {
    code: 'rent_support',
    labelIt: 'Bonus affitto / contributo canone di locazione',
    labelEn: 'Rent support',
    level: 'municipal',
    anagrafe: false,
  },
  { code: 'regional_grant', labelIt: 'Contributo regionale', labelEn: 'Regional grant', level: 'regional', anagrafe: false },
  { code: 'residence_request', labelIt: 'Richiesta di residenza', labelEn: 'Residence request', level: 'municipal', anagrafe: true },
  { code: 'change_of_address', labelIt: 'Cambio di indirizzo', labelEn: 'Change of address', level: 'municipal', anagrafe: true },
  {
    code: 'registry_enrolment',
    labelIt: 'Iscrizione anagrafica / dichiarazione di dimora abituale',
    labelEn: 'Registry enrolment / declaration of habitual abode',
    level: 'municipal',
    anagrafe: true,
  },
  {
    code: 'registry_certificates',
    labelIt: 'Certificati anagrafici',
    labelEn: 'Registry certificates',
    level: 'municipal',
    anagrafe: true,
  },
  { code: 'citizenship', labelIt: 'Domanda di cittadinanza', labelEn: 'Citizenship application', level: 'national', anagrafe: false },
  {
    code: 'family_reunification',
    labelIt: 'Ricongiungimento familiare — nulla osta',
    labelEn: 'Family reunification — clearance',
    level: 'national',
    anagrafe: false,
  },
  {
    code: 'residence_permit_kit',
    labelIt: 'Kit permesso di soggiorno',
    labelEn: 'Residence permit kit',
    level: 'national',
    anagrafe: false,
  },
  { code: 'other', labelIt: 'Altro', labelEn: 'Other', level: 'municipal', anagrafe: false },
];
