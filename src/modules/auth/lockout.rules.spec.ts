import { lockedUntil, mayVerify, type AttemptFact } from './lockout.rules.js';

const policy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
const at = (minute: number): Date => new Date(Date.UTC(2026, 0, 1, 8, 0) + minute * 60_000);
const failures = (...minutes: number[]): AttemptFact[] =>
  minutes.map((minute) => ({ at: at(minute), outcome: 'failure' }));

describe('lockedUntil', () => {
  it.each<[string, AttemptFact[], number, number | null]>([
    ['no attempts', [], 0, null],
    ['four failures', failures(0, 1, 2, 3), 4, null],
    ['five failures within 15 minutes lock for 15 minutes', failures(0, 1, 2, 3, 4), 5, 19],
    ['the lock ends 15 minutes after the fifth failure', failures(0, 1, 2, 3, 4), 19, null],
    ['five failures spread over 16 minutes do not lock', failures(0, 4, 8, 12, 16), 17, null],
    ['exactly 15 minutes apart still lock', failures(0, 5, 10, 14, 15), 16, 30],
    [
      'a success resets the count',
      [...failures(0, 1, 2), { at: at(3), outcome: 'success' }, ...failures(4, 5)],
      6,
      null,
    ],
    [
      "a security admin's unlock lifts the lock",
      [...failures(0, 1, 2, 3, 4), { at: at(6), outcome: 'unlocked' }],
      7,
      null,
    ],
    [
      'refused attempts while locked do not extend the lock',
      [...failures(0, 1, 2, 3, 4), { at: at(10), outcome: 'locked' }],
      11,
      19,
    ],
    [
      'a failure after the lock expired does not lock again alone',
      failures(0, 1, 2, 3, 4, 20),
      21,
      null,
    ],
  ])('%s', (_name, attempts, nowMinute, expectedMinute) => {
    const result = lockedUntil(attempts, policy, at(nowMinute));
    expect(result?.getTime() ?? null).toBe(
      expectedMinute === null ? null : at(expectedMinute).getTime(),
    );
  });
});

describe('mayVerify', () => {
  it.each<[string, AttemptFact[], number, boolean]>([
    ['no other attempts', [], 0, true],
    ['four other failures: this one is the fifth', failures(0, 0, 0, 0), 0, true],
    ['five other failures in flight or done', failures(0, 0, 0, 0, 0), 0, false],
    ['the others lock the username', failures(0, 1, 2, 3, 4), 10, false],
    ['failures outside the window do not count', failures(0, 1, 2, 3, 20), 20, true],
    [
      'a success in between starts the count afresh',
      [...failures(0, 0, 0), { at: at(0), outcome: 'success' }, ...failures(0, 0)],
      0,
      true,
    ],
    [
      'refused and confirmed attempts do not count',
      [
        ...failures(0, 0, 0, 0),
        { at: at(0), outcome: 'locked' },
        { at: at(0), outcome: 'confirmed' },
      ],
      0,
      true,
    ],
  ])('%s', (_name, others, nowMinute, expected) => {
    expect(mayVerify(others, policy, at(nowMinute))).toBe(expected);
  });
});
