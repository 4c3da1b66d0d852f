import type { INestApplicationContext } from '@nestjs/common';
import { DateTime } from 'luxon';
import { And, DataSource, In, IsNull, LessThan, MoreThanOrEqual, Not } from 'typeorm';
import { Clock } from '../common/clock.js';
import { box } from '../common/console-box.js';
import type { AppConfig } from '../config/app.config.js';
import { ActivitiesService } from '../modules/activities/activities.service.js';
import { Activity } from '../modules/activities/activity.entity.js';
import { Attendance, type AttendanceStatus } from '../modules/activities/attendance.entity.js';
import { AttendanceService } from '../modules/activities/attendance.service.js';
import { auditSnapshot } from '../platform/audit/audit-trail.service.js';
import { RecordWrites, useCase } from '../platform/records/write-use-case.js';
import { AdminUser } from '../modules/auth/admin-user.entity.js';
import { AdminUsersService } from '../modules/auth/admin-users.service.js';
import { temporaryPassword } from '../modules/auth/password-policy.js';
import { ROLE_LABELS } from '../platform/access/permissions.js';
import { Committee } from '../modules/committees/committee.entity.js';
import { CommitteesService } from '../modules/committees/committees.service.js';
import { Community } from '../modules/committees/community.entity.js';
import { CommunitiesService } from '../modules/committees/communities.service.js';
import { ComplianceRecord } from '../modules/compliance/compliance-record.entity.js';
import { ComplianceService } from '../modules/compliance/compliance.service.js';
import { DeputiesService } from '../modules/deputies/deputies.service.js';
import { Deputy } from '../modules/deputies/deputy.entity.js';
import { DeputyGroup } from '../modules/deputies/deputy-group.entity.js';
import { DeputyGroupsService } from '../modules/deputies/deputy-groups.service.js';
import { DictionaryItemsService } from '../modules/dictionaries/dictionary-items.service.js';
import { Term } from '../modules/terms/term.entity.js';
import { localDate } from '../common/period.js';
import { DictionaryItem } from '../modules/dictionaries/dictionary-item.entity.js';
import { CountedOutcome } from '../modules/projects/counted-outcome.entity.js';
import { CountedOutcomesService } from '../modules/projects/counted-outcomes.service.js';
import { KeyProject } from '../modules/projects/key-project.entity.js';
import { KeyProjectsService } from '../modules/projects/key-projects.service.js';
import { ProjectProgressService } from '../modules/projects/project-progress.service.js';
import { OpinionsService } from '../modules/supervision/opinions.service.js';
import { SupervisionActivitiesService } from '../modules/supervision/supervision-activities.service.js';
import { SupervisionActivity } from '../modules/supervision/supervision-activity.entity.js';
import { StudySession } from '../modules/training/study-session.entity.js';
import { StudySessionsService } from '../modules/training/study-sessions.service.js';
import { TermsService } from '../modules/terms/terms.service.js';
import {
  DEMO_CLERK,
  DEMO_DISTRICT,
  DEMO_GROUPS,
  DEMO_MISSED_NOTE,
  DEMO_OUTCOMES,
  DEMO_PROJECTS,
  DEMO_STUDY,
  DEMO_SUBDISTRICTS,
  DEMO_SUPERVISION,
  demoLocation,
  demoOccupation,
  type DemoSubdistrict,
} from './demo-seed.data.js';
import {
  demoPhone,
  demoSchedule,
  demoTerm,
  endedPeriodsOfYear,
  keyedRandom,
  type ScheduledActivity,
} from './demo-seed.rules.js';
import { AUTH_LABELS } from '../modules/auth/auth.labels.js';
import { seedStationDemo, type StationDemoCounts } from './demo-seed-stations.js';
import { seedOutreachDemo, type OutreachDemoCounts } from './demo-seed-outreach.js';

/** What a run wrote (a second run writes nothing new) and the clerk's login, if created now. */
export interface DemoSeedReport {
  year: number;
  created: Record<
    | 'committees'
    | 'communities'
    | 'groups'
    | 'deputies'
    | 'activities'
    | 'attendance'
    | 'studySessions'
    | 'supervisionActivities'
    | 'opinions'
    | 'keyProjects'
    | 'countedOutcomes'
    | 'stations'
    | 'receptions'
    | 'stationAssessments'
    | keyof OutreachDemoCounts,
    number
  >;
  /** Period keys evaluated and finalised by this run (e.g. 2026-Q1). */
  closedPeriods: string[];
  clerk: { username: string; committee: string; password: string | null };
  loginUrl: string;
}

