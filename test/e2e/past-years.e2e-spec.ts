import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { IsNull, Like, Not } from 'typeorm';
import { FixedClock } from '../../src/common/clock.js';
import { runAsSystem } from '../../src/platform/access/actor.js';
import { AuditLog } from '../../src/platform/audit/audit-log.entity.js';
import { AdminUser } from '../../src/modules/auth/admin-user.entity.js';
import { AdminUsersService } from '../../src/modules/auth/admin-users.service.js';
import { ComplianceEvaluation } from '../../src/modules/compliance/compliance-evaluation.entity.js';
import { ComplianceRecord } from '../../src/modules/compliance/compliance-record.entity.js';
import { DictionaryItem } from '../../src/modules/dictionaries/dictionary-item.entity.js';
import { JobRun } from '../../src/modules/jobs/job-run.entity.js';
import { JobsService } from '../../src/modules/jobs/jobs.service.js';
import { ManualRunsService } from '../../src/modules/compliance/manual-runs.service.js';
import { Notification } from '../../src/modules/notifications/notification.entity.js';
import { createOrganisation } from '../factories/committee.factory.js';
import { login } from '../support/admin-login.js';
import { createTestApp, issueKey, type TestApp } from '../support/test-app.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/test-database.js';

const at = (iso: string) => new Date(iso);
const run = promisify(execFile);

interface Entry {
  committeeId: number;
  period: string;
  status: string;
  count: number;
  final: boolean;
  provisional: boolean;
}

/**
 * [H1] §4: a committee that starts using the system enters last years' records afterwards. The
 * app has been closing its current periods all along; the past year is loaded through the API,
 * evaluated on request (service, CLI, admin), and the compliance API then answers for it.
 */
