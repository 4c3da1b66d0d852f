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
import { Committee } from '../committees/committee.entity.js';
import type { OpinionStatus } from './opinion.rules.js';
import { SupervisionActivity } from './supervision-activity.entity.js';

/**
 * 意见建议: an opinion or suggestion raised in a supervision activity, tracked to the end
 * (opinion.rules.ts: open → assigned → inProgress → done, or closed with a reason). Its
 * committee is its activity's, kept here for the scope and the statistics.
 */
@Entity()
@Index(['committeeId', 'raisedOn'])
@Index(['supervisionActivityId'])
export class Opinion extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  supervisionActivityId: number;

  @ManyToOne(() => SupervisionActivity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supervision_activity_id' })
  supervisionActivity?: Relation<SupervisionActivity>;

  @Column({ type: 'integer' })
  committeeId: number;

  @ManyToOne(() => Committee, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'committee_id' })
  committee?: Relation<Committee>;

  @Column({ type: 'text' })
  content: string;

  /** 责任单位 */
  @Column({ type: 'varchar', length: 200, nullable: true })
  responsibleUnit: string | null;

  /** 提出日期: by default the supervision activity's day. */
  @Column({ type: 'date' })
  raisedOn: string;

  /** 办理期限 */
  @Column({ type: 'date', nullable: true })
  dueOn: string | null;

  /** 办结日期 (set by 办结) */
  @Column({ type: 'date', nullable: true })
  completedOn: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: OpinionStatus;

  /** 关闭原因 (set by 关闭) */
  @Column({ type: 'varchar', length: 500, nullable: true })
  closeReason: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