/** The one entity of `rows` named exactly `name` (a collation may match look-alikes too). */
const exact = <T extends { name: string }>(rows: T[], name: string): T | undefined =>
  rows.find((row) => row.name === name);

/**
 * 演示数据: a believable committee's current year — one district, two subdistrict committees
 * with their communities, groups and 30 deputies, and this year's activities (weekdays, office
 * hours China time, none after today) with attendance; compliance closed up to today, one quarter
 * visibly missed (DEMO_MISSED_QUARTER); a clerk account for the second committee. Idempotent by exact name: a run
 * finds its own records and adds only what is missing, whatever else the database holds.
 */
export async function seedDemo(
  app: INestApplicationContext,
  config: AppConfig,
): Promise<DemoSeedReport> {
  return new DemoSeeder(app, config).run();
}

class DemoSeeder {
  private readonly dataSource: DataSource;
  private readonly now: Date;
  private readonly year: number;
  private readonly created: DemoSeedReport['created'] = {
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
  };

  constructor(
    private readonly app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    this.dataSource = app.get(DataSource);
    this.now = app.get(Clock).now();
    this.year = DateTime.fromJSDate(this.now, { zone: config.timeZone }).year;
  }

  async run(): Promise<DemoSeedReport> {
    const termId = await this.ensureTerm();
    const district = await this.ensureCommittee(DEMO_DISTRICT, null);
    const schedule = demoSchedule({
      year: this.year,
      now: this.now,
      timeZone: this.config.timeZone,
      committees: DEMO_SUBDISTRICTS.length,
    });
    const subdistricts: Committee[] = [];
    for (const [index, spec] of DEMO_SUBDISTRICTS.entries()) {
      const committee = await this.ensureCommittee(spec.name, district.id);
      subdistricts.push(committee);
      const members = await this.ensureDeputies(committee.id, index, spec, termId);
      const own = schedule.filter((activity) => activity.committee === index);
      await this.ensureActivities(committee.id, spec, own, members);
      await this.ensureReportRecords(committee.id);
      const stations = await seedStationDemo(this.app, {
        committeeId: committee.id,
        index,
        place: spec.place,
        members,
        year: this.year,
        timeZone: this.config.timeZone,
      });
      const outreach = await seedOutreachDemo(this.app, {
        committeeId: committee.id,
        index,
        members,
        year: this.year,
        today: localDate(this.now, this.config.timeZone),
        timeZone: this.config.timeZone,
      });
      for (const [name, value] of Object.entries({ ...stations, ...outreach })) {
        this.created[name as keyof (StationDemoCounts & OutreachDemoCounts)] += value;
      }
    }
    const clerkCommittee = subdistricts[DEMO_CLERK.subdistrict];
    // Before the close, so the clerk also finds the missed quarter among their notifications.
    const password = await this.ensureClerk(clerkCommittee.id);
    const closedPeriods = await this.closeCompliance(subdistricts.map((c) => c.id));
    return {
      year: this.year,
      created: this.created,
      closedPeriods,
      clerk: { username: DEMO_CLERK.username, committee: clerkCommittee.name, password },
      loginUrl: `http://localhost:${this.config.port}/admin`,
    };
  }

  /** Terms are unique by level and ordinal: an existing 第十五届 is the demo's too. */
  private async ensureTerm(): Promise<number> {
    const term = demoTerm(this.year);
    const existing = await this.dataSource
      .getRepository(Term)
      .findOneBy({ level: 'district', ordinal: term.ordinal });
    if (existing) return existing.id;
    const created = await this.app
      .get(TermsService)
      .create({ ...term, level: 'district', endsOn: null });
    return created.id;
  }

  private async ensureCommittee(name: string, parentId: number | null): Promise<Committee> {
    const candidates = await this.dataSource
      .getRepository(Committee)
      .findBy({ name, parentId: parentId ?? IsNull() });
    const existing = exact(candidates, name);
    if (existing) return existing;
    this.created.committees += 1;
    return this.app.get(CommitteesService).create({
      name,
      kind: parentId === null ? 'district' : 'subdistrict',
      parentId,
    });
  }

