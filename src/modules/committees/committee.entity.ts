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

export const COMMITTEE_KINDS = ['district', 'subdistrict'] as const;
export type CommitteeKind = (typeof COMMITTEE_KINDS)[number];

/** 区人大常委会 (district) or 街道人大工委 (subdistrict) — the tenant of most records. */
@Entity()
@Index(['parentId', 'name'], { unique: true })
export class Committee extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: CommitteeKind;

  @Column({ type: 'integer', nullable: true })
  parentId: number | null;

  @ManyToOne(() => Committee, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<Committee> | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
