import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { notFound } from '../../common/errors.js';
import { RecordWrites, useCase } from '../../platform/records/write-use-case.js';
import { AdminSession } from '../../database/session.entity.js';
import { Clock } from '../../common/clock.js';
import { AUTH_LABELS } from './auth.labels.js';
import { AuthRepository } from './auth.repository.js';

/** Who a stored session belongs to, read from its JSON (the express-session payload). */
export interface SessionHolder {
  userId: string | null;
  username: string | null;
  role: string | null;
  ip: string | null;
  loginAt: Date | null;
  lastSeenAt: Date | null;
}

export function sessionHolder(json: string): SessionHolder {
  let user: Record<string, unknown> | undefined;
  try {
    user = (JSON.parse(json) as { adminUser?: Record<string, unknown> }).adminUser;
  } catch {
    user = undefined;
  }
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  const time = (value: unknown) => (typeof value === 'number' ? new Date(value) : null);
  return {
    userId: text(user?.id),
    username: text(user?.email),
    role: text(user?.role),
    ip: text(user?.ip),
    loginAt: time(user?.loginAt),
    lastSeenAt: time(user?.lastSeenAt),
  };
}

/**
 * How the panel and the audit trail name a session: a digest prefix, never the id itself (the
 * id is the bearer credential in the cookie; whoever reads it could replay the session).
 */
export function sessionDigest(id: string): string {
  return createHash('sha256').update(id).digest('hex').slice(0, 16);
}

const END_SESSION = useCase('adminSession', AUTH_LABELS.records.adminSession, 'endSession');

/** The user data of a session that has ended, so a tombstone row keeps nothing of it. */
export const ENDED_SESSION_JSON = '{}';

/** 在线会话: the security administrator ends a session; every instance refuses it at once. */
@Injectable()
export class AdminSessionsService {
  constructor(
    private readonly auth: AuthRepository,
    private readonly writes: RecordWrites,
    private readonly clock: Clock,
  ) {}

  /** The stored id of the live session shown as `digest`, or null when there is none. */
  async liveSessionId(digest: string, manager?: EntityManager): Promise<string | null> {
    const live = await this.auth.liveSessionIds(this.clock.now(), manager);
    return live.find((id) => sessionDigest(id) === digest) ?? null;
  }

  /** Ends the live session shown as `digest`: its data is cleared, its id refused everywhere. */
  async end(digest: string): Promise<void> {
    await this.writes.run(END_SESSION, async (write) => {
      const { manager } = write;
      const id = await this.liveSessionId(digest, manager);
      const session = id === null ? null : await manager.findOneBy(AdminSession, { id });
      if (!id || !session) throw notFound(AUTH_LABELS.records.adminSession, '-');
      const holder = sessionHolder(session.json);
      await manager.update(AdminSession, { id }, { json: ENDED_SESSION_JSON });
      await manager.softDelete(AdminSession, { id });
      await write.audit({
        action: 'sessionEnded',
        objectType: 'adminUser',
        objectId: holder.userId,
        // The session id itself stays out of the trail; its digest is how the panel shows it.
        detail: { username: holder.username, session: digest },
      });
    });
  }
}
