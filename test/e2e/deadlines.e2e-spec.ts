import { Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Like, type FindOptionsWhere } from 'typeorm';
import { AREAS } from '../../src/areas.js';
import { FixedClock } from '../../src/common/clock.js';
import { localDate } from '../../src/common/period.js';
import { ActivitiesService } from '../../src/modules/activities/activities.service.js';
import { Activity } from '../../src/modules/activities/activity.entity.js';
import { deadlineSources } from '../../src/modules/deadlines/deadlines.module.js';
import { DEADLINE_SOURCES } from '../../src/modules/deadlines/deadlines.service.js';
import type { RunResult } from '../../src/modules/jobs/job-handler.js';
import { JobsService } from '../../src/modules/jobs/jobs.service.js';
import { Notification } from '../../src/modules/notifications/notification.entity.js';
import { OutboxService } from '../../src/modules/notifications/outbox.service.js';
import { runAsSystem } from '../../src/platform/access/actor.js';
import type { AreaDeadlines, Deadline } from '../../src/platform/areas/deadlines.js';
import { createActivity } from '../factories/activity.factory.js';
import { createAdminUser } from '../factories/admin-user.factory.js';
import { createOrganisation } from '../factories/committee.factory.js';
import { startSmtp, type TestSmtpServer } from '../support/smtp-server.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';

/** The outside contacts of the test's items, by activity id. */
const CONTACTS = new Map<number, Deadline['contacts']>();

/**
 * A test-only area provider in the shape of a real one (suggestions, voter issues): the planned
 * activities are the open items, due on the local day they start, reading real rows. The lead's
 * e2e with the real providers needs none of this: they come from AREAS.
 */
@Injectable()
class PlannedActivityDeadlines implements AreaDeadlines {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async dueBy(until: string): Promise<Deadline[]> {
    const planned = await this.dataSource
      .getRepository(Activity)
      .find({ where: { status: 'planned', id: In([...CONTACTS.keys()]) }, order: { id: 'ASC' } });
    return planned
      .map((activity) => ({
        type: 'activity' as const,
        id: activity.id,
        committeeId: activity.committeeId,
        title: activity.title,
        due: '活动筹备',
        dueOn: localDate(activity.startsAt, 'Asia/Shanghai'),
        round: 'planned',
        contacts: CONTACTS.get(activity.id) ?? [],
      }))
      .filter((deadline) => deadline.dueOn <= until);
  }
}

@Module({ providers: [PlannedActivityDeadlines], exports: [PlannedActivityDeadlines] })
class TestDeadlinesModule {}

const at = (date: string) => new Date(`${date}T08:15:00+08:00`);

/**
 * 办理期限提醒 over the 2026 National Day (seeded calendar): the job run day by day, its
 * reminders counted in the outbox and at a real SMTP server. Item X (committee A, due Friday
 * 9 October) has an outside contact; item Y (committee B, due 30 September) is moved to
 * 12 October after its first reminder.
 */
