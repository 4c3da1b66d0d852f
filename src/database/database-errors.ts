import { QueryFailedError } from 'typeorm';

interface DriverError {
  code?: string;
  errno?: number;
  message?: string;
}

function driverError(error: unknown): DriverError | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  return error.driverError as DriverError;
}

/** A unique index refused the write (MySQL/MariaDB 1062, SQLite UNIQUE/PRIMARY KEY). */
export function isUniqueViolation(error: unknown): boolean {
  const driver = driverError(error);
  return (
    driver?.errno === 1062 ||
    driver?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    driver?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/**
 * A foreign key refused the write (MySQL/MariaDB 1451/1452; SQLite FOREIGNKEY, or TRIGGER for
 * an ON DELETE RESTRICT action).
 */
export function isForeignKeyViolation(error: unknown): boolean {
  const driver = driverError(error);
  return (
    driver?.errno === 1451 ||
    driver?.errno === 1452 ||
    driver?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY' ||
    (driver?.code === 'SQLITE_CONSTRAINT_TRIGGER' && /FOREIGN KEY/i.test(driver.message ?? ''))
  );
}

/** Driver codes of a database that is down, restarting or unreachable (mysql2, Node, SQLite). */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
  'ER_CONNECTION_KILLED',
  // SQLite: another process held the write lock past busy_timeout.
  'SQLITE_BUSY',
]);

/**
 * MySQL/MariaDB server and client error numbers of the same: too many connections (1040), server
 * shutdown in progress (1053), connection killed (1927), can't connect (2002/2003), server gone
 * away or lost during a query (2006/2013).
 */
const UNAVAILABLE_ERRNOS = new Set([1040, 1053, 1927, 2002, 2003, 2006, 2013]);

/** TypeORM's errors for a query attempted without a connection (e.g. while shutting down). */
const UNAVAILABLE_ERROR_NAMES = new Set([
  'CannotExecuteNotConnectedError',
  'ConnectionIsNotSetError',
]);

/**
 * The database is away (down, restarting, unreachable, out of connections), as opposed to a
 * query it refused: the request may succeed when retried, and is answered 503, not 500.
 * Looks through TypeORM's QueryFailedError and `cause` chains to the driver's own error.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const driver = current as Error & DriverError & { fatal?: boolean };
    if (
      (driver.code !== undefined && UNAVAILABLE_CODES.has(driver.code)) ||
      (driver.errno !== undefined && UNAVAILABLE_ERRNOS.has(driver.errno)) ||
      driver.fatal === true ||
      UNAVAILABLE_ERROR_NAMES.has(driver.name)
    ) {
      return true;
    }
    current = current instanceof QueryFailedError ? current.driverError : current.cause;
  }
  return false;
}
