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
import type { ComplianceStatus } from './compliance-record.entity.js';

/**
 * 达标记录历史: one row per final evaluation of one subject in one period (the close, and every
 * re-evaluation after late or corrected records). The compliance record shows the current
 * outcome; these keep the earlier ones. Keyed by (rule, subject, period) rather than by the
 * record's id, which a re-evaluation replaces.
 */
@Entity()
@Index(['ruleId', 'subjectId', 'periodKey'])
@Index(['committeeId'])
export class ComplianceEvaluation extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  ruleId: number;

  @ManyToOne(() => CadenceRule, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'rule_id' })
  rule?: Relation<CadenceRule>;

  @Column({ type: 'integer' })
  subjectId: number;

  /** The committee the evaluation belongs to (data scope). */
  @Column({ type: 'integer' })
  committeeId: number;

  @ManyToOne(() => Committee, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'committee_id' })
  committee?: Relation<Committee>;

  /** e.g. 2020-Q1 */
  @Column({ type: 'varchar', length: 16 })
  periodKey: string;

  @Column({ type: 'varchar', length: 16 })
  status: ComplianceStatus;

  /** The final outcome before this evaluation; null for the first one. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  previousStatus: ComplianceStatus | null;

  @Column({ type: 'integer' })
  qualifyingCount: number;

  @Column({ type: 'datetime' })
  evaluatedAt: Date;

  /** The job run (job monitor) that made the evaluation, when there was one. */
  @Column({ type: 'integer', nullable: true })
  runId: number | null;

  /** Whether this evaluation queued a 未达标 notice. */
  @Column({ type: 'boolean', default: false })
  notified: boolean;
}