describe(`deadline-reminders on ${testDialect()}`, () => {
  const clock = new FixedClock(at('2026-09-24'));
  let smtp: TestSmtpServer;
  let sut: TestApp;
  let staffA: number;
  let staffB: number;
  let itemX: number;
  let itemY: number;
  const results: Record<string, RunResult> = {};

  const notices = (where: FindOptionsWhere<Notification> = {}) =>
    sut.dataSource.getRepository(Notification).find({
      where: { kind: Like('deadline%'), ...where },
      order: { id: 'ASC' },
    });

  /** The job as the scheduler runs it on `date` (twice when asked), the clock moved there. */
  async function runOn(date: string, label = date): Promise<void> {
    clock.set(at(date));
    const report = await sut.app.get(JobsService).run('deadline-reminders', at(date));
    results[label] = report.runs[0].result;
  }

  beforeAll(async () => {
    smtp = await startSmtp();
    sut = await createTestApp({
      clock,
      env: { SMTP_URL: smtp.url, JOBS_ENABLED: 'false' },
      imports: [TestDeadlinesModule],
      override: (builder) =>
        builder
          .overrideProvider(DEADLINE_SOURCES)
          .useValue([
            ...deadlineSources(AREAS),
            { area: 'test', deadlines: PlannedActivityDeadlines },
          ]),
    });
    /** A committee with one staff member (with an email) and one open item due `startsAt`. */
    const committeeWithItem = async (email: string, title: string, startsAt: string) => {
      const { subdistrictId } = await createOrganisation(sut.app);
      const staff = await createAdminUser(sut.app, {
        role: 'staff',
        committeeId: subdistrictId,
        email,
      });
      const item = await createActivity(sut.app, {
        committeeId: subdistrictId,
        title,
        startsAt,
        status: 'planned',
      });
      return { staff: staff.user.id, item: item.id };
    };
    ({ staff: staffA, item: itemX } = await committeeWithItem(
      'staff-a@example.org',
      '关于加快老旧小区改造的建议',
      '2026-10-09T09:00:00+08:00',
    ));
    // The unit's contact, and a staff member's address again in other case (mailed once).
    CONTACTS.set(itemX, [
      { name: '区住建局 张三', email: 'unit@example.org' },
      { name: '工作人员', email: 'STAFF-A@example.org' },
    ]);
    ({ staff: staffB, item: itemY } = await committeeWithItem(
      'staff-b@example.org',
      '关于增设公交站点的建议',
      '2026-09-30T09:00:00+08:00',
    ));
    CONTACTS.set(itemY, []);

    await runOn('2026-09-25'); // 中秋 holiday: nothing
    await runOn('2026-09-28');
    await runOn('2026-09-28', 'again');
    // Y is rescheduled: a new due date is reminded afresh.
    await runAsSystem('test', () =>
      sut.app.get(ActivitiesService).update(itemY, { startsAt: '2026-10-12T09:00:00+08:00' }),
    );
    for (const date of ['2026-09-29', '2026-09-30', '2026-10-05', '2026-10-08', '2026-10-09']) {
      await runOn(date);
    }
    await runOn('2026-10-10'); // the 调休 Saturday: X is overdue
    await runOn('2026-10-11'); // Sunday: nothing
    await runOn('2026-10-12');
    await sut.app.get(OutboxService).deliver();
  }, 120_000);

  afterAll(async () => {
    await sut?.close();
    await smtp?.close();
  });

  it('should run once a day, and remind only on working days', () => {
    expect(results['2026-09-25']).toMatchObject({
      status: 'ran',
      counts: { items: 2, due: 0, notifications: 0 },
    });
    expect(results['2026-09-28']).toMatchObject({
      status: 'ran',
      counts: { items: 2, due: 2, overdue: 0 },
    });
    expect(results.again.status).toBe('alreadyRun');
    expect(results['2026-10-05']).toMatchObject({ status: 'ran', counts: { due: 0 } });
    expect(results['2026-10-11']).toMatchObject({ status: 'ran', counts: { due: 0 } });
    expect(results['2026-10-10']).toMatchObject({ status: 'ran', counts: { overdue: 1 } });
  });

  it('should remind the committee’s staff once per threshold, then once overdue', async () => {
    const inApp = await notices({ channel: 'inApp', recipientUserId: staffA });
    expect(inApp.map((row) => row.title)).toEqual([
      '【4个工作日后到期】关于加快老旧小区改造的建议：活动筹备',
      '【3个工作日后到期】关于加快老旧小区改造的建议：活动筹备',
      '【1个工作日后到期】关于加快老旧小区改造的建议：活动筹备',
      '【今日到期】关于加快老旧小区改造的建议：活动筹备',
      '【已逾期】关于加快老旧小区改造的建议：活动筹备',
    ]);
    expect(inApp.map((row) => row.dedupeKey.split(':').slice(-3, -1).join(':'))).toEqual([
      '2026-10-09:d7',
      '2026-10-09:d3',
      '2026-10-09:d1',
      '2026-10-09:d0',
      '2026-10-09:overdue',
    ]);
    expect(inApp[0].body).toContain('办理期限：2026年10月9日（星期五）');
    // Committee B's staff hear of their own item only.
    const other = await notices({ channel: 'inApp', recipientUserId: staffB });
    expect(other.every((row) => row.title.includes('增设公交站点'))).toBe(true);
  });

  it('should remind a rescheduled item afresh for its new due date', async () => {
    const other = await notices({ channel: 'inApp', recipientUserId: staffB });
    expect(other.map((row) => row.dedupeKey.split(':').slice(-3, -1).join(':'))).toEqual([
      '2026-09-30:d3',
      '2026-10-12:d7',
      '2026-10-12:d3',
      '2026-10-12:d1',
      '2026-10-12:d0',
    ]);
  });

  it('should email the outside contact without an account, and each address once', async () => {
    const toUnit = await notices({ channel: 'email', recipientAddress: 'unit@example.org' });
    expect(toUnit).toHaveLength(5);
    expect(toUnit.every((row) => row.recipientUserId === null && row.status === 'sent')).toBe(true);
    expect(await notices({ channel: 'email', recipientUserId: IsNull() })).toHaveLength(5);
    expect(smtp.to('unit@example.org')).toBe(5);
    expect(smtp.to('staff-a@example.org')).toBe(5);
    expect(smtp.to('STAFF-A@example.org')).toBe(0);
    expect(smtp.to('staff-b@example.org')).toBe(5);
    const unsent = await sut.dataSource
      .getRepository(Notification)
      .countBy({ kind: Like('deadline%'), channel: 'email', status: In(['pending', 'failed']) });
    expect(unsent).toBe(0);
  });
});
