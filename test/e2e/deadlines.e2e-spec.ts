import { Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Like, type FindOptionsWhere } from 'typeorm';
import { AREAS } from '../../src/areas.js';
import { FixedClock } from '../../src/common/clock.js';
import { localDate } from '../../src/common/period.js';
import { ActivitiesService } from '../../src/modules/activities/activities.service.js';
import { Activity } from '../../src/modules/activities/activity.entity.js';
import { deadlineSources } from '../../src/modules/deadlines/deadlines.module.js';
import {
  DEADLINE_SOURCES,
  DeadlinesService,
} from '../../src/modules/deadlines/deadlines.service.js';
import type { RunResult } from '../../src/modules/jobs/job-handler.js';
import { JobsService } from '../../src/modules/jobs/jobs.service.js';
import { Notification } from '../../src/modules/notifications/notification.entity.js';
import { OutboxService } from '../../src/modules/notifications/outbox.service.js';
import { runAsSystem } from '../../src/platform/access/actor.js';
import type { AreaDeadlines, Deadline } from '../../src/platform/areas/deadlines.js';
import { createActivity } from '../factories/activity.factory.js';
import { createAdminUser } from '../factories/admin-user.factory.js';
import { createOrganisation } from '../factories/committee.factory.js';
import { createDeputy } from '../factories/deputy.factory.js';
import {
  createHandlingUnit,
  createSuggestion,
  walkSuggestion,
} from '../factories/suggestion.factory.js';
import {
  createVoterIssue,
  issueCategoryId,
  walkVoterIssue,
} from '../factories/voter-issue.factory.js';
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

/** Every calendar day from `from` to `to`, inclusive (YYYY-MM-DD). */
function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = new Date(`${from}T00:00:00Z`); ; day.setUTCDate(day.getUTCDate() + 1)) {
    const date = day.toISOString().slice(0, 10);
    out.push(date);
    if (date === to) return out;
  }
}

/**
 * 办理期限提醒, run as the scheduler runs it on one app: first the real areas (suggestions and
 * voter issues, spring 2026 around 劳动节 and 端午节), then a test-only area over the 2026
 * National Day. Each day is claimed once by the job runner, so the two stories use different
 * days, and the real story leaves nothing open for the second.
 */
