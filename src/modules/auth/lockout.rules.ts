import type { LoginOutcome } from './login-attempt.entity.js';

export interface LockoutPolicy {
  /** Failures within `windowMs` that lock the account. */
  maxFailures: number;
  windowMs: number;
  /** How long the lock lasts from the failure that triggered it. */
  lockMs: number;
}

export interface AttemptFact {
  at: Date;
  outcome: LoginOutcome;
}

/**
 * 等保2.0 身份鉴别 (登录失败处理): `maxFailures` failures within `windowMs` lock the username
 * for `lockMs`. Only real failures count (attempts refused while locked do not extend the lock);
 * a success or a security admin's unlock starts the count afresh. Returns the end of the lock
 * in force at `now`, or null.
 */
export function lockedUntil(
  attempts: readonly AttemptFact[],
  policy: LockoutPolicy,
  now: Date,
): Date | null {
  const ordered = [...attempts].sort((a, b) => a.at.getTime() - b.at.getTime());
  let failures: number[] = [];
  let until: number | null = null;
  for (const attempt of ordered) {
    if (attempt.at.getTime() > now.getTime()) continue;
    if (attempt.outcome === 'success' || attempt.outcome === 'unlocked') {
      failures = [];
      until = null;
    } else if (attempt.outcome === 'failure') {
      failures.push(attempt.at.getTime());
      const first = failures[failures.length - policy.maxFailures];
      if (first !== undefined && attempt.at.getTime() - first <= policy.windowMs) {
        until = attempt.at.getTime() + policy.lockMs;
      }
    }
  }
  return until !== null && until > now.getTime() ? new Date(until) : null;
}

/**
 * Whether an attempt, already written to the login log as a failure before its password or code
 * is checked, may be checked: given every *other* attempt on the username, the username is not
 * locked and fewer than `maxFailures` failures are counted in the window. Parallel guesses each
 * see the others' rows, so no more than `maxFailures` are ever checked (issue 10 #11).
 */
export function mayVerify(
  others: readonly AttemptFact[],
  policy: LockoutPolicy,
  now: Date,
): boolean {
  if (lockedUntil(others, policy, now) !== null) return false;
  const ordered = [...others].sort((a, b) => a.at.getTime() - b.at.getTime());
  let failures = 0;
  for (const attempt of ordered) {
    if (attempt.at.getTime() > now.getTime()) continue;
    if (attempt.outcome === 'success' || attempt.outcome === 'unlocked') failures = 0;
    else if (
      attempt.outcome === 'failure' &&
      now.getTime() - attempt.at.getTime() <= policy.windowMs
    ) {
      failures += 1;
    }
  }
  return failures < policy.maxFailures;
}
