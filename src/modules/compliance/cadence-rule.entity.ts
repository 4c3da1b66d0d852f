import {
  BaseEntity,
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { PeriodKind } from '../../common/period.js';

/**
 * Whose cadence a rule measures: a subdistrict committee (its activities) or, since [M2], a
 * liaison station (its receptions, through StationsRepository).
 */
export const CADENCE_SUBJECTS = ['subdistrictCommittee', 'station'] as const;
export type CadenceSubject = (typeof CADENCE_SUBJECTS)[number];
/**
 * What a rule counts: a committee's held activities (`activities`); a station's held receptions
 * (`receptions`), only those announced at least `noticeDays` ahead (`noticedReceptions`), or its
 * assigned deputies who were on duty at least once (`deputiesOnDuty`: met when all of them were).
 */
export const CADENCE_MEASURES = [
  'activities',
  'receptions',
  'noticedReceptions',
  'deputiesOnDuty',
] as const;
export type CadenceMeasure = (typeof CADENCE_MEASURES)[number];
/** The measures each subject may use. */
export const MEASURES_OF: Readonly<Record<CadenceSubject, readonly CadenceMeasure[]>> = {
  subdistrictCommittee: ['activities'],
  station: ['receptions', 'noticedReceptions', 'deputiesOnDuty'],
};
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

  @Column({ type: 'varchar', length: 24, default: 'activities' })
  measure: CadenceMeasure;

  /** 提前公告天数 for `noticedReceptions`: a reception counts when announced this many days ahead. */
  @Column({ type: 'integer', nullable: true })
  noticeDays: number | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
