import type { accessibilityIt } from './accessibility.it.js';

/** English text of the accessibility declaration (merged into en.ts). */
export const accessibilityEn: Record<keyof typeof accessibilityIt, string> = {
  'app.accessibility': 'Accessibility statement',
  'accessibility.title': 'Accessibility statement',
  'accessibility.intro':
    "The Comune is committed to making the Approdo application accessible, under Italian Law 4/2004 and AgID's guidelines on the accessibility of IT tools. This statement applies to the Approdo web application and the documents it produces.",
  'accessibility.status.title': 'Compliance status',
  'accessibility.status.text':
    'Approdo is partially compliant with the requirements of annex A to EN 301 549 (WCAG 2.1, level AA), because of the non-accessible content listed below.',
  'accessibility.notAccessible.title': 'Non-accessible content',
  'accessibility.notAccessible.text': 'The content listed below is not yet fully accessible:',
  'accessibility.notAccessible.item1':
    "some of the interface's charts come with a table of the same data, but not all have a text description of their figures yet;",
  'accessibility.notAccessible.item2': 'the exported spreadsheets (XLSX) and CSV files declare no header structure beyond their first row;',
  'accessibility.notAccessible.item3':
    'documents uploaded by operators (scans, for instance) are kept as uploaded and may not be accessible.',
  'accessibility.preparation.title': 'Preparation of this statement',
  'accessibility.preparation.text': 'This statement was prepared on 7 December 2026, based on a self-assessment:',
  'accessibility.preparation.item1':
    'every page and state of the interface is checked automatically with axe-core in the browser tests, which allow no serious violation;',
  'accessibility.preparation.item2': 'keyboard navigation, focus and screen-reader announcements are checked in the same tests;',
  'accessibility.preparation.item3': "the interface follows Designers Italia's kit (Bootstrap Italia) and works down to 390 pixels wide.",
  'accessibility.feedback.title': 'Feedback and contact information',
  'accessibility.feedback.text':
    "To report an accessibility problem or ask for content in an accessible format, write to the Comune's accessibility manager (RTD) or to the centre you use: its address is in the centre's contacts. You get an answer within 30 days.",
  'accessibility.enforcement.title': 'Enforcement procedure',
  'accessibility.enforcement.text':
    'If the answer is unsatisfactory, or there is none within 30 days of the report, you can report the matter to AgID with the form on its website.',
  'accessibility.application.title': 'About the application',
  'accessibility.application.text':
    "Approdo is an open-source web application (EUPL-1.2 licence) for the Centri Servizi per l'Integrazione Sociale:",
  'accessibility.application.item1': 'the interface is in Italian and English, with the language declared on every page;',
  'accessibility.application.item2':
    'the management report is produced as a tagged PDF (PDF/UA), with headings, tables with header cells and charts with alternative text, and as a DOCX;',
  'accessibility.application.item3': 'no personal data appears on this page, which can be read without signing in.',
  'accessibility.agidForm': "AgID's reporting form (form.agid.gov.it)",
};
