import type { Provider } from '@nestjs/common';
import { TypeormStore } from 'connect-typeorm';
import type { SessionOptions } from 'express-session';
import { DataSource, In, type Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import { AdminSession } from '../../database/session.entity.js';
import { ENDED_SESSION_JSON } from './admin-sessions.service.js';

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
  return store;
}
