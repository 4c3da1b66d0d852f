import { DateTime } from 'luxon';
import type { App } from 'supertest/types.js';
import { In } from 'typeorm';
import { formatDemoReport, seedDemo, type DemoSeedReport } from '../../src/cli/demo-seed.js';
import {
  DEMO_CLERK,
  DEMO_DISTRICT,
  DEMO_OUTCOMES,
  DEMO_PROJECTS,
  DEMO_SUBDISTRICTS,
} from '../../src/cli/demo-seed.data.js';
import { OverviewService } from '../../src/modules/reports/overview.service.js';
import { CountedOutcome } from '../../src/modules/projects/counted-outcome.entity.js';
import { KeyProject } from '../../src/modules/projects/key-project.entity.js';
import { Opinion } from '../../src/modules/supervision/opinion.entity.js';
import { SupervisionActivity } from '../../src/modules/supervision/supervision-activity.entity.js';
import { StudySession } from '../../src/modules/training/study-session.entity.js';
import { OutreachActivity } from '../../src/modules/outreach/outreach-activity.entity.js';
import { VoterIssue } from '../../src/modules/outreach/voter-issue.entity.js';
import { Suggestion } from '../../src/modules/suggestions/suggestion.entity.js';
import { HandlingUnit } from '../../src/modules/suggestions/handling-unit.entity.js';
import { quarterGrid } from '../../src/admin/quarter-grid.js';
import { FixedClock } from '../../src/common/clock.js';
import { runAsSystem } from '../../src/platform/access/actor.js';
import { Activity } from '../../src/modules/activities/activity.entity.js';
import { Attendance } from '../../src/modules/activities/attendance.entity.js';
import { AuditLog } from '../../src/platform/audit/audit-log.entity.js';
import { AdminUser } from '../../src/modules/auth/admin-user.entity.js';
import { Committee } from '../../src/modules/committees/committee.entity.js';
import { CommitteesService } from '../../src/modules/committees/committees.service.js';
import { ComplianceRecord } from '../../src/modules/compliance/compliance-record.entity.js';
import { ComplianceService } from '../../src/modules/compliance/compliance.service.js';
import { Deputy } from '../../src/modules/deputies/deputy.entity.js';
import { login } from '../support/admin-login.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';

const ZONE = 'Asia/Shanghai';
/** A Wednesday in the third quarter: Q1 and Q2 have ended, Q3 runs. */
const NOW = DateTime.fromISO('2025-08-20T10:00:00', { zone: ZONE });
const SIMILAR_DISTRICT = `${DEMO_DISTRICT}（筹）`;

