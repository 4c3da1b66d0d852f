import { BaseEntity, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const JOB_OUTCOMES = ['running', 'succeeded', 'failed'] as const;
export type JobOutcome = (typeof JOB_OUTCOMES)[number];

/**
 * 定时任务运行记录, and the claim that makes a run happen once: (job, runKey) is unique, so of two
 * instances starting the same run only one inserts the row; the other finds it and does nothing.
 * A failed run may be claimed again, and so may a running one whose lease has passed (its runner
 * died): `attempts` counts the claims and `takenOverFrom` names the runner that was replaced.
 */
@Entity()
@Index(['job', 'runKey'], { unique: true })
@Index(['startedAt'])
export class JobRun extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 40 })
  job: string;

  /** What the run is for: a date (2020-04-01) or a rule and period (1:2020-Q2). */
  @Column({ type: 'varchar', length: 80 })
  runKey: string;

  /** The moment the run acted as of (the clock, or --as-of). */
  @Column({ type: 'datetime' })
  asOf: Date;

  @Column({ type: 'datetime' })
  startedAt: Date;

  @Column({ type: 'datetime', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'varchar', length: 16 })
  outcome: JobOutcome;

  /** JSON: what the run did, e.g. {"subjects":12,"missed":2,"notifications":5}. */
  @Column({ type: 'text', nullable: true })
  counts: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** Which instance ran it (host:pid), or "cli", or "admin". */
  @Column({ type: 'varchar', length: 100 })
  runner: string;

  /**
   * Until when the claim holds: the live runner renews it while the work runs; once it has
   * passed, a `running` claim is taken over. Null on claims made before leases existed.
   */
  @Column({ type: 'datetime', nullable: true })
  leaseUntil: Date | null;

  /** How many times the run was claimed: 1, plus one per retry of a failure or takeover. */
  @Column({ type: 'integer', default: 1 })
  attempts: number;

  /** The runner whose lapsed claim the latest attempt took over; null when none was. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  takenOverFrom: string | null;
}
