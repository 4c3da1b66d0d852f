import { groupByDeputy, summarisePerformance } from './performance.rules.js';

describe('summarisePerformance', () => {
  it('should count attendance by category and overall', () => {
    const sut = summarisePerformance([
      { category: 'meeting', status: 'attended' },
      { category: 'meeting', status: 'leave' },
      { category: 'training', status: 'attended' },
      { category: 'supervision', status: 'absent' },
    ]);
    expect(sut.totals).toEqual({
      invited: 4,
      attended: 2,
      leave: 1,
      absent: 1,
      attendanceRate: 0.5,
    });
    expect(sut.byCategory.meeting).toEqual({
      invited: 2,
      attended: 1,
      leave: 1,
      absent: 0,
      attendanceRate: 0.5,
    });
    expect(sut.byCategory.plenary).toEqual({
      invited: 0,
      attended: 0,
      leave: 0,
      absent: 0,
      attendanceRate: null,
    });
  });

  it('should round the rate to four places', () => {
    const sut = summarisePerformance([
      { category: 'meeting', status: 'attended' },
      { category: 'meeting', status: 'absent' },
      { category: 'meeting', status: 'absent' },
    ]);
    expect(sut.totals.attendanceRate).toBe(0.3333);
  });
});

describe('groupByDeputy', () => {
  it('should group rows by deputy and keep each group in its original order', () => {
    const sut = groupByDeputy([
      { deputyId: 2, activityId: 10 },
      { deputyId: 1, activityId: 11 },
      { deputyId: 2, activityId: 12 },
    ]);
    expect([...sut.keys()]).toEqual([2, 1]);
    expect(sut.get(2)!.map((row) => row.activityId)).toEqual([10, 12]);
    expect(sut.get(1)!.map((row) => row.activityId)).toEqual([11]);
    expect(sut.get(3)).toBeUndefined();
  });
});
