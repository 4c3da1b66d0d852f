/**
 * What a key may be used for, each operation declaring one (auth.decorators.ts RequireScope).
 * Revealing personal data and bulk exports are separate from reading and writing records, so a
 * reading or writing integration never gets them by accident (PIPL: minimum necessary).
 */
export const API_SCOPES = [
  'records:read',
  'records:write',
  'records:export',
  'personal:reveal',
  'reports:read',
] as const;
export type ApiScope = (typeof API_SCOPES)[number];
