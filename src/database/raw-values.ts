/**
 * Instants read by raw queries (getRawMany) bypass entity hydration: SQLite answers them as
 * 'YYYY-MM-DD HH:MM:SS[.SSS]' in UTC, MariaDB (mysql2, timezone Z) as Dates.
 */
export function rawInstant(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}
