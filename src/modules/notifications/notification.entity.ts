import {
  BaseEntity,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';

export const NOTIFICATION_CHANNELS = ['inApp', 'email', 'webhook'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'failed', 'unknown'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * The outbox: one row per message to one recipient on one channel. `dedupeKey` (recipient, kind,
 * subject, period, threshold) is unique, so a reminder is queued once however many instances or
 * re-runs queue it. Delivery claims a row (pending → sending) before sending and marks it sent
 * after; a row left in `sending` by a crash is never sent again automatically (it becomes
 * `unknown` for a person to check), so no recipient gets a message twice.
 */
@Entity()
@Index(['dedupeKey'], { unique: true })
@Index(['status', 'nextAttemptAt'])
@Index(['recipientUserId', 'readAt'])
export class Notification extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 200 })
  dedupeKey: string;

  @Column({ type: 'varchar', length: 16 })
  channel: NotificationChannel;

  @Column({ type: 'integer', nullable: true })
  recipientUserId: number | null;

  /** Email address for the email channel. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  recipientAddress: string | null;

  /** e.g. cadenceReminder, cadenceMissed, recordKeeping */
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 16 })
  status: NotificationStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'datetime' })
  nextAttemptAt: Date;

  @Column({ type: 'datetime', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  readAt: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn()
  createdAt: Date;
}
