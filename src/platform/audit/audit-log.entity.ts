import { BaseEntity, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  /** A workflow transition: detail holds the action and the state before and after. */
  'transition',
  'export',
  'reveal',
  'login',
  'loginFailed',
  'lockout',
  'logout',
  'denied',
  'roleChange',
  'unlock',
  'passwordChange',
  'passwordReset',
  'mfaEnrolled',
  'sessionEnded',
  'apiKeyIssued',
  'apiKeyRevoked',
  'configChange',
  'jobRun',
  'purge',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/**
 * 操作日志: one row per audited event (等保2.0 安全审计). Written in the same transaction as the
 * change it records; never updated or deleted by the application except the retention purge.
 */
@Entity()
@Index(['occurredAt'])
@Index(['objectType', 'objectId'])
@Index(['actorKind', 'actorId'])
export class AuditLog extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** UTC. */
  @Column({ type: 'datetime' })
  occurredAt: Date;

  @Column({ type: 'varchar', length: 16 })
  actorKind: 'user' | 'apiKey' | 'system' | 'anonymous';

  @Column({ type: 'integer', nullable: true })
  actorId: number | null;

  @Column({ type: 'varchar', length: 100 })
  actorName: string;

  @Column({ type: 'integer', nullable: true })
  actorCommitteeId: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  requestId: string | null;

  @Column({ type: 'varchar', length: 32 })
  action: AuditAction;

  @Column({ type: 'varchar', length: 32, nullable: true })
  objectType: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  objectId: string | null;

  @Column({ type: 'varchar', length: 16 })
  outcome: AuditOutcome;

  /** JSON: the field diff of an update (personal data masked), the reason of a denial, … */
  @Column({ type: 'text', nullable: true })
  detail: string | null;
}
