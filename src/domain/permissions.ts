/**
 * Who may do what. Centres bound every read separately (see the repositories): a permission
 * here says what a role may do inside the centres the user works in.
 */
export const ROLES = ['admin', 'coordinator', 'operator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** Open, create and change personal files (people, their visits). */
  'personal.read': ['admin', 'coordinator', 'operator'],
  'personal.write': ['admin', 'coordinator', 'operator'],
  /** Erase a personal file (the anonymous statistics stay). */
  'personal.delete': ['admin', 'coordinator'],
  /** Aggregated figures: no personal data. */
  'statistics.read': ['admin', 'coordinator', 'operator', 'viewer'],
  'catalogues.manage': ['admin', 'coordinator'],
  /**
   * The annual report: its drafts are read by the centre's staff, written and published by the
   * coordinator; its published versions are statistics (viewers read them).
   */
  'reports.draft': ['admin', 'coordinator', 'operator'],
  'reports.write': ['admin', 'coordinator'],
  'users.manage': ['admin'],
  'centres.manage': ['admin'],
  /** The centre's own settings (comune, contacts, patron day): its coordinator or an administrator. */
  'centres.settings': ['admin', 'coordinator'],
  /** Import a centre's old registers (people, visits, cases, permits, enrolments) and undo an import. */
  'imports.manage': ['admin', 'coordinator'],
  'audit.read': ['admin'],
  /** The register of processing (art. 30): read by coordinators and administrators, its DPO texts written by administrators. */
  'processing_register.read': ['admin', 'coordinator'],
  'processing_register.write': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
