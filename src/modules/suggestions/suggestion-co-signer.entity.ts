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
import { Deputy } from '../deputies/deputy.entity.js';
import { Suggestion } from './suggestion.entity.js';

/** 附议代表: a deputy who co-signs a suggestion (never its lead deputy; once each). */
@Entity()
@Index(['suggestionId', 'deputyId'], { unique: true })
@Index(['deputyId'])
export class SuggestionCoSigner extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  suggestionId: number;

  @ManyToOne(() => Suggestion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'suggestion_id' })
  suggestion?: Relation<Suggestion>;

  @Column({ type: 'integer' })
  deputyId: number;

  @ManyToOne(() => Deputy, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'deputy_id' })
  deputy?: Relation<Deputy>;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
