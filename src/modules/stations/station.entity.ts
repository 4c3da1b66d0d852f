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
  type ValueTransformer,
  UpdateDateColumn,
} from 'typeorm';
import { encryptedColumn } from '../../common/personal-data.js';
import { Committee } from '../committees/committee.entity.js';
import { Community } from '../committees/community.entity.js';
import type { ReceptionSchedule } from './stations.rules.js';

/** DECIMAL read as a number on both dialects (mysql2 answers text, SQLite a number). */
export const DECIMAL_NUMBER: ValueTransformer = {
  to: (value: unknown) => value,
  from: (value: number | string | null) => (value === null ? null : Number(value)),
};

/** The reception schedule kept as JSON text ({"kind":"weekly","days":[3]}). */
const SCHEDULE_JSON: ValueTransformer = {
  to: (value: ReceptionSchedule | null | undefined) =>
    value === undefined ? undefined : value === null ? null : JSON.stringify(value),
  from: (value: string | null) => (value ? (JSON.parse(value) as ReceptionSchedule) : null),
};

/** 代表联络站: a committee's liaison station, where deputies receive voters. */
@Entity()
@Index(['committeeId', 'name'], { unique: true })
export class Station extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  committeeId: number;

  @ManyToOne(() => Committee, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'committee_id' })
  committee?: Relation<Committee>;

  @Column({ type: 'integer', nullable: true })
  communityId: number | null;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<Community> | null;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  address: string;

  @Column({ type: 'decimal', precision: 9, scale: 6, nullable: true, transformer: DECIMAL_NUMBER })
  latitude: number | null;

  @Column({ type: 'decimal', precision: 9, scale: 6, nullable: true, transformer: DECIMAL_NUMBER })
  longitude: number | null;

  /** 面积（平方米） */
  @Column({ type: 'decimal', precision: 10, scale: 2, nullable: true, transformer: DECIMAL_NUMBER })
  floorArea: number | null;

  /** 开放时间, as staff write it (周一至周五 9:00–17:00). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  openingHours: string | null;

  /** 接待日安排: weekly on weekdays or monthly on days (stations.rules.ts). */
  @Column({ type: 'varchar', length: 200, nullable: true, transformer: SCHEDULE_JSON })
  receptionSchedule: ReceptionSchedule | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  contactName: string | null;

  /** Personal data: ciphertext at rest, masked in answers unless revealed (audited). */
  @Column({ type: 'varchar', length: 200, nullable: true, transformer: encryptedColumn })
  contactPhone: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
