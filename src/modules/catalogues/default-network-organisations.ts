import type { NetworkOrganisationKind } from '../../contracts/enums.js';

/**
 * The organisations a new organisation's network meetings start with; the coordinator edits
 * the catalogue. (Migration 0003 gave the same list to the organisations that existed before it.)
 */
export const DEFAULT_NETWORK_ORGANISATIONS: ReadonlyArray<{ code: string; name: string; kind: NetworkOrganisationKind }> = [
  { code: 'acli', name: 'ACLI', kind: 'union' },
  { code: 'cgil', name: 'CGIL', kind: 'union' },
  { code: 'cisl', name: 'CISL', kind: 'union' },
  { code: 'uil', name: 'UIL', kind: 'union' },
  { code: 'social_services', name: 'Servizi sociali del Comune', kind: 'service' },
  { code: 'asp', name: 'ASP', kind: 'service' },
  { code: 'employment_centre', name: 'Centro per l’impiego', kind: 'service' },
  { code: 'questura', name: 'Questura', kind: 'service' },
  { code: 'prefettura', name: 'Prefettura', kind: 'service' },
  { code: 'schools', name: 'Scuole', kind: 'school' },
  { code: 'other', name: 'Altro', kind: 'other' },
];
