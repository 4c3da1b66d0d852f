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
import { encryptedColumn } from '../../common/personal-data.js';
import { Committee } from '../committees/committee.entity.js';
import type { Role } from '../../common/roles.js';

/** A person who logs in to the admin panel. Passwords are argon2id hashes, never stored plain. */
@Entity()
export class AdminUser extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 50 })
  username: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  displayName: string | null;

  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  /** Where reminders and notices are emailed; none = in-app only. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  email: string | null;

  @Column({ type: 'boolean', default: true })
  mustChangePassword: boolean;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  /** No role: the user can log in but do nothing until a security admin assigns one. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  role: Role | null;

  /** The committee whose subtree the user sees; null only for the three administrators. */
  @Index()
  @Column({ type: 'integer', nullable: true })
  committeeId: number | null;

  @ManyToOne(() => Committee, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'committee_id' })
  committee?: Relation<Committee> | null;

  /** Bumped when role, committee, status or password change: every older session ends. */
  @Column({ type: 'integer', default: 0 })
  sessionEpoch: number;

  @Column({ type: 'datetime', nullable: true })
  lastLoginAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  passwordChangedAt: Date | null;

  /** TOTP (RFC 6238) secret, base32, encrypted at rest; null = no second factor enrolled. */
  @Column({ type: 'varchar', length: 200, nullable: true, transformer: encryptedColumn })
  totpSecret: string | null;

  @Column({ type: 'datetime', nullable: true })
  totpEnabledAt: Date | null;

  /** The last TOTP time step accepted: a code works once. */
  @Column({ type: 'integer', nullable: true })
  totpLastStep: number | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