  /** The committee's communities and groups, then its deputies; their ids in list order. */
  private async ensureDeputies(
    committeeId: number,
    index: number,
    spec: DemoSubdistrict,
    termId: number,
  ): Promise<number[]> {
    const communityIds = await this.ensureCommunities(committeeId, spec.communities);
    const groupIds = await this.ensureGroups(committeeId);
    const existing = await this.dataSource.getRepository(Deputy).findBy({ committeeId });
    const ids: number[] = [];
    for (const [i, person] of spec.people.entries()) {
      const found = exact(existing, person.name);
      if (found) {
        ids.push(found.id);
        continue;
      }
      const n = index * spec.people.length + i;
      const community = spec.communities[i % spec.communities.length];
      const work = demoOccupation(n, community);
      const random = keyedRandom(`deputy:${person.name}`);
      const birth = DateTime.fromObject({
        year: this.year - 30 - Math.floor(random * 32),
        month: 1,
      })
        .plus({ days: Math.floor(keyedRandom(`birthday:${person.name}`) * 365) })
        .toISODate() as string;
      const deputy = await this.app.get(DeputiesService).create({
        name: person.name,
        gender: person.gender,
        ethnicity: person.ethnicity ?? '汉族',
        birthDate: birth,
        party: random < 0.7 ? '中共党员' : random < 0.9 ? '群众' : '无党派人士',
        level: 'district',
        constituency: `第${(i % 5) + 1}选区`,
        occupation: work.occupation,
        workplace: work.workplace,
        phone: demoPhone(n),
        committeeId,
        communityId: communityIds[i % communityIds.length],
        termId,
        groupId: groupIds[i % groupIds.length],
      });
      this.created.deputies += 1;
      ids.push(deputy.id);
    }
    return ids;
  }

  private async ensureCommunities(committeeId: number, names: string[]): Promise<number[]> {
    const existing = await this.dataSource.getRepository(Community).findBy({ committeeId });
    const ids: number[] = [];
    for (const name of names) {
      const found = exact(existing, name);
      if (found) {
        ids.push(found.id);
        continue;
      }
      const kind = name.endsWith('村') ? 'village' : 'community';
      ids.push((await this.app.get(CommunitiesService).create({ name, kind, committeeId })).id);
      this.created.communities += 1;
    }
    return ids;
  }

  private async ensureGroups(committeeId: number): Promise<number[]> {
    const existing = await this.dataSource.getRepository(DeputyGroup).findBy({ committeeId });
    const ids: number[] = [];
    for (const name of DEMO_GROUPS) {
      const found = exact(existing, name);
      if (found) {
        ids.push(found.id);
        continue;
      }
      ids.push((await this.app.get(DeputyGroupsService).create({ name, committeeId })).id);
      this.created.groups += 1;
    }
    return ids;
  }

  /** This year's activities of the schedule not yet recorded (by exact title), with attendance. */
  private async ensureActivities(
    committeeId: number,
    spec: DemoSubdistrict,
    schedule: ScheduledActivity[],
    members: number[],
  ): Promise<void> {
    const kinds = await this.app.get(DictionaryItemsService).activityKinds();
    const yearStart = DateTime.fromObject({ year: this.year }, { zone: this.config.timeZone });
    const existing = await this.dataSource.getRepository(Activity).findBy({
      committeeId,
      startsAt: And(
        MoreThanOrEqual(yearStart.toJSDate()),
        LessThan(yearStart.plus({ years: 1 }).toJSDate()),
      ),
    });
    for (const planned of schedule) {
      const kind = kinds.find((item) => item.code === planned.plan.kind);
      if (!kind) continue; // a kind switched off in the dictionary is not the demo's to restore
      let activity = existing.find((row) => row.title === planned.plan.title);
      if (!activity) {
        activity = await this.app.get(ActivitiesService).create({
          committeeId,
          kindId: kind.id,
          title: planned.plan.title,
          startsAt: planned.startsAt,
          endsAt: planned.endsAt,
          location: demoLocation(planned.plan.kind, spec.place),
          status: planned.status,
          summary: planned.status === 'held' ? planned.plan.summary : DEMO_MISSED_NOTE,
          organiser: `${spec.place}人大工委办公室`,
        });
        this.created.activities += 1;
      }
      if (activity.status === 'held') await this.ensureAttendance(activity, members);
    }
  }

  private async ensureAttendance(activity: Activity, members: number[]): Promise<void> {
    if (await this.dataSource.getRepository(Attendance).existsBy({ activityId: activity.id })) {
      return;
    }
    await this.app.get(AttendanceService).upsert(
      activity.id,
      members.map((deputyId) => {
        const roll = keyedRandom(`attendance:${activity.title}:${deputyId}`);
        const status: AttendanceStatus =
          roll < 0.82 ? 'attended' : roll < 0.95 ? 'leave' : 'absent';
        return { deputyId, status, note: status === 'leave' ? '因公请假' : null };
      }),
    );
    this.created.attendance += members.length;
  }

