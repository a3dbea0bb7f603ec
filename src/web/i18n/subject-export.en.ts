import type { subjectExportIt } from './subject-export.it.js';

/** English messages of a person's data given back (GDPR arts. 15 and 20). */
export const subjectExportEn: Record<keyof typeof subjectExportIt, string> = {
  'subjectExport.title': 'Export the data (GDPR)',
  'subjectExport.intro':
    'Everything the centre holds about this person, to hand over on request (GDPR arts. 15 and 20): the PDF to print, the JSON to pass on to another service. Restricted notes are included only if you may read them; other people appear only by their relation. Every export is logged.',
  'subjectExport.pdf': 'Download the PDF',
  'subjectExport.json': 'Download the JSON',
};
