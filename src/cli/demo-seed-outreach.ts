import type { INestApplicationContext } from '@nestjs/common';
import { DateTime } from 'luxon';
import {
  And,
  DataSource,
  In,
  LessThan,
  MoreThanOrEqual,
  type EntityTarget,
  type FindOptionsWhere,
} from 'typeorm';
import { Activity } from '../modules/activities/activity.entity.js';
import { Community } from '../modules/committees/community.entity.js';
import { DictionaryItem } from '../modules/dictionaries/dictionary-item.entity.js';
import { DictionaryItemsService } from '../modules/dictionaries/dictionary-items.service.js';
import { OutreachActivitiesService } from '../modules/outreach/outreach-activities.service.js';
import { OutreachActivity } from '../modules/outreach/outreach-activity.entity.js';
import { VoterIssue } from '../modules/outreach/voter-issue.entity.js';
import type { VoterIssueSource } from '../modules/outreach/voter-issue.rules.js';
import {
  ISSUE_CATEGORY_DICTIONARY,
  VoterIssuesService,
} from '../modules/outreach/voter-issues.service.js';
import { HandlingUnit } from '../modules/suggestions/handling-unit.entity.js';
import { HandlingUnitsService } from '../modules/suggestions/handling-units.service.js';
import { Suggestion } from '../modules/suggestions/suggestion.entity.js';
import { SuggestionsService } from '../modules/suggestions/suggestions.service.js';

/** What the outreach and suggestions part of a demo run wrote. */
export interface OutreachDemoCounts {
  outreachActivities: number;
  voterIssues: number;
  handlingUnits: number;
  suggestions: number;
}

/** 承办单位: the global registry's demo units (found by exact name, created once). */
export const DEMO_HANDLING_UNITS = [
  { name: '区住房和城乡建设局', kind: '区级部门', contactName: '周明', phone: '138-0000-0101' },
  { name: '区城市管理局', kind: '区级部门', contactName: '吴敏', phone: '138-0000-0102' },
  { name: '区交通运输局', kind: '区级部门', contactName: '郑伟', phone: '138-0000-0103' },
] as const;

type IssueOutcome = 'answer' | 'refer' | 'resolve' | 'escalate' | 'decline' | 'open';

/**
 * 选民意见 each demo committee collects: where, from whom (obviously fictional), what, and how far
 * it went. Issues of a visit or forum wait for that activity to be held; `day` is days after the
 * activity (or, by phone/online, the day of the year), never later than today.
 */
const DEMO_ISSUES: readonly {
  source: VoterIssueSource;
  day: number;
  voter: string;
  phone: string;
  category: string;
  description: string;
  outcome: IssueOutcome;
  feedback?: 'satisfied' | 'basicallySatisfied';
}[] = [
  {
    source: 'visit',
    day: 0,
    voter: '测试选民甲',
    phone: '138-0000-0001',
    category: 'urban_management',
    description: '小区门口路灯损坏多日，夜间出行不便。',
    outcome: 'answer',
    feedback: 'satisfied',
  },
  {
    source: 'visit',
    day: 0,
    voter: '测试选民乙',
    phone: '138-0000-0002',
    category: 'urban_management',
    description: '老旧小区多层住宅无电梯，老年居民上下楼困难，希望加快加装电梯。',
    outcome: 'escalate',
  },
  {
    source: 'forum',
    day: 0,
    voter: '测试选民丙',
    phone: '138-0000-0003',
    category: 'sanitation',
    description: '小区垃圾分类投放点设置过少，周边堆放杂物影响环境。',
    outcome: 'resolve',
    feedback: 'basicallySatisfied',
  },
  {
    source: 'forum',
    day: 0,
    voter: '测试选民丁',
    phone: '138-0000-0004',
    category: 'transport',
    description: '社区周边早晚高峰停车难，占道停车严重。',
    outcome: 'refer',
  },
  {
    source: 'phone',
    day: 60,
    voter: '测试选民戊',
    phone: '138-0000-0005',
    category: 'other',
    description: '反映邻里之间因装修噪音产生的纠纷，要求代表出面调解赔偿。',
    outcome: 'decline',
  },
  {
    source: 'online',
    day: 75,
    voter: '测试选民己',
    phone: '138-0000-0006',
    category: 'education_health',
    description: '社区卫生服务站周末不开诊，希望增加周末门诊时间。',
    outcome: 'open',
  },
];

