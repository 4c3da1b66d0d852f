/**
 * The lease on a job run's claim. A run claims its (job, runKey) row before the work starts; the
 * claim holds until `leaseUntil`, which the live runner pushes forward every third of the lease.
 * A runner that died (kill -9, out of memory, a host lost) stops renewing, and once its lease has
 * passed the next attempt takes the run over. Pure: time comes in as an argument.
 */

export type ClaimOutcome = 'running' | 'succeeded' | 'failed';

export interface ClaimState {
  outcome: ClaimOutcome;
  /** Null on a claim written before leases existed: nobody renews it, so it has lapsed. */
  leaseUntil: Date | null;
}

/** What a new attempt does with an existing claim row. */
export type ClaimDecision = 'alreadyRun' | 'retry' | 'takeOver';

/** The moment a lease taken or renewed at `now` ends. */
export const leaseEnd = (now: Date, leaseSeconds: number): Date =>
  new Date(now.getTime() + leaseSeconds * 1000);

/** How often a live runner renews: a third of the lease, so two renewals may fail in a row. */
export const renewalIntervalMs = (leaseSeconds: number): number =>
  Math.max(1000, Math.floor((leaseSeconds * 1000) / 3));

/** A claim whose runner stopped renewing it; `now` equal to the end still holds. */
export const leaseExpired = (claim: Pick<ClaimState, 'leaseUntil'>, now: Date): boolean =>
  claim.leaseUntil === null || claim.leaseUntil.getTime() < now.getTime();

/**
 * Succeeded: done, never again. Failed: may be claimed again (a retry). Running with a live
 * lease: someone is at it. Running with a lapsed lease: its runner is gone, take it over.
 */
export function decideClaim(existing: ClaimState, now: Date): ClaimDecision {
  switch (existing.outcome) {
    case 'succeeded':
      return 'alreadyRun';
    case 'failed':
      return 'retry';
    case 'running':
      return leaseExpired(existing, now) ? 'takeOver' : 'alreadyRun';
  }
}
