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
import { Committee } from '../committees/committee.entity.js';
import { DECIMAL_TEXT, decimalColumn } from './money-column.js';
import type { ProjectStage } from './projects.rules.js';

/**
 * 重大项目: a key project the committee's deputies follow in one year, at a stage (拟开工, 续建,
 * 前期, 谋划) with the year's planned investment; its progress is a series of snapshots.
 */
@Entity()
@Index(['committeeId', 'year', 'name'], { unique: true })
export class KeyProject extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  committeeId: number;

  @ManyToOne(() => Committee, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'committee_id' })
  committee?: Relation<Committee>;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'varchar', length: 16 })
  stage: ProjectStage;

  /** 年度计划投资, 万元 (two decimals, as text). */
  @Column({ ...decimalColumn, transformer: DECIMAL_TEXT })
  plannedInvestment: string;

  /** 业主/责任单位 */
  @Column({ type: 'varchar', length: 200, nullable: true })
  owner: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
