/**
 * Kysely's SQLite dialect with group commit: the transactions that run in one turn of the event
 * loop are committed together, by one COMMIT.
 *
 * Why: SQLite writes every page a transaction changed to the WAL when it commits. A visit
 * touches about a dozen pages (the row, its indexes, its topics, its audit row), and writing
 * them cost more than everything else the request does (decision 006). Transactions recorded
 * at the same moment mostly change the same pages (the tail of each table and index), so one
 * commit for all of them writes each page once.
 *
 * How, on SQLite's single connection:
 * - The first transaction of a turn opens the batch (BEGIN) and schedules its COMMIT with
 *   setImmediate, after the I/O callbacks of this turn have run. Each later transaction of the
 *   batch runs inside its own SAVEPOINT, and its failure rolls back only that savepoint.
 * - A transaction that finished hands the connection to the next caller at once, but its
 *   promise resolves only when the batch's COMMIT succeeded. So nobody is told "saved" before
 *   the data is committed, and if the COMMIT fails every transaction of the batch fails.
 * - A statement outside a transaction, run while a batch is open, joins the batch the same way:
 *   its result is released after the COMMIT, so nothing read there can be rolled back later.
 * - Deferred constraints would be checked at the batch's COMMIT and fail all of it; the schema
 *   has none (foreign keys are checked at each statement).
 * With nothing else going on, a transaction commits in the next turn, as it did before.
 */
import type SQLite from 'better-sqlite3';
import { CompiledQuery, type DatabaseConnection, type Driver, type QueryResult, SelectQueryNode, SqliteDialect } from 'kysely';

const STATEMENT_CACHE_SIZE = 500;
/** The savepoint each transaction of a batch runs in. */
const TRANSACTION_SAVEPOINT = 'approdo_tx';

/** What the driver has done, for the tests. */
export interface GroupCommitStats {
  transactions: number;
  commits: number;
}

/** A fair lock: callers get the connection in the order they asked for it. */
class Mutex {
  private held = false;
  private readonly waiting: Array<() => void> = [];

  lock(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  unlock(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }
}

interface Batch {
  committed: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const committed = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A batch nobody waits for (a read-only turn that ended in a failed COMMIT) is not an unhandled rejection.
  committed.catch(() => undefined);
  return { committed, resolve, reject };
}

/** One use of the connection, from acquireConnection to releaseConnection. */
class Lease implements DatabaseConnection {
  /** 'done': its transaction was released into the batch; only the batch's COMMIT is left. */
  state: 'plain' | 'transaction' | 'done' = 'plain';
  /** Whether its transaction runs in a savepoint of the batch (all but the batch's first do). */
  inSavepoint = false;
  released = false;

  constructor(private readonly driver: GroupCommitSqliteDriver) {}

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    return this.driver.execute<R>(this, compiledQuery);
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    // Nothing in the app streams from SQLite; kept simple: the rows are read at once.
    if (!SelectQueryNode.is(compiledQuery.query)) throw new Error('SQLite streams select queries only');
    const { rows } = await this.executeQuery<R>(compiledQuery);
    for (const row of rows) yield { rows: [row] };
  }
}

export class GroupCommitSqliteDriver implements Driver {
  readonly stats: GroupCommitStats = { transactions: 0, commits: 0 };
  private readonly mutex = new Mutex();
  private readonly statements = new Map<string, SQLite.Statement>();
  private batch: Batch | undefined;

  constructor(private readonly sqlite: SQLite.Database) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.mutex.lock();
    return new Lease(this);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    if (this.batch) {
      // Others' transactions wait in this batch for its COMMIT: this one must be able to fail alone.
      this.run(`savepoint ${TRANSACTION_SAVEPOINT}`);
      lease.inSavepoint = true;
    } else {
      // The first of its batch needs no savepoint (undoing it is undoing the batch), and so a
      // long transaction alone, such as a bulk load, does not journal every page it changes.
      this.run('begin');
      this.batch = newBatch();
      setImmediate(() => void this.commitBatch());
      lease.inSavepoint = false;
    }
    lease.state = 'transaction';
    this.stats.transactions++;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    const batch = this.batch as Batch;
    if (lease.inSavepoint) this.run(`release ${TRANSACTION_SAVEPOINT}`);
    lease.state = 'done';
    this.handBack(lease);
    await batch.committed;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    // After a failed batch COMMIT Kysely rolls back too: nothing of this transaction is left to
    // undo, and the connection may already run someone else's savepoint.
    if (lease.state !== 'transaction') return;
    lease.state = 'plain';
    if (!this.sqlite.inTransaction) {
      // SQLite rolled back the whole batch itself (a full disk, an I/O error): it is lost.
      this.failBatch(new Error('SQLite rolled back the transaction batch'));
    } else if (lease.inSavepoint) {
      this.run(`rollback to ${TRANSACTION_SAVEPOINT}`);
      this.run(`release ${TRANSACTION_SAVEPOINT}`);
    } else {
      // The batch holds this transaction alone: nobody else waits for it.
      this.run('rollback');
      this.batch = undefined;
    }
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint "${name}"`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to "${name}"`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release "${name}"`));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.handBack(connection as Lease);
  }

  async destroy(): Promise<void> {
    await this.commitBatch();
    this.statements.clear();
    this.sqlite.close();
  }

  /** Runs one statement for a lease; outside a transaction, while a batch is open, it joins the batch. */
  async execute<R>(lease: Lease, { sql, parameters }: CompiledQuery): Promise<QueryResult<R>> {
    let result: QueryResult<R>;
    try {
      result = this.statement(sql, parameters);
    } catch (error) {
      if (this.batch && !this.sqlite.inTransaction) this.failBatch(error);
      throw error;
    }
    if (lease.state === 'plain' && this.batch) {
      const batch = this.batch;
      this.handBack(lease);
      await batch.committed;
    }
    return result;
  }

  private statement<R>(sql: string, parameters: readonly unknown[]): QueryResult<R> {
    let statement = this.statements.get(sql);
    if (!statement) {
      // Kysely would prepare every query anew, which costs as much as running a small insert.
      statement = this.sqlite.prepare(sql);
      if (this.statements.size >= STATEMENT_CACHE_SIZE) this.statements.delete(this.statements.keys().next().value as string);
      this.statements.set(sql, statement);
    }
    if (statement.reader) return { rows: statement.all(parameters) as R[] };
    const { changes, lastInsertRowid } = statement.run(parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  private run(sql: string): void {
    this.statement(sql, []);
  }

  private handBack(lease: Lease): void {
    if (lease.released) return;
    lease.released = true;
    this.mutex.unlock();
  }

  private failBatch(error: unknown): void {
    const batch = this.batch;
    this.batch = undefined;
    batch?.reject(error);
  }

  /** Commits the open batch once nobody is in the middle of a transaction. */
  private async commitBatch(): Promise<void> {
    await this.mutex.lock();
    try {
      const batch = this.batch;
      this.batch = undefined;
      if (!batch) return;
      try {
        this.run('commit');
        this.stats.commits++;
        batch.resolve();
      } catch (error) {
        if (this.sqlite.inTransaction) this.run('rollback');
        batch.reject(error);
      }
    } finally {
      this.mutex.unlock();
    }
  }
}

/** SqliteDialect with the group-commit driver above. */
export class GroupCommitSqliteDialect extends SqliteDialect {
  readonly driver: GroupCommitSqliteDriver;

  constructor(sqlite: SQLite.Database) {
    super({ database: sqlite });
    this.driver = new GroupCommitSqliteDriver(sqlite);
  }

  override createDriver(): Driver {
    return this.driver;
  }
}
