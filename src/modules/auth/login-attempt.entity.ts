import { BaseEntity, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * `confirmed`: a right password that logs nobody in by itself (the first of two factors, or a
 * logged-in user's re-check before a credential change); it neither counts nor resets the count.
 */
export const LOGIN_OUTCOMES = [
  'success',
  'failure',
  'locked',
  'ipLimited',
  'unlocked',
  'confirmed',
] as const;
export type LoginOutcome = (typeof LOGIN_OUTCOMES)[number];

/**
 * 登录日志: every login attempt, by username as typed (known or not), and the security admin's
 * unlocks. Lockout is computed from these rows, so it holds across instances.
 */
@Entity()
@Index(['username', 'attemptedAt'])
@Index(['ip', 'attemptedAt'])
export class LoginAttempt extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'datetime' })
  attemptedAt: Date;

  @Column({ type: 'varchar', length: 100 })
  username: string;

  @Column({ type: 'integer', nullable: true })
  userId: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  userAgent: string | null;

  @Column({ type: 'varchar', length: 16 })
  outcome: LoginOutcome;
}
