import {
  assessmentScore,
  noticeDays,
  noticedInTime,
  scheduleProblems,
  scheduleText,
  termInOrder,
  termsOverlap,
} from './stations.rules.js';

describe('stations.rules', () => {
  it.each([
    [{ kind: 'weekly', days: [3] }, '每周三'],
    [{ kind: 'weekly', days: [4, 2] }, '每周二、四'],
    [{ kind: 'weekly', days: [7] }, '每周日'],
    [{ kind: 'monthly', days: [15, 1] }, '每月1日、15日'],
  ] as const)('should read %j as %s', (schedule, text) => {
    expect(scheduleText({ kind: schedule.kind, days: [...schedule.days] })).toBe(text);
  });

  it.each([
    [{ kind: 'weekly', days: [3] }, []],
    [{ kind: 'monthly', days: [1, 31] }, []],
    [null, []],
    [{ kind: 'daily', days: [1] }, ['receptionSchedule.kind']],
    [{ kind: 'weekly', days: [8] }, ['receptionSchedule.days']],
    [{ kind: 'weekly', days: [] }, ['receptionSchedule.days']],
    [{ kind: 'monthly', days: [0] }, ['receptionSchedule.days']],
    [{ kind: 'monthly', days: [2, 2] }, ['receptionSchedule.days']],
    [{ kind: 'weekly', days: [1.5] }, ['receptionSchedule.days']],
    ['每周三', ['receptionSchedule']],
  ])('should check %j', (schedule, fields) => {
    expect(scheduleProblems(schedule).map((p) => p.field)).toEqual(fields);
  });

  it.each([
    [
      { startsOn: '2020-01-01', endsOn: '2020-12-31' },
      { startsOn: '2021-01-01', endsOn: null },
      false,
    ],
    [
      { startsOn: '2020-01-01', endsOn: '2020-12-31' },
      { startsOn: '2020-12-31', endsOn: null },
      true,
    ],
    [
      { startsOn: '2020-01-01', endsOn: null },
      { startsOn: '2019-01-01', endsOn: '2019-12-31' },
      false,
    ],
    [{ startsOn: '2020-01-01', endsOn: null }, { startsOn: '2030-01-01', endsOn: null }, true],
    [
      { startsOn: '2020-03-01', endsOn: '2020-03-31' },
      { startsOn: '2020-01-01', endsOn: '2020-12-31' },
      true,
    ],
  ])('should see whether %j and %j overlap', (a, b, expected) => {
    expect(termsOverlap(a, b)).toBe(expected);
    expect(termsOverlap(b, a)).toBe(expected);
  });

  it('should refuse a term ending before it starts, and accept one running or one day long', () => {
    expect(termInOrder({ startsOn: '2020-02-01', endsOn: '2020-01-31' })).toBe(false);
    expect(termInOrder({ startsOn: '2020-02-01', endsOn: '2020-02-01' })).toBe(true);
    expect(termInOrder({ startsOn: '2020-02-01', endsOn: null })).toBe(true);
  });

  it.each([
    ['2020-03-02', '2020-03-04', 2, true],
    ['2020-03-03', '2020-03-04', 1, false],
    ['2020-02-28', '2020-03-01', 2, true], // leap year: 29 Feb in between
    ['2021-02-28', '2021-03-01', 1, false],
    ['2020-03-05', '2020-03-04', -1, false],
  ])(
    'should count the notice from %s to %s as %d days (2 days ahead: %s)',
    (from, day, days, ok) => {
      expect(noticeDays(from, day)).toBe(days);
      expect(noticedInTime(from, day, 2)).toBe(ok);
    },
  );

  it('should not count a reception never announced as noticed', () => {
    expect(noticedInTime(null, '2020-03-04', 0)).toBe(false);
  });

  it('should score the items met and list the gaps in order', () => {
    const items = [
      { id: 1, weight: 11, met: true },
      { id: 2, weight: 11, met: false },
      { id: 3, weight: 12, met: true },
      { id: 4, weight: 5, met: false },
    ];
    const score = assessmentScore(items);
    expect(score).toMatchObject({ total: 23, max: 39 });
    expect(score.gaps.map((item) => item.id)).toEqual([2, 4]);
    expect(assessmentScore([])).toEqual({ total: 0, max: 0, gaps: [] });
  });
});
