/**
 * The home page's figures kept while the data they are counted from stay as they were (decision
 * 014). The database keeps a version of each centre's data of a kind (its care data, migration
 * 0019; its course data, migration 0021), which its triggers change at every write the figures
 * read, in the writer's transaction. An answer reads its centres' versions first (one indexed
 * query); each centre's part of the figures is counted again only when that centre's version
 * moved, and the parts put together again only when one of them did. So a write in one centre
 * recounts that centre alone, whoever's home shows it. Exact across server instances, as the
 * versions are the database's: the rows read after the versions are as new or newer, and then
 * the next answer sees another version and counts again. Kept per database object, so that two
 * databases never share an entry.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { dataVersionsOf } from './home.repository.js';

type Db = Kysely<Database>;

/** The kinds of data a centre has a version of. */
type VersionedData = Parameters<typeof dataVersionsOf>[1];

/** Counted figures by what they count, with the versions they were counted at (the newest last). */
type Kept = Map<string, { versions: string; figures: Promise<unknown> }>;

/**
 * This many figures are kept: each day, for each question, one part per centre and one whole per
 * scope of a coordinator (twenty centres asking two questions take some sixty).
 */
const KEPT_FIGURES = 2000;
const keptOf = new WeakMap<Db, Kept>();

/**
 * The figures over the centres, of one question: `countCentre` counts one centre's part,
 * `combine` puts the parts together (in the centres' order); `keys` say what else each depends
 * on (a part may serve several questions; the whole is the part's question unless said). A part
 * is counted again only when the version of its centre's data of this kind moved since it was.
 */
export async function keptByCentre<Part, T>(
  db: Db,
  data: VersionedData,
  centreIds: readonly number[],
  keys: { part: string; whole?: string },
  countCentre: (centreId: number) => Promise<Part>,
  combine: (parts: Part[]) => T,
): Promise<T> {
  const kept = keptIn(db);
  // The versions first: whatever is read after them is at least as new.
  const versions = await dataVersionsOf(db, data, centreIds);
  const versionOf = (id: number) => versions.get(id) ?? 'none';
  const whole = `${data} ${keys.whole ?? keys.part} of ${centreIds.join(',')}`;
  return keep(kept, whole, centreIds.map(versionOf).join(' '), async () => {
    const parts = await Promise.all(
      centreIds.map((id) => keep(kept, `${data} ${keys.part} of centre ${id}`, versionOf(id), () => countCentre(id))),
    );
    return combine(parts);
  });
}

function keptIn(db: Db): Kept {
  let kept = keptOf.get(db);
  if (!kept) {
    kept = new Map();
    keptOf.set(db, kept);
  }
  return kept;
}

/** The figures kept under `entry` if counted at these versions, else counted now and kept. */
function keep<T>(kept: Kept, entry: string, versions: string, count: () => Promise<T>): Promise<T> {
  const known = kept.get(entry);
  kept.delete(entry);
  if (known?.versions === versions) {
    kept.set(entry, known); // the most recently used last
    return known.figures as Promise<T>;
  }
  const figures = count();
  kept.set(entry, { versions, figures });
  if (kept.size > KEPT_FIGURES) kept.delete(kept.keys().next().value as string);
  // A failed count is not kept: the next answer counts again.
  figures.catch(() => {
    if (kept.get(entry)?.figures === figures) kept.delete(entry);
  });
  return figures;
}
