import {
  BaseEntity,
  BeforeInsert,
  BeforeUpdate,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { encryptedColumn, personalDataHash } from '../../common/personal-data.js';

/**
 * 承办单位: a government department or other body that handles deputies' suggestions (and voter
 * issues referred to it). One registry shared by every committee, like the dictionaries: a
 * district's units are the same for all its committees. The contact's phone is personal data.
 */
@Entity()
export class HandlingUnit extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** 单位类别 (政府部门, 街道, 企事业单位 …), free text. */
  @Column({ type: 'varchar', length: 50, nullable: true })
  kind: string | null;

  /** 联系人 */
  @Column({ type: 'varchar', length: 50, nullable: true })
  contactName: string | null;

  /** 联系电话. Personal data: AES-256-GCM ciphertext at rest, masked unless revealed. */
  @Column({ type: 'varchar', length: 200, nullable: true, transformer: encryptedColumn })
  contactPhone: string | null;

  /** Keyed hash of `contactPhone` for exact-match search; never shown. */
  @Index()
  @Column({ type: 'varchar', length: 64, nullable: true, select: false })
  contactPhoneHash?: string | null;

  /** 联系邮箱: where the deadline reminders go. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  contactEmail: string | null;

  /** 职责范围: what the unit handles (a unit returns what lies outside it). */
  @Column({ type: 'text', nullable: true })
  remit: string | null;

  /** A disabled unit is kept for history but no longer assigned. */
  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;

  @BeforeInsert()
  @BeforeUpdate()
  protected hashPersonalData(): void {
    if (this.contactPhone !== undefined) {
      this.contactPhoneHash = personalDataHash(this.contactPhone);
    }
  }
}
