import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { invalidInput, notFound, referenceNotFound } from '../../common/errors.js';
import { AuditTrail, auditSnapshot } from '../audit/audit-trail.service.js';
import { API_KEY_ROLES, type Role } from './permissions.js';
import { RECORD_NAMES } from '../../common/record-names.js';
import { authorize, requireReference } from '../../common/record.service.js';
import { Committee } from '../committees/committee.entity.js';
import { API_SCOPES, ApiKey, type ApiScope } from './api-key.entity.js';

const KEY_PATTERN = /^rw_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export interface IssuedApiKey {
  apiKey: ApiKey;
  /** The full key, shown once and never stored. */
  key: string;
}

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

@Injectable()
export class ApiKeysService {
  constructor(
    @InjectRepository(ApiKey) private readonly apiKeys: Repository<ApiKey>,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  async issue(input: {
    name: string;
    scopes: string[];
    role: string;
    committeeId: number;
    expiresAt?: Date | null;
  }): Promise<IssuedApiKey> {
    const actor = authorize('apiKey', RECORD_NAMES.apiKey, 'new');
    const unknown = input.scopes.filter(
      (scope) => !(API_SCOPES as readonly string[]).includes(scope),
    );
    if (input.scopes.length === 0 || unknown.length > 0) {
      throw invalidInput([
        {
          field: 'scopes',
          problem: `只能是 ${API_SCOPES.join(', ')} / must be among ${API_SCOPES.join(', ')}`,
        },
      ]);
    }
    if (!input.name.trim() || input.name.length > 100) {
      throw invalidInput([{ field: 'name', problem: '1–100 个字符 / 1 to 100 characters' }]);
    }
    if (!(API_KEY_ROLES as readonly string[]).includes(input.role)) {
      throw invalidInput([
        {
          field: 'role',
          problem: `只能是业务角色 ${API_KEY_ROLES.join(', ')} / must be a business role`,
        },
      ]);
    }
    // Every key belongs to a committee, inside the issuer's own scope.
    if (actor.committeeIds && !actor.committeeIds.includes(input.committeeId)) {
      throw referenceNotFound('committeeId', RECORD_NAMES.committee, input.committeeId);
    }
    await requireReference(
      this.apiKeys.manager,
      Committee,
      input.committeeId,
      'committeeId',
      RECORD_NAMES.committee,
    );
    // base62 prefix (lookup) + 256-bit secret (base64url, 43 chars)
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    const prefix = Array.from(randomBytes(12), (byte) => alphabet[byte % alphabet.length]).join('');
    const secret = randomBytes(32).toString('base64url');
    const apiKey = await this.apiKeys.manager.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(ApiKey, {
          name: input.name.trim(),
          prefix,
          secretHash: sha256(secret),
          scopes: [...new Set(input.scopes)].join(','),
          role: input.role as Role,
          committeeId: input.committeeId,
          expiresAt: input.expiresAt ?? null,
        }),
      );
      await this.audit.record(manager, {
        action: 'apiKeyIssued',
        objectType: 'apiKey',
        objectId: saved.id,
        detail: auditSnapshot(saved),
      });
      return saved;
    });
    return { apiKey, key: `rw_${prefix}_${secret}` };
  }

  /** The key's row if the key is genuine, unrevoked and unexpired; otherwise null. */
  async verify(key: string): Promise<ApiKey | null> {
    const match = KEY_PATTERN.exec(key);
    if (!match) return null;
    const [, prefix, secret] = match;
    const apiKey = await this.apiKeys.findOneBy({ prefix, revokedAt: IsNull() });
    if (!apiKey) return null;
    const expected = Buffer.from(apiKey.secretHash, 'hex');
    const actual = Buffer.from(sha256(secret), 'hex');
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
    const now = this.clock.now();
    if (apiKey.expiresAt && apiKey.expiresAt.getTime() <= now.getTime()) return null;
    await this.apiKeys.update({ id: apiKey.id }, { lastUsedAt: now });
    return apiKey;
  }

  /** Revocation is a row update that every instance's next `verify` sees at once. */
  async revoke(id: number): Promise<void> {
    const actor = authorize('apiKey', RECORD_NAMES.apiKey, 'revoke');
    await this.apiKeys.manager.transaction(async (manager) => {
      const apiKey = await manager.findOneBy(ApiKey, {
        id,
        ...(actor.committeeIds ? { committeeId: In([...actor.committeeIds]) } : {}),
      });
      if (!apiKey) throw notFound(RECORD_NAMES.apiKey, id);
      if (apiKey.revokedAt) return;
      await manager.update(ApiKey, { id }, { revokedAt: this.clock.now() });
      await this.audit.record(manager, {
        action: 'apiKeyRevoked',
        objectType: 'apiKey',
        objectId: id,
      });
    });
  }

  static scopesOf(apiKey: ApiKey): ApiScope[] {
    return apiKey.scopes.split(',').filter(Boolean) as ApiScope[];
  }
}
