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

/** How often an indicator is reported: its values' periods are months, quarters or the year. */
export const INDICATOR_FREQUENCIES = ['monthly', 'quarterly', 'yearly'] as const;
export type IndicatorFrequency = (typeof INDICATOR_FREQUENCIES)[number];

/**
 * 经济指标: an indicator a committee's deputies watch (固定资产投资, 工业总产值 …), in that
 * committee's own catalogue; `code` is what an import sheet names it by.
 */
@Entity()
@Index(['committeeId', 'code'], { unique: true })
export class Indicator extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  committeeId: number;

  @ManyToOne(() => Committee, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'committee_id' })
  committee?: Relation<Committee>;

  /** Stable key within the committee, e.g. `fixed_asset_investment`. */
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** 亿元, 万元, %, 家 … (a percentage unit allows negative values; see indicator.rules.ts). */
  @Column({ type: 'varchar', length: 20 })
  unit: string;

  @Column({ type: 'varchar', length: 16 })
  frequency: IndicatorFrequency;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ type: 'integer', default: 0 })
  sortOrder: number;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
