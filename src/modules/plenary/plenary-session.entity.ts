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
import { Term } from '../terms/term.entity.js';

/**
 * 代表大会会议: a session of the district congress (区第十五届人民代表大会第三次会议) as the
 * committee recorded it — a 1:1 extension of an activity of the `plenary` category, whose
 * attendance rows are the committee's deputies' attendance at the session.
 */
@Entity()
@Index(['activityId'], { unique: true })
@Index(['committeeId', 'termId', 'sessionNumber'], { unique: true })
@Index(['startsOn'])
export class PlenarySession extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** The core activity (kind of the `plenary` category) that holds the attendance. */
  @Column({ type: 'integer' })
  activityId: number;

  @ManyToOne(() => Activity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'activity_id' })
  activity?: Relation<Activity>;

  /**
   * The activity's committee, copied at every write of the session (never taken from input): it
   * carries the unique index (committee, term, session number). Scope and statistics read the
   * activity's own committee.
   */
  @Column({ type: 'integer' })
  committeeId: number;

  @ManyToOne(() => Committee, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'committee_id' })
  committee?: Relation<Committee>;

  /** 届: the existing term record. */
  @Column({ type: 'integer' })
  termId: number;

  @ManyToOne(() => Term, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'term_id' })
  term?: Relation<Term>;

  /** 第X次会议. */
  @Column({ type: 'integer' })
  sessionNumber: number;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  place: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
