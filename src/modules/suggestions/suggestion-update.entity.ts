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
import { HandlingUnit } from './handling-unit.entity.js';
import { Suggestion } from './suggestion.entity.js';

/**
 * 办理过程: one entry of a suggestion's timeline — a workflow step (written in the step's
 * transaction) or a 督办 (supervision) note — with who, when, the step's own date and the unit it
 * concerns. Entries are history: written, never changed or deleted on their own.
 */
@Entity()
@Index(['suggestionId', 'at'])
@Index(['handlingUnitId'])
export class SuggestionUpdate extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  suggestionId: number;

  @ManyToOne(() => Suggestion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'suggestion_id' })
  suggestion?: Relation<Suggestion>;

  /** When it was recorded (the Clock). */
  @Column({ type: 'datetime' })
  at: Date;

  /** Who: the username or API key name, as the audit trail names them. */
  @Column({ type: 'varchar', length: 100 })
  actorName: string;

  /** The workflow action (assign, return, extend, reply, evaluate, solve) or `supervise`. */
  @Column({ type: 'varchar', length: 16 })
  action: string;

  /** The date the step carries (交办日期, 答复日期 …), when it has one. */
  @Column({ type: 'date', nullable: true })
  stepOn: string | null;

  /** The unit the entry concerns (the lead unit assigned, returning or replying). */
  @Column({ type: 'integer', nullable: true })
  handlingUnitId: number | null;

  @ManyToOne(() => HandlingUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'handling_unit_id' })
  handlingUnit?: Relation<HandlingUnit> | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
