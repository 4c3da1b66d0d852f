import { bundleIsCurrent } from './bundle.rules.js';

describe('bundleIsCurrent', () => {
  it.each([
    ['no bundle yet', null, [1_000], false],
    ['bundle newer than every input', 5_000, [1_000, 4_999], true],
    ['one input changed after the bundle', 5_000, [1_000, 5_001], false],
    ['an input written in the same millisecond', 5_000, [5_000], false],
    ['no inputs at all but a bundle', 5_000, [], true],
  ])('should answer for %s', (_case, bundle, inputs, expected) => {
    expect(bundleIsCurrent(bundle, inputs)).toBe(expected);
  });
});
