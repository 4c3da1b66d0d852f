/**
 * The demo committee's fixed facts: who its deputies are and what a year of its work looks like.
 * People are listed with their gender (so names and genders never contradict each other) and
 * everything else about them is stable, so every machine shows the same committee.
 */
import type { Gender } from '../modules/deputies/deputy.entity.js';

export const DEMO_DISTRICT = '示范区人大常委会';

export interface DemoPerson {
  name: string;
  gender: Gender;
  ethnicity?: string;
}

export interface DemoSubdistrict {
  name: string;
  /** Short name for places (东城街道代表之家). */
  place: string;
  communities: string[];
  people: DemoPerson[];
}

const m = (name: string, ethnicity?: string): DemoPerson => ({ name, gender: 'male', ethnicity });
const f = (name: string, ethnicity?: string): DemoPerson => ({
  name,
  gender: 'female',
  ethnicity,
});

export const DEMO_SUBDISTRICTS: readonly DemoSubdistrict[] = [
  {
    name: '东城街道人大工委',
    place: '东城街道',
    communities: ['东风社区', '光明社区', '𠮷庄村'],
    people: [
      m('王建国'),
      f('李秀英'),
      m('张志强'),
      f('刘丽华'),
      m('陈海峰'),
      f('杨桂兰'),
      m('赵永刚'),
      f('黄晓燕'),
      m('周文斌'),
      f('吴红霞'),
      m('徐建军'),
      f('孙玉梅'),
      m('马俊杰', '回族'),
      f('朱淑珍'),
      m('胡国栋'),
    ],
  },
  {
    name: '西湖街道人大工委',
    place: '西湖街道',
    communities: ['湖滨社区', '柳园社区', '䶮山村'],
    people: [
      m('郭德明'),
      m('何春生'),
      f('高丽娟'),
      m('林志伟'),
      f('罗美玲'),
      m('郑卫东'),
      f('梁雪梅'),
      m('谢振华'),
      f('宋婷婷'),
      m('唐宏伟'),
      f('许慧敏', '满族'),
      m('韩立军'),
      f('冯秀兰'),
      f('邓海燕'),
      m('曹永强'),
    ],
  },
];

export const DEMO_GROUPS = ['第一代表小组', '第二代表小组'];

/** What deputies do for a living, and where (`{c}` is their community, village or not). */
const OCCUPATIONS: readonly {
  occupation: string;
  workplace: string;
  in?: 'village' | 'community';
}[] = [
  { occupation: '社区党委书记', workplace: '{c}党委书记、居委会主任', in: 'community' },
  { occupation: '企业负责人', workplace: '示范区宏达机械有限公司总经理' },
  { occupation: '教师', workplace: '示范区实验小学教师' },
  { occupation: '医生', workplace: '{c}卫生服务站医生' },
  { occupation: '村委会主任', workplace: '{c}党支部书记、村委会主任', in: 'village' },
  { occupation: '个体工商户', workplace: '{c}便民超市经营者' },
  { occupation: '律师', workplace: '示范区明理律师事务所律师' },
  { occupation: '农民', workplace: '{c}种植专业合作社社员', in: 'village' },
];

/** The `n`-th deputy's occupation and workplace, one that fits their community. */
export function demoOccupation(
  n: number,
  community: string,
): { occupation: string; workplace: string } {
  const kind = community.endsWith('村') ? 'village' : 'community';
  const fitting = OCCUPATIONS.filter((entry) => !entry.in || entry.in === kind);
  const { occupation, workplace } = fitting[n % fitting.length];
  return { occupation, workplace: workplace.replace('{c}', community) };
}

/** Mainland mobile prefixes (1[3-9]x) the demo phones start with. */
export const MOBILE_PREFIXES = [
  '138',
  '139',
  '135',
  '136',
  '150',
  '158',
  '186',
  '187',
  '177',
  '199',
];

export interface DemoPlan {
  kind: string;
  title: string;
  /** Month within the quarter, 0–2. */
  month: number;
  summary: string;
}

