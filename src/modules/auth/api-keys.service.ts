import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { invalidInput } from '../../common/errors.js';
import { RECORD_NAMES } from '../../common/record-names.js';
import { requireReference } from '../../common/record.service.js';
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
  ) {}

  async issue(input: {
    name: string;
    scopes: string[];
    committeeId?: number | null;
    expiresAt?: Date | null;
  }): Promise<IssuedApiKey> {
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
    if (input.committeeId) {
      await requireReference(
        this.apiKeys.manager,
        Committee,
        input.committeeId,
        'committeeId',
        RECORD_NAMES.committee,
      );
    }
    // base62 prefix (lookup) + 256-bit secret (base64url, 43 chars)
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    const prefix = Array.from(randomBytes(12), (byte) => alphabet[byte % alphabet.length]).join('');
    const secret = randomBytes(32).toString('base64url');
    const apiKey = await this.apiKeys.save(
      this.apiKeys.create({
        name: input.name.trim(),
        prefix,
        secretHash: sha256(secret),
        scopes: [...new Set(input.scopes)].join(','),
        committeeId: input.committeeId ?? null,
        expiresAt: input.expiresAt ?? null,
      }),
    );
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

  async revoke(id: number): Promise<void> {
    await this.apiKeys.update({ id }, { revokedAt: this.clock.now() });
  }

  static scopesOf(apiKey: ApiKey): ApiScope[] {
    return apiKey.scopes.split(',').filter(Boolean) as ApiScope[];
  }
}
