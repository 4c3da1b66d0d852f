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
import { Deputy } from '../deputies/deputy.entity.js';
import { Station } from './station.entity.js';

export const STATION_ROLES = ['head', 'deputyHead', 'liaisonOfficer', 'deputy'] as const;
export type StationRoleKind = (typeof STATION_ROLES)[number];

/**
 * 人员与职务: who holds a role at a station from one date to another — 站长, 副站长, 联络员 (often
 * staff, named by `personName`) or 驻站代表 (a deputy of the station's committee).
 */
@Entity()
@Index(['stationId', 'role'])
@Index(['deputyId'])
export class StationRole extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  stationId: number;

  @ManyToOne(() => Station, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'station_id' })
  station?: Relation<Station>;

  @Column({ type: 'varchar', length: 16 })
  role: StationRoleKind;

  @Column({ type: 'integer', nullable: true })
  deputyId: number | null;

  @ManyToOne(() => Deputy, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'deputy_id' })
  deputy?: Relation<Deputy> | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  personName: string | null;

  @Column({ type: 'date' })
  startsOn: string;

  /** Null while the term runs. */
  @Column({ type: 'date', nullable: true })
  endsOn: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
