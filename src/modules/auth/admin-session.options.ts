import type { Provider } from '@nestjs/common';
import { TypeormStore } from 'connect-typeorm';
import type { SessionOptions } from 'express-session';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import { AdminSession } from '../../database/session.entity.js';

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
    cookie: { httpOnly: true, sameSite: 'lax', maxAge: config.session.idleMinutes * 60 * 1000 },
    // connect-typeorm's cleanup deletes with `IN (SELECT … LIMIT n)`, which MariaDB refuses;
    // expired rows are ignored by their expiredAt anyway.
    store: new TypeormStore({
      cleanupLimit: config.database.dialect === 'sqlite' ? 2 : 0,
      ttl: config.session.idleMinutes * 60,
    }).connect(dataSource.getRepository(AdminSession)),
  }),
};
