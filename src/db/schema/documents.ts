/** Documents and activities (migration 0002-care): permits, identity documents, applications, the PC station, the lawyer. */
import type { Generated } from 'kysely';
import type { CatalogueTable, Editable } from './shared.js';

export interface ResidencePermitsTable extends Editable {
  id: Generated<number>;
  personId: number;
  centreId: number;
  permitType: string;
  number: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
  renewalStatus: string;
  /** 1 when another permit of the same person expires later or never (kept by the documents module on every write). */
  superseded: Generated<number>;
  notes: string | null;
  /** The day the person was last contacted about this permit's deadline, and who did (migration 0017-permit-contacts). */
  contactedOn: string | null;
  contactedBy: number | null;
}

export interface IdentityDocumentsTable extends Editable {
  id: Generated<number>;
  personId: number;
  centreId: number;
  kind: string;
  number: string | null;
  issuingCountry: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
}

export interface ApplicationTypesTable extends CatalogueTable {
  /** municipal | regional | national */
  level: string;
  /** 1 when the application goes to the Anagrafe. */
  anagrafe: number;
}

export interface ApplicationsTable extends Editable {
  id: Generated<number>;
  centreId: number;
  personId: number | null;
  typeId: number;
  appliedOn: string;
  operatorId: number | null;
  outcome: string;
  visitId: number | null;
  notes: string | null;
}

export interface PcStationUsesTable {
  id: Generated<number>;
  centreId: number;
  usedOn: string;
  personId: number | null;
  purpose: string;
  minutes: number;
  operatorId: number | null;
  createdAt: string;
  /** After the person's erasure: the same number on all their uses, so they count once (migration 0013). */
  anonymousKey: number | null;
}

export interface LegalConsultationsTable extends Editable {
  id: Generated<number>;
  centreId: number;
  heldOn: string;
  minutes: number;
  lawyerName: string | null;
  questions: string;
  guidance: string | null;
  createdBy: number | null;
}

export interface LegalConsultationCasesTable {
  consultationId: number;
  caseId: number;
}

/** This area\'s part of `Database` (schema.ts). */
export interface DocumentsTables {
  residencePermits: ResidencePermitsTable;
  identityDocuments: IdentityDocumentsTable;
  applicationTypes: ApplicationTypesTable;
  applications: ApplicationsTable;
  pcStationUses: PcStationUsesTable;
  legalConsultations: LegalConsultationsTable;
  legalConsultationCases: LegalConsultationCasesTable;
}
