import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan, type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { maskAddress, maskEmail, maskName, maskPhone } from '../../common/masking.js';
import { requestContext } from '../../common/request-context.js';
import { type Actor } from '../access/actor.js';
import { AuditLog, type AuditAction, type AuditOutcome } from './audit-log.entity.js';

export interface AuditEntry {
  action: AuditAction;
  objectType?: string | null;
  objectId?: string | number | null;
  outcome?: AuditOutcome;
  detail?: unknown;
  /** Who acted, when not the request's actor (a login before the session exists). */
  actor?: Actor | { kind: 'anonymous'; name: string };
}

/**
 * Fields never written to the audit trail in the clear (PIPL; 等保2.0 个人信息保护), by name: a
 * deputy's `phone`, `idNumber`, `address`, `email`, and any `…Phone`, `…IdNumber`, `…Address`,
 * `…Email` (a voter's, a station's or a handling unit's contact); the names of voters and
 * contacts (`voterName`, `contactName`). Each is masked as screens mask it.
 */
const PERSONAL_FIELD = /^(phone|idNumber|address|email)$|(Phone|IdNumber|Address|Email)$/;
const PERSONAL_NAME = /^(voter|contact)Name$/;
const SECRET_FIELDS = new Set(['password', 'passwordHash', 'secretHash', 'totpSecret']);
const IGNORED_FIELDS = new Set(['createdAt', 'updatedAt']);
/**
 * Search hashes and ciphertexts derived from a personal field (`phoneHash`): never in the trail,
 * where the masked change of the field itself says all there is; the secrets above stay as
 * '[secret]' so a password change still shows.
 */
const DERIVED_FIELD = /(Hash|Cipher|Ciphertext)$/;

function auditValue(field: string, value: unknown): unknown {
  if (SECRET_FIELDS.has(field)) return value === null || value === undefined ? value : '[secret]';
  if (typeof value === 'string' && PERSONAL_NAME.test(field)) return maskName(value);
  if (typeof value === 'string' && PERSONAL_FIELD.test(field)) {
    if (/email$/i.test(field)) return maskEmail(value);
    if (/address$/i.test(field)) return maskAddress(value);
    return maskPhone(value);
  }
  return value instanceof Date ? value.toISOString() : value;
}

/** Column values only: timestamps of the row itself and loaded relations are left out. */
const isAudited = (field: string, value: unknown): boolean =>
  !IGNORED_FIELDS.has(field) &&
  (SECRET_FIELDS.has(field) || !DERIVED_FIELD.test(field)) &&
  !(typeof value === 'object' && value !== null && !(value instanceof Date));

const same = (a: unknown, b: unknown): boolean =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

/** The fields an update changed, as `{ field: [before, after] }`, personal data masked. */
export function auditDiff(
  beforeRecord: object,
  afterRecord: object,
): Record<string, [unknown, unknown]> {
  const before = beforeRecord as Record<string, unknown>;
  const after = afterRecord as Record<string, unknown>;
  const diff: Record<string, [unknown, unknown]> = {};
  for (const field of Object.keys(after)) {
    if (!isAudited(field, after[field]) || same(before[field], after[field])) continue;
    diff[field] = [auditValue(field, before[field]), auditValue(field, after[field])];
  }
  return diff;
}

/** A record's column values as the audit trail keeps them on create and delete. */
export function auditSnapshot(record: object): Record<string, unknown> {
  const snapshot: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(record)) {
    if (!isAudited(field, value)) continue;
    snapshot[field] = auditValue(field, value);
  }
  return snapshot;
}

/** The longest text value the trail keeps whole, in characters; longer ones are cut, marked. */
export const AUDIT_VALUE_MAX_CHARS = 500;
/**
 * The longest detail (JSON) written, in UTF-16 units: at most 3 bytes each in utf8mb4, so it
 * always fits MariaDB's TEXT (65,535 bytes); a valid change never fails for its audit row.
 */
