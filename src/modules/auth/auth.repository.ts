import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan, type EntityManager } from 'typeorm';
import { AdminSession } from '../../database/session.entity.js';
import { LoginAttempt, type LoginOutcome } from './login-attempt.entity.js';

/** One row of a username's login log, as the lockout rules read it. */
export interface AttemptRow {
  id: number;
  at: Date;
  outcome: LoginOutcome;
}

/**
 * The reads of the login log and the session store that are more than a record's CRUD: named
 * for what they answer. The login log's writes are the login's own (LoginAttemptsService), the
 * sessions' are the session store's and the security administrator's use case.
 */
@Injectable()
export class AuthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The ids of the sessions neither ended nor expired at `now`. In the caller's transaction when given its `manager`. */
  async liveSessionIds(
    now: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    const live = await manager.find(AdminSession, {
      select: { id: true },
      where: { destroyedAt: IsNull(), expiredAt: MoreThan(now.getTime()) },
    });
    return live.map((session) => session.id);
  }

  /** Failed attempts from an address (as stored: its first 64 characters) after `since`. */
  failuresFrom(ip: string, since: Date): Promise<number> {
    return this.dataSource.manager.countBy(LoginAttempt, {
      ip: ip.slice(0, 64),
      outcome: 'failure',
      attemptedAt: MoreThan(since),
    });
  }

  /** A username's attempts after `since`, oldest first. */
  async attemptsOf(username: string, since: Date): Promise<AttemptRow[]> {
    const rows = await this.dataSource.manager.find(LoginAttempt, {
      select: { id: true, attemptedAt: true, outcome: true },
      where: { username, attemptedAt: MoreThan(since) },
      order: { id: 'ASC' },
    });
    return rows.map((row) => ({ id: row.id, at: row.attemptedAt, outcome: row.outcome }));
  }
}
