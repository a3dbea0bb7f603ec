/** Applications (domande / bonus): SQL only. */
import type { Kysely, Selectable } from 'kysely';
import type { Application } from '../../contracts/activities.js';
import type { ApplicationLevel, ApplicationOutcome } from '../../contracts/enums.js';
import { newestFirstRecords } from '../../db/centre-records.js';
import { type PersonAndOperatorNames, personOf, userOf, withPersonAndOperator } from '../../db/joined.js';
import { inCentresAndPeriod, type PeriodFilter, whereEqual } from '../../db/queries.js';
import type { ApplicationsTable, Database } from '../../db/schema.js';
import { type ApplicationTypeCount, applicationCounts } from '../../domain/activities.js';

type Db = Kysely<Database>;

export interface ApplicationFilter extends PeriodFilter {
  typeId?: number;
  level?: ApplicationLevel;
  anagrafe?: boolean;
  outcome?: ApplicationOutcome;
  personId?: number;
}

function filtered(db: Db, filter: ApplicationFilter) {
  let query = inCentresAndPeriod(db, 'applications', 'appliedOn', filter).innerJoin(
    'applicationTypes',
    'applicationTypes.id',
    'applications.typeId',
  );
  if (filter.anagrafe !== undefined) query = query.where('applicationTypes.anagrafe', '=', filter.anagrafe ? 1 : 0);
  return whereEqual(query, {
    'applications.typeId': filter.typeId,
    'applicationTypes.level': filter.level,
    'applications.outcome': filter.outcome,
    'applications.personId': filter.personId,
  });
}

/** An application's type, as the list and the summary name its columns. */
const TYPE_COLUMNS = [
  'applicationTypes.id as typeId',
  'applicationTypes.code as typeCode',
  'applicationTypes.labelIt as typeLabelIt',
  'applicationTypes.labelEn as typeLabelEn',
  'applicationTypes.level as typeLevel',
  'applicationTypes.anagrafe as typeAnagrafe',
] as const;

type TypeRow = { typeId: number; typeCode: string; typeLabelIt: string; typeLabelEn: string; typeLevel: string; typeAnagrafe: number };

const typeOf = (row: TypeRow) => ({
  id: row.typeId,
  code: row.typeCode,
  labelIt: row.typeLabelIt,
  labelEn: row.typeLabelEn,
  level: row.typeLevel as ApplicationLevel,
  anagrafe: row.typeAnagrafe === 1,
});

function withJoins(db: Db, filter: ApplicationFilter) {
  return withPersonAndOperator(filtered(db, filter), 'applications').select([
    'applications.id',
    'applications.centreId',
    'applications.appliedOn',
    'applications.outcome',
    'applications.personId',
    'applications.visitId',
    'applications.notes',
    'applications.operatorId',
    'applications.version',
    ...TYPE_COLUMNS,
  ]);
}

/** An application as the list reads it: its columns, its type's and the names it shows. */
type ApplicationJoinedRow = Omit<Selectable<ApplicationsTable>, 'createdAt' | 'updatedAt'> & TypeRow & PersonAndOperatorNames;

function toApplication(row: ApplicationJoinedRow): Application {
  return {
    id: row.id,
    centreId: row.centreId,
    date: row.appliedOn,
    type: typeOf(row),
    outcome: row.outcome as ApplicationOutcome,
    person: personOf(row),
    visitId: row.visitId,
    notes: row.notes,
    operator: userOf(row.operatorId, row.operatorName),
    version: row.version,
  };
}

/** Newest first: a page at a time, or every application matching in one query (a person's file: a few rows); or one. */
export const {
  page: listApplications,
  all: allApplications,
  find: findApplication,
} = newestFirstRecords({
  table: 'applications',
  date: 'appliedOn',
  matching: filtered,
  selected: withJoins,
  toItem: toApplication,
});

/** Counts by type (with its level and Anagrafe flag), by level and by outcome: no personal data. */
export async function summariseApplications(db: Db, filter: ApplicationFilter) {
  if (filter.centreIds.length === 0) return { ...applicationCounts([]), byOutcome: { submitted: 0, accepted: 0, rejected: 0, unknown: 0 } };
  const [typeRows, outcomeRows] = await Promise.all([
    filtered(db, filter)
      .select((eb) => [...TYPE_COLUMNS, 'applicationTypes.sortOrder', eb.fn.countAll<number>().as('n')])
      .groupBy([
        'applicationTypes.id',
        'applicationTypes.code',
        'applicationTypes.labelIt',
        'applicationTypes.labelEn',
        'applicationTypes.level',
        'applicationTypes.anagrafe',
        'applicationTypes.sortOrder',
      ])
      .execute(),
    filtered(db, filter)
      .select((eb) => ['applications.outcome', eb.fn.countAll<number>().as('n')])
      .groupBy('applications.outcome')
      .execute(),
  ]);
  const counts = applicationCounts(
    typeRows.map((row): ApplicationTypeCount => {
      const { id: typeId, ...type } = typeOf(row);
      return { typeId, ...type, sortOrder: row.sortOrder, count: Number(row.n) };
    }),
  );
  const byOutcome: Record<ApplicationOutcome, number> = { submitted: 0, accepted: 0, rejected: 0, unknown: 0 };
  for (const row of outcomeRows) byOutcome[row.outcome as ApplicationOutcome] += Number(row.n);
  return { ...counts, byType: counts.byType.map(({ sortOrder: _, ...row }) => row), byOutcome };
}
