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
import { KeyProject } from './key-project.entity.js';
import { DECIMAL_TEXT, decimalColumn } from './money-column.js';

/**
 * 项目进度: a key project's completed investment in its year up to a date (cumulative). One
 * snapshot per project and date; it belongs to its project's committee.
 */
@Entity()
@Index(['projectId', 'asOf'], { unique: true })
export class ProjectProgress extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  projectId: number;

  @ManyToOne(() => KeyProject, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<KeyProject>;

  /** 截至日期 (YYYY-MM-DD), within the project's year. */
  @Column({ type: 'date' })
  asOf: string;

  /** 累计完成投资, 万元. */
  @Column({ ...decimalColumn, transformer: DECIMAL_TEXT })
  completedInvestment: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
