import { describe, expect, it } from 'vitest';
import { isEuMemberOn, originGroupOf } from './origin-group.js';

describe('originGroupOf', () => {
  it('Italian citizens are Italiani', () => {
    expect(originGroupOf('IT', '2024-05-01')).toBe('italian');
    expect(originGroupOf('it', '1990-05-01')).toBe('italian');
  });

  it('the United Kingdom was EU until 31 January 2020 inclusive', () => {
    expect(originGroupOf('GB', '2020-01-31')).toBe('eu');
    expect(originGroupOf('GB', '2020-02-01')).toBe('non_eu');
    expect(originGroupOf('GB', '1972-12-31')).toBe('non_eu');
    expect(originGroupOf('GB', '1973-01-01')).toBe('eu');
  });

  it('Croatia is EU from 1 July 2013', () => {
    expect(originGroupOf('HR', '2013-06-30')).toBe('non_eu');
    expect(originGroupOf('HR', '2013-07-01')).toBe('eu');
  });

  it('Romania and Bulgaria from 2007, Poland from May 2004', () => {
    expect(originGroupOf('RO', '2006-12-31')).toBe('non_eu');
    expect(originGroupOf('RO', '2007-01-01')).toBe('eu');
    expect(originGroupOf('PL', '2004-04-30')).toBe('non_eu');
    expect(originGroupOf('PL', '2004-05-01')).toBe('eu');
  });

  it('non-EU countries, stateless and unknown', () => {
    expect(originGroupOf('MA', '2024-01-01')).toBe('non_eu');
    expect(originGroupOf('NG', '2024-01-01')).toBe('non_eu');
    expect(originGroupOf('CH', '2024-01-01')).toBe('non_eu');
    expect(originGroupOf('XS', '2024-01-01')).toBe('non_eu');
    expect(originGroupOf('XU', '2024-01-01')).toBe('unspecified');
    expect(originGroupOf(null, '2024-01-01')).toBe('unspecified');
    expect(originGroupOf('', '2024-01-01')).toBe('unspecified');
  });

  it('Italy is not counted among EU members (it is its own group)', () => {
    expect(isEuMemberOn('IT', '2024-01-01')).toBe(false);
    expect(isEuMemberOn('FR', '2024-01-01')).toBe(true);
  });
});
