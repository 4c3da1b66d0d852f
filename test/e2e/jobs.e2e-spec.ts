import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jest } from '@jest/globals';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { IsNull, Like, Not } from 'typeorm';
import { FixedClock } from '../../src/common/clock.js';
import { runAsSystem } from '../../src/platform/access/actor.js';
import { ActivitiesService } from '../../src/modules/activities/activities.service.js';
import { AdminUser } from '../../src/modules/auth/admin-user.entity.js';
import { AdminUsersService } from '../../src/modules/auth/admin-users.service.js';
import { ComplianceRecord } from '../../src/modules/compliance/compliance-record.entity.js';
import { DictionaryItem } from '../../src/modules/dictionaries/dictionary-item.entity.js';
import { JobRun } from '../../src/modules/jobs/job-run.entity.js';
import { JobsService } from '../../src/modules/jobs/jobs.service.js';
import { JobsScheduler } from '../../src/modules/jobs/jobs.scheduler.js';
import { ManualRunsService } from '../../src/modules/compliance/manual-runs.service.js';
import { formatInstant } from '../../src/common/period.js';
import { Notification } from '../../src/modules/notifications/notification.entity.js';
import { OutboxService } from '../../src/modules/notifications/outbox.service.js';
import { createOrganisation } from '../factories/committee.factory.js';
import { login } from '../support/admin-login.js';
import { CadenceRule } from '../../src/modules/compliance/cadence-rule.entity.js';
import { createTestApp, issueKey, type TestApp } from '../support/test-app.js';
import { startSmtp, type TestSmtpServer } from '../support/smtp-server.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/test-database.js';

const WEBHOOK_SECRET = 'webhook-secret-webhook-secret-webhook-secret';

