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
import { VoterIssue } from './voter-issue.entity.js';

/**
 * 办理记录: one entry of a voter issue's timeline — who, when, which step, from which status to
 * which, and a note — written in the step's transaction. History: never changed.
 */
@Entity()
@Index(['voterIssueId', 'at'])
export class VoterIssueUpdate extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  voterIssueId: number;

  @ManyToOne(() => VoterIssue, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'voter_issue_id' })
  voterIssue?: Relation<VoterIssue>;

  /** When (the Clock). */
  @Column({ type: 'datetime' })
  at: Date;

  /** Who: the username or API key name, as the audit trail names them. */
  @Column({ type: 'varchar', length: 100 })
  actorName: string;

  /** `register` or a step (answer, refer, resolve, escalate, decline, feedback). */
  @Column({ type: 'varchar', length: 16 })
  action: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus: string | null;

  @Column({ type: 'varchar', length: 16 })
  toStatus: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
