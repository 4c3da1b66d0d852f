import {
  BaseEntity,
  BeforeInsert,
  BeforeUpdate,
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
import { encryptedColumn, personalDataHash } from '../../common/personal-data.js';
import { Committee } from '../committees/committee.entity.js';
import { Community } from '../committees/community.entity.js';
import { Term, type DeputyLevel } from '../terms/term.entity.js';
import { DeputyGroup } from './deputy-group.entity.js';

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const DEPUTY_STATUSES = ['serving', 'ended'] as const;
export type DeputyStatus = (typeof DEPUTY_STATUSES)[number];

/** 代表: a people's deputy at district, city, provincial or national level. */
@Entity()
@Index(['committeeId', 'name'])
@Index(['committeeId', 'externalId'], { unique: true })
export class Deputy extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'varchar', length: 8 })
  gender: Gender;

  @Column({ type: 'varchar', length: 20, nullable: true })
  ethnicity: string | null;

  @Column({ type: 'date', nullable: true })
  birthDate: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  party: string | null;

  @Column({ type: 'varchar', length: 16 })
  level: DeputyLevel;

  @Column({ type: 'varchar', length: 100, nullable: true })
  constituency: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  occupation: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  workplace: string | null;

  /** Personal data: AES-256-GCM ciphertext at rest, masked on every screen (personal-data.ts). */
  @Column({ type: 'varchar', length: 200, nullable: true, transformer: encryptedColumn })
  phone: string | null;

  /** Keyed hash of `phone` for exact-match search; never shown. */
  @Index()
  @Column({ type: 'varchar', length: 64, nullable: true, select: false })
  phoneHash?: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  email: string | null;

  @Column({ type: 'integer' })
  committeeId: number;

  @ManyToOne(() => Committee, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'committee_id' })
  committee?: Relation<Committee>;

  /** 外部编号: the record's id in an integrator's system, unique within the committee. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  externalId: string | null;

  @Column({ type: 'integer', nullable: true })
  communityId: number | null;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<Community> | null;

  @Column({ type: 'integer', nullable: true })
  termId: number | null;

  @ManyToOne(() => Term, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'term_id' })
  term?: Relation<Term> | null;

  @Column({ type: 'integer', nullable: true })
  groupId: number | null;

  @ManyToOne(() => DeputyGroup, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<DeputyGroup> | null;

  @Column({ type: 'varchar', length: 16 })
  status: DeputyStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  endedReason: string | null;

  @Column({ type: 'date', nullable: true })
  endedOn: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;

  @BeforeInsert()
  @BeforeUpdate()
  protected hashPersonalData(): void {
    if (this.phone !== undefined) this.phoneHash = personalDataHash(this.phone);
  }
}
