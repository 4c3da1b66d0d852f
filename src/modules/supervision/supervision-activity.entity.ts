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
import { DictionaryItem } from '../dictionaries/dictionary-item.entity.js';

/**
 * 监督活动: what a core activity of a supervision kind (视察, 调研, 执法检查 …) adds — its area,
 * subject and findings. One per activity; the activity's kind is the supervision method, and
 * its date, committee and attendance are the activity's (so it counts for performance records
 * and the quarterly rule like any activity).
 */
@Entity()
@Index(['activityId'], { unique: true })
export class SupervisionActivity extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  activityId: number;

  @ManyToOne(() => Activity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'activity_id' })
  activity?: Relation<Activity>;

  /** 监督领域: an item of the `supervision_area` dictionary. */
  @Column({ type: 'integer' })
  areaId: number;

  @ManyToOne(() => DictionaryItem, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'area_id' })
  area?: Relation<DictionaryItem>;

  /** 主题 */
  @Column({ type: 'varchar', length: 200 })
  subject: string;

  /** 发现的问题 */
  @Column({ type: 'text', nullable: true })
  findings: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
