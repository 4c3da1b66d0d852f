import {
  BaseEntity,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const DEPUTY_LEVELS = ['district', 'city', 'provincial', 'national'] as const;
export type DeputyLevel = (typeof DEPUTY_LEVELS)[number];

/** 届: e.g. 区第十五届人民代表大会, ordinal 15 at level district. */
@Entity()
@Index(['level', 'ordinal'], { unique: true })
export class Term extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  level: DeputyLevel;

  @Column({ type: 'integer' })
  ordinal: number;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date', nullable: true })
  endsOn: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
