import {
  BaseEntity,
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * 建站标准条目 (a province's "九有" or similar): one checklist item with its weight. One standard
 * for the installation (a province's norm), seeded as an example that staff adapt; an assessment
 * copies the enabled items it was made with.
 */
@Entity()
export class StationStandardItem extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** 分值: the score a station earns when it meets the item. */
  @Column({ type: 'integer' })
  weight: number;

  /** 需提供佐证材料 */
  @Column({ type: 'boolean', default: false })
  evidenceRequired: boolean;

  @Column({ type: 'integer', default: 0 })
  sortOrder: number;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