  /**
   * The records the annual report's 一(一)–(四) count, on this year's held activities: study
   * details of the study activities, supervision details with an opinion (assigned to its unit)
   * of the supervision activities, and the committee's key projects (with the progress of the
   * last ended quarter) and counted outcomes. Each found by its activity or exact name.
   */
  private async ensureReportRecords(committeeId: number): Promise<void> {
    const kinds = await this.app.get(DictionaryItemsService).activityKinds();
    const category = new Map(kinds.map((kind) => [kind.id, kind.category]));
    const yearStart = DateTime.fromObject({ year: this.year }, { zone: this.config.timeZone });
    const held = await this.dataSource.getRepository(Activity).findBy({
      committeeId,
      status: 'held',
      startsAt: And(
        MoreThanOrEqual(yearStart.toJSDate()),
        LessThan(yearStart.plus({ years: 1 }).toJSDate()),
      ),
    });
    for (const activity of held) {
      const study = DEMO_STUDY[activity.title];
      if (study && category.get(activity.kindId) === 'training') {
        if (
          !(await this.dataSource.getRepository(StudySession).existsBy({ activityId: activity.id }))
        ) {
          await this.app
            .get(StudySessionsService)
            .create({ activityId: activity.id, topic: activity.title, ...study });
          this.created.studySessions += 1;
        }
      }
      const supervision = DEMO_SUPERVISION[activity.title];
      if (supervision && category.get(activity.kindId) === 'supervision') {
        await this.ensureSupervision(activity, supervision);
      }
    }
    const today = localDate(this.now, this.config.timeZone);
    const lastQuarterEnd = DateTime.fromJSDate(this.now, { zone: this.config.timeZone })
      .startOf('quarter')
      .minus({ days: 1 });
    const projects = await this.dataSource
      .getRepository(KeyProject)
      .findBy({ committeeId, year: this.year });
    for (const [index, spec] of DEMO_PROJECTS.entries()) {
      if (exact(projects, spec.name)) continue;
      const project = await this.app.get(KeyProjectsService).create({
        committeeId,
        name: spec.name,
        year: this.year,
        stage: spec.stage,
        plannedInvestment: spec.planned,
      });
      this.created.keyProjects += 1;
      if (lastQuarterEnd.year === this.year && spec.stage !== 'plannedStart') {
        await this.app.get(ProjectProgressService).create({
          projectId: project.id,
          asOf: lastQuarterEnd.toISODate() as string,
          // On schedule or a little behind: the year's share of the quarters ended so far.
          completedInvestment: Math.round(
            ((spec.planned * lastQuarterEnd.quarter) / 4) * (0.9 - 0.1 * index),
          ),
        });
      }
    }
    const outcomes = await this.dataSource
      .getRepository(CountedOutcome)
      .findBy({ committeeId, year: this.year });
    for (const spec of DEMO_OUTCOMES) {
      if (exact(outcomes, spec.name)) continue;
      await this.app.get(CountedOutcomesService).create({
        committeeId,
        year: this.year,
        ...spec,
        status: today.endsWith('-12-31') ? 'done' : 'inProgress',
      });
      this.created.countedOutcomes += 1;
    }
  }

  private async ensureSupervision(
    activity: Activity,
    spec: (typeof DEMO_SUPERVISION)[string],
  ): Promise<void> {
    const existing = await this.dataSource
      .getRepository(SupervisionActivity)
      .findOneBy({ activityId: activity.id });
    if (existing) return;
    const areaId = (
      await this.dataSource
        .getRepository(DictionaryItem)
        .createQueryBuilder('item')
        .innerJoin('item.dictionary', 'dictionary')
        .where('dictionary.code = :code AND item.code = :item', {
          code: 'supervision_area',
          item: spec.area,
        })
        .getOne()
    )?.id;
    if (areaId === undefined) return; // an area switched off is not the demo's to restore
    const supervision = await this.app.get(SupervisionActivitiesService).create({
      activityId: activity.id,
      areaId,
      subject: activity.title,
      findings: spec.findings,
    });
    this.created.supervisionActivities += 1;
    const opinion = await this.app
      .get(OpinionsService)
      .create({ supervisionActivityId: supervision.id, content: spec.opinion });
    const raised = DateTime.fromJSDate(activity.startsAt, { zone: this.config.timeZone });
    await this.app.get(OpinionsService).transition(opinion.id, 'assign', {
      responsibleUnit: spec.unit,
      dueOn: raised.plus({ months: 3 }).toISODate(),
      note: '会后交办',
    });
    this.created.opinions += 1;
  }

