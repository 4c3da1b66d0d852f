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
import { Opinion } from './opinion.entity.js';

/**
 * 办理进展: one entry of an opinion's timeline — a workflow step (written with the step, in its
 * transaction) or a note staff add — with who and when (as Decidim's accountability results
 * keep their timeline). Entries are history: written, never changed.
 */
@Entity()
@Index(['opinionId', 'at'])
export class OpinionUpdate extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  opinionId: number;

  @ManyToOne(() => Opinion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'opinion_id' })
  opinion?: Relation<Opinion>;

  /** When (the Clock). */
  @Column({ type: 'datetime' })
  at: Date;

  /** Who: the username or API key name, as the audit trail names them. */
  @Column({ type: 'varchar', length: 100 })
  actorName: string;

  /** The workflow action (assign, start, finish, close) or `note`. */
  @Column({ type: 'varchar', length: 16 })
  action: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
