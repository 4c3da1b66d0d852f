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
import { AdminUser } from './admin-user.entity.js';
import type { Role } from '../../common/roles.js';

/** A key for an external system. Only a SHA-256 of the secret is kept; the key is shown once. */
@Entity()
export class ApiKey extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** The public part of the key, used to find the row without scanning hashes. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  @Column({ type: 'varchar', length: 64 })
  secretHash: string;

  /** Comma-separated scopes. */
  @Column({ type: 'varchar', length: 200 })
  scopes: string;

  /** The business role the key acts as (permissions.ts); never an administrator role. */
  @Column({ type: 'varchar', length: 32, default: 'districtViewer' })
  role: Role;

  @Column({ type: 'integer', nullable: true })
  committeeId: number | null;

  @ManyToOne(() => Committee, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'committee_id' })
  committee?: Relation<Committee> | null;

  /**
   * The business account (a named user or an integration account) the key is issued to; never
   * its issuer. The key works only while the holder is enabled and its grant covers the key's
   * role and committee. Null only for keys issued before holders existed, which no longer work.
   */
  @Index()
  @Column({ type: 'integer', nullable: true })
  holderId: number | null;

  @ManyToOne(() => AdminUser, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'holder_id' })
  holder?: Relation<AdminUser> | null;

  @Column({ type: 'datetime', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;
}
