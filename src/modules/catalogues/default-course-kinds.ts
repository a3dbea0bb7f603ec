/**
 * The course-kind catalogue a new organisation starts with; the coordinator extends it.
 * (Migration 0003 gave the same list to the organisations that existed before it.)
 */
export const DEFAULT_COURSE_KINDS: ReadonlyArray<{ code: string; labelIt: string; labelEn: string }> = [
  { code: 'language_club', labelIt: 'Club linguistico', labelEn: 'Language club' },
  { code: 'driving_support', labelIt: 'Supporto alla scuola guida', labelEn: 'Driving-exam support' },
  { code: 'other', labelIt: 'Altro', labelEn: 'Other' },
];
