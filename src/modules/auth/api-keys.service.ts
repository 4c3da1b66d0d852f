import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { DomainError, invalidInput, referenceNotFound } from '../../common/errors.js';
import type { Actor } from '../../platform/access/actor.js';
import { CommitteeTree } from '../../platform/access/committee-tree.js';
import { auditSnapshot } from '../../platform/audit/audit-trail.service.js';
import { ownedByCommittee } from '../../platform/access/record-scope.js';
import { RecordWrites, useCase } from '../../platform/records/write-use-case.js';
import { AdminUser } from './admin-user.entity.js';
import {
  API_KEY_ROLES,
  mayWriteRecords,
  roleWithin,
  ROLE_LABELS,
} from '../../platform/access/permissions.js';
import { isRole, type Role } from '../../common/roles.js';
import { ApiKey } from './api-key.entity.js';
import { API_SCOPES, type ApiScope } from '../../platform/access/api-scopes.js';
import { requireCommittee } from '../committees/committee-references.js';
import { COMMITTEE_RECORD_NAME } from '../../platform/records/record-names.js';
import { AUTH_LABELS } from './auth.labels.js';

const KEY_PATTERN = /^rw_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

/**
 * The key in an `Authorization` header of exactly `Bearer rw_…` (one space, nothing after);
 * null for anything else, which the API answers 401 and rate-limits by address.
 */
export function bearerKey(header: string | undefined): string | null {
  const match = /^Bearer (rw_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43})$/.exec(header ?? '');
  return match ? match[1] : null;
}

export interface IssuedApiKey {
  apiKey: ApiKey;
  /** The full key, shown once and never stored. */
  key: string;
}

const ISSUE_KEY = useCase('apiKey', AUTH_LABELS.records.apiKey, 'new');
const REVOKE_KEY = useCase('apiKey', AUTH_LABELS.records.apiKey, 'revoke');
/** Every key belongs to a committee; an issuer sees only its own committees' keys. */
const KEY_SCOPE = ownedByCommittee<ApiKey>();

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

@Injectable()
export class ApiKeysService {
  constructor(
    @InjectRepository(ApiKey) private readonly apiKeys: Repository<ApiKey>,
    private readonly clock: Clock,
    private readonly writes: RecordWrites,
    private readonly committees: CommitteeTree,
  ) {}

  /**
   * 签发 API 密钥. Under 三员分立 the security administrator grants, never holds: every key names
   * its holder, an enabled business account (a named user or an integration account), and its
   * role and committee stay within the holder's grant. Each refusal is audited like the issue.
   */
  async issue(input: {
    name: string;
    scopes: string[];
    role: string;
    committeeId: number;
    /** Required; null (a form left empty) is refused, audited. */
    holderId: number | null;
    expiresAt?: Date | null;
  }): Promise<IssuedApiKey> {
    const actor = this.writes.permit(ISSUE_KEY);
    try {
      await this.checkGrant(actor, input);
    } catch (error) {
      if (error instanceof DomainError) {
        await this.writes.auditRefusal(ISSUE_KEY, {
          action: 'apiKeyIssued',
          outcome: 'denied',
          detail: {
            reason: error.bilingual.zh,
            problems: error.details.map((detail) => `${detail.field}: ${detail.problem}`),
            role: input.role,
            committeeId: input.committeeId ?? null,
            holderId: input.holderId ?? null,
            scopes: input.scopes,
          },
        });
      }
      throw error;
    }
    // base62 prefix (lookup) + 256-bit secret (base64url, 43 chars)
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    const prefix = Array.from(randomBytes(12), (byte) => alphabet[byte % alphabet.length]).join('');
    const secret = randomBytes(32).toString('base64url');
    const apiKey = await this.writes.run(ISSUE_KEY, async (write) => {
      const { manager } = write;
      const saved = await manager.save(
        manager.create(ApiKey, {
          name: input.name.trim(),
          prefix,
          secretHash: sha256(secret),
          scopes: [...new Set(input.scopes)].join(','),
          role: input.role as Role,
          committeeId: input.committeeId,
          holderId: input.holderId!,
          expiresAt: input.expiresAt ?? null,
        }),
      );
      await write.audit({
        action: 'apiKeyIssued',
        objectId: saved.id,
        detail: auditSnapshot(saved),
      });
      return saved;
    });
    return { apiKey, key: `rw_${prefix}_${secret}` };
  }

