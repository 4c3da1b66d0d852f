import type { INestApplication } from '@nestjs/common';
import { runAsSystem } from '../../src/platform/access/actor.js';
import type { ApiKey } from '../../src/modules/auth/api-key.entity.js';
import { ApiKeysService } from '../../src/modules/auth/api-keys.service.js';
import type { AdminUser } from '../../src/modules/auth/admin-user.entity.js';
import type { Role } from '../../src/common/roles.js';
import { createAdminUser } from './admin-user.factory.js';
import { uniqueName } from './unique.js';

export interface ApiKeyOverrides {
  scopes: string[];
  role: Role;
  committeeId: number;
  /** The business account the key acts for; a new one with the key's role and committee if absent. */
  holder?: Pick<AdminUser, 'id'>;
  name?: string;
  expiresAt?: Date | null;
}

export interface IssuedKey {
  /** The secret, for `Authorization: Bearer …` (shown once by the app). */
  key: string;
  apiKey: ApiKey;
  holderId: number;
}

/**
 * An API key issued as the security administrator's form issues it (ApiKeysService.issue: the
 * grant is checked against the holder's, and audited), for an external system acting as `role`
 * within `committeeId`'s subtree.
 */
export async function issueApiKey(
  app: INestApplication,
  overrides: ApiKeyOverrides,
): Promise<IssuedKey> {
  const holderId =
    overrides.holder?.id ??
    (await createAdminUser(app, { role: overrides.role, committeeId: overrides.committeeId })).user
      .id;
  const { key, apiKey } = await runAsSystem('test', () =>
    app.get(ApiKeysService).issue({
      name: overrides.name ?? uniqueName(`test ${overrides.role}`),
      scopes: overrides.scopes,
      role: overrides.role,
      committeeId: overrides.committeeId,
      holderId,
      expiresAt: overrides.expiresAt ?? null,
    }),
  );
  return { key, apiKey, holderId };
}
