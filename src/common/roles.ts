/**
 * The roles' names: 等保2.0's three administrators (三员分立) and the committee's business roles
 * (DOMAIN.md "Who uses it"). What each may do is platform/access/permissions.ts.
 */
export const ROLES = [
  'systemAdmin',
  'securityAdmin',
  'auditor',
  'committeeAdmin',
  'staff',
  'stationStaff',
  'districtViewer',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
