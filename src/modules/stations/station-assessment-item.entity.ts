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
import { StationAssessment } from './station-assessment.entity.js';
import { StationStandardItem } from './station-standard-item.entity.js';

/**
 * 考评条目: one standard item in one assessment — met or not, the evidence, the score (the weight
 * when met). Title and weight are copied, so editing the standard later leaves past years alone.
 */
@Entity()
@Index(['assessmentId', 'standardItemId'], { unique: true })
export class StationAssessmentItem extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  assessmentId: number;

  @ManyToOne(() => StationAssessment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assessment_id' })
  assessment?: Relation<StationAssessment>;

  @Column({ type: 'integer' })
  standardItemId: number;

  @ManyToOne(() => StationStandardItem, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'standard_item_id' })
  standardItem?: Relation<StationStandardItem>;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'integer' })
  weight: number;

  @Column({ type: 'boolean', default: false })
  met: boolean;

  @Column({ type: 'text', nullable: true })
  evidence: string | null;

  @Column({ type: 'integer', default: 0 })
  score: number;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