/** A real HTTP receiver for webhooks: checks each signature, can be told to fail. */
async function startReceiver() {
  const accepted: { delivery: string; payload: Record<string, unknown>; signed: boolean }[] = [];
  const state = { failNext: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (state.failNext > 0) {
        state.failNext -= 1;
        res.writeHead(500).end();
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(req.headers['x-renda-timestamp']);
      const expected = `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(`${timestamp}.${body}`).digest('hex')}`;
      accepted.push({
        delivery: String(req.headers['x-renda-delivery']),
        payload: JSON.parse(body) as Record<string, unknown>,
        signed: req.headers['x-renda-signature'] === expected,
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    accepted,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const at = (iso: string) => new Date(iso);

describe(`scheduled jobs on ${testDialect()}`, () => {
  let smtp: TestSmtpServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let database: TestDatabase;
  const clock = new FixedClock(at('2020-06-15T10:00:00+08:00'));
  let sut: TestApp;
  let second: TestApp;
  let districtId: number;
  let aId: number;
  let bId: number;

  const appFor = (options: { jobs?: boolean; clock?: FixedClock; admin?: boolean } = {}) =>
    createTestApp({
      admin: options.admin,
      database,
      clock: options.clock ?? clock,
      env: {
        SMTP_URL: smtp.url,
        WEBHOOK_URL: receiver.url,
        WEBHOOK_SECRET,
        JOBS_ENABLED: options.jobs ? 'true' : 'false',
      },
    });
  const records = (periodKey: string) =>
    sut.dataSource.getRepository(ComplianceRecord).find({
      where: { periodKey },
      order: { committeeId: 'ASC' },
    });

  beforeAll(async () => {
    smtp = await startSmtp();
    receiver = await startReceiver();
    database = await createTestDatabase();
    sut = await appFor({ admin: true });
    second = await appFor();
    ({ districtId, subdistrictId: aId } = await createOrganisation(sut.app, {
      district: '甲区人大常委会',
      subdistrict: '甲街道人大工委',
    }));
    const other = await createOrganisation(sut.app, {
      district: '乙区人大常委会',
      subdistrict: '乙街道人大工委',
    });
    bId = other.subdistrictId;
    const users = sut.app.get(AdminUsersService);
    const people: [string, 'staff' | 'committeeAdmin', number, string][] = [
      ['a-staff', 'staff', aId, 'a@example.org'],
      ['b-staff', 'staff', bId, 'b@example.org'],
      ['b-district', 'committeeAdmin', other.districtId, 'd@example.org'],
    ];
    await users.create({ username: 'sys', password: 'Strong-Pass-2026!', role: 'systemAdmin' });
    for (const [username, role, committeeId, email] of people) {
      const user = await users.create({
        username,
        password: 'Strong-Pass-2026!',
        role,
        committeeId,
      });
      await sut.dataSource.getRepository(AdminUser).update({ id: user.id }, { email });
    }
    const kind = await sut.dataSource
      .getRepository(DictionaryItem)
      .findOneByOrFail({ category: Not(IsNull()) });
    const activities = sut.app.get(ActivitiesService);
    await runAsSystem('test', async () => {
      // A holds its Q2 meeting on the last evening of the quarter (China time).
      await activities.create({
        committeeId: aId,
        kindId: kind.id,
        title: '第二季度代表工作会议',
        startsAt: '2020-06-30T23:30:00+08:00',
        status: 'held',
      });
      // B only plans one, and cancelled another: neither counts.
      await activities.create({
        committeeId: bId,
        kindId: kind.id,
        title: '计划中的代表活动',
        startsAt: '2020-06-28T09:00:00+08:00',
        status: 'planned',
      });
      await activities.create({
        committeeId: bId,
        kindId: kind.id,
        title: '已取消的代表活动',
        startsAt: '2020-05-20T09:00:00+08:00',
        status: 'cancelled',
      });
    });
  }, 60000);

  afterAll(async () => {
    await second?.close();
    await sut?.close();
    await database?.drop();
    await smtp?.close();
    await receiver?.close();
  });

  /** Deadline checks 10, 9 and 6 days before the quarter ends, and a repeat within the day. */
  async function remindBeforeQuarterEnd() {
    const jobs = sut.app.get(JobsService);
    const reminders = () =>
      sut.dataSource.getRepository(Notification).find({
        where: { kind: 'cadenceReminder', channel: 'inApp' },
        order: { id: 'ASC' },
      });
    const tenDaysLeft = await jobs.run('deadline-check', at('2020-06-20T08:00:00+08:00'));
    const first = await reminders();
    const again = await jobs.run('deadline-check', at('2020-06-20T09:00:00+08:00'));
    const sameThreshold = await jobs.run('deadline-check', at('2020-06-21T08:00:00+08:00'));
    const afterSameThreshold = await reminders();
    await jobs.run('deadline-check', at('2020-06-24T08:00:00+08:00'));
    const later = await reminders();
    return { tenDaysLeft, first, again, sameThreshold, afterSameThreshold, later };
  }

  /** The close at 00:45 on both instances at once, then three deliveries racing. */
  async function closeQuarterOnTwoInstances() {
    const asOf = at('2020-07-01T00:45:00+08:00');
    const [one, two] = await Promise.all([
      sut.app.get(JobsService).run('period-close', asOf),
      second.app.get(JobsService).run('period-close', asOf),
    ]);
    const q2 = await records('2020-Q2');
    const closeRuns = await sut.dataSource.getRepository(JobRun).countBy({ job: 'period-close' });
    clock.set(asOf);
    await Promise.all([
      sut.app.get(OutboxService).deliver(),
      second.app.get(OutboxService).deliver(),
      sut.app.get(OutboxService).deliver(),
    ]);
    const missIds = (
      await sut.dataSource
        .getRepository(Notification)
        .findBy({ kind: 'cadenceMissed', channel: 'email' })
    ).map((row) => String(row.id));
    const missRecipients = smtp.received
      .filter((mail) => missIds.includes(/X-Renda-Notification: (\d+)/.exec(mail.body)?.[1] ?? ''))
      .map((mail) => mail.to[0]);
    const mailsTo = {
      a: smtp.to('a@example.org'),
      b: smtp.to('b@example.org'),
      d: smtp.to('d@example.org'),
    };
    const pending = await sut.dataSource
      .getRepository(Notification)
      .countBy({ channel: 'email', status: Not('sent') });
    return { one, two, q2, closeRuns, missRecipients, mailsTo, pending };
  }

  /** What the webhook received so far; then a notice whose first POST fails, retried later. */
  async function postNoticesAndRetry() {
    const posted = [...receiver.accepted];
    const outbox = sut.app.get(OutboxService);
    const aStaff = await sut.dataSource
      .getRepository(AdminUser)
      .findOneByOrFail({ username: 'a-staff' });
    await outbox.queue(sut.dataSource.manager, [aStaff], {
      kind: 'retryTest',
      about: 'retry-1',
      title: '重试测试',
      body: '接收方先失败一次',
    });
    receiver.state.failNext = 1;
    const failed = await outbox.deliver();
    const notDue = await outbox.deliver();
    clock.advance(61_000);
    const retried = await outbox.deliver();
    const posts = receiver.accepted.filter((post) => post.payload.kind === 'retryTest');
    const row = await sut.dataSource
      .getRepository(Notification)
      .findOneByOrFail({ kind: 'retryTest', channel: 'webhook' });
    return { posted, failed, notDue, retried, posts, row };
  }

  /** An instance dies after sending and before marking sent; another delivers, later. */
  async function dieBetweenSendingAndMarking() {
    const crashing = await appFor({ clock });
    const outbox = crashing.app.get(OutboxService);
    const aStaff = await sut.dataSource
      .getRepository(AdminUser)
      .findOneByOrFail({ username: 'a-staff' });
    await outbox.queue(sut.dataSource.manager, [aStaff], {
      kind: 'test',
      about: 'crash-1',
      title: '测试通知',
      body: '只应收到一次',
    });
    const before = smtp.to('a@example.org');
    const crash = jest
      .spyOn(outbox as unknown as { markSent(id: number): Promise<void> }, 'markSent')
      .mockRejectedValueOnce(new Error('process killed'));
    const crashed = await outbox.deliver().then(
      () => undefined,
      (error: unknown) => error,
    );
    crash.mockRestore();
    await crashing.close();
    const afterCrash = smtp.to('a@example.org');

    // "Restart": another instance, later, delivers what is due.
    clock.advance(15 * 60_000);
    const restarted = await appFor({ clock });
    const counts = await restarted.app.get(OutboxService).deliver();
    await restarted.close();
    const afterRestart = smtp.to('a@example.org');
    const row = await sut.dataSource.getRepository(Notification).findOneByOrFail({
      kind: 'test',
      channel: 'email',
    });
    return { before, crashed, afterCrash, counts, afterRestart, row };
  }

  /**
   * The end of 2020-Q2 on a moving clock, replayed once in the order it happens: reminders, the
   * close on two instances with the deliveries, a webhook post that fails and is retried, an
   * instance dying mid-delivery. Each of the four tests below only asserts on its part, so they
   * pass in any order or alone; the compliance API test reads the state it leaves (Q2 closed, the
   * clock in Q3).
   */
  let reminded: Awaited<ReturnType<typeof remindBeforeQuarterEnd>>;
  let closed: Awaited<ReturnType<typeof closeQuarterOnTwoInstances>>;
  let webhook: Awaited<ReturnType<typeof postNoticesAndRetry>>;
  let died: Awaited<ReturnType<typeof dieBetweenSendingAndMarking>>;

  beforeAll(async () => {
    reminded = await remindBeforeQuarterEnd();
    closed = await closeQuarterOnTwoInstances();
    webhook = await postNoticesAndRetry();
    died = await dieBetweenSendingAndMarking();
  }, 60000);

  it('should remind a committee still short before the quarter ends, each threshold once', () => {
    const { tenDaysLeft, first, again, sameThreshold, afterSameThreshold, later } = reminded;
    expect(tenDaysLeft.runs[0].result).toMatchObject({ status: 'ran', counts: { reminded: 1 } });
    // B is short (its meeting is only planned); A has held one.
    expect(first.map((row) => row.recipientUserId)).toHaveLength(1);
    expect(first[0].title).toContain('乙街道人大工委');
    expect(first[0].title).toContain('14 天');
    expect(first[0].body).toContain('已计划于 2020-06-28 09:00');

    expect(again.runs[0].result.status).toBe('alreadyRun');
    expect(sameThreshold.runs[0].result).toMatchObject({
      status: 'ran',
      counts: { reminded: 1, notifications: 0 },
    });
    expect(afterSameThreshold).toHaveLength(1);
    expect(later).toHaveLength(2);
    expect(later[1].title).toContain('7 天');
  });

  it('should close the quarter once on two instances at the same moment, and mail each recipient once', () => {
    const { one, two, q2, closeRuns, missRecipients, mailsTo, pending } = closed;
    const statuses = [...one.runs, ...two.runs].map((run) => run.result.status).sort();
    expect(statuses).toEqual(['alreadyRun', 'ran']);
    expect(q2.map((row) => [row.committeeId, row.status, row.qualifyingCount])).toEqual([
      [aId, 'met', 1],
      [bId, 'missed', 0],
    ]);
    expect(q2[0].qualifyingActivityIds).toMatch(/^\d+$/);
    expect(q2.every((row) => row.finalisedAt !== null)).toBe(true);
    expect(closeRuns).toBe(1);

    // The miss reaches B's staff and B's district, once each; the reminders went to B's staff.
    expect([...missRecipients].sort()).toEqual(['b@example.org', 'd@example.org']);
    expect(mailsTo.a).toBe(0);
    expect(mailsTo.d).toBe(1);
    expect(mailsTo.b).toBe(3); // reminders at 14 and 7 days, then the miss
    expect(pending).toBe(0);
  });

  it('should post each notice once to the webhook, signed, and retry a failed post later', () => {
    const { posted, failed, notDue, retried, posts, row } = webhook;
    // Before the retry: two reminders and the miss for B, one POST each, all signed.
    expect(posted.every((post) => post.signed)).toBe(true);
    expect(posted.map((post) => post.payload.kind)).toEqual([
      'cadenceReminder',
      'cadenceReminder',
      'cadenceMissed',
    ]);
    const miss = posted[2].payload as {
      committeeId: number;
      recipients: { username: string }[];
    };
    expect(miss.committeeId).toBe(bId);
    expect(miss.recipients.map((user) => user.username)).toEqual(['b-staff', 'b-district']);

    expect(failed).toMatchObject({ sent: 1, failed: 1 }); // the email went, the POST did not
    expect(notDue.sent).toBe(0); // not due yet: backoff
    expect(retried.sent).toBe(1);
    expect(posts).toHaveLength(1);
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('should never send twice when an instance dies between sending and marking sent', () => {
    const { before, crashed, afterCrash, counts, afterRestart, row } = died;
    expect(() => {
      throw crashed;
    }).toThrow('process killed');
    expect(afterCrash).toBe(before + 1);
    expect(counts.unknown).toBe(1);
    expect(afterRestart).toBe(before + 1);
    expect(row.status).toBe('unknown');
  });

  it('should remind once to record attendance or minutes of an activity held days ago', async () => {
    const jobs = sut.app.get(JobsService);
    const first = await jobs.run('record-keeping', at('2020-07-05T08:30:00+08:00'));
    expect(first.runs[0].result).toMatchObject({ status: 'ran', counts: { activities: 1 } });
    const rows = await sut.dataSource
      .getRepository(Notification)
      .findBy({ kind: 'recordKeeping', channel: 'inApp' });
    expect(rows.map((row) => row.title)).toEqual([
      '【补登】“第二季度代表工作会议”尚未登记出席情况',
    ]);
    const next = await jobs.run('record-keeping', at('2020-07-06T08:30:00+08:00'));
    expect(next.runs[0].result).toMatchObject({
      status: 'ran',
      counts: { activities: 1, notifications: 0 },
    });
  });

  it('should answer compliance through the API within the key committee', async () => {
    const server = sut.app.getHttpServer() as App;
    const viewer = await issueKey(sut.app, ['reports:read'], {
      role: 'districtViewer',
      committeeId: districtId,
    });
    const answer = await request(server)
      .get('/api/v1/compliance')
      .query({ year: 2020 })
      .set('Authorization', `Bearer ${viewer}`)
      .expect(200);
    const items = (
      answer.body as {
        items: {
          committeeId: number;
          period: string;
          status: string;
          final: boolean;
          periodStart: string;
        }[];
      }
    ).items;
    // After the replayed quarter end (beforeAll): 甲区's key sees 甲街道 only: Q2 closed; Q1
    // (never closed) and the running Q3 counted live; Q4 has not begun.
    expect(items).toEqual([
      expect.objectContaining({
        committeeId: aId,
        period: '2020-Q1',
        status: 'missed',
        final: false,
        provisional: true,
      }),
      expect.objectContaining({
        committeeId: aId,
        period: '2020-Q2',
        status: 'met',
        final: true,
        provisional: false,
        periodStart: '2020-04-01T00:00:00.000+08:00',
      }),
      expect.objectContaining({
        committeeId: aId,
        period: '2020-Q3',
        status: 'inProgress',
        provisional: true,
      }),
    ]);
    // The same page shape and filter name as every other list.
    expect(answer.body).toMatchObject({ total: 3, page: 1, pageSize: 3 });
    const filtered = await request(server)
      .get('/api/v1/compliance')
      .query({ year: 2020, committeeId: aId })
      .set('Authorization', `Bearer ${viewer}`)
      .expect(200);
    expect((filtered.body as { total: number }).total).toBe(3);
    const oldName = await request(server)
      .get('/api/v1/compliance')
      .query({ year: 2020, committee: aId })
      .set('Authorization', `Bearer ${viewer}`)
      .expect(400);
    expect((oldName.body as { details: { field: string }[] }).details[0].field).toBe('committee');
    await request(server)
      .get('/api/v1/compliance')
      .query({ year: 'abc' })
      .set('Authorization', `Bearer ${viewer}`)
      .expect(400);
  });
});

describe(`compliance in the admin panel on ${testDialect()}`, () => {
  const clock = new FixedClock(at('2020-05-15T10:00:00+08:00'));
  let sut: TestApp;
  let aId: number;
  let bId: number;

  beforeAll(async () => {
    sut = await createTestApp({ admin: true, clock });
    ({ subdistrictId: aId } = await createOrganisation(sut.app, {
      subdistrict: '测试街道人大工委',
    }));
    ({ subdistrictId: bId } = await createOrganisation(sut.app, {
      district: '另一区人大常委会',
      subdistrict: '另一街道人大工委',
    }));
    const users = sut.app.get(AdminUsersService);
    await users.create({ username: 'sys', password: 'Strong-Pass-2026!', role: 'systemAdmin' });
    await users.create({
      username: 'a-staff',
      password: 'Strong-Pass-2026!',
      role: 'staff',
      committeeId: aId,
    });
    const kind = await sut.dataSource
      .getRepository(DictionaryItem)
      .findOneByOrFail({ category: Not(IsNull()) });
    await runAsSystem('test', () =>
      sut.app.get(ActivitiesService).create({
        committeeId: aId,
        kindId: kind.id,
        title: '五月代表活动',
        startsAt: '2020-05-10T09:00:00+08:00',
        status: 'held',
      }),
    );
  }, 60000);

  afterAll(async () => {
    await sut?.close();
  });

  it('should let the system admin edit the rule (validated, audited) and run the check now', async () => {
    const sys = (await login(sut.app.getHttpServer() as App, 'sys')).agent;
    const bad = await sys
      .post('/admin/api/resources/CadenceRule/records/1/edit')
      .type('form')
      .send({ categories: 'meeting,parties' });
    expect(Object.keys((bad.body as { record: { errors: object } }).record.errors)).toEqual([
      'categories',
    ]);
    const good = await sys
      .post('/admin/api/resources/CadenceRule/records/1/edit')
      .type('form')
      .send({ reminderDays: '7, 30 ,14' });
    expect((good.body as { record: { errors: object } }).record.errors).toEqual({});
    const rule = await sut.dataSource.getRepository(CadenceRule).findOneByOrFail({ id: 1 });
    expect(rule.reminderDays).toBe('30,14,7');

    const checked = await sys.post('/admin/api/resources/CadenceRule/actions/runCheck').expect(200);
    const answer = checked.body as { notice: { message: string }; redirectUrl: string };
    expect(answer.notice.message).toContain('2 个工委');
    // It lands on its own run in the job monitor, a page the system admin may open.
    const run = await sut.dataSource
      .getRepository(JobRun)
      .findOneByOrFail({ runner: 'admin:sys', runKey: Like('manual:check:%') });
    expect(answer.redirectUrl).toBe(`/admin/resources/JobRun/records/${run.id}/show`);
    await sys.get(`/admin/api/resources/JobRun/records/${run.id}/show`).expect(200);
    const current = await sut.dataSource
      .getRepository(ComplianceRecord)
      .find({ where: { periodKey: '2020-Q2' }, order: { committeeId: 'ASC' } });
    expect(current.map((row) => [row.committeeId, row.status, row.finalisedAt])).toEqual([
      [aId, 'met', null],
      [bId, 'inProgress', null],
    ]);
    const monitor = await sys.get('/admin/api/resources/JobRun/actions/list').expect(200);
    expect(JSON.stringify(monitor.body)).toContain('period-close');
  });

  it("should show staff their committee's records only, and refuse them the rule's check", async () => {
    // The check that closes Q1 and re-counts Q2, as the system admin's 立即检查 runs it: here, so
    // the list does not depend on the edit test having pressed the button (a repeat closes nothing).
    await runAsSystem('test', () => sut.app.get(ManualRunsService).checkNow(clock.now(), 'test'));
    const staff = (await login(sut.app.getHttpServer() as App, 'a-staff')).agent;
    const list = await staff.get('/admin/api/resources/ComplianceRecord/actions/list').expect(200);
    const rows = (list.body as { records: { params: { committeeId: number } }[] }).records;
    // Q1 (closed by the check) and Q2 (running), both A's; B's rows stay out of sight.
    expect(rows.map((row) => row.params.committeeId)).toEqual([aId, aId]);
    await staff.post('/admin/api/resources/CadenceRule/actions/runCheck').expect(403);
    await staff.get('/admin/api/resources/JobRun/actions/list').expect(403);
  });

  it('should draw the quarter grid for the user, drilling down to the activities', async () => {
    const staff = (await login(sut.app.getHttpServer() as App, 'a-staff')).agent;
    const grid = await staff.get('/admin/compliance-grid?year=2020').expect(200);
    expect(grid.headers['cache-control']).toBe('no-store');
    expect(grid.text).toContain('测试街道人大工委');
    expect(grid.text).not.toContain('另一街道人大工委');
    expect(grid.text).toContain('达标 · 1 次');
    expect(grid.text).toContain('未达标 · 0 次');
    expect(grid.text).toContain(
      `/admin/resources/Activity?filters.committeeId=${aId}&amp;filters.startsAt~~from=2020-04-01&amp;filters.startsAt~~to=2020-06-30`,
    );
    const sys = (await login(sut.app.getHttpServer() as App, 'sys')).agent;
    await sys.get('/admin/compliance-grid?year=2020').expect(403);
  });
});

describe(`catch-up on ${testDialect()}`, () => {
  it('should finalise at start-up the quarter that ended while nothing ran, once, and nothing early', async () => {
    const database = await createTestDatabase();
    const clock = new FixedClock(at('2020-04-01T00:45:00+08:00'));
    const start = (jobs: boolean) =>
      createTestApp({ database, clock, env: { JOBS_ENABLED: jobs ? 'true' : 'false' } });
    try {
      const first = await start(false);
      await createOrganisation(first.app);
      await first.app.get(JobsService).run('period-close', clock.now());
      await first.close();

      clock.set(at('2020-08-01T09:00:00+08:00'));
      const restarted = await start(true);
      const runs = restarted.dataSource.getRepository(JobRun);
      expect((await runs.find({ order: { id: 'ASC' } })).map((run) => run.runKey)).toEqual([
        'rule1:2020-Q1',
        'rule1:2020-Q2',
      ]);
      const keys = await restarted.dataSource
        .getRepository(ComplianceRecord)
        .find({ order: { periodKey: 'ASC' } });
      expect(keys.map((record) => [record.periodKey, record.status])).toEqual([
        ['2020-Q1', 'missed'],
        ['2020-Q2', 'missed'],
      ]);
      // The registry's crons run in China time: the next close is at 00:30 +08:00.
      const scheduler = restarted.app.get(JobsScheduler);
      expect(formatInstant(scheduler.nextRun('period-close') as Date, 'Asia/Shanghai')).toMatch(
        /T00:30:00\.000\+08:00$/,
      );
      expect(formatInstant(scheduler.nextRun('deadline-check') as Date, 'Asia/Shanghai')).toMatch(
        /T08:00:00\.000\+08:00$/,
      );
      await restarted.close();

      const again = await start(true);
      expect(await again.dataSource.getRepository(JobRun).count()).toBe(2);
      await again.close();
    } finally {
      await database.drop();
    }
  }, 60000);
});
