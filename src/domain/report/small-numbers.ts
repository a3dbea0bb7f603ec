/**
 * Small numbers in a breakdown (counting rules, "Small numbers"): the categories under a
 * threshold are grouped as "Altro" and listed apart, as in the reference report's footnote of
 * countries with fewer than 5 visits. Pure: the report's tables are built from its result.
 */

export interface Category {
  key: string;
  label: string;
  count: number;
}

export interface GroupedCategories {
  /** The categories shown, largest first, then "Altro" (if any), then those kept last (Non specificato). */
  rows: Category[];
  /** What "Altro" holds, by label: the footnote. Empty when nothing was grouped. */
  other: Category[];
}

export const OTHER_KEY = '_other';

/**
 * Groups the categories counted fewer than `threshold` times (0 never groups) into one "Altro"
 * row. A single small category stays as it is: an "Altro" of one would only hide its name; and
 * when every category is small, none is grouped: a table (and a chart) of "Altro" alone would
 * say nothing, so they are all listed.
 * Categories counted 0 are left out; `keepLast` keys (e.g. "Non specificato") are never grouped
 * and come last. The rows always add up to the sum of the categories.
 */
export function groupSmall(
  categories: readonly Category[],
  threshold: number,
  options: { keepLast?: readonly string[]; otherLabel?: string; order?: 'count' | 'given' } = {},
): GroupedCategories {
  const keepLast = new Set(options.keepLast ?? []);
  const present = categories.filter((c) => c.count > 0);
  const last = present.filter((c) => keepLast.has(c.key));
  const main = present.filter((c) => !keepLast.has(c.key));
  const small = main.filter((c) => c.count < threshold);
  const grouped = small.length >= 2 && small.length < main.length ? small : [];
  const groupedKeys = new Set(grouped.map((c) => c.key));
  const shown = main.filter((c) => !groupedKeys.has(c.key));
  if ((options.order ?? 'count') === 'count') shown.sort(byCountThenLabel);
  const rows = [...shown];
  if (grouped.length > 0) {
    rows.push({ key: OTHER_KEY, label: options.otherLabel ?? 'Altro', count: grouped.reduce((sum, c) => sum + c.count, 0) });
  }
  rows.push(...last);
  return { rows, other: [...grouped].sort((a, b) => a.label.localeCompare(b.label, 'it')) };
}

function byCountThenLabel(a: Category, b: Category) {
  return b.count - a.count || a.label.localeCompare(b.label, 'it');
}
