import type { INestApplicationContext } from '@nestjs/common';
import { ActivitiesService } from '../src/modules/activities/activities.service.js';
import type { ActivityStatus } from '../src/modules/activities/activity.entity.js';
import { CommitteesService } from '../src/modules/committees/committees.service.js';
import { DeputiesService } from '../src/modules/deputies/deputies.service.js';
import { DictionaryItemsService } from '../src/modules/dictionaries/dictionary-items.service.js';
import { IndicatorValuesService } from '../src/modules/indicators/indicator-values.service.js';
import { IndicatorsService } from '../src/modules/indicators/indicators.service.js';
import { PlenarySessionsService } from '../src/modules/plenary/plenary-sessions.service.js';
import { CountedOutcomesService } from '../src/modules/projects/counted-outcomes.service.js';
import { KeyProjectsService } from '../src/modules/projects/key-projects.service.js';
import { ProjectProgressService } from '../src/modules/projects/project-progress.service.js';
import { OpinionsService } from '../src/modules/supervision/opinions.service.js';
import { SupervisionActivitiesService } from '../src/modules/supervision/supervision-activities.service.js';
import { TermsService } from '../src/modules/terms/terms.service.js';
import { StudyPlanItemsService } from '../src/modules/training/study-plan-items.service.js';
import { StudyPlansService } from '../src/modules/training/study-plans.service.js';
import { StudySessionsService } from '../src/modules/training/study-sessions.service.js';
import { DataSource } from 'typeorm';
import { DictionaryItem } from '../src/modules/dictionaries/dictionary-item.entity.js';
import { seedM2Areas } from './overview.seed-m2.js';

export interface SeededYear {
  committeeId: number;
  counts: Record<string, number>;
}

const HELD = 500;
const DEPUTIES = 20;

/** A small deterministic generator, so every run builds the same dataset. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * One subdistrict committee's year as staff would record it: 500 held activities of every kind
 * (plus planned and cancelled ones and the neighbouring years, which must not count), each with
 * its deputies' attendance, written through the services as the system.
 */
export async function seedCommitteeYear(
  app: INestApplicationContext,
  year: number,
): Promise<SeededYear> {
  const random = lcg(2019_12_31);
  const committees = app.get(CommitteesService);
  const district = await committees.create({ name: '基准区人大常委会', kind: 'district' });
  const committee = await committees.create({
    name: '基准街道人大工委',
    kind: 'subdistrict',
    parentId: district.id,
  });
  const deputies: { id: number }[] = [];
  for (let n = 0; n < DEPUTIES; n += 1) {
    deputies.push(
      await app.get(DeputiesService).create({
        name: `基准代表${n + 1}`,
        gender: n % 2 === 0 ? 'male' : 'female',
        level: 'district',
        committeeId: committee.id,
      }),
    );
  }
  const kinds = await app.get(DictionaryItemsService).activityKinds();
  const activities = app.get(ActivitiesService);
  let written = 0;
  const write = async (startsAt: string, status: ActivityStatus) => {
    const kind = kinds[Math.floor(random() * kinds.length)];
    const created = await activities.create({
      committeeId: committee.id,
      kindId: kind.id,
      title: `基准活动${(written += 1)}`,
      startsAt,
      status,
      attendance:
        status === 'held'
          ? deputies
              .filter(() => random() < 0.6)
              .map((deputy) => ({
                deputyId: deputy.id,
                status: random() < 0.85 ? ('attended' as const) : ('leave' as const),
              }))
          : undefined,
    });
    return { id: created.id, category: kind.category };
  };
  const held: { id: number; category: string | null; day: string }[] = [];
  for (let n = 0; n < HELD; n += 1) {
    const day = 1 + Math.floor((n * 365) / HELD);
    const date = new Date(Date.UTC(year, 0, day, 1, 30));
    const activity = await write(
      date.toISOString().replace('Z', '+00:00').replace('.000', ''),
      'held',
    );
    held.push({ ...activity, day: date.toISOString().slice(0, 10) });
  }
  for (let n = 0; n < 50; n += 1) {
    await write(`${year}-0${1 + (n % 9)}-15T09:00:00+08:00`, n % 2 === 0 ? 'planned' : 'cancelled');
    await write(`${year + (n % 2 === 0 ? 1 : -1)}-06-15T09:00:00+08:00`, 'held');
  }
  const counts = {
    ...(await seedAreas(app, { committeeId: committee.id, year, held, random })),
    ...(await seedM2Areas(app, { committeeId: committee.id, year, deputies, random })),
  };
  return {
    committeeId: committee.id,
    counts: { heldActivities: HELD, deputies: DEPUTIES, otherActivities: 100, ...counts },
  };
}