/** 代表建议 each demo committee's deputies raise themselves, and how far each has gone. */
const DEMO_SUGGESTIONS: readonly {
  title: string;
  day: number;
  category: string;
  /** The steps taken, in order (each a few weeks after the one before, never after today). */
  steps: ('assign' | 'replyA' | 'replyB' | 'replyC' | 'satisfied' | 'dissatisfied' | 'solve')[];
}[] = [
  { title: '关于增设社区公共充电桩的建议', day: 20, category: 'transport', steps: ['assign'] },
  {
    title: '关于改善背街小巷照明的建议',
    day: 25,
    category: 'urban_management',
    steps: ['assign', 'replyB'],
  },
  {
    title: '关于整治河道沿线排污口的建议',
    day: 30,
    category: 'sanitation',
    steps: ['assign', 'replyC', 'dissatisfied'],
  },
  {
    title: '关于优化公交线路覆盖新建小区的建议',
    day: 35,
    category: 'transport',
    steps: ['assign', 'replyB', 'satisfied'],
  },
  {
    title: '关于规范农贸市场经营秩序的建议',
    day: 40,
    category: 'urban_management',
    steps: ['assign', 'replyA', 'satisfied'],
  },
  {
    title: '关于老旧小区雨污分流改造的建议',
    day: 45,
    category: 'sanitation',
    steps: ['assign', 'replyB', 'satisfied', 'solve'],
  },
];

/** Days between two steps of the demo's suggestions and issues. */
const STEP_GAP = 12;

/**
 * 联系选民 and 代表建议 of a demo committee: the held visits and forums with the voters they
 * reached, the voter issues collected there and by phone or online, each taken through its steps
 * (answered and fed back, escalated to a suggestion, referred then resolved, referred, declined,
 * still open), the global handling units, and the deputies' own suggestions in every state of the
 * workflow (assigned, replied, re-handling after 不满意, tracking, closed). Every record goes
 * through its service and every state through the real steps; dates are never after today.
 * Idempotent: outreach records by activity, issues by description, suggestions by title, units
 * by name (the committee's own records only, except the shared units).
 */
