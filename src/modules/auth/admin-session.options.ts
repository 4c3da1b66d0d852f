import type { Provider } from '@nestjs/common';
import { TypeormStore } from 'connect-typeorm';
import type { Request } from 'express';
import type { SessionData, SessionOptions } from 'express-session';
import { DataSource, In, IsNull, type Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import { AdminSession } from '../../database/session.entity.js';
import { ENDED_SESSION_JSON } from './admin-sessions.service.js';
import { applySessionChanges, sessionChanges, type SessionObject } from './session-merge.rules.js';

export const ADMIN_SESSION_OPTIONS = Symbol('ADMIN_SESSION_OPTIONS');

/**
 * The one definition of the admin session (cookie, idle timeout, database store shared by all
 * instances), used by the global session middleware and handed to AdminJS's router alike.
 */
export const adminSessionOptionsProvider: Provider = {
  provide: ADMIN_SESSION_OPTIONS,
  inject: [APP_CONFIG, DataSource],
  useFactory: (config: AppConfig, dataSource: DataSource): SessionOptions => ({
    name: config.session.cookieName,
    secret: config.session.secret,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    // Behind a TLS-terminating proxy the Secure cookie needs the proxy's X-Forwarded-Proto.
    proxy: config.trustProxy !== false,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.session.secureCookie,
      maxAge: config.session.idleMinutes * 60 * 1000,
    },
    store: sessionStore(config, dataSource.getRepository(AdminSession)),
  }),
};

/** The database session store every instance shares. */
function sessionStore(config: AppConfig, sessions: Repository<AdminSession>): TypeormStore {
  const store = new TypeormStore({
    cleanupLimit: 2,
    // MariaDB refuses `IN (SELECT … LIMIT n)`: select the expired ids first, then delete them.
    limitSubquery: config.database.dialect === 'sqlite',
    ttl: config.session.idleMinutes * 60,
  }).connect(sessions);
  // connect-typeorm 2.0.0's destroy calls back before its soft delete is written (the promise is
  // dropped), so another instance could still honour a session just logged out or ended. The
  // row stays as a tombstone (its `set` never revives one) but keeps none of the user's data.
  store.destroy = (sid, done) => {
    const id = In(([] as string[]).concat(sid));
    sessions
      .update({ id }, { json: ENDED_SESSION_JSON })
      .then(() => sessions.softDelete({ id }))
      .then(
        () => done?.(),
        (error: unknown) => done?.(error),
      );
  };
  mergeWrites(store, sessions, config.database.dialect);
  return store;
}

/** How often a write retries when other requests keep writing the same session in between. */
const MERGE_ATTEMPTS = 20;

/**
 * Session writes that never lose each other. Every admin request saves its session (it moves
 * `lastSeenAt`), and the stock store writes the whole copy the request loaded: a request that
 * started before another one stored a pending second-factor enrolment would save the session
 * back without it (the enrolment then answered with the login page, H1 §3). So a request writes
 * only what it changed, merged into the stored session with a compare-and-set (another
 * instance's write in between makes it read and merge again). A session the request did not
 * load (a new or regenerated one) is written whole, as before.
 */
function mergeWrites(
  store: TypeormStore,
  sessions: Repository<AdminSession>,
  dialect: AppConfig['database']['dialect'],
): void {
  /** Each session object, as the JSON it was loaded from (or last written as). */
  const loaded = new WeakMap<object, string>();
  const createSession = store.createSession.bind(store);
  store.createSession = (req: Request, data: SessionData) => {
    const json = JSON.stringify(data);
    const session = createSession(req, data);
    loaded.set(session, json);
    return session;
  };
  // Text equality must be exact: MariaDB's default collation ignores case.
  const sameJson =
    dialect === 'sqlite' ? 'json = :seen' : 'CAST(json AS BINARY) = CAST(:seen AS BINARY)';
  const writeWhole = store.set.bind(store);

  async function merge(sid: string, before: string, mine: string, expires: number | null) {
    const changes = sessionChanges(
      JSON.parse(before) as SessionObject,
      JSON.parse(mine) as SessionObject,
    );
    for (let attempt = 0; attempt < MERGE_ATTEMPTS; attempt += 1) {
      const row = await sessions.findOne({ where: { id: sid }, withDeleted: true });
      if (!row) return 'gone' as const;
      // Ended (logged out, ended by the security admin): a late write never revives it.
      if (row.destroyedAt) return 'written' as const;
      const json = JSON.stringify(
        applySessionChanges(JSON.parse(row.json) as SessionObject, changes),
      );
      const result = await sessions
        .createQueryBuilder()
        .update()
        .set({ json, expiredAt: Math.max(row.expiredAt, expires ?? 0) })
        .where({ id: sid, destroyedAt: IsNull() })
        .andWhere(sameJson, { seen: row.json })
        .execute();
      if (result.affected === 1) return 'written' as const;
    }
    throw new Error(`session ${sid.slice(0, 6)}… kept changing; write not merged`);
  }

  store.set = (sid: string, session: SessionData, done?: (error?: unknown) => void) => {
    const before = loaded.get(session);
    if (before === undefined) return writeWhole(sid, session, done);
    const mine = JSON.stringify(session);
    // The cookie's expiry is the idle deadline express-session just moved (rolling sessions).
    const expires =
      session.cookie?.expires instanceof Date ? session.cookie.expires.getTime() : null;
    merge(sid, before, mine, expires).then(
      (outcome) => {
        loaded.set(session, mine);
        if (outcome === 'gone') return writeWhole(sid, session, done);
        return done?.();
      },
      (error: unknown) => done?.(error),
    );
  };
}
