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
import { Station } from './station.entity.js';

/**
 * 接待: what a core activity of the `station` category (接待日) adds — the station, the day it was
 * announced (the notice period runs to the activity's date) and the voters received. The
 * deputies on duty are the activity's attendance (attended).
 */
@Entity()
@Index(['activityId'], { unique: true })
@Index(['stationId'])
export class Reception extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  activityId: number;

  @ManyToOne(() => Activity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'activity_id' })
  activity?: Relation<Activity>;

  @Column({ type: 'integer' })
  stationId: number;

  @ManyToOne(() => Station, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'station_id' })
  station?: Relation<Station>;

  /** 公告日期 */
  @Column({ type: 'date', nullable: true })
  announcedOn: string | null;

  /** 接待选民人数 */
  @Column({ type: 'integer', default: 0 })
  votersReceived: number;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
