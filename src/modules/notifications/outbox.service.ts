import { createHash } from 'node:crypto';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { RecordWrites, useCase } from '../../platform/records/write-use-case.js';
import type { AdminUser } from '../auth/admin-user.entity.js';
import { Mailer } from './mailer.js';
import type { Notification } from './notification.entity.js';
import { NotificationsRepository } from './notifications.repository.js';
import { WebhookSender } from './webhook.js';
import { NOTIFICATIONS_LABELS } from './notifications.labels.js';

/** A message for the people of a committee, before it is addressed to each of them. */
export interface Message {
  kind: string;
  /** The committee the message is about (webhook receivers route by it). */
  committeeId?: number;
  /** What the message is about and for which period/threshold: part of the once-only key. */
  about: string;
  title: string;
  body: string;
  /**
   * People outside the system to email as well (a handling unit's contact, [M2]
   * deadline-reminders): one email row each, with no user; nothing when email is not configured.
   * An address a recipient user already has is mailed once, as that user.
   */
  contacts?: readonly { name: string; email: string }[];
}

const MAX_ATTEMPTS = 6;
/** A row left "sending" this long was interrupted mid-send: it is never resent. */
const SENDING_TIMEOUT_MS = 10 * 60_000;
/** Who hears about a committee's cadence: its own staff; a miss also reaches its district. */
const COMMITTEE_ROLES = ['committeeAdmin', 'staff'] as const;
const DISTRICT_ROLES = ['committeeAdmin', 'districtViewer'] as const;

/**
 * Queuing notices for committees (a job's reminders and misses): only the system holds this
 * permission. The one use case for every caller that queues notices in a write of its own.
 */
export const QUEUE_NOTICES = useCase(
  'notification',
  NOTIFICATIONS_LABELS.records.notification,
  'new',
);

const backoffMs = (attempts: number): number => Math.min(60_000 * 2 ** (attempts - 1), 3_600_000);

/**
 * The notification outbox. `queue` writes one row per recipient and channel (and one webhook
 * row per message), keyed once-only; `deliver` sends the due email and webhook rows, with retries and backoff for definite failures, and never
 * twice: a row is claimed (pending → sending) before the send and marked sent after; one left
 * "sending" by a crash becomes "unknown" for a person to check instead of being sent again.
 */