export async function seedOutreachDemo(
  app: INestApplicationContext,
  input: {
    committeeId: number;
    index: number;
    members: number[];
    year: number;
    today: string;
    timeZone: string;
  },
): Promise<OutreachDemoCounts> {
  const counts: OutreachDemoCounts = {
    outreachActivities: 0,
    voterIssues: 0,
    handlingUnits: 0,
    suggestions: 0,
  };
  const dataSource = app.get(DataSource);
  const yearStart = DateTime.fromObject({ year: input.year }, { zone: input.timeZone });
  /** `base` plus `days`, within the year and not after today. */
  const dayAfter = (base: string, days: number): string => {
    const candidate = DateTime.fromISO(base, { zone: input.timeZone }).plus({ days }).toISODate()!;
    return candidate > input.today ? input.today : candidate;
  };
  const firstDay = yearStart.toISODate()!;

  const units = await ensureHandlingUnits(app, counts);
  const categories = new Map(
    (
      await dataSource
        .getRepository(DictionaryItem)
        .createQueryBuilder('item')
        .innerJoin('item.dictionary', 'dictionary')
        .where('dictionary.code = :code', { code: ISSUE_CATEGORY_DICTIONARY })
        .getMany()
    ).map((item) => [item.code, item.id]),
  );
  const communities = await dataSource
    .getRepository(Community)
    .find({ where: { committeeId: input.committeeId }, order: { id: 'ASC' } });

  // 走访 and 座谈会: the year's held activities of category outreach, each with its record.
  const outreachKinds = (await app.get(DictionaryItemsService).activityKinds()).filter(
    (kind) => kind.category === 'outreach',
  );
  const held = await dataSource.getRepository(Activity).find({
    where: {
      committeeId: input.committeeId,
      status: 'held',
      kindId: In(outreachKinds.map((kind) => kind.id)),
      startsAt: And(
        MoreThanOrEqual(yearStart.toJSDate()),
        LessThan(yearStart.plus({ years: 1 }).toJSDate()),
      ),
    },
    order: { startsAt: 'ASC', id: 'ASC' },
  });
  const heldBySource = new Map<VoterIssueSource, Activity>();
  for (const activity of held) {
    const code = outreachKinds.find((kind) => kind.id === activity.kindId)?.code;
    const source: VoterIssueSource = code === 'voter_forum' ? 'forum' : 'visit';
    if (!heldBySource.has(source)) heldBySource.set(source, activity);
    if (await dataSource.getRepository(OutreachActivity).existsBy({ activityId: activity.id })) {
      continue;
    }
    const forum = source === 'forum';
    await app.get(OutreachActivitiesService).create({
      activityId: activity.id,
      votersReached: (forum ? 25 : 40) + (activity.id % 7),
      officialsCount: forum ? 3 : 1,
      residentsCount: forum ? 12 : 0,
      otherParticipantsNote: forum ? '街道城管科、社区居委会负责人列席' : '社区网格员陪同',
      notes: forum ? '座谈会现场登记选民意见并当场交流。' : '代表分组入户走访，登记选民意见。',
    });
    counts.outreachActivities += 1;
  }

  // 选民意见, each through its steps.
  const issues = app.get(VoterIssuesService);
  const existingIssues = await keysOf(dataSource, VoterIssue, input.committeeId, 'description');
  for (const [n, spec] of DEMO_ISSUES.entries()) {
    if (existingIssues.has(spec.description)) continue;
    const activity = heldBySource.get(spec.source);
    if ((spec.source === 'visit' || spec.source === 'forum') && !activity) continue;
    const base = activity
      ? DateTime.fromJSDate(activity.startsAt, { zone: input.timeZone }).toISODate()!
      : firstDay;
    const receivedOn = dayAfter(base, spec.day);
    const deputyId = input.members[(n + input.index) % input.members.length];
    const issue = await issues.create({
      committeeId: input.committeeId,
      source: spec.source,
      activityId: activity?.id ?? null,
      voterName: spec.voter,
      voterPhone: spec.phone,
      voterAddress: `演示地址${n + 1}号`,
      communityId: communities.length > 0 ? communities[n % communities.length].id : null,
      deputyId,
      categoryId: categories.get(spec.category),
      description: spec.description,
      receivedOn,
    });
    counts.voterIssues += 1;
    const on = (step: number) => dayAfter(receivedOn, step * STEP_GAP);
    switch (spec.outcome) {
      case 'answer':
        await issues.transition(issue.id, 'answer', {
          on: on(0),
          resolution: '代表现场联系社区，当场答复维修安排。',
        });
        break;
      case 'refer':
      case 'resolve':
        // 转交 with 30 days to handle; the one to resolve is handled within them.
        await issues.transition(issue.id, 'refer', {
          on: on(1),
          handlingUnitId: units[n % units.length],
          dueOn: DateTime.fromISO(on(1)).plus({ days: 30 }).toISODate()!,
          note: '转交承办单位研究办理。',
        });
        if (spec.outcome === 'refer') break;
        await issues.transition(issue.id, 'resolve', {
          on: on(2),
          resolution: '承办单位已增设投放点并清理堆放杂物。',
        });
        break;
      case 'escalate':
        await issues.transition(issue.id, 'escalate', {
          on: on(1),
          suggestion: { title: '关于加快老旧小区加装电梯的建议' },
          note: '选民反映集中，转为代表建议。',
        });
        counts.suggestions += 1;
        break;
      case 'decline':
        await issues.transition(issue.id, 'decline', {
          on: on(0),
          reason: '属民事纠纷，已告知选民通过人民调解或司法途径解决。',
        });
        break;
      case 'open':
        break;
    }
    if (spec.feedback) {
      await issues.transition(issue.id, 'feedback', {
        on: on(3),
        satisfaction: spec.feedback,
        note: '电话回访选民。',
      });
    }
  }

  // 代表建议 the deputies raise themselves, each through its steps.
  const suggestions = app.get(SuggestionsService);
  const existingTitles = await keysOf(dataSource, Suggestion, input.committeeId, 'title');
  for (const [n, spec] of DEMO_SUGGESTIONS.entries()) {
    if (existingTitles.has(spec.title)) continue;
    const lead = (n + input.index) % input.members.length;
    const raisedOn = dayAfter(firstDay, spec.day);
    const suggestion = await suggestions.create({
      title: spec.title,
      content: `${spec.title.replace(/^关于|的建议$/g, '')}，群众反映较多，建议有关部门统筹研究解决。`,
      leadDeputyId: input.members[lead],
      coSignerIds: [1, 2].map((k) => input.members[(lead + k) % input.members.length]),
      raisedOn,
      categoryId: categories.get(spec.category),
    });
    counts.suggestions += 1;
    for (const [k, step] of spec.steps.entries()) {
      const on = dayAfter(raisedOn, (k + 1) * STEP_GAP);
      switch (step) {
        case 'assign':
          await suggestions.transition(suggestion.id, 'assign', {
            assignedOn: dayAfter(raisedOn, 2),
            leadUnitId: units[n % units.length],
            coUnitIds: n % 2 === 0 ? [units[(n + 1) % units.length]] : [],
          });
          break;
        case 'replyA':
        case 'replyB':
        case 'replyC':
          await suggestions.transition(suggestion.id, 'reply', {
            repliedOn: on,
            replyClass: step.slice(-1),
            replyText: '经研究，已列入年度工作计划并组织实施，办理情况如下。',
          });
          break;
        case 'satisfied':
        case 'dissatisfied':
          await suggestions.transition(suggestion.id, 'evaluate', {
            evaluation: step,
            evaluatedOn: on,
          });
          break;
        case 'solve':
          await suggestions.transition(suggestion.id, 'solve', { solvedOn: on });
          break;
      }
    }
  }
  return counts;
}

