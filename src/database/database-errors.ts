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
