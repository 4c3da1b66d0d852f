import {
  BaseEntity,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { CalendarDayKind } from '../../common/working-days.rules.js';

export const CALENDAR_DAY_KINDS = [
  'holiday',
  'workday',
] as const satisfies readonly CalendarDayKind[];
/** Where a row came from: the State Council's notice (migration or `calendar:import`) or staff. */
export const CALENDAR_DAY_SOURCES = ['seeded', 'staff'] as const;
export type CalendarDaySource = (typeof CALENDAR_DAY_SOURCES)[number];

/**
 * 节假日与调休: one exception to the weekend rule — a statutory holiday on a weekday, or a 调休
 * working day on a weekend. Weekend days and ordinary weekdays are never stored. One calendar for
 * every committee (no committeeId): the State Council's dates apply nation-wide.
 */
@Entity()
export class CalendarDay extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** 日期 (YYYY-MM-DD). */
  @Index({ unique: true })
  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'varchar', length: 16 })
  kind: CalendarDayKind;

  /** 节日名称, e.g. 国庆节 (for a 调休 working day: the holiday it makes up for). */
  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  /** `seeded` until staff create or change it: an import never overwrites a `staff` row. */
  @Column({ type: 'varchar', length: 16, default: 'staff' })
  source: CalendarDaySource;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