  /** The key's row if the key is genuine, unrevoked, unexpired and within its holder's grant. */
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
    if (!(await this.withinHolder(apiKey))) return null;
    await this.apiKeys.update({ id: apiKey.id }, { lastUsedAt: now });
    return apiKey;
  }

  /**
   * A key's effective permissions never exceed its holder's, whatever happened since it was
   * issued: the holder must still be enabled, hold a business role covering the key's, and see
   * the key's committee. A key without a holder (issued before holders existed) fails closed.
   */
  private async withinHolder(apiKey: ApiKey): Promise<boolean> {
    if (apiKey.holderId === null || apiKey.committeeId === null) return false;
    const holder = await this.apiKeys.manager.findOneBy(AdminUser, { id: apiKey.holderId });
    if (!holder || !this.holds(holder, apiKey.role)) return false;
    const subtree = await this.committees.subtree(holder.committeeId!);
    return subtree.includes(apiKey.committeeId);
  }

  private holds(holder: AdminUser, role: Role): boolean {
    return (
      holder.enabled &&
      holder.committeeId !== null &&
      isRole(holder.role) &&
      (API_KEY_ROLES as readonly string[]).includes(holder.role) &&
      roleWithin(role, holder.role)
    );
  }

  private async checkGrant(
    actor: Actor,
    input: {
      name: string;
      scopes: string[];
      role: string;
      committeeId: number;
      holderId?: number | null;
    },
  ): Promise<void> {
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
    // A key that may write only by its scope but not by its role would answer 403 to every write.
    if (input.scopes.includes('records:write') && !mayWriteRecords(input.role as Role)) {
      throw invalidInput([
        {
          field: 'scopes',
          problem: `角色「${ROLE_LABELS[input.role as Role]}」不能修改记录：去掉 records:write，或选择能写入的角色（如 staff）/ the role ${input.role} cannot write records: drop records:write or choose a role that writes (e.g. staff)`,
        },
      ]);
    }
    if (!Number.isInteger(input.committeeId) || input.committeeId < 1) {
      throw invalidInput([
        { field: 'committeeId', problem: '必须指定所属工委 / a committee is required' },
      ]);
    }
    // Every key belongs to a committee, inside the issuer's own scope.
    if (actor.committeeIds && !actor.committeeIds.includes(input.committeeId)) {
      throw referenceNotFound('committeeId', COMMITTEE_RECORD_NAME, input.committeeId);
    }
    await requireCommittee(this.apiKeys.manager, input.committeeId);
    const holderId = input.holderId;
    if (typeof holderId !== 'number' || !Number.isInteger(holderId) || holderId < 1) {
      throw invalidInput([
        {
          field: 'holderId',
          problem:
            '必须指定密钥持有人（该工委已启用的业务账号或对接账号）/ a holder is required: an enabled business account',
        },
      ]);
    }
    const holder = await this.apiKeys.manager.findOneBy(AdminUser, { id: holderId });
    if (!holder) throw referenceNotFound('holderId', AUTH_LABELS.records.adminUser, holderId);
    if (
      (actor.kind === 'user' && actor.id === holder.id) ||
      !holder.enabled ||
      holder.committeeId === null ||
      !isRole(holder.role) ||
      !(API_KEY_ROLES as readonly string[]).includes(holder.role)
    ) {
      throw invalidInput([
        {
          field: 'holderId',
          problem:
            '持有人须为已启用、有业务角色和所属工委的账号，不能是签发人或三员 / the holder must be an enabled business account, never the issuer or an administrator',
        },
      ]);
    }
    if (!roleWithin(input.role as Role, holder.role)) {
      throw invalidInput([
        {
          field: 'role',
          problem: `不能超出持有人的角色（${ROLE_LABELS[holder.role]}）/ may not exceed the holder's role`,
        },
      ]);
    }
    const subtree = await this.committees.subtree(holder.committeeId);
    if (!subtree.includes(input.committeeId)) {
      throw invalidInput([
        {
          field: 'committeeId',
          problem: "须为持有人所属工委或其下级 / must be within the holder's committee",
        },
      ]);
    }
  }

  /** Revocation is a row update that every instance's next `verify` sees at once. */
  async revoke(id: number): Promise<void> {
    await this.writes.run(REVOKE_KEY, async (write) => {
      const apiKey = await write.load(ApiKey, id, KEY_SCOPE);
      if (apiKey.revokedAt) return;
      await write.manager.update(ApiKey, { id }, { revokedAt: this.clock.now() });
      await write.audit({ action: 'apiKeyRevoked', objectId: id });
    });
  }

  static scopesOf(apiKey: ApiKey): ApiScope[] {
    return apiKey.scopes.split(',').filter(Boolean) as ApiScope[];
  }
}
