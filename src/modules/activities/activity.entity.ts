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
import { DictionaryItem } from '../dictionaries/dictionary-item.entity.js';

export const ACTIVITY_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** 代表活动 / 代表工作会议: anything deputies do together, of a kind from the dictionary. */
@Entity()
@Index(['committeeId', 'startsAt'])
// The cadence rule counts a period across all committees: a range on startsAt, covering.
@Index(['startsAt', 'status', 'committeeId'])
@Index(['committeeId', 'externalId'], { unique: true })
export class Activity extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  committeeId: number;

  @ManyToOne(() => Committee, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'committee_id' })
  committee?: Relation<Committee>;

  /** 外部编号: the record's id in an integrator's system, unique within the committee. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  externalId: string | null;

  @Column({ type: 'integer' })
  kindId: number;

  @ManyToOne(() => DictionaryItem, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kind_id' })
  kind?: Relation<DictionaryItem>;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'datetime' })
  startsAt: Date;

  @Column({ type: 'datetime', nullable: true })
  endsAt: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  location: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: ActivityStatus;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  organiser: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
