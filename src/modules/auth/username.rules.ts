/** The longest username an account can have (the column's length). */
export const USERNAME_MAX_LENGTH = 50;

/** What an account's username may hold once normalised. */
export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{3,50}$/;

/** Longer raw input is refused before it is even normalised (NFKC can grow a string). */
const RAW_MAX_LENGTH = 1000;

/**
 * Characters that render as nothing or that MariaDB's `utf8mb4_unicode_ci` ignores when it
 * compares: Unicode default-ignorable code points (U+200B–U+200F, U+2060, U+FEFF, the soft
 * hyphen, variation selectors …), format characters (Cf) and control characters (Cc).
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}]/gu;

/**
 * The one form of a username that is looked up, counted for the lockout and stored (issue 10
 * #1): NFKC (full-width ｖｉｃｔｉｍ is victim), invisible characters removed, trimmed. Null when
 * the result is longer than any username can be: such input is refused before any lookup.
 */
export function normalizeUsername(raw: string): string | null {
  if (raw.length > RAW_MAX_LENGTH) return null;
  const username = raw.normalize('NFKC').replace(INVISIBLE, '').trim();
  return [...username].length > USERNAME_MAX_LENGTH ? null : username;
}

/** A normalised name that could belong to an account; any other name is unknown. */
export const isUsernameShape = (username: string): boolean => USERNAME_PATTERN.test(username);
