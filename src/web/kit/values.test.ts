import { describe, expect, it } from 'vitest';
import { orNull, pagingOf } from './values.js';

describe('kit values', () => {
  it('orNull clears blank text and trims the rest', () => {
    expect(orNull('')).toBeNull();
    expect(orNull('  \n ')).toBeNull();
    expect(orNull('  Jesi ')).toBe('Jesi');
  });

  it('pagingOf takes the paging of an API page, not its items', () => {
    const onPage = () => {};
    expect(pagingOf({ items: [1, 2], total: 120, page: 2, pageSize: 50 }, onPage)).toEqual({ page: 2, pageSize: 50, total: 120, onPage });
  });
});
