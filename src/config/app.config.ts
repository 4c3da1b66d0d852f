import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { IANAZone } from 'luxon';
import { isRole, ROLES, type Role } from '../common/roles.js';

export type DatabaseDialect = 'sqlite' | 'mariadb' | 'mysql';
export type LogFormat = 'json' | 'pretty';

/** The one typed configuration object. Every variable is listed in config/.env.example. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  database: { dialect: DatabaseDialect; url?: string; sqlitePath: string };
  migrationsRun: boolean;
  timeZone: string;
  log: { level: string; format: LogFormat };
  session: {
    secret: string;
    cookieName: string;
    idleMinutes: number;
    absoluteHours: number;
    /** Set the cookie's Secure flag (behind HTTPS). */
    secureCookie: boolean;
  };
  /** Admin panel form bodies: the largest upload a logged-in request may send, and where it waits. */
  adminUploads: { maxBytes: number; dir: string };
  /** 附件: where attached files are stored, and the largest file accepted. */
  attachments: { dir: string; maxBytes: number };
  /** Express `trust proxy`: the proxy whose X-Forwarded-* headers are believed; false = none. */
  trustProxy: string | number | false;
  /** Scheduled jobs on this instance (every instance may run them: runs are claimed once). */
  jobs: {
    enabled: boolean;
    /** How long a run's claim holds without renewal; a live runner renews it every third. */
    leaseSeconds: number;
    /**
     * Test seam (RENDA_TEST_PAUSE_AFTER_CLAIM_MS, honoured only with NODE_ENV=test): the pause
     * after a claim and before the work, so a fault test can kill or stop a run mid-way. 0 = none.
     */
    pauseAfterClaimMs: number;
  };
  /**
   * [M2] 代表建议办理的期限 (DOMAIN.md "Suggestion handling"; typical provincial rules, each
   * configurable): assignment within N working days of registration, return within N working
   * days of assignment, reply within N months (one extension of at most N months), re-handling
   * reply within N months of a 不满意 evaluation.
   */
  suggestions: {
    assignWorkingDays: number;
    returnWorkingDays: number;
    replyMonths: number;
    extensionMaxMonths: number;
    rehandlingMonths: number;
  };
  /** SIGTERM/SIGINT: how long in-flight requests and running jobs get before the process exits. */
  shutdownTimeoutSeconds: number;
  /** Email for notifications; no SMTP_URL = in-app notifications only. */
  mail: { smtpUrl?: string; from: string };
  /**
   * [M2] `deadline-reminders`: working days before a due date at which the staff and the item's
   * contacts are reminded (DEADLINE_REMINDER_DAYS, largest first; 0 = on the day).
   */
  deadlines: { reminderDays: readonly number[] };
  /** Notifications as signed JSON POSTs (SMS gateways, WeCom bots); no WEBHOOK_URL = none. */
  webhook: { url?: string; secret: string };
  security: {
    loginMaxFailures: number;
    loginLockMinutes: number;
    loginIpMaxFailures: number;
    passwordMaxAgeDays: number;
    passwordPolicy: { minLength: number; minClasses: number };
    /** Roles that must log in with a TOTP second factor. */
    mfaRequiredRoles: readonly Role[];
    auditRetentionDays: number;
    /** Requests per minute one API key (or, without one, one address) may make. */
    apiRatePerMinute: number;
    /** Login form posts per minute from one address, whatever their outcome. */
    loginRatePerMinute: number;
    /** 32 bytes: the master key for personal data at rest (personal-data.ts). */
    personalDataKey: Buffer;
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置无效 / Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads and validates the environment; a bad value stops start-up naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const str = (name: string, fallback: string): string => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? fallback : value.trim();
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = str(name, String(fallback));
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(
        `${name}="${raw}" 必须是 ${min}–${max} 之间的整数 / must be an integer in ${min}..${max}`,
      );
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = str(name, String(fallback)).toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(raw)) return true;
    if (['false', '0', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name}="${raw}" 必须是 true 或 false / must be true or false`);
    return fallback;
  };
  const oneOf = <T extends string>(name: string, fallback: T, allowed: readonly T[]): T => {
    const raw = str(name, fallback);
    if (!(allowed as readonly string[]).includes(raw)) {
      problems.push(
        `${name}="${raw}" 必须是 ${allowed.join(' | ')} 之一 / must be one of ${allowed.join(', ')}`,
      );
      return fallback;
    }
    return raw as T;
  };

  const nodeEnv = oneOf('NODE_ENV', 'development', ['development', 'production', 'test'] as const);
  const dataDirRaw = str('DATA_DIR', './data');
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(process.cwd(), dataDirRaw);

  const url = env.DATABASE_URL?.trim() || undefined;
  let dialect: DatabaseDialect = 'sqlite';
  if (url) {
    const scheme = url.split(':', 1)[0].toLowerCase();
    if (scheme === 'mariadb' || scheme === 'mysql') {
      dialect = scheme;
      try {
        const parsed = new URL(url);
        if (parsed.pathname.length <= 1) {
          problems.push('DATABASE_URL 缺少数据库名 / names no database');
        }
      } catch {
        problems.push('DATABASE_URL 不是有效的 URL / is not a valid URL');
      }
    } else {
      problems.push(
        `DATABASE_URL 的协议 "${scheme}" 不受支持，请使用 mysql:// 或 mariadb:// / unsupported scheme, use mysql:// or mariadb://`,
      );
    }
  }

  const timeZone = str('APP_TIMEZONE', 'Asia/Shanghai');
  if (!IANAZone.isValidZone(timeZone)) {
    problems.push(
      `APP_TIMEZONE="${timeZone}" 不是有效的 IANA 时区 / is not a valid IANA time zone`,
    );
  }

  const logLevel = str('LOG_LEVEL', nodeEnv === 'test' ? 'warn' : 'info');
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(
      `LOG_LEVEL="${logLevel}" 必须是 ${LOG_LEVELS.join(' | ')} 之一 / must be one of them`,
    );
  }
  const logFormat = oneOf<LogFormat>('LOG_FORMAT', nodeEnv === 'development' ? 'pretty' : 'json', [
    'json',
    'pretty',
  ]);

  const sessionSecret = env.SESSION_SECRET?.trim();
  if (sessionSecret !== undefined && sessionSecret !== '' && sessionSecret.length < 32) {
    problems.push('SESSION_SECRET 至少 32 个字符 / must be at least 32 characters');
  }
  if (!sessionSecret && nodeEnv === 'production' && url) {
    problems.push(
      'SESSION_SECRET 在生产环境使用 MySQL/MariaDB 时必须设置，且各实例相同 / is required in production with a shared database (the same on every instance)',
    );
  }

  const trustProxy = str('TRUST_PROXY', 'false');

  // Administrators log in with two factors in production (等保2.0 level 3); none by default in
  // development, so a newcomer's first run needs no authenticator app.
  const mfaRoles = str(
    'MFA_REQUIRED_ROLES',
    nodeEnv === 'production' ? 'systemAdmin,securityAdmin,auditor' : '',
  )
    .split(',')
    .map((role) => role.trim())
    .filter((role) => role !== '' && role !== 'none');
  const reminderDaysRaw = str('DEADLINE_REMINDER_DAYS', '7,3,1,0');
  const reminderDays = [
    ...new Set(
      reminderDaysRaw
        .split(',')
        .map((day) => day.trim())
        .filter((day) => /^\d{1,2}$/.test(day))
        .map(Number),
    ),
  ]
    .filter((day) => day <= 60)
    .sort((a, b) => b - a);
  if (reminderDays.length !== reminderDaysRaw.split(',').length) {
    problems.push(
      `DEADLINE_REMINDER_DAYS="${reminderDaysRaw}" 须为逗号分隔、互不相同的 0–60 整数（工作日）/ distinct integers 0..60, comma-separated`,
    );
  }
  const unknownRoles = mfaRoles.filter((role) => !isRole(role));
  if (unknownRoles.length > 0) {
    problems.push(
      `MFA_REQUIRED_ROLES 含未知角色 ${unknownRoles.join(', ')}，可用 ${ROLES.join(', ')} / unknown roles`,
    );
  }

  const smtpUrl = env.SMTP_URL?.trim() ?? '';
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) {
    problems.push('SMTP_URL 须以 smtp:// 或 smtps:// 开头 / must start with smtp:// or smtps://');
  }

  const webhookUrl = env.WEBHOOK_URL?.trim() ?? '';
  const webhookSecret = env.WEBHOOK_SECRET?.trim() ?? '';
  if (webhookUrl && !/^https?:\/\//.test(webhookUrl)) {
    problems.push(
      'WEBHOOK_URL 须以 http:// 或 https:// 开头 / must start with http:// or https://',
    );
  }
  if (webhookUrl && webhookSecret.length < 32) {
    problems.push(
      '设置 WEBHOOK_URL 时 WEBHOOK_SECRET 至少 32 个字符 / WEBHOOK_SECRET needs 32+ characters',
    );
  }

  const personalDataKeyRaw = env.PERSONAL_DATA_KEY?.trim();
  let personalDataKey: Buffer | undefined;
  if (personalDataKeyRaw) {
    personalDataKey = parseKey(personalDataKeyRaw);
    if (!personalDataKey) {
      problems.push(
        'PERSONAL_DATA_KEY 必须是 32 字节的 base64 或 64 位十六进制 / must be 32 bytes as base64 or 64 hex digits',
      );
    }
  } else if (nodeEnv === 'production' && url) {
    problems.push(
      'PERSONAL_DATA_KEY 在生产环境使用 MySQL/MariaDB 时必须设置，且各实例相同 / is required in production with a shared database (the same on every instance)',
    );
  }

  const config: AppConfig = {
    nodeEnv,
    host: str('HOST', '0.0.0.0'),
    port: int('PORT', 3000, 0, 65535),
    dataDir,
    database: { dialect, url, sqlitePath: join(dataDir, 'renda.sqlite') },
    migrationsRun: bool('MIGRATIONS_RUN', true),
    timeZone,
    log: { level: logLevel, format: logFormat },
    session: {
      secret: sessionSecret || '',
      cookieName: str('SESSION_COOKIE_NAME', 'renda.sid'),
      idleMinutes: int('SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
      absoluteHours: int('SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 7),
      secureCookie: bool('SESSION_COOKIE_SECURE', false),
    },
    adminUploads: {
      maxBytes: int('ADMIN_UPLOAD_MAX_BYTES', 1024 * 1024, 1024, 200 * 1024 * 1024),
      dir: str('ADMIN_UPLOAD_DIR', tmpdir()),
    },
    attachments: {
      dir: (() => {
        const raw = str('ATTACHMENTS_DIR', join(dataDir, 'attachments'));
        return isAbsolute(raw) ? raw : resolve(process.cwd(), raw);
      })(),
      maxBytes: int('ATTACHMENT_MAX_BYTES', 20 * 1024 * 1024, 1, 1024 * 1024 * 1024),
    },
    jobs: {
      enabled: bool('JOBS_ENABLED', true),
      leaseSeconds: int('JOB_LEASE_SECONDS', 120, 3, 86_400),
      pauseAfterClaimMs:
        nodeEnv === 'test' ? int('RENDA_TEST_PAUSE_AFTER_CLAIM_MS', 0, 0, 3_600_000) : 0,
    },
    suggestions: {
      assignWorkingDays: int('SUGGESTION_ASSIGN_WORKING_DAYS', 5, 1, 365),
      returnWorkingDays: int('SUGGESTION_RETURN_WORKING_DAYS', 7, 1, 365),
      replyMonths: int('SUGGESTION_REPLY_MONTHS', 3, 1, 24),
      extensionMaxMonths: int('SUGGESTION_EXTENSION_MONTHS', 3, 0, 24),
      rehandlingMonths: int('SUGGESTION_REHANDLING_MONTHS', 1, 1, 24),
    },
    shutdownTimeoutSeconds: int('SHUTDOWN_TIMEOUT_SECONDS', 25, 1, 3600),
    mail: {
      smtpUrl: smtpUrl || undefined,
      from: str('MAIL_FROM', '人大工委工作平台 <noreply@renda.local>'),
    },
    webhook: { url: webhookUrl || undefined, secret: webhookSecret },
    deadlines: { reminderDays },
    trustProxy:
      trustProxy === 'false' ? false : /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy,
    security: {
      loginMaxFailures: int('LOGIN_MAX_FAILURES', 5, 1, 100),
      loginLockMinutes: int('LOGIN_LOCK_MINUTES', 15, 1, 24 * 60),
      loginIpMaxFailures: int('LOGIN_IP_MAX_FAILURES', 30, 1, 100_000),
      passwordMaxAgeDays: int('PASSWORD_MAX_AGE_DAYS', 90, 0, 3650),
      passwordPolicy: {
        minLength: int('PASSWORD_MIN_LENGTH', 10, 8, 64),
        minClasses: int('PASSWORD_MIN_CLASSES', 3, 1, 4),
      },
      mfaRequiredRoles: mfaRoles.filter(isRole),
      // 网络安全法 第二十一条: network logs are kept for at least six months.
      auditRetentionDays: int('AUDIT_RETENTION_DAYS', 180, 180, 36_500),
      apiRatePerMinute: int('API_RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
      loginRatePerMinute: int('LOGIN_RATE_LIMIT_PER_MINUTE', 20, 1, 10_000),
      personalDataKey: personalDataKey ?? Buffer.alloc(0),
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  if (!config.session.secret) {
    config.session.secret = localSecret(dataDir, 'session-secret').toString('base64url');
  }
  if (config.security.personalDataKey.length === 0) {
    config.security.personalDataKey = localSecret(dataDir, 'personal-data-key');
  }
  return config;
}

function parseKey(raw: string): Buffer | undefined {
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  return key.length === 32 ? key : undefined;
}

/**
 * Zero-setup default: 32 random bytes kept in the data folder (base64url), so sessions and
 * encrypted personal data survive restarts without anyone inventing a secret. Production with a
 * shared database must set SESSION_SECRET and PERSONAL_DATA_KEY; losing the key loses the data.
 */
function localSecret(dataDir: string, name: string): Buffer {
  const file = join(dataDir, name);
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32);
  writeFileSync(file, secret.toString('base64url'), { mode: 0o600 });
  return secret;
}
