/**
 * The home page's figures kept while the data they are counted from stay as they were (decision
 * 014). The database keeps a version of each centre's data of a kind (its care data, migration
 * 0019; its course data, migration 0021), which its triggers change at every write the figures
 * read, in the writer's transaction. An answer reads its centres' versions first (one indexed
 * query) and gives the figures of an earlier answer counted over the same centres and question at
 * the same versions, or counts again. Exact across server instances, as the versions are the
 * database's: the rows read after the versions are as new or newer, and then the next answer sees
 * another version and counts again. Kept per database object, so that two databases never share
 * an entry.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { dataVersionsOf } from './home.repository.js';

type Db = Kysely<Database>;

/** The kinds of data a centre has a version of. */
export type VersionedData = Parameters<typeof dataVersionsOf>[1];

/** Figures of some centres and question, with the versions they were counted at (the newest last). */
type Kept = Map<string, { versions: string; figures: Promise<unknown> }>;

/** This many figures are kept (a few each day: one per coordinator's scope and kind of figures). */
const KEPT_FIGURES = 400;
const keptOf = new WeakMap<Db, Kept>();

/**
 * The figures `count` gives over the centres, counted again only when a version of their data of
 * this kind moved since the last count of the same question (`key`: what else they depend on).
 */
export async function keptWhileUnchanged<T>(
  db: Db,
  data: VersionedData,
  centreIds: readonly number[],
  key: string,
  count: () => Promise<T>,
): Promise<T> {
  let kept = keptOf.get(db);
  if (!kept) {
    kept = new Map();
    keptOf.set(db, kept);
  }
  // The versions first: whatever is read after them is at least as new.
  const versions = await dataVersionsOf(db, data, centreIds);
  const entry = `${data} ${centreIds.join(',')} ${key}`;
  const stamp = centreIds.map((id) => versions.get(id) ?? 'none').join(' ');
  const known = kept.get(entry);
  if (known?.versions === stamp) return known.figures as Promise<T>;

  const figures = count();
  kept.delete(entry);
  kept.set(entry, { versions: stamp, figures });
  if (kept.size > KEPT_FIGURES) kept.delete(kept.keys().next().value as string);
  // A failed count is not kept: the next answer counts again.
  figures.catch(() => {
    if (kept.get(entry)?.figures === figures) kept.delete(entry);
  });
  return figures;
}
