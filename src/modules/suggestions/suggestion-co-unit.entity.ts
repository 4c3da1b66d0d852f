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

/** 会办单位: a unit that handles a suggestion with its lead unit (set by 交办; never the lead unit). */
@Entity()
@Index(['suggestionId', 'handlingUnitId'], { unique: true })
@Index(['handlingUnitId'])
export class SuggestionCoUnit extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  suggestionId: number;

  @ManyToOne(() => Suggestion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'suggestion_id' })
  suggestion?: Relation<Suggestion>;

  @Column({ type: 'integer' })
  handlingUnitId: number;

  @ManyToOne(() => HandlingUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'handling_unit_id' })
  handlingUnit?: Relation<HandlingUnit>;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
