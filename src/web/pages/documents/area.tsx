import { type Area, inMenu } from '../../area.js';

/** The permits' and identity documents' deadlines (a person's documents are on their page). */
export const documentsArea: Area = inMenu('people', [['/deadlines', 'personal.read', () => import('./DeadlinesPage.js'), 'documents.nav']]);