  /**
   * 工委工作人员 (role `staff`) of the demo committee, with a temporary password to change at
   * first login, like every account the panel registers; written with its audit row. Returns
   * the password when the account is created now, null when it already existed.
   */
  private async ensureClerk(committeeId: number): Promise<string | null> {
    const users = this.dataSource.getRepository(AdminUser);
    if (await users.existsBy({ username: DEMO_CLERK.username })) return null;
    const password = temporaryPassword();
    const account = useCase('adminUser', AUTH_LABELS.records.adminUser, 'new');
    await this.app.get(RecordWrites).run(account, async (write) => {
      const user = await this.app.get(AdminUsersService).create(
        {
          username: DEMO_CLERK.username,
          password,
          mustChangePassword: true,
          displayName: DEMO_CLERK.displayName,
          role: 'staff',
          committeeId,
        },
        write.manager,
      );
      await write.audit({ action: 'create', objectId: user.id, detail: auditSnapshot(user) });
    });
    return password;
  }

  /**
   * 期末结算 for this year's ended periods that the demo committees have no final record of
   * (the compliance service's own evaluation, as the nightly close runs it), then the running
   * period's standing — so the home page's grid shows met, missed and in progress.
   */
  private async closeCompliance(committeeIds: number[]): Promise<string[]> {
    const compliance = this.app.get(ComplianceService);
    const closed: string[] = [];
    for (const rule of await compliance.enabledRules()) {
      const periods = endedPeriodsOfYear(rule.period, this.year, this.now, this.config.timeZone);
      for (const period of periods) {
        const finals = await this.dataSource.getRepository(ComplianceRecord).countBy({
          ruleId: rule.id,
          periodKey: period.key,
          committeeId: In(committeeIds),
          finalisedAt: Not(IsNull()),
        });
        if (finals >= committeeIds.length) continue;
        await compliance.evaluate(rule, period, this.now);
        closed.push(period.key);
      }
    }
    await compliance.refreshCurrent(this.now);
    return closed;
  }
}

/** What `seed:demo` prints: counts, then the clerk's login in a box when it was just created. */
export function formatDemoReport(report: DemoSeedReport): string {
  const { created } = report;
  const wrote = Object.values(created).some((count) => count > 0);
  const lines = [
    wrote
      ? `已写入 ${report.year} 年演示数据 / demo seeded: ${created.committees} 个委员会, ${created.communities} 个社区/村, ${created.groups} 个代表小组, ${created.deputies} 名代表, ${created.activities} 项活动, ${created.attendance} 条出席记录, ${created.studySessions} 次学习培训, ${created.supervisionActivities} 次监督活动, ${created.opinions} 条意见建议, ${created.keyProjects} 个重大项目, ${created.countedOutcomes} 项工作成效, ${created.stations} 个代表联络站, ${created.receptions} 次接待, ${created.stationAssessments} 份联络站考评, ${created.outreachActivities} 次走访座谈, ${created.voterIssues} 条选民意见, ${created.handlingUnits} 个承办单位, ${created.suggestions} 件代表建议`
      : `演示数据已是最新，未重复写入 / demo data already present for ${report.year}`,
    report.closedPeriods.length > 0
      ? `已结算达标情况 / compliance closed: ${report.closedPeriods.join(', ')}`
      : '达标情况已结算 / compliance already closed',
  ];
  const { clerk } = report;
  if (clerk.password === null) {
    lines.push(
      `演示账号 ${clerk.username} 已存在，密码未改变；如需重置：npm run cli -- admin:reset-password --username ${clerk.username}`,
    );
    return `${lines.join('\n')}\n`;
  }
  return `${lines.join('\n')}\n${box([
    `演示账号（${clerk.committee}${ROLE_LABELS.staff}），密码只显示这一次`,
    'Demo clerk account; the password is shown only this once',
    '',
    `登录 / log in  ${report.loginUrl}`,
    `用户名 ${clerk.username}  密码 ${clerk.password}`,
    '',
    '首次登录后必须修改密码 / change it at first login',
  ])}`;
}