/** `key` of each of the committee's `entity` rows: what a re-run finds its own records by. */
async function keysOf<T extends { committeeId: number }>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  committeeId: number,
  key: keyof T,
): Promise<Set<unknown>> {
  const rows = await dataSource
    .getRepository(entity)
    .findBy({ committeeId } as FindOptionsWhere<T>);
  return new Set(rows.map((row) => row[key]));
}

/** The demo's handling units' ids, creating those not yet in the (global) registry. */
async function ensureHandlingUnits(
  app: INestApplicationContext,
  counts: OutreachDemoCounts,
): Promise<number[]> {
  const repository = app.get(DataSource).getRepository(HandlingUnit);
  const ids: number[] = [];
  for (const spec of DEMO_HANDLING_UNITS) {
    const existing = (await repository.findBy({ name: spec.name })).find(
      (unit) => unit.name === spec.name,
    );
    if (existing) {
      ids.push(existing.id);
      continue;
    }
    const created = await app.get(HandlingUnitsService).create({
      name: spec.name,
      kind: spec.kind,
      contactName: spec.contactName,
      contactPhone: spec.phone,
      remit: '演示数据：办理代表建议和转交的选民意见。',
      enabled: true,
    });
    counts.handlingUnits += 1;
    ids.push(created.id);
  }
  return ids;
}
