/** The request-topic catalogue a new organisation starts with; the coordinator edits it. */
export const DEFAULT_TOPICS: ReadonlyArray<{ code: string; labelIt: string; labelEn: string }> = [
  { code: 'residence_permit', labelIt: 'Permesso di soggiorno', labelEn: 'Residence permit' },
  { code: 'citizenship', labelIt: 'Cittadinanza', labelEn: 'Citizenship' },
  { code: 'family_reunification', labelIt: 'Ricongiungimento familiare', labelEn: 'Family reunification' },
  { code: 'registry', labelIt: 'Residenza / anagrafe', labelEn: 'Residence / registry office' },
  { code: 'work', labelIt: 'Lavoro', labelEn: 'Work' },
  { code: 'housing', labelIt: 'Casa', labelEn: 'Housing' },
  { code: 'health', labelIt: 'Salute', labelEn: 'Health' },
  { code: 'school', labelIt: 'Scuola', labelEn: 'School' },
  { code: 'italian_courses', labelIt: 'Corsi di italiano', labelEn: 'Italian courses' },
  { code: 'applications', labelIt: 'Domande / bonus', labelEn: 'Applications / benefits' },
  { code: 'legal', labelIt: 'Questioni legali', labelEn: 'Legal matters' },
  { code: 'other', labelIt: 'Altro', labelEn: 'Other' },
];
