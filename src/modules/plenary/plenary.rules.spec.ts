import {
  activityWithinSession,
  chineseNumeral,
  datesInOrder,
  sessionName,
  voteProblem,
} from './plenary.rules.js';

describe('plenary rules', () => {
  it.each([
    [1, '一'],
    [3, '三'],
    [10, '十'],
    [11, '十一'],
    [15, '十五'],
    [20, '二十'],
    [23, '二十三'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [999, '九百九十九'],
    [0, '0'],
    [1000, '1000'],
  ])('should write %i as %s', (n, expected) => {
    expect(chineseNumeral(n)).toBe(expected);
  });

  it.each([
    ['区第十五届人民代表大会', 3, '区第十五届人民代表大会第三次会议'],
    ['区第十五届', 3, '区第十五届人民代表大会第三次会议'],
    [' 区第十五届 ', 12, '区第十五届人民代表大会第十二次会议'],
    ['市第十六届人民代表大会', 1, '市第十六届人民代表大会第一次会议'],
  ])('should name a session of %s number %i %s', (term, number, expected) => {
    expect(sessionName(term, number)).toBe(expected);
  });

  it.each([
    ['2020-01-08', null, true],
    ['2020-01-08', '2020-01-08', true],
    ['2020-01-08', '2020-01-10', true],
    ['2020-01-08', '2020-01-07', false],
    ['2019-12-31', '2020-01-01', true],
  ])('should judge %s – %s in order: %s', (starts, ends, expected) => {
    expect(datesInOrder(starts, ends)).toBe(expected);
  });

  it.each([
    ['2020-01-08', '2020-01-08', null, true],
    ['2020-01-09', '2020-01-08', null, false],
    ['2020-01-10', '2020-01-08', '2020-01-10', true],
    ['2020-01-11', '2020-01-08', '2020-01-10', false],
    ['2020-01-07', '2020-01-08', '2020-01-10', false],
  ])('should place an activity on %s within %s – %s: %s', (day, starts, ends, expected) => {
    expect(activityWithinSession(day, starts, ends)).toBe(expected);
  });

  it('should refuse votes on an item not voted on, and accept them once voted', () => {
    expect(voteProblem({ adopted: 'notVoted' })).toBeNull();
    expect(voteProblem({ adopted: 'notVoted', votesFor: null })).toBeNull();
    expect(voteProblem({ adopted: 'notVoted', votesAgainst: 0 })).toBe('votesAgainst');
    expect(voteProblem({ adopted: 'yes', votesFor: 200, votesAgainst: 3 })).toBeNull();
    expect(voteProblem({ adopted: 'no', votesAbstaining: 5 })).toBeNull();
  });
});
