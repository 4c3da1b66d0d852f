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
import { PlenarySession } from './plenary-session.entity.js';

/** The reports a congress session deliberates (审议报告). */
export const AGENDA_KINDS = [
  'governmentReport',
  'standingCommitteeReport',
  'courtReport',
  'procuratorateReport',
  'developmentPlan',
  'budget',
  'other',
] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

/** Whether the resolution on an item was adopted: 通过, 未通过, or not voted on (yet). */
export const ADOPTION_STATES = ['yes', 'no', 'notVoted'] as const;
export type AdoptionState = (typeof ADOPTION_STATES)[number];

/** 议程/审议报告: one report a session deliberated, with its resolution (决议) and the vote. */
@Entity()
@Index(['sessionId', 'sortOrder'])
export class AgendaItem extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  sessionId: number;

  @ManyToOne(() => PlenarySession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<PlenarySession>;

  @Column({ type: 'varchar', length: 32 })
  kind: AgendaKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'integer', default: 0 })
  sortOrder: number;

  /** 决议名称, e.g. 关于政府工作报告的决议. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  resolutionTitle: string | null;

  @Column({ type: 'varchar', length: 16 })
  adopted: AdoptionState;

  @Column({ type: 'integer', nullable: true })
  votesFor: number | null;

  @Column({ type: 'integer', nullable: true })
  votesAgainst: number | null;

  @Column({ type: 'integer', nullable: true })
  votesAbstaining: number | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
