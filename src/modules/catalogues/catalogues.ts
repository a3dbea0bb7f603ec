/**
 * The four catalogues, each described once: its contract, table, API path, texts, defaults and
 * audit entity. The repository, use cases, routes and seeder serve them all from this.
 */
import type { z } from 'zod';
import { applicationTypeContract } from '../../contracts/activities.js';
import type { CatalogueContract } from '../../contracts/catalogues.js';
import { courseKindContract } from '../../contracts/course-kinds.js';
import { NETWORK_ORGANISATION_KINDS, type NetworkOrganisationKind } from '../../contracts/enums.js';
import { networkOrganisationContract } from '../../contracts/events.js';
import { topicContract } from '../../contracts/visits.js';
import { DEFAULT_APPLICATION_TYPES } from './default-application-types.js';
import { DEFAULT_COURSE_KINDS } from './default-course-kinds.js';
import { DEFAULT_NETWORK_ORGANISATIONS } from './default-network-organisations.js';
import { DEFAULT_TOPICS } from './default-topics.js';

export type CatalogueTable = 'requestTopics' | 'courseKinds' | 'applicationTypes' | 'networkOrganisations';

export type CatalogueItem<D extends CatalogueDefinition> = z.infer<D['contract']['item']>;

export interface CatalogueDefinition<C extends CatalogueContract = CatalogueContract> {
  contract: C;
  table: CatalogueTable;
  path: string;
  tags: string[];
  summaries: { list: string; create: string; update: string };
  /** What a new organisation starts with, in order. */
  defaults: ReadonlyArray<Omit<z.infer<C['item']>, 'id' | 'active' | 'sortOrder'>>;
  /** The audit log's entity, and the name a 404 gives. */
  auditEntity: string;
  name: string;
  duplicate: (code: string) => string;
  /** The order of a catalogue without sortOrder. */
  compare?: (a: z.infer<C['item']>, b: z.infer<C['item']>) => number;
}

const define = <C extends CatalogueContract>(definition: CatalogueDefinition<C>) => definition;

/** Unions first, then services, schools, associations, the rest; by name within a kind. */
export function byKindAndName<T extends { kind: NetworkOrganisationKind; name: string }>(a: T, b: T): number {
  return NETWORK_ORGANISATION_KINDS.indexOf(a.kind) - NETWORK_ORGANISATION_KINDS.indexOf(b.kind) || a.name.localeCompare(b.name, 'it');
}

export const TOPICS = define({
  contract: topicContract,
  table: 'requestTopics',
  path: '/topics',
  tags: ['topics'],
  summaries: {
    list: 'The request-topic catalogue (tipologie di richiesta)',
    create: 'Add a request topic',
    update: 'Rename, reorder or deactivate a topic (topics are never deleted: past visits keep them)',
  },
  defaults: DEFAULT_TOPICS,
  auditEntity: 'topic',
  name: 'topic',
  duplicate: (code) => `A topic with code ${code} exists already`,
});

export const COURSE_KINDS = define({
  contract: courseKindContract,
  table: 'courseKinds',
  path: '/course-kinds',
  tags: ['courses'],
  summaries: {
    list: 'The course-kind catalogue (club linguistico, supporto alla scuola guida…)',
    create: 'Add a course kind',
    update: 'Rename, reorder or deactivate a course kind (kinds are never deleted: past courses keep them)',
  },
  defaults: DEFAULT_COURSE_KINDS,
  auditEntity: 'course_kind',
  name: 'course kind',
  duplicate: (code) => `A course kind with code ${code} exists already`,
});

export const APPLICATION_TYPES = define({
  contract: applicationTypeContract,
  table: 'applicationTypes',
  path: '/application-types',
  tags: ['applications'],
  summaries: {
    list: 'The application-type catalogue, with each type’s level and Anagrafe flag',
    create: 'Add an application type',
    update: 'Rename, reorder, correct or deactivate an application type (types are never deleted: past applications keep them)',
  },
  defaults: DEFAULT_APPLICATION_TYPES,
  auditEntity: 'application_type',
  name: 'application type',
  duplicate: (code) => `An application type with code ${code} exists already`,
});

export const NETWORK_ORGANISATIONS = define({
  contract: networkOrganisationContract,
  table: 'networkOrganisations',
  path: '/network-organisations',
  tags: ['network meetings'],
  summaries: {
    list: 'The catalogue of organisations met at network meetings (trade unions, services, schools…)',
    create: 'Add an organisation to the catalogue',
    update: 'Rename, reclassify or deactivate an organisation (never deleted: past meetings keep it)',
  },
  defaults: DEFAULT_NETWORK_ORGANISATIONS,
  auditEntity: 'network_organisation',
  name: 'network organisation',
  duplicate: (code) => `A network organisation with code ${code} exists already`,
  compare: byKindAndName,
});

/** In the order a new organisation is given them. */
export const CATALOGUES: ReadonlyArray<CatalogueDefinition> = [TOPICS, APPLICATION_TYPES, NETWORK_ORGANISATIONS, COURSE_KINDS];
