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
  type ValueTransformer,
} from 'typeorm';
import { Committee } from '../committees/committee.entity.js';
import { Indicator } from './indicator.entity.js';

/** 累计 (from the start of the year to the period's end) or 当期 (the period alone). */
export const VALUE_KINDS = ['cumulative', 'period'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

/** DECIMAL columns: mysql2 answers strings, SQLite numbers; the entity always holds a number. */
export const DECIMAL: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/**
 * 指标数值: one value of an indicator for one period of a year. `period` is the month (1–12) of
 * a monthly indicator, the quarter (1–4) of a quarterly one, 1 for a yearly one; `kind` says
 * whether the value covers the year up to the period (累计, "1–10月") or the period alone (当期,
 * "三季度"). One value per indicator, year, period and kind.
 */
@Entity()
@Index(['indicatorId', 'year', 'period', 'kind'], { unique: true })
@Index(['committeeId', 'year'])
export class IndicatorValue extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** The indicator's committee, copied on every write (indicator.rules: never chosen apart). */
  @Column({ type: 'integer' })
  committeeId: number;

  @ManyToOne(() => Committee, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'committee_id' })
  committee?: Relation<Committee>;

  @Column({ type: 'integer' })
  indicatorId: number;

  @ManyToOne(() => Indicator, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'indicator_id' })
  indicator?: Relation<Indicator>;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'integer' })
  period: number;

  @Column({ type: 'varchar', length: 16 })
  kind: ValueKind;

  @Column({ type: 'decimal', precision: 20, scale: 4, transformer: DECIMAL })
  value: number;

  /** 同比 % as reported; when absent the statistics compute it from last year's value. */
  @Column({ type: 'decimal', precision: 10, scale: 2, nullable: true, transformer: DECIMAL })
  yoyPercent: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
