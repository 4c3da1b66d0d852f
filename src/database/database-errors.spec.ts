import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable, isUniqueViolation } from './database-errors.js';

/** An error as a driver raises it: a message with the driver's code and errno. */
const driverError = (fields: { code?: string; errno?: number; fatal?: boolean }): Error =>
  Object.assign(new Error('driver error'), fields);

const queryFailed = (driver: Error): QueryFailedError =>
  new QueryFailedError('SELECT 1', [], driver);

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection (server down)', driverError({ code: 'ECONNREFUSED', errno: -111 })],
    [
      'a connection lost mid-query',
      queryFailed(driverError({ code: 'PROTOCOL_CONNECTION_LOST', fatal: true })),
    ],
    [
      'a server shutting down (1053)',
      queryFailed(driverError({ code: 'ER_SERVER_SHUTDOWN', errno: 1053 })),
    ],
    [
      'a killed connection (1927)',
      queryFailed(driverError({ code: 'ER_CONNECTION_KILLED', errno: 1927 })),
    ],
    ['too many connections (1040)', driverError({ code: 'ER_CON_COUNT_ERROR', errno: 1040 })],
    ['a fatal mysql2 error of any code', driverError({ code: 'ER_SOMETHING', fatal: true })],
    ['a locked SQLite file past busy_timeout', queryFailed(driverError({ code: 'SQLITE_BUSY' }))],
    [
      'a cause chain ending in a refused connection',
      new Error('wrapped', { cause: driverError({ code: 'ECONNREFUSED' }) }),
    ],
  ])('should see %s as the database being away', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a duplicate key', queryFailed(driverError({ code: 'ER_DUP_ENTRY', errno: 1062 }))],
    ['a syntax error', queryFailed(driverError({ code: 'ER_PARSE_ERROR', errno: 1064 }))],
    ['a SQLite constraint', queryFailed(driverError({ code: 'SQLITE_CONSTRAINT_UNIQUE' }))],
    ['a plain error', new Error('boom')],
    ['a non-error', 'ECONNREFUSED'],
  ])('should not see %s as the database being away', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('should keep telling unique violations apart', () => {
    expect(isUniqueViolation(queryFailed(driverError({ errno: 1062 })))).toBe(true);
    expect(isUniqueViolation(driverError({ code: 'ECONNREFUSED' }))).toBe(false);
  });
});
