/**
 * The table shapes the migrations repeat, written once: the generated id, an organisation's, a
 * centre's or a case's records, the parts of a record, a person's documents, the timestamps and
 * the editable record's columns, an organisation's catalogue (and its default entries), a link
 * table, a table's plain indexes, a column added to a table that exists. Frozen like the
 * migrations that use them: each shape must go on producing the DDL the released migrations ran,
 * byte for byte, on both databases. A later migration that wants another shape writes it out; it
 * never changes one here.
 * Typed as Kysely<any> on purpose: a migration is frozen in time, not tied to today's types.
 */
import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../database.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
export type AnyDb = Kysely<any>;
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
export type AnyTable = CreateTableBuilder<any, any>;
export type ColumnShape = (col: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

/**
 * Text ordered byte-wise on PostgreSQL as on SQLite: prefix searches use the index, and a list
 * ordered by a folded key comes in the same order on both databases.
 */
export function bytewiseText(dialect: DialectName) {
  return dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
}

/** A column every row fills. */
export const required: ColumnShape = (c) => c.notNull();

/** A required reference to the record this row is part of: deleted with it. */
export const partOf =
  (target: string): ColumnShape =>
  (c) =>
    c.notNull().references(target).onDelete('cascade');

/** A required reference to a record that cannot be deleted while this row names it. */
export const refersTo =
  (target: string): ColumnShape =>
  (c) =>
    c.notNull().references(target);

/** The user who did something (gave, decided…): emptied, not deleted with the row, when the user is deleted. */
export const byUser: ColumnShape = (c) => c.references('users.id').onDelete('set null');

/** Adds a column to a table that exists: one statement a column (SQLite alters one at a time). */
export function addColumnTo(db: AnyDb, table: string, column: string, type: 'text' | 'integer', shape: ColumnShape = (c) => c) {
  return db.schema.alterTable(table).addColumn(column, type, shape).execute();
}

/** Adds plain indexes to a table, each by its name and its columns in order (a unique or partial one is written out). */
export async function createIndexes(db: AnyDb, table: string, indexes: Record<string, string[]>): Promise<void> {
  for (const [name, columns] of Object.entries(indexes)) await db.schema.createIndex(name).on(table).columns(columns).execute();
}

/** created_at and updated_at: when the row was made and last changed. */
export function timestamps(table: AnyTable): AnyTable {
  return table.addColumn('created_at', 'text', (c) => c.notNull()).addColumn('updated_at', 'text', (c) => c.notNull());
}

/** created_at, updated_at and the optimistic-concurrency version of an editable record. */
export function editable(table: AnyTable): AnyTable {
  return timestamps(table).addColumn('version', 'integer', (c) => c.notNull().defaultTo(1));
}

/** The catalogue's two labels, Italian and English. */
export function bilingualLabels(table: AnyTable): AnyTable {
  return table.addColumn('label_it', 'text', (c) => c.notNull()).addColumn('label_en', 'text', (c) => c.notNull());
}

/** The shapes of new tables, on the migration's database and dialect. */
export function tables(db: AnyDb, dialect: DialectName) {
  /** A table whose rows have a generated integer id: identity on PostgreSQL, autoincrement on SQLite. */
  const withId = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', 'integer', (col) =>
        dialect === 'postgres' ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement(),
      );
  /** The records an organisation keeps: the id, then the organisation. */
  const ofOrganisation = (name: string) => withId(name).addColumn('organisation_id', 'integer', refersTo('organisations.id'));
  /** The parts of another record (a course's lessons, a user's codes…): the id, then the record they are deleted with. */
  const partsOf = (name: string, column: string, target: string) => withId(name).addColumn(column, 'integer', partOf(target));

  return {
    withId,
    ofOrganisation,
    partsOf,

    /** The records a centre keeps: the id, then the centre. */
    ofCentre: (name: string) => withId(name).addColumn('centre_id', 'integer', refersTo('centres.id')),

    /** The records of a case: the id, then the case they are deleted with. */
    ofCase: (name: string) => partsOf(name, 'case_id', 'cases.id'),

    /**
     * A person's documents: the id, the person they are deleted with, then the person's centre,
     * kept here so that a centre's list of documents (the Scadenze page) reads one index.
     */
    documentsOf: (name: string) =>
      withId(name).addColumn('person_id', 'integer', partOf('people.id')).addColumn('centre_id', 'integer', refersTo('centres.id')),

    /**
     * An organisation's catalogue: entries by code, unique in the organisation (`<name>_code_uq`),
     * switched off rather than deleted and, when sorted, in the order set by hand. `entryColumns`
     * adds the entry's own columns, between its code and `active`.
     */
    catalogue(name: string, entryColumns: (table: AnyTable) => AnyTable, { sorted }: { sorted: boolean }) {
      const described = entryColumns(ofOrganisation(name).addColumn('code', 'text', (c) => c.notNull())).addColumn(
        'active',
        'integer',
        (c) => c.notNull().defaultTo(1),
      );
      return timestamps(
        sorted ? described.addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0)) : described,
      ).addUniqueConstraint(`${name}_code_uq`, ['organisation_id', 'code']);
    },

    /** A link between two records: their two references, in order, are its primary key (`<name>_pk`). */
    link(name: string, references: Record<string, ColumnShape>) {
      const [first, second] = Object.entries(references) as [[string, ColumnShape], [string, ColumnShape]];
      return db.schema
        .createTable(name)
        .addColumn(first[0], 'integer', first[1])
        .addColumn(second[0], 'integer', second[1])
        .addPrimaryKeyConstraint(`${name}_pk`, [first[0], second[0]]);
    },
  };
}