/** Each quarter's work, as a committee's annual plan would list it (DOMAIN.md, 一 to 六). */
export const DEMO_PLANS: readonly (readonly DemoPlan[])[] = [
  [
    {
      kind: 'work_meeting',
      title: '第一季度代表工作会议暨年度履职工作部署会',
      month: 0,
      summary:
        '通报上年度代表履职情况，部署本年度代表活动计划，代表们围绕年度重点工作提出意见建议。',
    },
    {
      kind: 'group_study',
      title: '集中学习全国两会精神',
      month: 2,
      summary: '组织代表集中学习全国人民代表大会会议精神，交流学习体会。',
    },
    {
      kind: 'voter_visit',
      title: '走访联系选民',
      month: 1,
      summary: '代表分组走访选区，听取选民对社区治理的意见，收集问题并登记交办。',
    },
  ],
  [
    {
      kind: 'work_meeting',
      title: '第二季度代表工作会议',
      month: 0,
      summary: '听取街道上半年重点工作进展情况汇报，代表们审议并提出意见建议。',
    },
    {
      kind: 'inspection',
      title: '视察重点项目建设进展',
      month: 1,
      summary: '代表视察辖区重点项目施工现场，了解项目进度和征迁安置情况。',
    },
    {
      kind: 'voter_forum',
      title: '选民座谈会：老旧小区改造',
      month: 2,
      summary: '邀请居民代表座谈老旧小区改造方案，汇总意见转交街道办事处。',
    },
  ],
  [
    {
      kind: 'work_meeting',
      title: '第三季度代表工作会议',
      month: 0,
      summary: '通报上半年代表建议办理情况，研究下半年代表活动安排。',
    },
    {
      kind: 'research_visit',
      title: '调研生态环境保护工作',
      month: 1,
      summary: '代表调研河道治理和垃圾分类工作，形成调研报告。',
    },
    {
      kind: 'reception_day',
      title: '联络站代表接待日',
      month: 2,
      summary: '代表在联络站接待选民，现场答复咨询，登记群众诉求。',
    },
  ],
  [
    {
      kind: 'work_meeting',
      title: '第四季度代表工作会议暨年度履职总结',
      month: 0,
      summary: '总结全年代表工作，代表述职，讨论下年度工作打算。',
    },
    {
      kind: 'law_enforcement_check',
      title: '食品安全法执法检查',
      month: 1,
      summary: '代表检查辖区农贸市场和学校食堂食品安全工作，反馈发现的问题。',
    },
    {
      kind: 'documentary',
      title: '观看警示教育专题片',
      month: 1,
      summary: '组织代表观看警示教育专题片并开展讨论。',
    },
  ],
];

/** Where an activity of `kind` takes place, for a subdistrict's short name. */
export function demoLocation(kind: string, place: string): string {
  switch (kind) {
    case 'inspection':
      return '示范区重点项目建设现场';
    case 'research_visit':
      return `${place}河道治理现场`;
    case 'reception_day':
      return `${place}代表联络站`;
    case 'voter_visit':
      return `${place}各选区`;
    case 'law_enforcement_check':
      return `${place}农贸市场及学校食堂`;
    default:
      return `${place}代表之家`;
  }
}

/**
 * The quarter the demo's second committee holds nothing in (its one work meeting cancelled): the
 * first, so the miss shows from April on and never moves between runs.
 */
export const DEMO_MISSED_QUARTER = 1;

/** Why that work meeting was cancelled, as staff would note it. */
export const DEMO_MISSED_NOTE = '因春季森林防火任务紧急，会议取消，本季度未能另行安排代表活动。';

export const DEMO_CLERK = {
  username: 'xihu.clerk',
  displayName: '西湖街道人大工委工作人员（演示）',
  /** Index into DEMO_SUBDISTRICTS: the committee with the missed quarter. */
  subdistrict: 1,
} as const;

/** 学习培训 of the plan's study activities: who spoke, for how long (by the plan's title). */
export const DEMO_STUDY: Readonly<
  Record<string, { speakerName: string; speakerTitle: string; hours: number }>
> = {
  集中学习全国两会精神: {
    speakerName: '王建华',
    speakerTitle: '区人大常委会研究室主任',
    hours: 2.5,
  },
  观看警示教育专题片: { speakerName: '李红', speakerTitle: '街道纪工委书记', hours: 1.5 },
};

/** 监督活动 of the plan's supervision activities: the 监督领域 code and what was found. */
export const DEMO_SUPERVISION: Readonly<
  Record<string, { area: string; findings: string; opinion: string; unit: string }>
> = {
  视察重点项目建设进展: {
    area: 'projects',
    findings: '部分项目征迁进度滞后，施工围挡不规范。',
    opinion: '加快征迁安置进度，规范施工围挡，减少对周边居民出行的影响。',
    unit: '街道建设管理办公室',
  },
  调研生态环境保护工作: {
    area: 'environment',
    findings: '个别河段仍有生活污水直排，垃圾分类投放点设置不足。',
    opinion: '排查河道沿线排污口，增设垃圾分类投放点并加强督导。',
    unit: '街道城市管理办公室',
  },
  食品安全法执法检查: {
    area: 'livelihood',
    findings: '个别摊位进货台账不全，一所学校食堂留样记录不规范。',
    opinion: '督促市场经营户建立进货查验台账，学校食堂落实留样制度。',
    unit: '区市场监督管理局街道所',
  },
};

/** 重大项目 each demo committee follows: name, stage, planned investment (万元). */
export const DEMO_PROJECTS: readonly {
  name: string;
  stage: 'plannedStart' | 'continuing' | 'preliminary' | 'proposed';
  planned: number;
}[] = [
  { name: '老旧小区改造工程', stage: 'continuing', planned: 3200 },
  { name: '社区养老服务中心建设', stage: 'plannedStart', planned: 1500 },
  { name: '河道综合整治二期', stage: 'preliminary', planned: 5800 },
];

/** 工作成效 each demo committee counts: what, how many, unit. */
export const DEMO_OUTCOMES: readonly { name: string; value: number; unit: string }[] = [
  { name: '清理"散乱污"企业', value: 6, unit: '家' },
  { name: '旱厕改造', value: 45, unit: '个' },
  { name: '发放宣传资料', value: 1200, unit: '份' },
];