@Injectable()
export class OutboxService implements OnApplicationShutdown {
  private readonly logger = new Logger(OutboxService.name);

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly mailer: Mailer,
    private readonly webhook: WebhookSender,
    private readonly clock: Clock,
    private readonly writes: RecordWrites,
  ) {}

  onApplicationShutdown(): void {
    this.mailer.close();
  }

  /** The people to tell about a committee: its staff, and with `district` its district's too. */
  async recipients(
    manager: EntityManager,
    committeeId: number,
    options: { district: boolean },
  ): Promise<AdminUser[]> {
    const users = await this.notifications.enabledUsersOf(manager, committeeId, COMMITTEE_ROLES);
    if (!options.district) return users;
    const districtId = await this.notifications.parentOf(manager, committeeId);
    if (!districtId) return users;
    const district = await this.notifications.enabledUsersOf(manager, districtId, DISTRICT_ROLES);
    return [...users, ...district];
  }

  /** Queues each message for its committee's people (see `recipients`), in one transaction. */
  queueForCommittees(
    messages: readonly (Message & { committeeId: number })[],
    options: { district: boolean },
  ): Promise<number> {
    return this.writes.run(QUEUE_NOTICES, async ({ manager }) => {
      let queued = 0;
      for (const message of messages) {
        const recipients = await this.recipients(manager, message.committeeId, options);
        queued += await this.queue(manager, recipients, message);
      }
      return queued;
    });
  }

  /**
   * Queues `message` for each recipient: in-app always, email when they have an address; and
   * for each of its `contacts`, an email.
   */
  async queue(manager: EntityManager, recipients: AdminUser[], message: Message): Promise<number> {
    const now = this.clock.now();
    const rows: Partial<Notification>[] = [];
    for (const user of recipients) {
      rows.push({
        ...this.row(message, now),
        dedupeKey: `u${user.id}:inApp:${message.kind}:${message.about}`.slice(0, 200),
        channel: 'inApp',
        recipientUserId: user.id,
        // In-app messages are delivered by being there.
        status: 'sent',
        sentAt: now,
      });
      if (user.email && this.mailer.enabled) {
        rows.push({
          ...this.row(message, now),
          dedupeKey: `u${user.id}:email:${message.kind}:${message.about}`.slice(0, 200),
          channel: 'email',
          recipientUserId: user.id,
          recipientAddress: user.email,
          status: 'pending',
        });
      }
    }
    if (this.mailer.enabled) {
      const mailed = new Set(recipients.map((user) => user.email?.trim().toLowerCase()));
      for (const contact of message.contacts ?? []) {
        const address = contact.email.trim().toLowerCase();
        if (!address || mailed.has(address)) continue;
        mailed.add(address);
        rows.push({
          ...this.row(message, now),
          // The address digested: the key stays short and its subject part whole.
          dedupeKey:
            `c${createHash('sha256').update(address).digest('hex').slice(0, 16)}:email:${message.kind}:${message.about}`.slice(
              0,
              200,
            ),
          channel: 'email',
          recipientUserId: null,
          recipientAddress: contact.email.trim(),
          status: 'pending',
        });
      }
    }
    if (this.webhook.enabled && recipients.length > 0) {
      // One POST per message (not per person): the receiver gets who it was for.
      rows.push({
        ...this.row(message, now),
        dedupeKey: `webhook:${message.kind}:${message.about}`.slice(0, 200),
        channel: 'webhook',
        body: JSON.stringify({
          kind: message.kind,
          title: message.title,
          text: message.body,
          committeeId: message.committeeId ?? null,
          recipients: recipients.map((user) => ({
            userId: user.id,
            username: user.username,
            name: user.displayName,
          })),
          occurredAt: now.toISOString(),
        }),
        status: 'pending',
      });
    }
    return this.notifications.insertNew(manager, rows);
  }

  /** Sends what is due; returns how many were sent. Safe to run on every instance at once. */
  async deliver(limit = 50): Promise<{ sent: number; failed: number; unknown: number }> {
    const now = this.clock.now();
    const unknown = await this.notifications.giveUpSendingSince(
      new Date(now.getTime() - SENDING_TIMEOUT_MS),
      '发送中断，未确认是否送达，不再自动重发 / interrupted mid-send',
    );
    const due = await this.notifications.dueToSend(now, limit);
    let sent = 0;
    let failed = 0;
    for (const row of due) {
      // Claim: of several instances, one moves the row to "sending".
      if (!(await this.notifications.claimForSending(row, now))) continue;
      try {
        await this.send(row, now);
      } catch (error) {
        failed += 1;
        const attempts = row.attempts + 1;
        const message = error instanceof Error ? error.message : String(error);
        this.logger.warn({ notification: row.id, attempts }, `email not sent: ${message}`);
        await this.notifications.recordFailure(row.id, {
          status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
          lastError: message.slice(0, 1000),
        });
        continue;
      }
      await this.markSent(row.id);
      sent += 1;
    }
    return { sent, failed, unknown };
  }

  private async send(row: Notification, now: Date): Promise<void> {
    if (row.channel === 'webhook') {
      await this.webhook.post(row.body, String(row.id), now);
      return;
    }
    await this.mailer.send({
      to: row.recipientAddress ?? '',
      subject: row.title,
      text: row.body,
      reference: String(row.id),
    });
  }

  /** After a successful send. A crash before this leaves the row "sending" (never resent). */
  protected async markSent(id: number): Promise<void> {
    await this.notifications.markSent(id, this.clock.now());
  }

  private row(message: Message, now: Date): Partial<Notification> {
    return {
      kind: message.kind,
      title: message.title.slice(0, 200),
      body: message.body,
      attempts: 0,
      nextAttemptAt: now,
      readAt: null,
    };
  }
}
