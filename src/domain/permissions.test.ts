import { describe, expect, it } from 'vitest';
import { can } from './permissions.js';

describe('permissions', () => {
  it('a viewer reads aggregated figures but never a personal file', () => {
    expect(can('viewer', 'statistics.read')).toBe(true);
    expect(can('viewer', 'personal.read')).toBe(false);
    expect(can('viewer', 'personal.write')).toBe(false);
  });

  it('operators work on personal files but manage neither users nor catalogues', () => {
    expect(can('operator', 'personal.read')).toBe(true);
    expect(can('operator', 'personal.delete')).toBe(false);
    expect(can('operator', 'catalogues.manage')).toBe(false);
    expect(can('operator', 'users.manage')).toBe(false);
  });

  it('the coordinator edits catalogues; only the administrator manages accounts and reads the audit log', () => {
    expect(can('coordinator', 'catalogues.manage')).toBe(true);
    expect(can('coordinator', 'audit.read')).toBe(false);
    expect(can('admin', 'audit.read')).toBe(true);
    expect(can('admin', 'users.manage')).toBe(true);
  });
});
