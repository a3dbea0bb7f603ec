/** Data protection records (migration 0009-privacy-records): privacy notices given, erasure requests decided. */
import type { Generated } from 'kysely';

export interface PrivacyNoticesTable {
  id: Generated<number>;
  centreId: number;
  personId: number;
  givenOn: string;
  noticeVersion: string;
  /** ISO 639-1 code. */
  language: string;
  givenBy: number | null;
  createdAt: string;
}

export interface ErasureRequestsTable {
  id: Generated<number>;
  centreId: number;
  /** Not a reference: an erased person's row is gone, the request stays. */
  personId: number;
  requestedOn: string;
  reason: string;
  /** erased | refused */
  outcome: string;
  refusalReason: string | null;
  decidedBy: number | null;
  decidedAt: string;
}

/** This area's part of `Database` (schema.ts). */
export interface PrivacyTables {
  privacyNotices: PrivacyNoticesTable;
  erasureRequests: ErasureRequestsTable;
}