/** Every [M1] area's records on the held activities of their category, and the year's own. */
async function seedAreas(
  app: INestApplicationContext,
  input: {
    committeeId: number;
    year: number;
    held: { id: number; category: string | null; day: string }[];
    random: () => number;
  },
): Promise<Record<string, number>> {
  const { committeeId, year, held, random } = input;
  const counts: Record<string, number> = {};
  const count = (name: string) => (counts[name] = (counts[name] ?? 0) + 1);
  const areas = await app
    .get(DataSource)
    .getRepository(DictionaryItem)
    .createQueryBuilder('item')
    .innerJoin('item.dictionary', 'dictionary')
    .where("dictionary.code = 'supervision_area'")
    .getMany();
  const term = await app.get(TermsService).create({
    name: '区第十五届人民代表大会',
    level: 'district',
    ordinal: 15,
    startsOn: `${year - 3}-11-01`,
  });
  const sessions = [];
  let sessionNumber = 0;
  for (const activity of held) {
    if (activity.category === 'training') {
      sessions.push(
        await app.get(StudySessionsService).create({
          activityId: activity.id,
          topic: `基准学习${activity.id}`,
          speakerName: '基准主讲人',
          hours: 1 + Math.floor(random() * 6) / 2,
        }),
      );
      count('studySessions');
    } else if (activity.category === 'supervision') {
      const supervision = await app.get(SupervisionActivitiesService).create({
        activityId: activity.id,
        areaId: areas[Math.floor(random() * areas.length)].id,
        subject: `基准监督${activity.id}`,
      });
      count('supervisionActivities');
      for (let n = 0; n < 2; n += 1) {
        const opinion = await app.get(OpinionsService).create({
          supervisionActivityId: supervision.id,
          content: `基准意见${activity.id}-${n}`,
        });
        count('opinions');
        if (random() < 0.5) {
          await app.get(OpinionsService).transition(opinion.id, 'assign', {
            responsibleUnit: '基准责任单位',
            dueOn: `${year}-12-31`,
          });
        }
      }
    } else if (activity.category === 'plenary') {
      await app.get(PlenarySessionsService).create({
        activityId: activity.id,
        termId: term.id,
        sessionNumber: (sessionNumber += 1),
        startsOn: activity.day,
        place: '区人民会堂',
        agendaItems: [
          { kind: 'governmentReport', title: '政府工作报告', adopted: 'yes' },
          { kind: 'budget', title: '财政预算报告', adopted: 'yes', votesFor: 200 },
        ],
      });
      count('plenarySessions');
    }
  }
  const plan = await app
    .get(StudyPlansService)
    .create({ committeeId, year, title: `${year}年学习计划` });
  for (let month = 1; month <= 12; month += 1) {
    await app.get(StudyPlanItemsService).create({
      planId: plan.id,
      month,
      topic: `计划主题${month}`,
      ...(sessions[month] && { studySessionId: sessions[month].id }),
    });
    count('studyPlanItems');
  }
  for (let n = 0; n < 40; n += 1) {
    const project = await app.get(KeyProjectsService).create({
      committeeId,
      name: `基准重大项目${n + 1}`,
      year,
      stage: (['plannedStart', 'continuing', 'preliminary', 'proposed'] as const)[n % 4],
      plannedInvestment: 1000 + n * 250,
    });
    count('keyProjects');
    for (const month of ['03', '06', '09']) {
      await app.get(ProjectProgressService).create({
        projectId: project.id,
        asOf: `${year}-${month}-30`,
        completedInvestment: Math.round(random() * 1000 * Number(month)) / 10,
      });
      count('projectProgress');
    }
  }
  for (let n = 0; n < 20; n += 1) {
    await app.get(CountedOutcomesService).create({
      committeeId,
      year,
      name: ['清理"散乱污"企业', '旱厕改造', '绿化投入', '宣传资料'][n % 4],
      value: 5 + n,
      unit: ['家', '个', '万元', '份'][n % 4],
      status: 'done',
    });
    count('countedOutcomes');
  }
  for (const [code, name] of [
    ['fixed_asset_investment', '固定资产投资'],
    ['industrial_output', '工业总产值'],
    ['operating_revenue', '营业收入'],
    ['retail_sales_above_quota', '限上社会消费品零售额'],
  ]) {
    const indicator = await app
      .get(IndicatorsService)
      .create({ committeeId, code, name, unit: '亿元', frequency: 'monthly' });
    for (const candidate of [year - 1, year]) {
      for (let month = 1; month <= 10; month += 1) {
        await app.get(IndicatorValuesService).create({
          indicatorId: indicator.id,
          year: candidate,
          period: month,
          kind: 'cumulative',
          value: Math.round(month * (10 + random() * 5) * 100) / 100,
        });
        if (candidate === year) count('indicatorValues');
      }
    }
  }
  return counts;
}
