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
import { Station } from './station.entity.js';

/** 年度考评: a station measured against the standard once a year; scores computed from its items. */
@Entity()
@Index(['stationId', 'year'], { unique: true })
export class StationAssessment extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  stationId: number;

  @ManyToOne(() => Station, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'station_id' })
  station?: Relation<Station>;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'date', nullable: true })
  assessedOn: string | null;

  /** 得分: the weights of the items met (computed). */
  @Column({ type: 'integer', default: 0 })
  totalScore: number;

  /** 满分: the weights of all its items (computed). */
  @Column({ type: 'integer', default: 0 })
  maxScore: number;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
