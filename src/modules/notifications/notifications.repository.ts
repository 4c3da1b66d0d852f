import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, LessThan, LessThanOrEqual, Repository, type EntityManager } from 'typeorm';
import type { Role } from '../../common/roles.js';
import { AdminUser } from '../auth/admin-user.entity.js';
import { Committee } from '../committees/committee.entity.js';
import { Notification } from './notification.entity.js';

/**
 * The outbox's queries (OutboxService holds the rules: who hears what, retries, never twice) and
 * the inbox's count. A method given a `manager` runs inside the caller's transaction.
 */
@Injectable()
export class NotificationsRepository {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
  ) {}

  /** A committee's enabled users in these roles, by id. */
  enabledUsersOf(
    manager: EntityManager,
    committeeId: number,
    roles: readonly Role[],
  ): Promise<AdminUser[]> {
    return manager.find(AdminUser, {
      where: { committeeId, enabled: true, role: In([...roles]) },
      order: { id: 'ASC' },
    });
  }

  /** The committee a committee reports to (its district), if any. */
  async parentOf(manager: EntityManager, committeeId: number): Promise<number | null> {
    const committee = await manager.findOneBy(Committee, { id: committeeId });
    return committee?.parentId ?? null;
  }

  /**
   * Inserts the rows whose once-only key is new: keys already queued (an earlier run, another
   * instance) are left out, and the unique key still settles a race between instances
   * (orIgnore). Returns how many were new.
   */
  async insertNew(manager: EntityManager, rows: Partial<Notification>[]): Promise<number> {
    if (rows.length === 0) return 0;
    const existing = await manager.find(Notification, {
      select: { dedupeKey: true },
      where: { dedupeKey: In(rows.map((row) => row.dedupeKey as string)) },
    });
    const queued = new Set(existing.map((row) => row.dedupeKey));
    const fresh = rows.filter((row) => !queued.has(row.dedupeKey as string));
    if (fresh.length === 0) return 0;
    await manager
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values(fresh)
      .orIgnore()
      // Ignored duplicates have no generated id to read back (SQLite would fail the insert).
      .updateEntity(false)
      .execute();
    return fresh.length;
  }

  /** Rows left "sending" since before `before` become "unknown"; returns how many. */
  async giveUpSendingSince(before: Date, reason: string): Promise<number> {
    const stale = await this.notifications.update(
      { status: 'sending', nextAttemptAt: LessThan(before) },
      { status: 'unknown', lastError: reason },
    );
    return stale.affected ?? 0;
  }

  /** Pending email and webhook rows due by `now`, oldest first. */
  dueToSend(now: Date, limit: number): Promise<Notification[]> {
    return this.notifications.find({
      where: {
        channel: In(['email', 'webhook']),
        status: 'pending',
        nextAttemptAt: LessThanOrEqual(now),
      },
      order: { id: 'ASC' },
      take: limit,
    });
  }

  /** Moves a pending row to "sending"; false when another instance claimed it first. */
  async claimForSending(row: Notification, now: Date): Promise<boolean> {
    const claimed = await this.notifications.update(
      { id: row.id, status: 'pending', sentAt: IsNull() },
      { status: 'sending', attempts: row.attempts + 1, nextAttemptAt: now },
    );
    return claimed.affected === 1;
  }

  /** After a failed send: retry at `nextAttemptAt`, or give up ("failed"). */
  async recordFailure(
    id: number,
    failure: { status: 'pending' | 'failed'; nextAttemptAt: Date; lastError: string },
  ): Promise<void> {
    await this.notifications.update({ id }, failure);
  }

  async markSent(id: number, at: Date): Promise<void> {
    await this.notifications.update({ id }, { status: 'sent', sentAt: at, lastError: null });
  }

  /** A user's unread in-app notifications (the admin's home page and grid). */
  unreadInAppCount(userId: number): Promise<number> {
    return this.notifications.countBy({
      recipientUserId: userId,
      channel: 'inApp',
      readAt: IsNull(),
    });
  }
}