export const AUDIT_DETAIL_MAX_CHARS = 16_000;

/** A long text as the trail keeps it: its start and how long it was. */
function boundedText(value: string): string {
  const characters = Array.from(value);
  if (characters.length <= AUDIT_VALUE_MAX_CHARS) return value;
  const kept = characters.slice(0, AUDIT_VALUE_MAX_CHARS).join('');
  return `${kept}…[截断，共 ${characters.length} 字 / truncated, ${characters.length} characters]`;
}

function boundedValues(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return boundedText(value);
  if (depth >= 8 || value === null || typeof value !== 'object' || value instanceof Date) {
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => boundedValues(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, boundedValues(item, depth + 1)]),
  );
}

/** The detail column's JSON: long texts cut, and the whole bounded (then only its keys). */
export function auditDetail(detail: unknown): string | null {
  if (detail === undefined) return null;
  const json = JSON.stringify(boundedValues(detail));
  if (json.length <= AUDIT_DETAIL_MAX_CHARS) return json;
  const keys =
    detail !== null && typeof detail === 'object' && !Array.isArray(detail)
      ? Object.keys(detail)
          .slice(0, 50)
          .map((key) => key.slice(0, 100))
      : [];
  return JSON.stringify({ truncated: `明细过长，共 ${json.length} 字 / detail too long`, keys });
}

/**
 * An identifier cut to its column's length (in characters, as MariaDB counts them): an over-long
 * one keeps its start and ends in a hash of the whole, so it still fits, and two that differ only
 * past the cut stay distinct. An audit row must never fail for a value's length (issue 10 #1).
 */
export function fitIdentifier(value: string, max: number): string {
  const characters = [...value];
  if (characters.length <= max) return value;
  const hash = createHash('sha256').update(value).digest('hex').slice(0, 16);
  return `${characters.slice(0, max - hash.length - 1).join('')}~${hash}`;
}

const fitOrNull = (value: string | null | undefined, max: number): string | null =>
  value === null || value === undefined ? null : fitIdentifier(value, max);

/**
 * 操作日志 (等保2.0 安全审计): who did what to which record, from where, with what outcome.
 * `record` writes with the manager of the change's own transaction, so a failed audit write fails
 * the change; `recordAlone` is for events that change nothing else (logins, denials).
 */
@Injectable()
export class AuditTrail {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.insert(AuditLog, this.row(entry));
  }

  async recordAlone(entry: AuditEntry): Promise<void> {
    await this.record(this.dataSource.manager, entry);
  }

  /** Deletes rows older than the retention period; the only deletion of audit rows there is. */
  async purge(retentionDays: number): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - retentionDays * 86_400_000);
    return this.dataSource.transaction(async (manager) => {
      const result = await manager.delete(AuditLog, { occurredAt: LessThan(cutoff) });
      const purged = result.affected ?? 0;
      await this.record(manager, {
        action: 'purge',
        objectType: 'auditLog',
        detail: { before: cutoff.toISOString(), rows: purged, retentionDays },
      });
      return purged;
    });
  }

  private row(entry: AuditEntry): Partial<AuditLog> {
    const context = requestContext();
    const actor = entry.actor ?? context?.actor;
    const known = actor && actor.kind !== 'anonymous' ? actor : undefined;
    return {
      occurredAt: this.clock.now(),
      actorKind: actor?.kind ?? 'anonymous',
      actorId: known?.id ?? null,
      actorName: fitIdentifier(actor?.name ?? '', 100) || '-',
      actorCommitteeId: known?.committeeId ?? null,
      ip: fitOrNull(context?.ip, 64),
      requestId: fitOrNull(context?.requestId, 100),
      action: entry.action,
      objectType: fitOrNull(entry.objectType, 32),
      objectId: fitOrNull(
        entry.objectId === undefined || entry.objectId === null ? null : String(entry.objectId),
        64,
      ),
      outcome: entry.outcome ?? 'success',
      detail: auditDetail(entry.detail),
    };
  }
}
