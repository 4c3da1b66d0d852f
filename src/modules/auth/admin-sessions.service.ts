import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '../../common/errors.js';
import { RECORD_NAMES } from '../../common/record-names.js';
import { authorize } from '../../common/record.service.js';
import { AdminSession } from '../../database/session.entity.js';
import { AuditTrail } from '../audit/audit-trail.service.js';

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

/** 在线会话: the security administrator ends a session; every instance refuses it at once. */
@Injectable()
export class AdminSessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async end(id: string): Promise<void> {
    authorize('adminSession', RECORD_NAMES.adminSession, 'endSession');
    await this.dataSource.transaction(async (manager) => {
      const session = await manager.findOneBy(AdminSession, { id });
      if (!session) throw notFound(RECORD_NAMES.adminSession, '-');
      const holder = sessionHolder(session.json);
      await manager.softDelete(AdminSession, { id });
      await this.audit.record(manager, {
        action: 'sessionEnded',
        objectType: 'adminUser',
        objectId: holder.userId,
        // The session id itself stays out of the trail; a digest tells sessions apart.
        detail: {
          username: holder.username,
          session: createHash('sha256').update(id).digest('hex').slice(0, 16),
        },
      });
    });
  }
}
