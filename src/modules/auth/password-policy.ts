import { randomBytes } from 'node:crypto';
import { invalidInput } from '../../common/errors.js';
import { COMMON_PASSWORDS } from './common-passwords.js';

/** 等保2.0 身份鉴别 (口令复杂度), configurable: PASSWORD_MIN_LENGTH, PASSWORD_MIN_CLASSES. */
export interface PasswordPolicy {
  minLength: number;
  /** Of the four classes: lower case, upper case, digits, symbols. */
  minClasses: number;
}

const CLASSES = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/];

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(
  password: string,
  policy: PasswordPolicy,
  username?: string,
): string | null {
  if (password.length < policy.minLength || password.length > 200) {
    return `密码长度须为 ${policy.minLength}–200 位 / ${policy.minLength} to 200 characters`;
  }
  if (CLASSES.filter((re) => re.test(password)).length < policy.minClasses) {
    return `须包含大写、小写、数字、符号中的至少 ${policy.minClasses} 类 / at least ${policy.minClasses} of upper, lower, digits, symbols`;
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    return '不能包含用户名 / must not contain the username';
  }
  if (isCommon(password)) {
    return '这是常见密码，容易被猜中 / this is a commonly used password';
  }
  return null;
}

/** Refuses a password with a 400 naming `field`. */
export function checkPassword(
  password: string,
  policy: PasswordPolicy,
  username?: string,
  field = 'password',
): void {
  const problem = passwordProblem(password, policy, username);
  if (problem) throw invalidInput([{ field, problem }]);
}

/**
 * A listed password, also with a year or a few digits and symbols added at the end
 * ("Password2026!" is "password" to an attacker's dictionary).
 */
function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\d\W_]+$/u, '');
  return COMMON_PASSWORDS.has(lower) || (stem.length >= 4 && COMMON_PASSWORDS.has(stem));
}

/** A random password for a new or reset account, shown once and changed at first login. */
export function temporaryPassword(): string {
  return `${randomBytes(12).toString('base64url')}aA1!`;
}