export type Tables = ReturnType<typeof tables>;

/** A migration that creates tables and cannot be undone: its down() sends for a backup instead. */
export function irreversible(what: string, dialect: DialectName, up: (db: AnyDb, table: Tables) => Promise<void>): Migration {
  return {
    up: (db: AnyDb) => up(db, tables(db, dialect)),
    async down() {
      throw new Error(`The ${what} migration cannot be undone: restore a backup instead.`);
    },
  };
}

/**
 * Gives the organisations that exist already a catalogue's default entries (new ones get them
 * when created), active and, when sorted, numbered 10, 20, … in the order given. Each migration
 * passes its own copy of the entries, frozen in time.
 */
export async function seedCatalogue(
  db: AnyDb,
  table: string,
  entries: ReadonlyArray<Record<string, string | number>>,
  { sorted }: { sorted: boolean },
): Promise<void> {
  const organisations: Array<{ id: number }> = await db.selectFrom('organisations').select('id').execute();
  const seededAt = new Date().toISOString();
  for (const organisation of organisations) {
    await db
      .insertInto(table)
      .values(
        entries.map((entry, i) => ({
          organisation_id: organisation.id,
          ...entry,
          active: 1,
          ...(sorted ? { sort_order: (i + 1) * 10 } : {}),
          created_at: seededAt,
          updated_at: seededAt,
        })),
      )
      .execute();
  }
}

/** Which row of a trigger: the row before a change, or after it. */
export type TriggerRow = 'old' | 'new';

/**
 * What a version of each centre's data covers, by table: the columns whose change moves the
 * version, whether an insert or a delete of a row does (`rows`), and a query of the centres a row
 * belongs to.
 */
export type VersionedTables = Record<string, { columns: readonly string[]; rows: boolean; centresOf: (row: TriggerRow) => string }>;

/**
 * A table of one version per centre (`<name>s`, e.g. care_versions) that the database itself
 * gives a new random value at every write of what `read` covers, in the writing statement's
 * transaction (triggers `<table>_<name>…`, on PostgreSQL through a function each): exact whichever
 * module writes, taken back by a rollback. Random rather than a counter, so that a restored backup
 * or another database never shows an old value over other data. Every existing centre is given one;
 * versions are written only for centres that exist (a centre deleted with its rows has none).
 */
export async function centreVersions(db: AnyDb, dialect: DialectName, name: string, read: VersionedTables): Promise<void> {
  const table = `${name}s`;
  await db.schema
    .createTable(table)
    .addColumn('centre_id', 'integer', (c) => c.primaryKey().references('centres.id').onDelete('cascade'))
    .addColumn('version', 'text', required)
    .execute();
  const random = dialect === 'postgres' ? 'gen_random_uuid()::text' : 'lower(hex(randomblob(16)))';
  // The WHERE clause also keeps SQLite's upsert unambiguous.
  const bump = (centres: string) => `insert into ${table} (centre_id, version)
      select id, ${random} from centres where id in (${centres}) order by id
      on conflict (centre_id) do update set version = excluded.version;`;
  await sql.raw(`insert into ${table} (centre_id, version) select id, ${random} from centres`).execute(db);
  for (const [written, { columns, rows, centresOf }] of Object.entries(read)) {
    const of = (row: TriggerRow) => bump(centresOf(row));
    const trigger = `${written}_${name}`;
    if (dialect === 'postgres') {
      const changed = columns.map((c) => `old.${c} is distinct from new.${c}`).join(' or ');
      await sql
        .raw(`create function ${trigger}() returns trigger language plpgsql as $$
          begin
            if tg_op in ('DELETE', 'UPDATE') then ${of('old')} end if;
            if tg_op in ('INSERT', 'UPDATE') then ${of('new')} end if;
            return null;
          end $$`)
        .execute(db);
      if (rows) {
        await sql
          .raw(`create trigger ${trigger} after insert or delete on ${written} for each row execute function ${trigger}()`)
          .execute(db);
      }
      await sql
        .raw(`create trigger ${trigger}_update after update of ${columns.join(', ')} on ${written}
          for each row when (${changed}) execute function ${trigger}()`)
        .execute(db);
    } else {
      const changed = columns.map((c) => `old.${c} is not new.${c}`).join(' or ');
      if (rows) {
        await sql.raw(`create trigger ${trigger}_insert after insert on ${written} begin ${of('new')} end`).execute(db);
        await sql.raw(`create trigger ${trigger}_delete after delete on ${written} begin ${of('old')} end`).execute(db);
      }
      await sql
        .raw(`create trigger ${trigger}_update after update of ${columns.join(', ')} on ${written}
          when ${changed} begin ${of('old')} ${of('new')} end`)
        .execute(db);
    }
  }
}
