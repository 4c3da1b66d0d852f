import type { Role } from '../common/roles.js';

/**
 * Who is logged in to the panel, as the session keeps it. Its own file so that the loader, the
 * guards and the access rules can all name it without importing one another.
 */
export interface AdminSessionUser {
  /** AdminJS's CurrentAdmin wants a string id. */
  id: string;
  email: string;
  title: string;
  mustChangePassword: boolean;
  role: Role | null;
  committeeId: number | null;
  /** The user's session epoch at login: a later role/status/password change ends the session. */
  epoch: number;
  loginAt: number;
  lastSeenAt: number;
  /** Where the login came from, for the online-sessions view. */
  ip?: string | null;
  /** The role requires a second factor this user has not set up: nothing else until it is. */
  secondFactorSetupRequired?: boolean;
}

declare module 'express-session' {
  interface SessionData {
    adminUser?: AdminSessionUser;
    /** Sealed values waiting to be shown once (one-time-values.ts). */
    oneTimeValues?: Record<string, string>;
  }
}
