import type { Area } from '../../platform/areas/area.js';
import { AdminUser } from './admin-user.entity.js';
import { ApiKey } from './api-key.entity.js';
import { AUTH_LABELS } from './auth.labels.js';
import { AuthModule } from './auth.module.js';
import { LoginAttempt } from './login-attempt.entity.js';

/** Accounts, API keys, logins and sessions; the panel's security screens (the audit trail itself is the platform's). */
export const AUTH_AREA = {
  name: 'auth',
  module: AuthModule,
  entities: [AdminUser, ApiKey, LoginAttempt],
  labels: AUTH_LABELS,
  adminAccess: {
    AdminUser: { permission: 'adminUser', recordActions: ['unlock', 'resetPassword'] },
    ApiKey: { permission: 'apiKey', recordActions: ['revoke'] },
    AdminSession: { permission: 'adminSession', recordActions: ['endSession'] },
    AuditLog: { permission: 'auditLog' },
    LoginAttempt: { permission: 'loginAttempt' },
    KeyHolder: { permission: 'adminUser', picker: true },
  },
  admin: () => import('./admin/auth.admin.js'),
} satisfies Area;
