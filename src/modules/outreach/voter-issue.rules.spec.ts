import {
  CLOSED_STATUSES,
  openSteps,
  OUTCOMES,
  outcomeOf,
  outreachSentence,
  stepProblems,
  stepResult,
  summarise,
  VOTER_ISSUE_SOURCES,
  VOTER_ISSUE_STATUSES,
  VOTER_ISSUE_STEPS,
  type IssueFacts,
  type StepState,
  type VoterIssueStep,
} from './voter-issue.rules.js';

/** A small seeded generator (mulberry32): the same sequences on every run, no dependency. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const registered: StepState = { status: 'registered', feedbackOn: null };

describe('voter issue workflow', () => {
  it.each<[StepState, VoterIssueStep[]]>([
    [registered, ['answer', 'refer', 'resolve', 'escalate', 'decline']],
    [{ status: 'referred', feedbackOn: null }, ['refer', 'resolve', 'escalate', 'decline']],
    [{ status: 'answered', feedbackOn: null }, ['feedback']],
    [{ status: 'resolved', feedbackOn: null }, ['feedback']],
    [{ status: 'escalated', feedbackOn: null }, ['feedback']],
    [{ status: 'declined', feedbackOn: null }, ['feedback']],
    [{ status: 'resolved', feedbackOn: '2026-05-01' }, []],
  ])('should open from %j the steps %j', (state, steps) => {
    expect(openSteps(state)).toEqual(steps);
  });

  it.each<[StepState, string, StepState | null]>([
    [registered, 'answer', { status: 'answered', feedbackOn: null }],
    [registered, 'refer', { status: 'referred', feedbackOn: null }],
    [{ status: 'referred', feedbackOn: null }, 'refer', { status: 'referred', feedbackOn: null }],
    [
      { status: 'referred', feedbackOn: null },
      'escalate',
      { status: 'escalated', feedbackOn: null },
    ],
    [{ status: 'referred', feedbackOn: null }, 'answer', null],
    [registered, 'feedback', null],
    [
      { status: 'declined', feedbackOn: null },
      'feedback',
      { status: 'declined', feedbackOn: '2026-05-02' },
    ],
    [{ status: 'declined', feedbackOn: '2026-05-01' }, 'feedback', null],
    [{ status: 'answered', feedbackOn: null }, 'resolve', null],
    [registered, 'unknown', null],
  ])('should take %j by %s to %j', (state, step, next) => {
    expect(stepResult(state, step, '2026-05-02')).toEqual(next);
  });

  it('should count answered on the spot as resolved, and every status under one outcome', () => {
    expect(outcomeOf('answered')).toBe('resolved');
    expect(outcomeOf('referred')).toBe('open');
    expect(VOTER_ISSUE_STATUSES.map(outcomeOf).every((o) => OUTCOMES.includes(o))).toBe(true);
    expect(CLOSED_STATUSES.every((status) => outcomeOf(status) !== 'open')).toBe(true);
  });
});

describe('voter issue step rules', () => {
  const base = { on: '2026-05-02', receivedOn: '2026-05-01', today: '2026-05-03' };
  const fields = (step: VoterIssueStep, extra: object = {}) =>
    stepProblems(step, { ...base, ...extra }).map((problem) => problem.field);

  it.each<[VoterIssueStep, object, string[]]>([
    ['answer', {}, ['resolution']],
    ['answer', { resolution: '  ' }, ['resolution']],
    ['answer', { resolution: '已答复' }, []],
    ['resolve', { resolution: '已修复路灯' }, []],
    ['refer', {}, ['handlingUnitId', 'dueOn']],
    ['refer', { handlingUnitId: 3, dueOn: '2026-05-01' }, ['dueOn']],
    ['refer', { handlingUnitId: 3, dueOn: '2026-06-01' }, []],
    ['escalate', {}, ['suggestionId']],
    ['escalate', { suggestionId: 4, suggestion: { title: 't' } }, ['suggestionId']],
    ['escalate', { suggestionId: 4 }, []],
    ['escalate', { suggestion: { title: 't' } }, []],
    ['decline', {}, ['reason']],
    ['decline', { reason: '不属于职权范围' }, []],
    ['feedback', {}, ['satisfaction']],
    ['feedback', { satisfaction: 'satisfied' }, []],
    ['feedback', { satisfaction: 'satisfied', on: '2026-04-30' }, ['on']],
    ['feedback', { satisfaction: 'satisfied', on: '2026-05-04' }, ['on']],
    // From 已转交: not before the referral (a re-referral, 解决, 不予采纳, 转为代表建议).
    ['resolve', { resolution: '已修复', referredOn: '2026-05-03', on: '2026-05-02' }, ['on']],
    ['resolve', { resolution: '已修复', referredOn: '2026-05-02', on: '2026-05-02' }, []],
    ['decline', { reason: '不属于职权范围', referredOn: '2026-05-03' }, ['on']],
    ['escalate', { suggestionId: 4, referredOn: '2026-05-03' }, ['on']],
    ['refer', { handlingUnitId: 3, dueOn: '2026-06-01', referredOn: '2026-05-03' }, ['on']],
    // Feedback: not before the outcome was reached.
    ['feedback', { satisfaction: 'satisfied', closedOn: '2026-05-03' }, ['on']],
    ['feedback', { satisfaction: 'satisfied', closedOn: '2026-05-02' }, []],
  ])('should ask of %s with %j the fields %j', (step, extra, expected) => {
    expect(fields(step, extra)).toEqual(expected);
  });

  it('should write the report sentence', () => {
    expect(outreachSentence({ deputies: 12, voters: 340, collected: 25, resolved: 20 })).toBe(
      '12 名代表走访联系 340 名选民，收集整理问题 25 个，已解决 20 个',
    );
  });
});

describe('voter issue summary (property)', () => {
  const CATEGORIES = ['transport', 'environment', 'housing', 'safety'];
  const COMMUNITIES = ['1', '2', '3', 'none'];
  const sum = (groups: readonly { ids: readonly number[] }[]) =>
    groups.reduce((total, group) => total + group.ids.length, 0);

  it.each([1, 2, 3, 42, 2026, 99991])(
    'should add up after random steps, valid and invalid, on 300 issues (seed %i)',
    (seed) => {
      const random = generator(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
      const issues: IssueFacts[] = Array.from({ length: 300 }, (_, index) => ({
        id: index + 1,
        status: 'registered',
        feedbackOn: null,
        category: { key: pick(CATEGORIES), label: 'c' },
        community: { key: pick(COMMUNITIES), label: 'n' },
        source: pick(VOTER_ISSUE_SOURCES),
      }));
      let refused = 0;
      /** Every broken property met, as text: the test expects none. */
      const broken: string[] = [];
      for (let round = 0; round < 3000; round += 1) {
        const issue = pick(issues);
        const step = random() < 0.1 ? 'reopen' : pick(VOTER_ISSUE_STEPS);
        const before = { ...issue };
        const day = `2026-05-${String(1 + (round % 28)).padStart(2, '0')}`;
        const next = stepResult(issue, step, day);
        const wasOpen = (openSteps(before) as string[]).includes(step);
        if (next === null) {
          refused += 1;
          // An invalid step changes nothing, and was indeed not open.
          if (wasOpen) broken.push(`${step} refused from ${JSON.stringify(before)}`);
        } else {
          if (!wasOpen) broken.push(`${step} taken from ${JSON.stringify(before)}`);
          // Feedback keeps the outcome; an outcome, once reached, never changes.
          if (CLOSED_STATUSES.includes(before.status) && next.status !== before.status) {
            broken.push(`${step} changed the outcome of ${JSON.stringify(before)}`);
          }
          if (before.feedbackOn !== null && next.feedbackOn !== before.feedbackOn) {
            broken.push(`${step} changed the feedback of ${JSON.stringify(before)}`);
          }
          Object.assign(issue, next);
        }
        if (
          JSON.stringify(issue) !== JSON.stringify(next === null ? before : { ...before, ...next })
        ) {
          broken.push(`${step} wrote more than its result on ${JSON.stringify(before)}`);
        }
        if (round % 250 === 0) expectAddsUp(issues);
      }
      expect(broken).toEqual([]);
      expect(refused).toBeGreaterThan(0);
      expectAddsUp(issues);
    },
  );

  function expectAddsUp(issues: readonly IssueFacts[]): void {
    const summary = summarise(issues);
    const collected = summary.collected.length;
    expect(collected).toBe(issues.length);
    const { resolved, escalated, declined, open } = summary.byOutcome;
    expect(resolved.length + escalated.length + declined.length + open.length).toBe(collected);
    expect(sum(Object.values(summary.byStatus).map((ids) => ({ ids })))).toBe(collected);
    expect(sum(summary.byCategory)).toBe(collected);
    expect(sum(summary.byCommunity)).toBe(collected);
    expect(sum(Object.values(summary.bySource).map((ids) => ({ ids })))).toBe(collected);
    // No id counted twice in a breakdown.
    expect(new Set(summary.byCategory.flatMap((group) => group.ids)).size).toBe(collected);
    expect(new Set(summary.byCommunity.flatMap((group) => group.ids)).size).toBe(collected);
    // Feedback only on reached outcomes.
    for (const id of summary.fedBack) {
      expect(open).not.toContain(id);
    }
    expect(summary.fedBack.length).toBeLessThanOrEqual(collected - open.length);
  }
});
