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
 * DECIMAL arrives as a string from mysql2 and as a number from SQLite: both answer the exact
 * decimal text with two places (`'2.50'`), as the OpenAPI document says of every decimal column.
 */
export const DECIMAL_TEXT = {
  to: (value: number | string | null | undefined) => value,
  from: (value: number | string | null): string | null =>
    value === null || value === undefined ? null : Number(value).toFixed(2),
};

/**
 * 学习培训: what a study session adds to its core activity (one row per activity, of a kind of the
 * `training` category). The form (集中学习, 观看专题片, 辅导报告, 专题讲座, 线上学习 …) is the
 * activity's kind; the date, place, status and attendance are the activity's, so a session counts
 * in performance records and the quarterly rule through it.
 */
@Entity()
@Index(['activityId'], { unique: true })
export class StudySession extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  activityId: number;

  @ManyToOne(() => Activity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'activity_id' })
  activity?: Relation<Activity>;

  /** 学习主题 */
  @Column({ type: 'varchar', length: 200 })
  topic: string;

  /** 主讲人 (none for a documentary or a self-study). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  speakerName: string | null;

  /** 主讲人职务 / 单位 */
  @Column({ type: 'varchar', length: 200, nullable: true })
  speakerTitle: string | null;

  /** 学时 (hours, two decimals). */
  @Column({ type: 'decimal', precision: 5, scale: 2, transformer: DECIMAL_TEXT })
  hours: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
