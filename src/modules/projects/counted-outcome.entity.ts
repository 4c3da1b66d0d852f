import {
  BaseEntity,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { Activity } from '../activities/activity.entity.js';
import { Committee } from '../committees/committee.entity.js';
import { Community } from '../committees/community.entity.js';
import { DECIMAL_TEXT, decimalColumn } from './money-column.js';
import type { OutcomeStatus } from './projects.rules.js';

/**
 * 工作成效 (计数成果): a named counter of one year — 清理"散乱污"企业 X 家, 旱厕改造 X 个,
 * 绿化投入 X 万元 — optionally of one community and from one activity, with its evidence
 * (attachments, purpose `evidence`).
 */
@Entity()
@Index(['committeeId', 'year'])
export class CountedOutcome extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  committeeId: number;

  @ManyToOne(() => Committee, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'committee_id' })
  committee?: Relation<Committee>;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ ...decimalColumn, transformer: DECIMAL_TEXT })
  value: string;

  /** 家, 个, 万元, 份 … */
  @Column({ type: 'varchar', length: 16 })
  unit: string;

  @Column({ type: 'integer', nullable: true })
  communityId: number | null;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<Community>;

  /** 来源活动: the activity (inspection, campaign) the outcome came from. */
  @Column({ type: 'integer', nullable: true })
  activityId: number | null;

  @ManyToOne(() => Activity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'activity_id' })
  activity?: Relation<Activity>;

  @Column({ type: 'varchar', length: 16 })
  status: OutcomeStatus;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
