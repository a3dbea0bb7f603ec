/**
 * Bulk inserts for generated data: multi-row INSERTs, batched under the parameter limits of
 * both databases (SQLite 32,766; PostgreSQL 65,535), inside transactions committed every so
 * many rows. The SQL text of a batch is compiled once by Kysely (so the dialect's placeholders
 * and the snake_case column names are right) and reused with new parameters.
 */
import { CompiledQuery, type ControlledTransaction, type Kysely, sql } from 'kysely';
import { isPostgres } from '../db/database.js';
import type { PeopleTable } from '../db/schema/people.js';
import type { Database } from '../db/schema.js';
import { nameIndexEntries } from '../domain/names.js';

type Db = Kysely<Database>;

/** The tables with an integer `id`. */
type TableWithId = { [T in keyof Database]: Database[T] extends { id: unknown } ? T : never }[keyof Database];

/** Below SQLite's default SQLITE_MAX_VARIABLE_NUMBER (32,766) and PostgreSQL's 65,535. */
export const MAX_PARAMETERS = 32_000;

/**
 * The connection the writers use: the caller's transaction if it gave one, otherwise our own
 * transactions, committed every `commitEvery` rows so that neither the SQLite WAL nor the
 * PostgreSQL transaction grows without bound.
 */
export class WriteSession {
  private trx: ControlledTransaction<Database> | undefined;
  private rowsSinceCommit = 0;

  constructor(
    private readonly db: Db,
    private readonly commitEvery = 250_000,
    /** The parameters of one INSERT at most (fewer: smaller statements, which the SQLite driver keeps prepared). */
    readonly maxParameters = MAX_PARAMETERS,
  ) {}

  async connection(): Promise<Db> {
    if (this.db.isTransaction) return this.db;
    this.trx ??= await this.db.startTransaction().execute();
    return this.trx;
  }

  async wrote(rows: number): Promise<void> {
    this.rowsSinceCommit += rows;
    if (this.trx && this.rowsSinceCommit >= this.commitEvery) await this.commit();
  }

  async commit(): Promise<void> {
    const trx = this.trx;
    this.trx = undefined;
    this.rowsSinceCommit = 0;
    if (trx) await trx.commit().execute();
  }