describe(`seed:demo (${testDialect()})`, () => {
  let sut: TestApp;
  const clock = new FixedClock(NOW.toJSDate());
  let first: DemoSeedReport;
  let printed: string;

  const seed = () => runAsSystem('cli', () => seedDemo(sut.app, sut.config));
  const subdistricts = async () => {
    const district = (await sut.dataSource.getRepository(Committee).findBy({ kind: 'district' }))
      .filter((committee) => committee.name === DEMO_DISTRICT)
      .map((committee) => committee.id);
    expect(district).toHaveLength(1);
    return sut.dataSource
      .getRepository(Committee)
      .find({ where: { parentId: district[0] }, order: { id: 'ASC' } });
  };
  const counts = async () => {
    const ids = (await subdistricts()).map((committee) => committee.id);
    const activities = await sut.dataSource
      .getRepository(Activity)
      .findBy({ committeeId: In(ids) });
    return {
      committees: await sut.dataSource.getRepository(Committee).count(),
      deputies: await sut.dataSource.getRepository(Deputy).count(),
      activities: activities.length,
      attendance: await sut.dataSource.getRepository(Attendance).count(),
      users: await sut.dataSource.getRepository(AdminUser).count(),
      voterIssues: await sut.dataSource.getRepository(VoterIssue).countBy({ committeeId: In(ids) }),
      suggestions: await sut.dataSource.getRepository(Suggestion).countBy({ committeeId: In(ids) }),
      handlingUnits: await sut.dataSource.getRepository(HandlingUnit).count(),
    };
  };

  /** What the first run at NOW left, as the five tests below read it (before any re-run). */
  async function afterFirstSeed() {
    const districtNames = (
      await sut.dataSource.getRepository(Committee).findBy({ kind: 'district' })
    ).map((committee) => committee.name);
    const underDistrict = await subdistricts();
    const [east, west] = underDistrict;
    const ids = underDistrict.map((committee) => committee.id);
    const subdistrictNames = underDistrict.map((committee) => committee.name);
    const activities = await sut.dataSource
      .getRepository(Activity)
      .findBy({ committeeId: In(ids) });
    const held = activities.filter((activity) => activity.status === 'held');
    const heldAttendance = await sut.dataSource
      .getRepository(Attendance)
      .countBy({ activityId: In(held.map((activity) => activity.id)) });
    const deputies = await sut.dataSource.getRepository(Deputy).find();
    const records = await sut.dataSource
      .getRepository(ComplianceRecord)
      .find({ where: { committeeId: In([east.id, west.id]) }, order: { periodKey: 'ASC' } });
    // The home page's grid (what the admin sees first).
    const grid = await runAsSystem('test', () =>
      quarterGrid(
        {
          rootPath: '/admin',
          timeZone: ZONE,
          compliance: sut.app.get(ComplianceService),
          committees: sut.app.get(CommitteesService),
        },
        NOW.year,
      ),
    );
    const clerk = await sut.dataSource
      .getRepository(AdminUser)
      .findOneByOrFail({ username: DEMO_CLERK.username });
    const clerkAudit = await sut.dataSource
      .getRepository(AuditLog)
      .findBy({ action: 'create', objectType: 'adminUser', objectId: String(clerk.id) });
    const server = sut.app.getHttpServer() as App;
    const password = /用户名 (\S+) {2}密码 (\S+)/.exec(printed)?.[2] ?? '';
    const wrongLogin = (await login(server, DEMO_CLERK.username, 'wrong-Password-1!')).response
      .status;
    const session = await login(server, DEMO_CLERK.username, password);
    const landing = (await session.agent.get('/admin')).headers.location;
    // The year's overview of the whole demo district, as `reports/overview` answers it.
    const overview = await runAsSystem('test', () =>
      sut.app.get(OverviewService).overview(east.parentId!, NOW.year),
    );
    const opinions = await sut.dataSource.getRepository(Opinion).findBy({ committeeId: In(ids) });
    const reportRecords = {
      studySessions: (
        await sut.dataSource
          .getRepository(StudySession)
          .findBy({ activityId: In(held.map((activity) => activity.id)) })
      ).map((row) => row.id),
      supervisionActivities: (
        await sut.dataSource
          .getRepository(SupervisionActivity)
          .findBy({ activityId: In(held.map((activity) => activity.id)) })
      ).map((row) => row.id),
      opinions,
      keyProjects: await sut.dataSource
        .getRepository(KeyProject)
        .countBy({ committeeId: In(ids), year: NOW.year }),
      countedOutcomes: await sut.dataSource
        .getRepository(CountedOutcome)
        .countBy({ committeeId: In(ids), year: NOW.year }),
      outreach: await sut.dataSource
        .getRepository(OutreachActivity)
        .findBy({ activityId: In(held.map((activity) => activity.id)) }),
      voterIssues: await sut.dataSource
        .getRepository(VoterIssue)
        .find({ where: { committeeId: In(ids) }, order: { id: 'ASC' } }),
      suggestions: await sut.dataSource
        .getRepository(Suggestion)
        .find({ where: { committeeId: In(ids) }, order: { id: 'ASC' } }),
    };
    return {
      overview,
      reportRecords,
      districtNames,
      subdistrictNames,
      east,
      west,
      activities,
      heldAttendance,
      deputies,
      records,
      grid,
      clerk,
      clerkAudit,
      clerkLogin: { wrong: wrongLogin, right: session.response.status, landing },
    };
  }

  /** The seed run again at the same moment. */
  async function runAgain() {
    const before = await counts();
    const again = await seed();
    return { before, again, after: await counts() };
  }

  /** The seed run at the end of the year, after Q3 has ended. */
  async function runAtYearEnd() {
    const before = await counts();
    clock.set(DateTime.fromISO('2025-12-31T18:00:00', { zone: ZONE }).toJSDate());
    const later = await seed();
    const after = await counts();
    const [east] = await subdistricts();
    const q4 = await sut.dataSource
      .getRepository(ComplianceRecord)
      .findOneByOrFail({ committeeId: east.id, periodKey: '2025-Q4' });
    return { before, later, after, q4 };
  }

  /**
   * The seed's runs, replayed once in the order they happen: the first at NOW (what the first
   * five tests read is taken right after it), again at NOW, then at the end of the year. Each
   * test only asserts on its part, so they pass in any order or alone.
   */
  let seeded: Awaited<ReturnType<typeof afterFirstSeed>>;
  let rerun: Awaited<ReturnType<typeof runAgain>>;
  let yearEnd: Awaited<ReturnType<typeof runAtYearEnd>>;

  beforeAll(async () => {
    sut = await createTestApp({ clock, admin: true });
    // Someone else's district under a look-alike name must not stop the demo.
    await runAsSystem('test', () =>
      sut.app.get(CommitteesService).create({ name: SIMILAR_DISTRICT, kind: 'district' }),
    );
    first = await seed();
    printed = formatDemoReport(first);
    seeded = await afterFirstSeed();
    rerun = await runAgain();
    yearEnd = await runAtYearEnd();
  }, 120_000);

  afterAll(async () => {
    await sut?.close();
  });

  it('should seed the district beside a look-alike one, with both subdistricts under it', () => {
    expect([...seeded.districtNames].sort()).toEqual([DEMO_DISTRICT, SIMILAR_DISTRICT].sort());
    expect(seeded.subdistrictNames).toEqual(DEMO_SUBDISTRICTS.map((spec) => spec.name));
    expect(first.created).toMatchObject({ committees: 3, communities: 6, groups: 4, deputies: 30 });
  });

  it("should put every activity in the clock's year, on a weekday, in office hours China time, by today", () => {
    const { activities } = seeded;
    expect(activities.length).toBe(first.created.activities);
    // Q1–Q2 of both and the Q3 activities held by 20 August; the missed quarter has one.
    expect(activities.length).toBeGreaterThanOrEqual(11);
    for (const activity of activities) {
      const start = DateTime.fromJSDate(activity.startsAt, { zone: ZONE });
      const end = DateTime.fromJSDate(activity.endsAt!, { zone: ZONE });
      expect(start.year).toBe(NOW.year);
      expect(start.weekday).toBeLessThanOrEqual(5);
      expect(start.hour).toBeGreaterThanOrEqual(9);
      expect(end.hour * 60 + end.minute).toBeLessThanOrEqual(17 * 60);
      expect(start.toISODate()! <= NOW.toISODate()!).toBe(true);
      expect(activity.endsAt!.getTime()).toBeLessThanOrEqual(NOW.toMillis());
    }
    const held = activities.filter((activity) => activity.status === 'held');
    expect(seeded.heldAttendance).toBe(held.length * 15);
  });

  it('should give every deputy the gender listed with their name', () => {
    const { deputies } = seeded;
    const listed = new Map(
      DEMO_SUBDISTRICTS.flatMap((spec) => spec.people).map((person) => [
        person.name,
        person.gender,
      ]),
    );
    expect(deputies).toHaveLength(30);
    for (const deputy of deputies) {
      expect([deputy.name, deputy.gender]).toEqual([deputy.name, listed.get(deputy.name)]);
    }
  });

  it('should close compliance for the ended quarters: the second committee missed Q1', () => {
    const { east, west, records, grid } = seeded;
    const view = (committeeId: number) =>
      records
        .filter((record) => record.committeeId === committeeId)
        .map((record) => [record.periodKey, record.status, record.finalisedAt !== null]);
    expect(view(east.id)).toEqual([
      ['2025-Q1', 'met', true],
      ['2025-Q2', 'met', true],
      ['2025-Q3', expect.stringMatching(/^(met|inProgress)$/), false],
    ]);
    expect(view(west.id)).toEqual([
      ['2025-Q1', 'missed', true],
      ['2025-Q2', 'met', true],
      ['2025-Q3', expect.stringMatching(/^(met|inProgress)$/), false],
    ]);
    expect(first.closedPeriods).toEqual(['2025-Q1', '2025-Q2']);

    // The home page's grid (what the admin sees first) shows both outcomes.
    expect(
      grid.find((row) => row.committeeId === west.id)?.quarters.map((cell) => cell?.status),
    ).toEqual(['missed', 'met', expect.stringMatching(/^(met|inProgress)$/), undefined]);
  });

  it('should create a clerk who logs in to /admin with the printed password and must change it', () => {
    const match = /用户名 (\S+) {2}密码 (\S+)/.exec(printed);
    expect(match?.[1]).toBe(DEMO_CLERK.username);
    const { clerk, west, clerkAudit, clerkLogin } = seeded;
    expect(clerk).toMatchObject({ role: 'staff', committeeId: west.id, mustChangePassword: true });
    expect(clerkAudit).toHaveLength(1);

    // Logged in with a wrong password, then the printed one, right after the first run.
    expect(clerkLogin.wrong).toBe(401);
    expect(clerkLogin.right).toBe(302);
    expect(clerkLogin.landing).toBe('/admin/change-password');
  });

  it('should record the report’s study, supervision, projects and outcomes, and the overview counts them', () => {
    const { overview, reportRecords } = seeded;
    const figure = (area: string, name: string) =>
      overview.sections
        .find((section) => section.area === area)
        ?.figures.find((candidate) => candidate.name === name);
    // East held its Q1 study; west missed Q1 (the demo's missed quarter) and has none.
    expect(reportRecords.studySessions.length).toBeGreaterThanOrEqual(1);
    expect(figure('training', 'studySessions')?.records.ids).toEqual(
      [...reportRecords.studySessions].sort((a, b) => a - b),
    );
    // Both held the Q2 inspection: a supervision record and an assigned opinion each.
    expect(reportRecords.supervisionActivities.length).toBeGreaterThanOrEqual(2);
    expect(figure('supervision', 'supervisionActivities')?.value).toBe(
      reportRecords.supervisionActivities.length,
    );
    expect(reportRecords.opinions.map((opinion) => opinion.status)).toEqual(
      reportRecords.opinions.map(() => 'assigned'),
    );
    expect(figure('supervision', 'opinionsRaised')?.value).toBe(reportRecords.opinions.length);
    expect(reportRecords.keyProjects).toBe(2 * DEMO_PROJECTS.length);
    expect(figure('projects', 'keyProjects')?.value).toBe(reportRecords.keyProjects);
    expect(reportRecords.countedOutcomes).toBe(2 * DEMO_OUTCOMES.length);
    // [M2] stations: one per committee, a reception on each held 接待日, the year's assessment.
    expect(first.created).toMatchObject({ stations: 2, stationAssessments: 2 });
    expect(figure('stations', 'stations')?.value).toBe(2);
    expect(figure('stations', 'receptionsHeld')?.value).toBe(first.created.receptions);
    expect(figure('stations', 'assessmentGaps')?.value).toBe(4);
  });

  it('should record visits, voter issues in every outcome and suggestions in every state, and the overview counts them', () => {
    const { overview, reportRecords } = seeded;
    const { outreach, voterIssues, suggestions } = reportRecords;
    const figure = (area: string, name: string) =>
      overview.sections
        .find((section) => section.area === area)
        ?.figures.find((candidate) => candidate.name === name);
    const parts = (area: string, name: string) =>
      Object.fromEntries(
        (figure(area, name)?.breakdown ?? []).map((part) => [part.name, part.value]),
      );
    const sum = (values: Record<string, number>) =>
      Object.values(values).reduce((total, value) => total + value, 0);
    const ofStatus = (rows: { status: string }[], ...statuses: string[]) =>
      rows.filter((row) => statuses.includes(row.status)).length;
    // 联系选民: the held visits and forums with their records, the voters they reached.
    expect(first.created.outreachActivities).toBe(outreach.length);
    expect(outreach.length).toBeGreaterThanOrEqual(2);
    expect(figure('outreach', 'outreachActivities')?.value).toBe(outreach.length);
    expect(figure('outreach', 'votersReached')?.value).toBe(
      outreach.reduce((total, row) => total + row.votersReached, 0),
    );
    // Issues in every state, one at least fed back; the outcomes add up to those collected.
    expect(first.created.voterIssues).toBe(voterIssues.length);
    expect(new Set(voterIssues.map((issue) => issue.status))).toEqual(
      new Set(['registered', 'answered', 'referred', 'resolved', 'escalated', 'declined']),
    );
    expect(voterIssues.filter((issue) => issue.status === 'referred' && issue.dueOn)).not.toEqual(
      [],
    );
    const collected = parts('outreach', 'voterIssuesCollected');
    expect(figure('outreach', 'voterIssuesCollected')?.value).toBe(voterIssues.length);
    expect(sum(collected)).toBe(voterIssues.length);
    expect(collected).toEqual({
      'voterIssuesCollected.resolved': ofStatus(voterIssues, 'answered', 'resolved'),
      'voterIssuesCollected.escalated': ofStatus(voterIssues, 'escalated'),
      'voterIssuesCollected.declined': ofStatus(voterIssues, 'declined'),
      'voterIssuesCollected.open': ofStatus(voterIssues, 'registered', 'referred'),
    });
    const fedBack = voterIssues.filter((issue) => issue.feedbackOn !== null).length;
    expect(fedBack).toBeGreaterThanOrEqual(1);
    expect(figure('outreach', 'voterIssuesFedBack')?.value).toBe(fedBack);
    // 代表建议: every state but 退回, the escalated issues' suggestions among them.
    expect(first.created.handlingUnits).toBe(3);
    expect(first.created.suggestions).toBe(suggestions.length);
    expect(new Set(suggestions.map((row) => row.status))).toEqual(
      new Set(['registered', 'assigned', 'replied', 'rehandling', 'tracking', 'closed']),
    );
    const escalatedTo = voterIssues.flatMap((issue) => issue.suggestionId ?? []);
    expect(escalatedTo.length).toBe(ofStatus(voterIssues, 'escalated'));
    expect(suggestions.map((row) => row.id)).toEqual(expect.arrayContaining(escalatedTo));
    expect(figure('suggestions', 'suggestions')?.value).toBe(suggestions.length);
    const byStatus = parts('suggestions', 'suggestions');
    expect(sum(byStatus)).toBe(suggestions.length);
    for (const status of [
      'registered',
      'assigned',
      'replied',
      'rehandling',
      'tracking',
      'closed',
    ]) {
      expect(byStatus[`suggestions.${status}`]).toBe(ofStatus(suggestions, status));
    }
    expect(sum(parts('suggestions', 'suggestionsByClass'))).toBe(suggestions.length);
    expect(sum(parts('suggestions', 'suggestionsBySatisfaction'))).toBe(suggestions.length);
    expect(parts('suggestions', 'suggestionsBySatisfaction')).toMatchObject({
      'suggestionsBySatisfaction.dissatisfied': ofStatus(suggestions, 'rehandling'),
    });
    expect(figure('suggestions', 'handlingUnits')?.value).toBeGreaterThanOrEqual(2);
  });

  it('should write nothing new when run again', () => {
    const { before, again, after } = rerun;
    expect(again.created).toEqual({
      committees: 0,
      communities: 0,
      groups: 0,
      deputies: 0,
      activities: 0,
      attendance: 0,
      studySessions: 0,
      supervisionActivities: 0,
      opinions: 0,
      keyProjects: 0,
      countedOutcomes: 0,
      stations: 0,
      receptions: 0,
      stationAssessments: 0,
      outreachActivities: 0,
      voterIssues: 0,
      handlingUnits: 0,
      suggestions: 0,
    });
    expect(again.closedPeriods).toEqual([]);
    expect(again.clerk.password).toBeNull();
    expect(formatDemoReport(again)).not.toMatch(/密码 \S{16}/);
    expect(after).toEqual(before);
  });

  it('should add what has since come to pass and close Q3 when run at the end of the year', () => {
    const { before, later, after, q4 } = yearEnd;
    expect(later.created.activities).toBeGreaterThan(0);
    expect(later.created.deputies).toBe(0);
    expect(later.closedPeriods).toEqual(['2025-Q3']);
    expect(after.activities).toBe(before.activities + later.created.activities);
    expect(q4.status).toBe('met');
  });
});
