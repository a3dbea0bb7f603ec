import type { Page } from '../api/client.js';
import type { Paging } from './RecordTable.js';

/** Blank text becomes null (cleared); otherwise trimmed. */
export const orNull = (text: string): string | null => (text.trim() ? text.trim() : null);

/** The paging of a `Page` answer, for RecordTable: `pagingOf(data, onPage)`. */
export function pagingOf(page: Page<unknown>, onPage: (page: number) => void): Paging {
  return { page: page.page, pageSize: page.pageSize, total: page.total, onPage };
}
