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
import { Dictionary } from './dictionary.entity.js';

/** Categories the rules count by; activity kinds (data) each belong to one. */
export const ACTIVITY_CATEGORIES = [
  'meeting',
  'training',
  'supervision',
  'plenary',
  'station',
  'outreach',
  'other',
] as const;
export type ActivityCategory = (typeof ACTIVITY_CATEGORIES)[number];

export const ACTIVITY_KIND_DICTIONARY = 'activity_kind';

@Entity()
@Index(['dictionaryId', 'code'], { unique: true })
export class DictionaryItem extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  dictionaryId: number;

  @ManyToOne(() => Dictionary, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'dictionary_id' })
  dictionary?: Relation<Dictionary>;

  @Column({ type: 'varchar', length: 50 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  label: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  labelEn: string | null;

  /** Only for activity kinds: which category the quarterly rule and reports count it under. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  category: ActivityCategory | null;

  @Column({ type: 'integer', default: 0 })
  sortOrder: number;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
