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
import { StudyPlan } from './study-plan.entity.js';
import { StudySession } from './study-session.entity.js';

/**
 * 学习计划条目: a topic planned for a month of the plan's year, and the study session that
 * fulfilled it once one did (same committee and year as the plan).
 */
@Entity()
@Index(['planId', 'month'])
@Index(['studySessionId'])
export class StudyPlanItem extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  planId: number;

  @ManyToOne(() => StudyPlan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<StudyPlan>;

  /** 计划月份 1–12 */
  @Column({ type: 'integer' })
  month: number;

  @Column({ type: 'varchar', length: 200 })
  topic: string;

  /** 落实该条目的学习培训 */
  @Column({ type: 'integer', nullable: true })
  studySessionId: number | null;

  @ManyToOne(() => StudySession, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'study_session_id' })
  studySession?: Relation<StudySession>;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
