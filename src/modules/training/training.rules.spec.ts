import {
  linkProblem,
  planFulfilment,
  rate,
  studyParticipation,
  sumHours,
  type PlanItemState,
  type StudyAttendanceEntry,
} from './training.rules.js';

describe('studyParticipation', () => {
  const cases: [string, StudyAttendanceEntry[], Partial<ReturnType<typeof studyParticipation>>][] =
    [
      [
        'no rows',
        [],
        { recorded: 0, attended: 0, attendanceRate: null, hours: 0, studySessionIds: [] },
      ],
      [
        'hours only for attended sessions',
        [
          { studySessionId: 3, status: 'attended', hours: 2.5 },
          { studySessionId: 1, status: 'attended', hours: 1.5 },
          { studySessionId: 2, status: 'leave', hours: 8 },
          { studySessionId: 4, status: 'absent', hours: 3 },
        ],
        {
          recorded: 4,
          attended: 2,
          leave: 1,
          absent: 1,
          attendanceRate: 0.5,
          hours: 4,
          studySessionIds: [1, 3],
        },
      ],
      [
        'decimals summed exactly',
        [
          { studySessionId: 1, status: 'attended', hours: 0.1 },
          { studySessionId: 2, status: 'attended', hours: 0.2 },
        ],
        { hours: 0.3, attendanceRate: 1 },
      ],
      [
        'a rate rounded to four places',
        [
          { studySessionId: 1, status: 'attended', hours: 1 },
          { studySessionId: 2, status: 'absent', hours: 1 },
          { studySessionId: 3, status: 'absent', hours: 1 },
        ],
        { attendanceRate: 0.3333, hours: 1 },
      ],
      [
        'a session repeated counts once',
        [
          { studySessionId: 7, status: 'attended', hours: 2 },
          { studySessionId: 7, status: 'attended', hours: 2 },
        ],
        { recorded: 1, attended: 1, hours: 2, studySessionIds: [7] },
      ],
      [
        'only leave: recorded, no rate of attendance',
        [{ studySessionId: 1, status: 'leave', hours: 2 }],
        { recorded: 1, attended: 0, leave: 1, attendanceRate: 0, hours: 0 },
      ],
    ];
  it.each(cases)('should count %s', (_name, entries, expected) => {
    expect(studyParticipation(entries)).toMatchObject(expected);
  });
});

describe('planFulfilment', () => {
  const item = (
    id: number,
    studySessionId: number | null,
    sessionHeld: boolean,
  ): PlanItemState => ({
    id,
    studySessionId,
    sessionHeld,
  });
  it.each([
    ['an empty plan', [], { planned: 0, fulfilled: 0, open: 0, fulfilmentRate: null }],
    [
      'linked and held items as fulfilled, others open',
      [item(4, 10, true), item(2, null, false), item(3, 11, false), item(1, 12, true)],
      {
        planned: 4,
        fulfilled: 2,
        open: 2,
        fulfilmentRate: 0.5,
        fulfilledItemIds: [1, 4],
        openItemIds: [2, 3],
      },
    ],
    [
      'every item fulfilled',
      [item(1, 5, true), item(2, 5, true), item(3, 6, true)],
      { planned: 3, fulfilled: 3, open: 0, fulfilmentRate: 1 },
    ],
  ] as [string, PlanItemState[], object][])('should count %s', (_name, items, expected) => {
    expect(planFulfilment(items)).toMatchObject(expected);
  });
});

describe('linkProblem', () => {
  it.each([
    [{ planCommitteeId: 1, planYear: 2019, sessionCommitteeId: 1, sessionYear: 2019 }, null],
    [{ planCommitteeId: 1, planYear: 2019, sessionCommitteeId: 2, sessionYear: 2019 }, 'committee'],
    [{ planCommitteeId: 1, planYear: 2019, sessionCommitteeId: 1, sessionYear: 2020 }, 'year'],
    [{ planCommitteeId: 1, planYear: 2019, sessionCommitteeId: 2, sessionYear: 2020 }, 'committee'],
  ])('should judge %o', (check, expected) => {
    const problem = linkProblem(check);
    const kind = problem === null ? null : problem.en.includes('committee') ? 'committee' : 'year';
    expect(kind).toBe(expected);
  });

  it('should name the plan’s year in Chinese first', () => {
    const problem = linkProblem({
      planCommitteeId: 1,
      planYear: 2019,
      sessionCommitteeId: 1,
      sessionYear: 2020,
    });
    expect(problem?.zh).toBe('落实的学习培训须在计划年度（2019年）内举行，该活动在2020年');
  });
});

describe('sumHours and rate', () => {
  it('should sum in hundredths and round rates to four places', () => {
    expect(sumHours([1.25, 1.25, 0.5])).toBe(3);
    expect(sumHours([])).toBe(0);
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(0, 0)).toBeNull();
  });
});
