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
import { Committee } from './committee.entity.js';

export const COMMUNITY_KINDS = ['community', 'village'] as const;
export type CommunityKind = (typeof COMMUNITY_KINDS)[number];

/** 社区 / 村 within a subdistrict committee. */
@Entity()
@Index(['committeeId', 'name'], { unique: true })
@Index(['committeeId', 'externalId'], { unique: true })
export class Community extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: CommunityKind;

  @Column({ type: 'integer' })
  committeeId: number;

  @ManyToOne(() => Committee, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'committee_id' })
  committee?: Relation<Committee>;

  /** 外部编号: the record's id in an integrator's system, unique within the committee. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  externalId: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
