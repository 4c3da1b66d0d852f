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
} from 'typeorm';
import { Committee } from '../committees/committee.entity.js';

/**
 * 附件: one file attached to one record of an attachable kind (`recordType` = the record's
 * permission resource, `recordId` its id). The file lies under ATTACHMENTS_DIR at `storageKey`,
 * a random name; the uploader's file name is kept only as `originalName`.
 */
@Entity()
@Index(['recordType', 'recordId'])
@Index(['storageKey'], { unique: true })
export class Attachment extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** The record's permission resource (`activity`, …). */
  @Column({ type: 'varchar', length: 40 })
  recordType: string;

  @Column({ type: 'integer' })
  recordId: number;

  /** What the file is for on its record (`material`, `signInSheet`, …; `file` by default). */
  @Column({ type: 'varchar', length: 40, default: 'file' })
  purpose: string;

  /** The owning record's committee when attached: the scope lists are filtered by. */
  @Column({ type: 'integer', nullable: true })
  committeeId: number | null;

  @ManyToOne(() => Committee, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'committee_id' })
  committee?: Relation<Committee>;

  /** The file name as uploaded (shown and used for the download's name only). */
  @Column({ type: 'varchar', length: 255 })
  originalName: string;

  /** The type found in the content (magic bytes), e.g. `image/png`. */
  @Column({ type: 'varchar', length: 100 })
  mediaType: string;

  /** Bytes. */
  @Column({ type: 'integer' })
  size: number;

  /** SHA-256 of the content, hexadecimal. */
  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  /** Where the file lies, relative to ATTACHMENTS_DIR; never leaves the server. */
  @Column({ type: 'varchar', length: 100, select: false })
  storageKey: string;

  /** Who uploaded it (the actor's name). */
  @Column({ type: 'varchar', length: 100 })
  uploadedBy: string;

  @CreateDateColumn()
  createdAt: Date;
}