describe(`past years on ${testDialect()}`, () => {
  const clock = new FixedClock(at('2026-07-01T00:45:00+08:00'));
  let database: TestDatabase;
  let sut: TestApp;
  let server: App;
  let aId: number;
  let districtId: number;
  let writer: string;
  let reader: string;
  let kindId: number;
  let staffId: number;

  const jobs = () => sut.app.get(JobsService);
  const manualRuns = () => sut.app.get(ManualRunsService);
  const asSystem = <T>(work: () => Promise<T>) => runAsSystem('test', work);
  const compliance = async (year: number): Promise<Entry[]> => {
    const answer = await request(server)
      .get('/api/v1/compliance')
      .query({ year, committeeId: aId })
      .set('Authorization', `Bearer ${reader}`)
      .expect(200);
    return (answer.body as { items: Entry[] }).items;
  };
  const outcomes = (items: Entry[]) =>
    items.map((item) => [item.period, item.status, item.count, item.provisional]);
  const missNotices = (period: string) =>
    sut.dataSource.getRepository(Notification).find({
      where: {
        kind: 'cadenceMissed',
        channel: 'inApp',
        recipientUserId: staffId,
        dedupeKey: Like(`%:${period}%`),
      },
      order: { id: 'ASC' },
    });
  const addActivity = async (title: string, startsAt: string, status = 'held') => {
    const response = await request(server)
      .post('/api/v1/activities')
      .set('Authorization', `Bearer ${writer}`)
      .send({ committeeId: aId, kindId, title, startsAt, status })
      .expect(201);
    return (response.body as { id: number }).id;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    // The clock moves over years here: passwords must not expire on the way.
    sut = await createTestApp({
      admin: true,
      database,
      clock,
      env: { PASSWORD_MAX_AGE_DAYS: '0' },
    });
    server = sut.app.getHttpServer() as App;
    kindId = (
      await sut.dataSource
        .getRepository(DictionaryItem)
        .findOneByOrFail({ category: Not(IsNull()) })
    ).id;
  }, 60000);

  afterAll(async () => {
    await sut?.close();
    await database?.drop();
  });

  /**
   * 2026-07-01: a close before there is anything to close; then the organisation, its people
   * and keys; the next night's close.
   */
  async function startUsingTheSystem() {
    const empty = await jobs().run('period-close', clock.now());
    const runsWhenEmpty = await sut.dataSource.getRepository(JobRun).count();

    ({ subdistrictId: aId, districtId } = await createOrganisation(sut.app));
    const users = sut.app.get(AdminUsersService);
    await users.create({ username: 'sys', password: 'Strong-Pass-2026!', role: 'systemAdmin' });
    const staff = await users.create({
      username: 'a-staff',
      password: 'Strong-Pass-2026!',
      role: 'staff',
      committeeId: aId,
    });
    staffId = staff.id;
    await sut.dataSource
      .getRepository(AdminUser)
      .update({ id: staff.id }, { email: 'a@example.org' });
    writer = await issueKey(sut.app, ['records:write', 'records:read'], {
      role: 'staff',
      committeeId: aId,
    });
    reader = await issueKey(sut.app, ['reports:read'], {
      role: 'districtViewer',
      committeeId: districtId,
    });

    clock.set(at('2026-07-02T00:30:00+08:00'));
    const later = await jobs().run('period-close', clock.now());
    const q2 = await sut.dataSource
      .getRepository(ComplianceRecord)
      .findOneByOrFail({ periodKey: '2026-Q2', committeeId: aId });
    const q2Notices = await missNotices('2026-Q2');
    return { empty, runsWhenEmpty, later, q2, q2Notices };
  }

  /** 2026-10: the nightly close of Q3, then 2019 entered and evaluated (service, then CLI). */
  async function loadAndEvaluate2019() {
    // The app closes the period just ended, as every night.
    clock.set(at('2026-10-01T00:45:00+08:00'));
    const nightly = await jobs().run('period-close', clock.now());
    clock.set(at('2026-10-10T09:00:00+08:00'));

    // 2019 entered afterwards: Q1, Q2 and Q4 held (Q4 on its last evening), Q3 only planned.
    await addActivity('2019年第一季度代表工作会议', '2019-02-20T09:00:00+08:00');
    await addActivity('2019年第二季度代表活动', '2019-05-10T09:00:00+08:00');
    await addActivity('2019年第三季度计划活动', '2019-08-10T09:00:00+08:00', 'planned');
    await addActivity('2019年第四季度代表工作会议', '2019-12-31T23:30:00+08:00');
    const live = await compliance(2019);

    // A close as of an earlier date.
    const asOfThen = await jobs().run('period-close', at('2020-01-01T00:45:00+08:00'));

    // Q1–Q2 through the service (what the CLI calls), Q3–Q4 through the CLI itself.
    const first = await asSystem(() =>
      manualRuns().evaluateRange({ from: '2019-Q1', to: '2019-Q2' }, clock.now(), 'test'),
    );
    const cli = await run(
      process.execPath,
      [
        join(process.cwd(), 'dist', 'src', 'cli', 'main.js'),
        'jobs:run',
        'period-close',
        '--from',
        '2019-Q3',
        '--to',
        '2019-Q4',
      ],
      { env: { ...process.env, ...database.env, NODE_OPTIONS: '' }, timeout: 60_000 },
    );
    const items = await compliance(2019);
    const notices = await missNotices('2019-Q');
    const runs = await sut.dataSource
      .getRepository(JobRun)
      .find({ where: { runKey: Like('manual:2019-%') }, order: { id: 'ASC' } });
    return { nightly, live, asOfThen, first, cli, items, notices, runs };
  }

  /** Late entries for 2019-Q3 and 2026-Q3, each re-evaluated; then the clock moves to 2027. */
  async function reEvaluateLateEntries() {
    await addActivity('2019年第三季度代表活动（补录）', '2019-09-30T23:30:00+08:00');
    const again = await asSystem(() =>
      manualRuns().evaluateRange({ from: '2019', to: '2019' }, clock.now(), 'test'),
    );
    const history = await sut.dataSource.getRepository(ComplianceEvaluation).find({
      where: { committeeId: aId, periodKey: '2019-Q3' },
      order: { id: 'ASC' },
    });
    const againRun = await sut.dataSource
      .getRepository(JobRun)
      .findOneByOrFail({ runKey: again.runKey });
    const items = await compliance(2019);
    const notices2019 = await missNotices('2019-Q');

    const q3NoticesBefore = await missNotices('2026-Q3');
    const late = await addActivity('2026年第三季度代表活动（补录）', '2026-09-20T09:00:00+08:00');
    const evaluateQ3 = () =>
      asSystem(() =>
        manualRuns().evaluateRange({ from: '2026-Q3', to: '2026-Q3' }, clock.now(), 'test'),
      );
    const setStatus = (status: string) =>
      request(server)
        .patch(`/api/v1/activities/${late}`)
        .set('Authorization', `Bearer ${writer}`)
        .send({ status });
    const met = await evaluateQ3();
    const cancelled = await setStatus('cancelled');
    const missed = await evaluateQ3();
    const unchanged = await evaluateQ3();
    const q3NoticesAfterChange = await missNotices('2026-Q3');
    const heldAgain = await setStatus('held');
    clock.set(at('2027-01-05T09:00:00+08:00'));
    const metLater = await evaluateQ3();
    const cancelledAgain = await setStatus('cancelled');
    const historic = await evaluateQ3();
    const q3NoticesFinally = await missNotices('2026-Q3');
    return {
      again,
      history,
      againRun,
      items,
      notices2019,
      q3NoticesBefore,
      met,
      missed,
      unchanged,
      q3NoticesAfterChange,
      metLater,
      historic,
      q3NoticesFinally,
      patches: [cancelled.status, heldAgain.status, cancelledAgain.status],
    };
  }

  /** The system admin's 往期检查 for 2019 in the panel, then a range not yet ended. */
  async function evaluateYearInPanel() {
    const sys = (await login(server, 'sys')).agent;
    const answer = await sys
      .post('/admin/api/resources/CadenceRule/actions/runCheck')
      .type('form')
      .send({ year: '2019' });
    const adminRun = await sut.dataSource
      .getRepository(JobRun)
      .findOneByOrFail({ runner: 'admin:sys', runKey: Like('manual:2019..2019:%') });
    const shown = await sys.get(`/admin/api/resources/JobRun/records/${adminRun.id}/show`);
    const monitor = await sys.get('/admin/api/resources/JobRun/actions/list');
    const audit = await sut.dataSource.getRepository(AuditLog).findOneByOrFail({
      action: 'jobRun',
      actorName: 'sys',
      objectId: String(adminRun.id),
    });
    const bad = await sys
      .post('/admin/api/resources/CadenceRule/actions/runCheck')
      .type('form')
      .send({ from: '2019-Q1', to: '2099-Q4' });
    return { answer, adminRun, shown, monitor, audit, bad };
  }

  /**
   * The years on a moving clock, replayed once in the order they happen: the tests below only
   * assert on their part, so they pass in any order or alone. The last one reads 2019-Q3's
   * history as the whole story leaves it.
   */
  let started: Awaited<ReturnType<typeof startUsingTheSystem>>;
  let loaded: Awaited<ReturnType<typeof loadAndEvaluate2019>>;
  let reEvaluated: Awaited<ReturnType<typeof reEvaluateLateEntries>>;
  let inPanel: Awaited<ReturnType<typeof evaluateYearInPanel>>;

  beforeAll(async () => {
    started = await startUsingTheSystem();
    loaded = await loadAndEvaluate2019();
    reEvaluated = await reEvaluateLateEntries();
    inPanel = await evaluateYearInPanel();
  }, 240000);

  it('should claim nothing when a period closes with no subjects, and close it once there are', () => {
    const { empty, runsWhenEmpty, later, q2, q2Notices } = started;
    expect(empty.runs).toEqual([]);
    expect(runsWhenEmpty).toBe(0);
    expect(later.runs.map((entry) => [entry.runKey, entry.result.status])).toEqual([
      ['rule1:2026-Q2', 'ran'],
    ]);
    expect([q2.status, q2.finalisedAt !== null]).toEqual(['missed', true]);
    // The period just ended is news: its miss is notified, pointing to where the check is run.
    expect(q2Notices).toHaveLength(1);
    expect(q2Notices[0].body).toContain('在“活动频次规则”中执行“立即检查 / 往期检查”');
  });

  it('should evaluate a past year loaded through the API after the current period closed, with no notices for it', () => {
    const { nightly, live, asOfThen, first, cli, items, notices, runs } = loaded;
    expect(nightly.runs.map((entry) => entry.runKey)).toEqual(['rule1:2026-Q3']);
    // Before any evaluation, the year is answered live, marked provisional.
    expect(outcomes(live)).toEqual([
      ['2019-Q1', 'met', 1, true],
      ['2019-Q2', 'met', 1, true],
      ['2019-Q3', 'missed', 0, true],
      ['2019-Q4', 'met', 1, true],
    ]);
    // A close as of an earlier date is no longer stopped by the later periods closed.
    expect(asOfThen.runs.map((entry) => [entry.runKey, entry.result.status])).toEqual([
      ['rule1:2019-Q4', 'ran'],
    ]);
    expect(first.result).toMatchObject({
      status: 'ran',
      counts: { periods: 2, met: 2, missed: 0, notifications: 0 },
    });
    expect(cli.stdout).toMatch(/period-close manual:2019-Q3\.\.2019-Q4:\S+: \{"status":"ran"/);
    expect(cli.stdout).toContain('"missed":1');

    expect(outcomes(items)).toEqual([
      ['2019-Q1', 'met', 1, false],
      ['2019-Q2', 'met', 1, false],
      ['2019-Q3', 'missed', 0, false],
      ['2019-Q4', 'met', 1, false],
    ]);
    expect(items.every((item) => item.final && item.committeeId === aId)).toBe(true);
    // History is reported, not nagged about: nothing queued for 2019.
    expect(notices).toEqual([]);
    expect(runs.map((entry) => [entry.runner, entry.outcome])).toEqual([
      ['test', 'succeeded'],
      ['cli', 'succeeded'],
    ]);
  });

  it('should re-evaluate after a late entry, keep the earlier outcome, and notify only a recent change', () => {
    const story = reEvaluated;
    expect(story.again.result).toMatchObject({
      status: 'ran',
      counts: { periods: 4, met: 4, missed: 0, changed: 1, notifications: 0 },
    });
    expect(story.history.map((row) => [row.previousStatus, row.status, row.notified])).toEqual([
      [null, 'missed', false],
      ['missed', 'met', false],
    ]);
    expect(story.history[1].runId).toBe(story.againRun.id);
    expect(outcomes(story.items)[2]).toEqual(['2019-Q3', 'met', 1, false]);
    expect(story.notices2019).toEqual([]);

    // The period just ended (2026-Q3, closed missed and notified): a late entry makes it met
    // (no notice), a cancellation missed again (a change: notified once more), and a
    // re-evaluation that changes nothing sends nothing.
    expect(story.q3NoticesBefore).toHaveLength(1);
    expect(story.met.result).toMatchObject({ counts: { met: 1, changed: 1, notifications: 0 } });
    expect(story.patches).toEqual([200, 200, 200]);
    // One in-app row for each of A's people: the staff member and the two key holders.
    expect(story.missed.result).toMatchObject({
      counts: { missed: 1, changed: 1, notifications: 3 },
    });
    expect(story.unchanged.result).toMatchObject({
      counts: { missed: 1, changed: 0, notifications: 0 },
    });
    expect(story.q3NoticesAfterChange).toHaveLength(2);
    // Once a period has ended more than one period ago, even a change to a miss is history.
    expect(story.metLater.result).toMatchObject({ counts: { met: 1, changed: 1 } });
    expect(story.historic.result).toMatchObject({
      counts: { missed: 1, changed: 1, notifications: 0 },
    });
    expect(story.q3NoticesFinally).toHaveLength(2);
  });

  it('should refuse a bad range with 400 naming the field', async () => {
    await expect(
      asSystem(() =>
        manualRuns().evaluateRange({ from: '2019-Q5', to: '2019-Q4' }, clock.now(), 'test'),
      ),
    ).rejects.toMatchObject({ details: [{ field: 'from' }] });
    await expect(
      asSystem(() =>
        manualRuns().evaluateRange({ from: '2027-Q1', to: '2027-Q1' }, clock.now(), 'test'),
      ),
    ).rejects.toMatchObject({ details: [{ field: 'to' }] });
  });

  it('should let the system admin evaluate a year in the panel, land on the run in the job monitor, audited', () => {
    const { answer, adminRun, shown, monitor, audit, bad } = inPanel;
    expect(answer.status).toBe(200);
    const body = answer.body as { notice: { message: string; type: string }; redirectUrl: string };
    expect(body.notice).toMatchObject({ type: 'success' });
    expect(body.notice.message).toContain('往期检查 2019–2019');
    expect(body.notice.message).toContain('评定 4 个期间');
    expect(adminRun.outcome).toBe('succeeded');
    expect(body.redirectUrl).toBe(`/admin/resources/JobRun/records/${adminRun.id}/show`);
    // The page it lands on exists for this user, and the run is in the monitor's list.
    expect(shown.status).toBe(200);
    expect(monitor.status).toBe(200);
    expect(JSON.stringify(monitor.body)).toContain(adminRun.runKey);
    expect(audit.detail).toContain('"from":"2019"');

    expect(bad.status).toBe(400);
    expect((bad.body as { notice: { message: string; type: string } }).notice).toMatchObject({
      type: 'error',
      message: expect.stringContaining('to：2099-Q4 尚未结束') as string,
    });
  });

  it("should refuse others the check (audited) and show the record's history to its committee", async () => {
    const staff = (await login(server, 'a-staff')).agent;
    await staff
      .post('/admin/api/resources/CadenceRule/actions/runCheck')
      .type('form')
      .send({ year: '2019' })
      .expect(403);
    const denial = await sut.dataSource.getRepository(AuditLog).findOneByOrFail({
      action: 'denied',
      actorName: 'a-staff',
      objectType: 'cadenceRule',
    });
    expect(denial.detail).toContain('runCheck');

    const record = await sut.dataSource
      .getRepository(ComplianceRecord)
      .findOneByOrFail({ committeeId: aId, periodKey: '2019-Q3' });
    const show = await staff
      .get(`/admin/api/resources/ComplianceRecord/records/${record.id}/show`)
      .expect(200);
    const history = (show.body as { record: { params: { history: string } } }).record.params
      .history;
    expect(history.split('\n')).toHaveLength(3);
    expect(history).toContain('未达标（0 次），首次评定');
    expect(history).toContain('达标（1 次），原为未达标');
  });
});
