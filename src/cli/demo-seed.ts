import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { quarterPeriod } from '../common/period.js';
import type { AppConfig } from '../config/app.config.js';
import { ActivitiesService } from '../modules/activities/activities.service.js';
import type { ActivityStatus } from '../modules/activities/activity.entity.js';
import type { AttendanceStatus } from '../modules/activities/attendance.entity.js';
import { AttendanceService } from '../modules/activities/attendance.service.js';
import { Committee } from '../modules/committees/committee.entity.js';
import { CommitteesService } from '../modules/committees/committees.service.js';
import { CommunitiesService } from '../modules/committees/communities.service.js';
import { DeputiesService } from '../modules/deputies/deputies.service.js';
import { DeputyGroupsService } from '../modules/deputies/deputy-groups.service.js';
import { DictionaryItemsService } from '../modules/dictionaries/dictionary-items.service.js';
import { TermsService } from '../modules/terms/terms.service.js';

const DISTRICT = '示范区人大常委会';
const SUBDISTRICTS = [
  { name: '东城街道人大工委', communities: ['东风社区', '光明社区', '𠮷庄村'] },
  { name: '西湖街道人大工委', communities: ['湖滨社区', '柳园社区', '䶮山村'] },
];
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
];
const GIVEN = [
  '建国',
  '丽华',
  '志强',
  '秀英',
  '海燕',
  '文博',
  '晓明',
  '桂兰',
  '春生',
  '玉梅',
  '国庆',
  '𡒄',
  '红霞',
  '永刚',
  '淑珍',
];
const OCCUPATIONS = [
  '社区党委书记',
  '企业负责人',
  '教师',
  '医生',
  '村委会主任',
  '个体工商户',
  '律师',
  '农民',
];
const PLAN: { kind: string; title: string }[] = [
  { kind: 'work_meeting', title: '代表工作会议' },
  { kind: 'group_study', title: '集中学习习近平新时代中国特色社会主义思想' },
  { kind: 'inspection', title: '视察重点项目建设' },
  { kind: 'voter_visit', title: '走访联系选民' },
];

/** A small deterministic generator, so the demo is the same on every machine. */
function* sequence(seed: number): Generator<number> {
  let state = seed;
  for (;;) {
    state = (state * 1103515245 + 12345) % 2147483648;
    yield state / 2147483648;
  }
}

/**
 * A realistic, idempotent demo: one district, two subdistrict committees, six communities,
 * 30 deputies with Chinese names, and last year's activities in every quarter with attendance.
 */
export async function seedDemo(
  app: INestApplicationContext,
  config: AppConfig,
  now: Date,
): Promise<string> {
  const dataSource = app.get(DataSource);
  if (await dataSource.getRepository(Committee).existsBy({ name: DISTRICT })) {
    return `演示数据已存在，未重复写入 / demo data already present (${DISTRICT})`;
  }
  const committees = app.get(CommitteesService);
  const communities = app.get(CommunitiesService);
  const groups = app.get(DeputyGroupsService);
  const deputies = app.get(DeputiesService);
  const activities = app.get(ActivitiesService);
  const attendance = app.get(AttendanceService);
  const kinds = await app.get(DictionaryItemsService).activityKinds();
  const kindId = (code: string): number => kinds.find((kind) => kind.code === code)!.id;
  const random = sequence(20191231);
  const next = (): number => random.next().value as number;

  const year = Number(now.toISOString().slice(0, 4)) - 1;
  const term = await app.get(TermsService).create({
    name: '示范区第十五届人民代表大会',
    level: 'district',
    ordinal: 15,
    startsOn: '2021-11-01',
    endsOn: null,
  });
  const district = await committees.create({ name: DISTRICT, kind: 'district' });
  let deputyCount = 0;
  let activityCount = 0;
  for (const [index, spec] of SUBDISTRICTS.entries()) {
    const committee = await committees.create({
      name: spec.name,
      kind: 'subdistrict',
      parentId: district.id,
    });
    const communityIds: number[] = [];
    for (const name of spec.communities) {
      communityIds.push(
        (
          await communities.create({
            name,
            kind: name.endsWith('村') ? 'village' : 'community',
            committeeId: committee.id,
          })
        ).id,
      );
    }
    const groupIds = [
      (await groups.create({ name: '第一代表小组', committeeId: committee.id })).id,
      (await groups.create({ name: '第二代表小组', committeeId: committee.id })).id,
    ];
    const members: number[] = [];
    for (let i = 0; i < 15; i++) {
      const n = index * 15 + i;
      const deputy = await deputies.create({
        name: `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 7) % GIVEN.length]}`,
        gender: n % 3 === 0 ? 'female' : 'male',
        ethnicity: n % 9 === 4 ? '回族' : '汉族',
        birthDate: `${1962 + (n % 30)}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 27) + 1).padStart(2, '0')}`,
        party: n % 4 === 0 ? '群众' : '中共党员',
        level: n % 10 === 0 ? 'city' : 'district',
        constituency: `第${(n % 8) + 1}选区`,
        occupation: OCCUPATIONS[n % OCCUPATIONS.length],
        workplace: `${spec.communities[n % 3]}`,
        phone: `139${String(10000000 + n * 7919).slice(0, 8)}`,
        committeeId: committee.id,
        communityId: communityIds[n % communityIds.length],
        termId: term.id,
        groupId: groupIds[n % 2],
      });
      members.push(deputy.id);
      deputyCount++;
    }
    for (let quarter = 1; quarter <= 4; quarter++) {
      const period = quarterPeriod(year, quarter, config.timeZone);
      for (const [p, plan] of PLAN.entries()) {
        const dayOffset = Math.floor(next() * 80) + 1;
        const startsAt = new Date(
          period.start.getTime() + dayOffset * 86400000 + (9 + p) * 3600000 - 8 * 3600000,
        );
        const status: ActivityStatus = p === 3 && quarter === 4 ? 'cancelled' : 'held';
        const activity = await activities.create({
          committeeId: committee.id,
          kindId: kindId(plan.kind),
          title: `${year}年第${quarter}季度${plan.title}`,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 2 * 3600000).toISOString(),
          location: `${spec.name.replace('人大工委', '')}代表之家`,
          status,
          summary: status === 'held' ? `${plan.title}，代表们积极发言，形成意见建议若干条。` : null,
          organiser: '工委办公室',
        });
        activityCount++;
        if (status !== 'held') continue;
        await attendance.upsert(
          activity.id,
          members.map((deputyId) => {
            const roll = next();
            const value: AttendanceStatus =
              roll < 0.82 ? 'attended' : roll < 0.95 ? 'leave' : 'absent';
            return { deputyId, status: value, note: value === 'leave' ? '因公请假' : null };
          }),
        );
      }
    }
  }
  return `已写入演示数据 / demo seeded: 3 个委员会, 6 个社区/村, ${deputyCount} 名代表, ${activityCount} 项 ${year} 年活动`;
}
