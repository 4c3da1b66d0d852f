import {
  effectiveYoy,
  parseKind,
  parseNumber,
  parsePeriod,
  periodLabel,
  periodProblem,
  valueFitProblem,
  valueProblem,
  yearOnYear,
} from './indicator.rules.js';

describe('periodProblem', () => {
  it.each([
    ['monthly', 1, true],
    ['monthly', 12, true],
    ['monthly', 13, false],
    ['monthly', 0, false],
    ['quarterly', 4, true],
    ['quarterly', 5, false],
    ['quarterly', 10, false],
    ['yearly', 1, true],
    ['yearly', 2, false],
    ['monthly', 2.5, false],
  ] as const)('should judge a %s period %d (fits: %s)', (frequency, period, fits) => {
    expect(periodProblem(frequency, period) === null).toBe(fits);
  });

  it('should say in Chinese first what the period should be', () => {
    expect(periodProblem('quarterly', 5)).toMatch(/^季度指标的期间应为 1–4 季度 \/ /);
  });
});

describe('periodLabel', () => {
  it.each([
    ['monthly', 10, 'cumulative', '1–10月'],
    ['monthly', 1, 'cumulative', '1月'],
    ['monthly', 10, 'period', '10月'],
    ['quarterly', 3, 'period', '三季度'],
    ['quarterly', 1, 'cumulative', '一季度'],
    ['quarterly', 2, 'cumulative', '上半年'],
    ['quarterly', 3, 'cumulative', '前三季度'],
    ['quarterly', 4, 'cumulative', '全年'],
    ['yearly', 1, 'cumulative', '全年'],
    ['yearly', 1, 'period', '全年'],
  ] as const)('should read %s %d %s as %s', (frequency, period, kind, label) => {
    expect(periodLabel(frequency, period, kind)).toBe(label);
  });
});

describe('valueProblem', () => {
  it.each([
    ['亿元', 12.5, true],
    ['亿元', 0, true],
    ['亿元', -1, false],
    ['万元', -0.01, false],
    ['家', -3, false],
    ['%', -8.2, true],
    ['个百分点', -1.5, true],
    ['亿元', Number.NaN, false],
    ['亿元', 1e17, false],
  ] as const)('should judge %s %d (allowed: %s)', (unit, value, allowed) => {
    expect(valueProblem(unit, value) === null).toBe(allowed);
  });
});

describe('valueFitProblem', () => {
  it('should blame the period before the value', () => {
    expect(
      valueFitProblem({ frequency: 'quarterly', unit: '亿元' }, { period: 5, value: -1 }),
    ).toMatchObject({ field: 'period' });
    expect(
      valueFitProblem({ frequency: 'quarterly', unit: '亿元' }, { period: 3, value: -1 }),
    ).toMatchObject({ field: 'value' });
    expect(
      valueFitProblem({ frequency: 'quarterly', unit: '%' }, { period: 3, value: -1 }),
    ).toBeNull();
  });
});

describe('yearOnYear', () => {
  it.each([
    [110, 100, 10],
    [90, 100, -10],
    [1, 3, -66.67],
    [5, -10, 150],
    [5, 0, null],
    [5, null, null],
    [5, undefined, null],
  ] as const)('should compute %d against %s as %s', (current, previous, expected) => {
    expect(yearOnYear(current, previous)).toBe(expected);
  });
});

describe('effectiveYoy', () => {
  it('should prefer the reported figure, else compute it, else none', () => {
    expect(effectiveYoy(7.5, 110, 100)).toEqual({ percent: 7.5, source: 'given' });
    expect(effectiveYoy(null, 110, 100)).toEqual({ percent: 10, source: 'computed' });
    expect(effectiveYoy(undefined, 110, undefined)).toEqual({ percent: null, source: null });
  });
});

describe('parsePeriod', () => {
  it.each([
    [10, 10],
    ['10', 10],
    ['10月', 10],
    ['1-10月', 10],
    ['1–10月', 10],
    ['三季度', 3],
    ['第3季度', 3],
    ['十二月', 12],
    ['全年', 1],
    [2.5, null],
    ['十月份', null],
    ['abc', null],
    [null, null],
  ] as const)('should read %s as %s', (raw, expected) => {
    expect(parsePeriod(raw)).toBe(expected);
  });
});

describe('parseKind and parseNumber', () => {
  it('should read the kinds in Chinese and English', () => {
    expect(parseKind('累计')).toBe('cumulative');
    expect(parseKind(' 当期 ')).toBe('period');
    expect(parseKind('period')).toBe('period');
    expect(parseKind('季度')).toBeNull();
    expect(parseKind(3)).toBeNull();
  });

  it.each([
    [12.5, 12.5],
    ['1,234.5', 1234.5],
    ['-8.2%', -8.2],
    ['.5', 0.5],
    ['12abc', null],
    ['', null],
    [Number.POSITIVE_INFINITY, null],
    [null, null],
  ] as const)('should read %s as %s', (raw, expected) => {
    expect(parseNumber(raw)).toBe(expected);
  });
});
