import {
  BaseEntity,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Committee } from '../committees/committee.entity.js';
import { CadenceRule } from './cadence-rule.entity.js';

export const COMPLIANCE_STATUSES = ['met', 'missed', 'inProgress'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

/**
 * 达标记录: whether one subject met one rule in one period, with the count and the activities
 * that made it. One row per (rule, subject, period): the unique key makes a second evaluation
 * (another instance, a re-run) update the row instead of adding one.
 */
@Entity()
@Index(['ruleId', 'subjectType', 'subjectId', 'periodKey'], { unique: true })
@Index(['committeeId', 'periodStart'])
export class ComplianceRecord extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  ruleId: number;

  @ManyToOne(() => CadenceRule, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'rule_id' })
  rule?: Relation<CadenceRule>;

  @Column({ type: 'varchar', length: 32 })
  subjectType: string;

  @Column({ type: 'integer' })
  subjectId: number;

  /** The committee the record belongs to (data scope). */
  @Column({ type: 'integer' })
  committeeId: number;

  @ManyToOne(() => Committee, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'committee_id' })
  committee?: Relation<Committee>;

  /** e.g. 2020-Q1 */
  @Column({ type: 'varchar', length: 16 })
  periodKey: string;

  @Column({ type: 'datetime' })
  periodStart: Date;

  @Column({ type: 'datetime' })
  periodEnd: Date;

  @Column({ type: 'varchar', length: 16 })
  status: ComplianceStatus;

  @Column({ type: 'integer' })
  qualifyingCount: number;

  /** Comma-separated ids of the held activities that counted (at most 200 kept). */
  @Column({ type: 'text', nullable: true })
  qualifyingActivityIds: string | null;

  @Column({ type: 'datetime' })
  evaluatedAt: Date;

  /** Set when the period close made the status final. */
  @Column({ type: 'datetime', nullable: true })
  finalisedAt: Date | null;
}
