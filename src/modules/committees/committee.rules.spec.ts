import { committeeParentProblem } from './committee.rules.js';

describe('committeeParentProblem', () => {
  it.each([
    ['district', null, false],
    ['district', 'district', true],
    ['district', 'subdistrict', true],
    ['subdistrict', 'district', false],
    ['subdistrict', null, true],
    ['subdistrict', 'subdistrict', true],
  ] as const)('should judge a %s under %s (problem: %s)', (kind, parentKind, problem) => {
    expect(committeeParentProblem(kind, parentKind) !== null).toBe(problem);
  });
});
