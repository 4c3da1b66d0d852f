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

/**
 * 走访 / 座谈会: what a core activity of an outreach kind (走访选民, 选民座谈会) adds — the voters
 * reached and the other participants besides the deputies. One per activity; the attending
 * deputies are the activity's attendance, so it counts in performance records and the quarterly
 * rule like any activity.
 */
@Entity()
@Index(['activityId'], { unique: true })
export class OutreachActivity extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  activityId: number;

  @ManyToOne(() => Activity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'activity_id' })
  activity?: Relation<Activity>;

  /** 联系选民人数 */
  @Column({ type: 'integer' })
  votersReached: number;

  /** 参加的有关部门同志 (officials) */
  @Column({ type: 'integer', default: 0 })
  officialsCount: number;

  /** 参加的居民群众 (residents, besides the voters reached) */
  @Column({ type: 'integer', default: 0 })
  residentsCount: number;

  /** 其他参加人员说明 (who they were) */
  @Column({ type: 'varchar', length: 500, nullable: true })
  otherParticipantsNote: string | null;

  /** 情况记录 */
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
