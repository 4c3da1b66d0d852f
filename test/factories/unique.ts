import { randomInt } from 'node:crypto';

/**
 * Unique test data: a counter and a salt chosen once per test file (Jest gives each file its own
 * module registry, so each file draws its own salt). Names, external ids, usernames and phones
 * made from it never collide within a file, nor between files that share a database or the
 * MariaDB server, so a test never depends on which records another test happened to leave.
 */
const SALT = randomInt(10_000);
let counter = 0;

/** The next number of this file's sequence, from 1. */
export function nextSequence(): number {
  counter += 1;
  return counter;
}

/** `prefix` plus this file's salt and the next number, e.g. `测试街道-0412-7`. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${String(SALT).padStart(4, '0')}-${nextSequence()}`;
}

/** A username in the account shape (letters, digits, `_.-`, at most 50). */
export function uniqueUsername(prefix = 'user'): string {
  return uniqueName(prefix).toLowerCase();
}

/** A mainland mobile number: 139, the salt's four digits, then the sequence's four. */
export function uniquePhone(): string {
  return `139${String(SALT).padStart(4, '0')}${String(nextSequence() % 10_000).padStart(4, '0')}`;
}

/** An id as an integrator's own system would send it (`?externalId=`). */
export function uniqueExternalId(prefix = 'EXT'): string {
  return uniqueName(prefix);
}
