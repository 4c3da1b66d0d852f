import {
  BaseEntity,
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { PeriodKind } from '../../common/period.js';

/** Whose cadence a rule measures. Stations and deputies arrive with [M2]. */
export const CADENCE_SUBJECTS = ['subdistrictCommittee'] as const;
export type CadenceSubject = (typeof CADENCE_SUBJECTS)[number];
export const CADENCE_PERIODS = ['week', 'month', 'quarter', 'year'] as const;

/**
 * 活动频次规则: "each subject holds at least `minCount` qualifying activities per period", as data
 * an administrator edits. Only held activities count; `categories` narrows which kinds do.
 */
@Entity()
export class CadenceRule extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  subject: CadenceSubject;

  /** Comma-separated activity categories that count (dictionary_item.category); null = any. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  categories: string | null;

  @Column({ type: 'integer' })
  minCount: number;

  @Column({ type: 'varchar', length: 16 })
  period: PeriodKind;

  /** Days before the period ends at which a subject still short gets a reminder, e.g. 30,14,7,1. */
  @Column({ type: 'varchar', length: 50 })
  reminderDays: string;

  /** 计数规则: the counting rule as users read it. */
  @Column({ type: 'text' })
  countingRule: string;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