describe(`deadline-reminders on ${testDialect()}`, () => {
  const clock = new FixedClock(at('2026-02-05'));
  let smtp: TestSmtpServer;
  let sut: TestApp;
  const results: Record<string, RunResult> = {};

  const notices = (where: FindOptionsWhere<Notification> = {}) =>
    sut.dataSource.getRepository(Notification).find({
      where: { kind: Like('deadline%'), ...where },
      order: { id: 'ASC' },
    });
  /** The "due date:threshold" part of each row's key (threshold `d7`…`d0` or `overdue`). */
  const steps = (rows: Notification[]) =>
    rows.map((row) => row.dedupeKey.split(':').slice(-3, -1).join(':'));

  /** The job as the scheduler runs it on `date`, the clock moved there. */
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
  }, 60_000);

  afterAll(async () => {
    await sut?.close();
    await smtp?.close();
  });

  /**
   * The real providers. Suggestion S (committee R) is assigned on 5 February 2026 to a unit
   * with a contact: its reply is due three months later, 5 May — 劳动节 — so 6 May. Voter
   * issue V is referred to another unit, due Monday 4 May (a holiday: its last working day
   * before is 30 April); V2 likewise, due Friday 8 May, and resolved on 6 May. S is replied
   * late (8 May), 不满意 on 20 May: re-handling round 2, due 20 June (a Saturday) → 22 June,
   * the Friday before being 端午节; it is replied on 17 June.
   */
  describe('the real areas: suggestions and voter issues', () => {
    let staffR: number;
    let suggestionS: number;
    let issueV: number;
    let issueV2: number;
    const twice: Record<string, unknown> = {};
    const dueOn: Record<string, string | null> = {};

    const staffNotices = (type: string, id: number) =>
      notices({ channel: 'inApp', recipientUserId: staffR, dedupeKey: Like(`%:${type}:${id}:%`) });
    const contactNotices = (address: string) =>
      notices({ channel: 'email', recipientAddress: address, recipientUserId: IsNull() });

    beforeAll(async () => {
      clock.set(at('2026-02-05'));
      const { subdistrictId: committeeId } = await createOrganisation(sut.app);
      staffR = (
        await createAdminUser(sut.app, { role: 'staff', committeeId, email: 'staff-r@example.org' })
      ).user.id;
      const lead = await createDeputy(sut.app, { committeeId });
      const unitS = await createHandlingUnit(sut.app, {
        contactName: '区住建局 李四',
        contactEmail: 'unit-s@example.org',
      });
      const unitV = await createHandlingUnit(sut.app, {
        contactName: '区城管局 王五',
        contactEmail: 'unit-v@example.org',
      });
      const suggestion = await createSuggestion(sut.app, {
        leadDeputyId: lead.id,
        title: '关于改善背街小巷照明的建议',
        raisedOn: '2026-02-02',
      });
      suggestionS = suggestion.id;
      const assigned = await walkSuggestion(sut.app, suggestionS, [
        ['assign', { leadUnitId: unitS.id, assignedOn: '2026-02-05' }],
      ]);
      dueOn.assigned = assigned.dueOn;

      clock.set(at('2026-04-01'));
      const categoryId = await issueCategoryId(sut.app);
      const referred = async (description: string, dueOn: string) => {
        const issue = await createVoterIssue(sut.app, {
          committeeId,
          categoryId,
          description,
          receivedOn: '2026-04-01',
        });
        await walkVoterIssue(sut.app, issue.id, [
          ['refer', { handlingUnitId: unitV.id, dueOn, on: '2026-04-01' }],
        ]);
        return issue.id;
      };
      issueV = await referred('小区门口道路积水严重', '2026-05-04');
      issueV2 = await referred('菜市场周边占道经营', '2026-05-08');

      for (const date of days('2026-04-20', '2026-05-12')) {
        clock.set(at(date));
        if (date === '2026-05-06') {
          await walkVoterIssue(sut.app, issueV2, [['resolve', { resolution: '已清理占道摊点' }]]);
        }
        if (date === '2026-05-08') {
          await walkSuggestion(sut.app, suggestionS, [
            ['reply', { replyText: '已制定照明改造计划', replyClass: 'A' }],
          ]);
        }
        if (date === '2026-05-11') {
          await walkVoterIssue(sut.app, issueV, [['resolve', { resolution: '已疏通排水管' }]]);
        }
        await runOn(date);
        if (date === '2026-04-30') {
          // The busiest day, run again: the runner refuses, and the reminders themselves
          // (called directly) find every notice already queued.
          await runOn(date, 'again');
          twice.remind = await runAsSystem('test', () =>
            sut.app.get(DeadlinesService).remind(at(date)),
          );
        }
      }
      clock.set(at('2026-05-20'));
      const rehandling = await walkSuggestion(sut.app, suggestionS, [
        ['evaluate', { evaluation: 'dissatisfied' }],
      ]);
      dueOn.rehandling = `${rehandling.status}:${rehandling.round}:${rehandling.dueOn}`;
      for (const date of days('2026-06-08', '2026-06-24')) {
        clock.set(at(date));
        if (date === '2026-06-17') {
          await walkSuggestion(sut.app, suggestionS, [
            ['reply', { replyText: '照明改造已开工', replyClass: 'A' }],
          ]);
        }
        await runOn(date);
      }
      await sut.app.get(OutboxService).deliver();
    }, 180_000);

    it('should have the due dates the story counts on (past 劳动节, past 端午节)', () => {
      expect(dueOn).toEqual({ assigned: '2026-05-06', rehandling: 'rehandling:2:2026-06-22' });
    });

    it('should remind nothing on weekends and holidays, and once a day', () => {
      for (const date of ['2026-05-01', '2026-05-02', '2026-05-04', '2026-05-05', '2026-06-19']) {
        expect(results[date]).toMatchObject({
          status: 'ran',
          counts: { due: 0, notifications: 0 },
        });
      }
      // V is listed on 4 May though nothing is sent: it is open, due that day.
      expect(results['2026-05-04']).toMatchObject({ counts: { items: 3 } });
      expect(results['2026-04-30']).toMatchObject({ status: 'ran', counts: { due: 3 } });
      expect(results.again.status).toBe('alreadyRun');
      expect(twice.remind).toMatchObject({ due: 3, notifications: 0 });
    });

    it('should remind the staff and the unit’s contact of a suggestion once per threshold, then once overdue', async () => {
      const inApp = await staffNotices('suggestion', suggestionS);
      expect(steps(inApp).slice(0, 5)).toEqual([
        '2026-05-06:d7',
        '2026-05-06:d3',
        '2026-05-06:d1',
        '2026-05-06:d0',
        '2026-05-06:overdue',
      ]);
      expect(inApp.map((row) => row.title).slice(0, 5)).toEqual([
        '【7个工作日后到期】关于改善背街小巷照明的建议：书面答复',
        '【3个工作日后到期】关于改善背街小巷照明的建议：书面答复',
        '【1个工作日后到期】关于改善背街小巷照明的建议：书面答复',
        '【今日到期】关于改善背街小巷照明的建议：书面答复',
        '【已逾期】关于改善背街小巷照明的建议：书面答复',
      ]);
      expect(inApp[0].body).toContain('办理期限：2026年5月6日（星期三）');
      // An in-app notice is sent when queued (the clock's day).
      const sent = inApp.map((row) => localDate(row.sentAt!, 'Asia/Shanghai'));
      expect(sent.slice(0, 5)).toEqual([
        '2026-04-22',
        '2026-04-28',
        '2026-04-30',
        '2026-05-06',
        '2026-05-07',
      ]);
      const toUnit = await contactNotices('unit-s@example.org');
      expect(steps(toUnit)).toEqual(steps(inApp));
      expect(toUnit.every((row) => row.status === 'sent')).toBe(true);
    });

    it('should remind a re-handled suggestion afresh for its new round, until it is replied', async () => {
      const inApp = await staffNotices('suggestion', suggestionS);
      expect(steps(inApp).slice(5)).toEqual(['2026-06-22:d7', '2026-06-22:d3']);
      expect(inApp[5].title).toBe('【7个工作日后到期】关于改善背街小巷照明的建议：重新办理答复');
      expect(inApp[5].dedupeKey).toMatch(/:round-2$/);
      expect(inApp[0].dedupeKey).toMatch(/:round-1$/);
      // Replied on 17 June: no 1-day, due-day or overdue notice.
      expect(results['2026-06-18']).toMatchObject({ counts: { items: 0, due: 0 } });
      expect(results['2026-06-23']).toMatchObject({ counts: { items: 0, due: 0 } });
    });

    it('should remind a referred voter issue due on a holiday, and stop once it is resolved', async () => {
      const inApp = await staffNotices('voterIssue', issueV);
      expect(steps(inApp)).toEqual([
        '2026-05-04:d7',
        '2026-05-04:d3',
        '2026-05-04:d1',
        '2026-05-04:d0',
        '2026-05-04:overdue',
      ]);
      expect(inApp.map((row) => localDate(row.sentAt!, 'Asia/Shanghai'))).toEqual([
        '2026-04-21',
        '2026-04-27',
        '2026-04-29',
        '2026-04-30',
        '2026-05-06',
      ]);
      expect(inApp[3].title).toBe(
        `【今日为期限前最后一个工作日】选民意见 #${issueV}：小区门口道路积水严重：办理反馈`,
      );
      // V2, resolved on 6 May, heard of its 7- and 3-day thresholds only.
      expect(steps(await staffNotices('voterIssue', issueV2))).toEqual([
        '2026-05-08:d7',
        '2026-05-08:d3',
      ]);
      expect(steps(await contactNotices('unit-v@example.org'))).toEqual([
        '2026-05-04:d7',
        '2026-05-08:d7',
        '2026-05-04:d3',
        '2026-05-04:d1',
        '2026-05-04:d0',
        '2026-05-08:d3',
        '2026-05-04:overdue',
      ]);
    });

    it('should deliver the emails over SMTP, each address once per notice', () => {
      expect(smtp.to('unit-s@example.org')).toBe(7);
      expect(smtp.to('unit-v@example.org')).toBe(7);
      expect(smtp.to('staff-r@example.org')).toBe(14);
    });
  });

  /**
   * A test-only provider over the 2026 National Day (seeded calendar). Item X (committee A, due
   * Friday 9 October) has an outside contact; item Y (committee B, due 30 September) is moved
   * to 12 October after its first reminder.
   */
  describe('a test-only area over the National Day', () => {
    let staffA: number;
    let staffB: number;
    let itemX: number;
    let itemY: number;

    beforeAll(async () => {
      clock.set(at('2026-09-24'));
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
      expect(toUnit.every((row) => row.recipientUserId === null && row.status === 'sent')).toBe(
        true,
      );
      const toContacts = await notices({
        channel: 'email',
        recipientUserId: IsNull(),
        dedupeKey: Like('%:activity:%'),
      });
      expect(toContacts).toHaveLength(5);
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
});
