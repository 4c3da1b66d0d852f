import {
  decideClaim,
  leaseEnd,
  leaseExpired,
  renewalIntervalMs,
  type ClaimState,
} from './job-lease.rules.js';

const at = (iso: string): Date => new Date(iso);
const NOW = at('2020-07-01T00:45:00Z');

describe('job lease rules', () => {
  it.each<[string, ClaimState, string]>([
    [
      'a finished run',
      { outcome: 'succeeded', leaseUntil: at('2020-07-01T00:00:00Z') },
      'alreadyRun',
    ],
    [
      'a finished run whose lease is live',
      { outcome: 'succeeded', leaseUntil: at('2020-07-02T00:00:00Z') },
      'alreadyRun',
    ],
    ['a failed run', { outcome: 'failed', leaseUntil: at('2020-07-02T00:00:00Z') }, 'retry'],
    [
      'a running run with a live lease',
      { outcome: 'running', leaseUntil: at('2020-07-01T00:45:01Z') },
      'alreadyRun',
    ],
    ['a running run whose lease ends now', { outcome: 'running', leaseUntil: NOW }, 'alreadyRun'],
    [
      'a running run whose lease has passed',
      { outcome: 'running', leaseUntil: at('2020-07-01T00:44:59.999Z') },
      'takeOver',
    ],
    [
      'a running run claimed before leases existed',
      { outcome: 'running', leaseUntil: null },
      'takeOver',
    ],
  ])('should decide on %s', (_case, existing, decision) => {
    expect(decideClaim(existing, NOW)).toBe(decision);
  });

  it('should end a lease its length after the moment it is taken or renewed', () => {
    expect(leaseEnd(NOW, 120).toISOString()).toBe('2020-07-01T00:47:00.000Z');
  });

  it('should treat a missing lease as expired and a live one as held', () => {
    expect(leaseExpired({ leaseUntil: null }, NOW)).toBe(true);
    expect(leaseExpired({ leaseUntil: at('2020-07-01T00:46:00Z') }, NOW)).toBe(false);
  });

  it.each([
    [120, 40_000],
    [3, 1000],
    [4, 1333],
    [1, 1000],
  ])('should renew a %i s lease every %i ms', (seconds, interval) => {
    expect(renewalIntervalMs(seconds)).toBe(interval);
  });
});
