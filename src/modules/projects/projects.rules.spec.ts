import {
  completionAsOf,
  decimalText,
  latestSnapshotOn,
  percentageOf,
  reportingDate,
  withinYear,
} from './projects.rules.js';

const snapshots = [
  { id: 1, asOf: '2019-03-31', completedInvestment: 1000 },
  { id: 3, asOf: '2019-09-30', completedInvestment: 7500 },
  { id: 2, asOf: '2019-06-30', completedInvestment: 4000 },
];

describe('completionAsOf', () => {
  it.each([
    ['the day of a snapshot counts that snapshot', '2019-06-30', 2, 4000, 40],
    ['between snapshots, the earlier one holds', '2019-08-15', 2, 4000, 40],
    ['a snapshot after the date waits', '2019-09-29', 2, 4000, 40],
    ['the latest of all at the year end', '2019-12-31', 3, 7500, 75],
    ['before any snapshot nothing is done yet', '2019-03-30', null, 0, 0],
  ])('should apply the rule: %s', (_case, date, snapshotId, completed, percentage) => {
    const sut = completionAsOf(10000, snapshots, date);
    expect(sut).toMatchObject({ snapshotId, completedInvestment: completed, percentage });
  });

  it('should give no percentage for a project without planned investment', () => {
    const sut = completionAsOf(0, snapshots, '2019-12-31');
    expect(sut).toEqual({
      snapshotId: 3,
      snapshotAsOf: '2019-09-30',
      completedInvestment: 7500,
      percentage: null,
    });
  });

  it('should not cap a project that exceeds its plan', () => {
    expect(completionAsOf(5000, snapshots, '2019-12-31').percentage).toBe(150);
  });

  it('should answer no snapshot for an empty series', () => {
    expect(latestSnapshotOn([], '2019-12-31')).toBeNull();
    expect(completionAsOf(100, [], '2019-12-31')).toEqual({
      snapshotId: null,
      snapshotAsOf: null,
      completedInvestment: 0,
      percentage: 0,
    });
  });
});

describe('percentageOf', () => {
  it.each([
    [1, 3, 33.3],
    [2, 3, 66.7],
    [0, 5, 0],
    [5, 0, null],
    [5, -1, null],
  ])('should give %d of %d as %s', (part, whole, expected) => {
    expect(percentageOf(part, whole)).toBe(expected);
  });
});

describe('reportingDate', () => {
  it.each([
    [2019, '2019-06-30', '2019-06-30'],
    [2019, '2019-12-31', '2019-12-31'],
    [2019, '2020-01-01', '2019-12-31'],
    [2019, '2026-11-30', '2019-12-31'],
    [2020, '2019-12-31', '2019-12-31'],
  ])('should report %d as of min(date, year end): %s → %s', (year, asOf, expected) => {
    expect(reportingDate(year, asOf)).toBe(expected);
  });
});

describe('withinYear', () => {
  it.each([
    ['2019-01-01', 2019, true],
    ['2019-12-31', 2019, true],
    ['2018-12-31', 2019, false],
    ['2020-01-01', 2019, false],
  ])('should place %s in %d: %s', (asOf, year, expected) => {
    expect(withinYear(asOf, year)).toBe(expected);
  });
});

describe('decimalText', () => {
  it.each([
    [1200.5, '1200.50'],
    ['1200.5', '1200.50'],
    ['1200.50', '1200.50'],
    [0, '0.00'],
    [999999999999.99, '999999999999.99'],
    [null, null],
    ['', null],
  ])('should write %s as %s', (value, expected) => {
    expect(decimalText(value)).toBe(expected);
  });
});
