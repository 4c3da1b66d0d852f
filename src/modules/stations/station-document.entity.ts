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

export const STATION_DOCUMENT_KINDS = [
  'studyRules',
  'activityRules',
  'attendanceRules',
  'headDuties',
  'officerDuties',
  'other',
] as const;
export type StationDocumentKind = (typeof STATION_DOCUMENT_KINDS)[number];

/** 上墙制度: a station's posted rules (学习制度, 活动制度, 考勤制度, 站长职责, 联络员职责 …). */
@Entity()
@Index(['stationId', 'kind'])
export class StationDocument extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  stationId: number;

  @ManyToOne(() => Station, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'station_id' })
  station?: Relation<Station>;

  @Column({ type: 'varchar', length: 24 })
  kind: StationDocumentKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  content: string | null;

  @Column({ type: 'date', nullable: true })
  effectiveOn: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
