/** English messages of the register of processing (art. 30), merged into the English dictionary in en.ts. */
import type { processingRegisterIt } from './processing-register.it.js';

export const processingRegisterEn: Record<keyof typeof processingRegisterIt, string> = {
  'register.nav': 'Register of processing',
  'register.title': 'Register of processing activities',
  'register.intro':
    'The register GDPR art. 30 asks for. Each section is generated from what Approdo holds and how it is configured; the data protection officer completes it with a note of their own.',
  'register.pdf': 'Download the PDF to print',
  'register.special': 'Special category (art. 9)',
  'register.sources': 'Where the data are (tables and columns)',
  'register.dpoText': 'Note of the data protection officer',
  'register.dpoHint': 'For example: the controller and the DPO’s contacts, legal bases, transfers, further measures.',
  'register.noText': 'No note.',
  'register.edit': 'Edit the note',
  'register.editOf': 'Edit the note: {title}',
  'register.saved': 'Note saved.',
  'register.updated': 'Updated on {date} by {name}.',
};