  /**
   * On PostgreSQL, moves the identity sequences of these tables past the ids written: explicit
   * ids do not move them, and the app's next insert would collide. Nothing to do on SQLite.
   */
  async resetSequences(tables: readonly string[]): Promise<void> {
    if (!isPostgres(this.db)) return;
    const connection = await this.connection();
    for (const table of tables) {
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), greatest((select max(id) from ${sql.table(table)}), 1))`.execute(
        connection,
      );
    }
  }

  async rollback(): Promise<void> {
    const trx = this.trx;
    this.trx = undefined;
    if (trx) await trx.rollback().execute();
  }

  /** The largest id of a table (0 if empty): the generators write explicit ids after it. */
  async maxId(table: TableWithId): Promise<number> {
    // One query for every table: the cast only picks a table Kysely can type `id` on.
    const row = await (await this.connection())
      .selectFrom(table as 'people')
      .select((eb) => eb.fn.max('id').as('m'))
      .executeTakeFirstOrThrow();
    return Number(row.m ?? 0);
  }

  /** A writer of `table` whose `parents` (the rows it references) are flushed first, one after the other. */
  writer<T extends keyof Database & string>(
    table: T,
    columns: ReadonlyArray<keyof Database[T] & string>,
    ...parents: Array<{ flush(): Promise<void> }>
  ): BulkWriter<T> {
    const writer = new BulkWriter(this, this.db, table, columns);
    // In turn, never at once: two children may share a parent, whose flush must not run twice together.
    if (parents.length > 0) {
      writer.parent = {
        flush: async () => {
          for (const parent of parents) await parent.flush();
        },
      };
    }
    return writer;
  }
}

/**
 * Writes in a new session, the way every generator ends: `write` adds its rows and flushes its
 * writers, then the identity sequences of `sequences` move past the ids written and the session
 * commits; anything thrown rolls back what is not committed yet.
 */
export async function writeInSession<T>(
  db: Db,
  { commitEvery, sequences }: { commitEvery?: number; sequences: readonly string[] },
  write: (session: WriteSession) => Promise<T>,
): Promise<T> {
  const session = new WriteSession(db, commitEvery);
  try {
    const result = await write(session);
    await session.resetSequences(sequences);
    await session.commit();
    return result;
  } catch (error) {
    await session.rollback().catch(() => {});
    throw error;
  }
}

/** The rows a generator reports having written, by kind: each count from zero. */
export type RowCounts<Kind extends string> = Record<Kind, number>;

export function zeroCounts<Kind extends string>(kinds: readonly Kind[]): RowCounts<Kind> {
  return Object.fromEntries(kinds.map((kind) => [kind, 0])) as RowCounts<Kind>;
}

export class BulkWriter<T extends keyof Database & string> {
  readonly rowsPerBatch: number;
  private readonly sqlByRows = new Map<number, string>();
  private params: unknown[] = [];
  private rows = 0;
  written = 0;
  /** A writer whose rows these reference (foreign keys): flushed first. */
  parent: { flush(): Promise<void> } | undefined;

  constructor(
    private readonly session: WriteSession,
    private readonly db: Db,
    private readonly table: T,
    private readonly columns: ReadonlyArray<keyof Database[T] & string>,
  ) {
    this.rowsPerBatch = Math.floor(session.maxParameters / columns.length);
  }

  /** Adds one row, its values in the order of `columns`; a full batch is written. */
  async add(...values: unknown[]): Promise<void> {
    this.push(values);
    if (this.rows >= this.rowsPerBatch) await this.flushFull();
  }

  /**
   * Adds one row without writing anything (no await a row: the import's loop is synchronous
   * between its batches); `flushFull` or `flush` writes it.
   */
  push(values: readonly unknown[]): void {
    for (const value of values) this.params.push(value);
    this.rows++;
  }

  /** Whether a whole batch waits to be written. */
  get full(): boolean {
    return this.rows >= this.rowsPerBatch;
  }

  /** Writes the whole batches waiting (the rows after them wait for more). */
  async flushFull(): Promise<void> {
    while (this.rows >= this.rowsPerBatch) await this.write(this.rowsPerBatch);
  }

  /** Writes every row waiting. */
  async flush(): Promise<void> {
    await this.flushFull();
    if (this.rows > 0) await this.write(this.rows);
  }

  /** Writes the first `rows` rows waiting, after the rows of the parent they reference. */
  private async write(wanted: number): Promise<void> {
    await this.parent?.flush();
    const rows = Math.min(wanted, this.rows);
    if (rows === 0) return;
    const rest = this.params.splice(rows * this.columns.length);
    const params = this.params;
    this.params = rest;
    this.rows -= rows;
    const connection = await this.session.connection();
    await connection.executeQuery(CompiledQuery.raw(this.sqlFor(rows), params));
    this.written += rows;
    await this.session.wrote(rows);
  }

  /**
   * The INSERT of `rows` rows: Kysely compiles the one-row INSERT (the dialect's quoting and
   * snake_case names), and its values tuple is repeated (compiling thousands of rows through
   * Kysely took ~10 ms a batch size).
   */
  private sqlFor(rows: number): string {
    let text = this.sqlByRows.get(rows);
    if (text === undefined) {
      const row = Object.fromEntries(this.columns.map((c) => [c, null]));
      // biome-ignore lint/suspicious/noExplicitAny: one generic path for every table
      const compiled = (this.db as Kysely<any>).insertInto(this.table).values(row).compile();
      const head = compiled.sql.slice(0, compiled.sql.lastIndexOf(' values (') + ' values '.length);
      const width = this.columns.length;
      const numbered = compiled.sql.includes('$1');
      const tuple = (i: number) => `(${Array.from({ length: width }, (_, j) => (numbered ? `$${i * width + j + 1}` : '?')).join(', ')})`;
      text = head + Array.from({ length: rows }, (_, i) => tuple(i)).join(', ');
      if (compiled.parameters.length !== width || !compiled.sql.endsWith(tuple(0))) {
        throw new Error(`Unexpected compiled insert for ${this.table}: ${compiled.sql}`);
      }
      this.sqlByRows.set(rows, text);
    }
    return text;
  }
}

/** The columns, in the order their values are given, of the tables that both the demo and the import write in bulk. */
export const BULK_COLUMNS = {
  people: [
    'id',
    'centreId',
    'givenNames',
    'familyNames',
    'gender',
    'birthDate',
    'birthCountry',
    'citizenship',
    'fiscalCode',
    'phone',
    'email',
    'languages',
    'residenceKind',
    'residenceComune',
    'createdBy',
    'createdAt',
    'updatedAt',
    'version',
  ],
  visits: [
    'id',
    'centreId',
    'occurredAt',
    'visitDate',
    'visitYear',
    'channel',
    'personId',
    'gender',
    'citizenship',
    'ageBand',
    'originGroup',
    'referralSource',
    'notes',
    'operatorId',
    'createdAt',
    'updatedAt',
    'version',
  ],
  residencePermits: [
    'id',
    'personId',
    'centreId',
    'permitType',
    'number',
    'issuedOn',
    'expiresOn',
    'renewalStatus',
    'superseded',
    'notes',
    'createdAt',
    'updatedAt',
    'version',
  ],
  cases: [
    'id',
    'centreId',
    'personId',
    'householdId',
    'responsibleId',
    'referralSource',
    'areas',
    'summary',
    'visitId',
    'status',
    'openedOn',
    'closedOn',
    'createdAt',
    'updatedAt',
    'version',
  ],
} as const satisfies { [T in keyof Database]?: ReadonlyArray<keyof Database[T] & string> };

/** A person as the bulk writers take one: a new record (version 1, updated when created) with its id. */
export type BulkPerson = Omit<PeopleTable, 'id' | 'updatedAt' | 'version'> & { id: number };

/** People and their name-search rows, written together as the people repository writes them (the search finds them). */
export class PeopleWriters {
  readonly people: BulkWriter<'people'>;
  readonly tokens: BulkWriter<'personNameTokens'>;

  constructor(session: WriteSession) {
    this.people = session.writer('people', BULK_COLUMNS.people);
    this.tokens = session.writer('personNameTokens', ['personId', 'centreId', 'token', 'skeleton'], this.people);
  }

  /** Adds a person and its tokens without writing (`flushFull`, `flush` write them). */
  push(p: BulkPerson): void {
    this.people.push([
      p.id,
      p.centreId,
      p.givenNames,
      p.familyNames,
      p.gender,
      p.birthDate,
      p.birthCountry,
      p.citizenship,
      p.fiscalCode,
      p.phone,
      p.email,
      p.languages,
      p.residenceKind,
      p.residenceComune,
      p.createdBy,
      p.createdAt,
      p.createdAt,
      1,
    ]);
    for (const entry of nameIndexEntries(p.givenNames, p.familyNames)) this.tokens.push([p.id, p.centreId, entry.token, entry.skeleton]);
  }

  async flushFull(): Promise<void> {
    await this.people.flushFull();
    await this.tokens.flushFull();
  }

  async flush(): Promise<void> {
    await this.people.flush();
    await this.tokens.flush();
  }
}
