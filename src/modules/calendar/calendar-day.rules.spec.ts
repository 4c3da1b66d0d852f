import { exceptionsOfYear, isWeekend, pointlessException } from './calendar-day.rules.js';

describe('calendar day rules', () => {
  it.each([
    ['2026-10-01', false, 'a Thursday'],
    ['2026-10-03', true, 'a Saturday'],
    ['2026-10-04', true, 'a Sunday'],
    ['2026-10-05', false, 'a Monday'],
  ])('should tell whether %s is a weekend day (%s: %s)', (date, expected) => {
    expect(isWeekend(date)).toBe(expected);
  });

  it.each([
    ['2026-10-01', 'holiday', null, '国庆节 on a Thursday: an exception'],
    ['2026-10-10', 'workday', null, '调休 on a Saturday: an exception'],
    ['2026-10-03', 'holiday', '周末', 'a holiday on a Saturday changes nothing'],
    ['2026-10-08', 'workday', '周一至周五', 'a working day on a Thursday changes nothing'],
  ] as const)('should judge %s as %s (%s, %s)', (date, kind, problem, _why) => {
    const reason = pointlessException(date, kind)?.zh.match(/周末|周一至周五/)?.[0] ?? null;
    expect(reason).toBe(problem);
  });

  it('should take the weekday holidays and weekend working days of a year from the source', () => {
    const source = (date: string) => {
      if (['2026-10-01', '2026-10-02', '2026-10-03'].includes(date)) {
        return { work: false, name: 'National Day,国庆节,3' };
      }
      if (date === '2026-10-10') return { work: true, name: 'National Day,国庆节,3' };
      if (date === '2026-04-06') return { work: false, name: 'Tomb-sweeping Day,清明,1' };
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      return { work: weekday !== 0 && weekday !== 6, name: 'x' };
    };
    expect(exceptionsOfYear(2026, source)).toEqual([
      { date: '2026-04-06', kind: 'holiday', name: '清明节' },
      { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
      { date: '2026-10-02', kind: 'holiday', name: '国庆节' },
      { date: '2026-10-10', kind: 'workday', name: '国庆节' },
    ]);
  });

  it('should find nothing in a year the source has no notice for', () => {
    const plain = (date: string) => {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      return { work: weekday !== 0 && weekday !== 6, name: 'Friday' };
    };
    expect(exceptionsOfYear(2027, plain)).toEqual([]);
  });
});
