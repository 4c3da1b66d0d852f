import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ActivitiesService } from '../src/modules/activities/activities.service.js';
import { DictionaryItem } from '../src/modules/dictionaries/dictionary-item.entity.js';
import { DictionaryItemsService } from '../src/modules/dictionaries/dictionary-items.service.js';
import { OutreachActivitiesService } from '../src/modules/outreach/outreach-activities.service.js';
import type { VoterIssueSource } from '../src/modules/outreach/voter-issue.rules.js';
import { VoterIssuesService } from '../src/modules/outreach/voter-issues.service.js';
import { ReceptionsService } from '../src/modules/stations/receptions.service.js';
import { StationAssessmentsService } from '../src/modules/stations/station-assessments.service.js';
import { StationRolesService } from '../src/modules/stations/station-roles.service.js';
import { StationStandardItem } from '../src/modules/stations/station-standard-item.entity.js';
import { StationsService } from '../src/modules/stations/stations.service.js';
import { HandlingUnitsService } from '../src/modules/suggestions/handling-units.service.js';
import { SuggestionsService } from '../src/modules/suggestions/suggestions.service.js';

const STATIONS = 4;
const RECEPTIONS = 50;
const OUTREACH = 100;
const ISSUES = 600;
const SUGGESTIONS = 150;
const UNITS = 10;

/** `YYYY-MM-DD` of the year's `day`-th day (1-based; past the year's end, into the next). */
const dayOf = (year: number, day: number): string =>
  new Date(Date.UTC(year, 0, day)).toISOString().slice(0, 10);
const after = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The steps a bench suggestion takes, by the state it ends in (150 spread over all seven). */
const SUGGESTION_PATHS: readonly { weight: number; steps: string[] }[] = [
  { weight: 15, steps: [] },
  { weight: 30, steps: ['assign'] },
  { weight: 10, steps: ['assign', 'return'] },
  { weight: 25, steps: ['assign', 'replyB'] },
  { weight: 20, steps: ['assign', 'replyC', 'dissatisfied'] },
  { weight: 25, steps: ['assign', 'replyB', 'satisfied'] },
  { weight: 25, steps: ['assign', 'replyA', 'basicallySatisfied'] },
];

/** The voter issues' paths (600 over every outcome), `feedback` on some of those reached. */
const ISSUE_PATHS: readonly string[][] = [
  [],
  ['answer'],
  ['answer', 'feedback'],
  ['refer'],
  ['refer', 'refer'],
  ['refer', 'resolve'],
  ['resolve', 'feedback'],
  ['escalate'],
  ['refer', 'escalate', 'feedback'],
  ['decline'],
  ['refer', 'decline', 'feedback'],
  [],
];

/**
 * [M2] of the bench's committee-year, written through the services like the rest: 4 stations
 * with their roles and a year's assessment each, 50 receptions, 100 visits and forums, 10
 * handling units, 150 suggestions in every state (two co-signers each, a co-unit on half) and
 * 600 voter issues over every outcome (some escalated to those suggestions, some fed back).
 */
export async function seedM2Areas(
  app: INestApplicationContext,
  input: {
    committeeId: number;
    year: number;
    deputies: { id: number }[];
    random: () => number;
  },
): Promise<Record<string, number>> {
  const { committeeId, year, deputies, random } = input;
  const counts: Record<string, number> = {};
  const count = (name: string) => (counts[name] = (counts[name] ?? 0) + 1);
  const kinds = await app.get(DictionaryItemsService).activityKinds();
  const activities = app.get(ActivitiesService);
  const heldOf = async (category: string, n: number, label: string) => {
    const ofCategory = kinds.filter((kind) => kind.category === category);
    const rows: { id: number; kindCode: string; day: string }[] = [];
    for (let k = 0; k < n; k += 1) {
      const kind = ofCategory[k % ofCategory.length];
      const day = dayOf(year, 2 + Math.floor((k * 360) / n));
      const created = await activities.create({
        committeeId,
        kindId: kind.id,
        title: `基准${label}${k + 1}`,
        startsAt: `${day}T02:00:00+00:00`,
        status: 'held',
        attendance: deputies
          .filter(() => random() < 0.3)
          .map((deputy) => ({ deputyId: deputy.id, status: 'attended' as const })),
      });
      rows.push({ id: created.id, kindCode: kind.code, day });
      count('m2HeldActivities');
    }
    return rows;
  };

  // 代表联络站: stations with roles, receptions on station activities, an assessment each.
  const stationIds: number[] = [];
  for (let n = 0; n < STATIONS; n += 1) {
    const station = await app.get(StationsService).create({
      committeeId,
      name: `基准联络站${n + 1}`,
      address: `基准路${n + 1}号`,
      receptionSchedule: { kind: 'weekly', days: [1 + (n % 5)] },
      contactName: '基准联络员',
    });
    stationIds.push(station.id);
    count('stations');
    const roles = app.get(StationRolesService);
    await roles.create({
      stationId: station.id,
      role: 'head',
      personName: '基准站长',
      startsOn: `${year}-01-01`,
    });
    await roles.create({
      stationId: station.id,
      role: 'liaisonOfficer',
      personName: '基准联络员',
      startsOn: `${year}-01-01`,
    });
    for (let k = 0; k < 3; k += 1) {
      await roles.create({
        stationId: station.id,
        role: 'deputy',
        deputyId: deputies[(n * 3 + k) % deputies.length].id,
        startsOn: `${year}-01-01`,
      });
      count('stationRoles');
    }
  }
  const receptionDays = await heldOf('station', RECEPTIONS, '接待日');
  for (const [n, activity] of receptionDays.entries()) {
    await app.get(ReceptionsService).create({
      activityId: activity.id,
      stationId: stationIds[n % STATIONS],
      announcedOn: after(activity.day, -3),
      votersReceived: 5 + Math.floor(random() * 15),
    });
    count('receptions');
  }
  const items = await app
    .get(DataSource)
    .getRepository(StationStandardItem)
    .find({ where: { enabled: true }, order: { sortOrder: 'ASC', id: 'ASC' } });
  for (const stationId of stationIds) {
    await app.get(StationAssessmentsService).create({
      stationId,
      year,
      items: items.map((item) => ({ standardItemId: item.id, met: random() < 0.8 })),
    });
    count('stationAssessments');
  }

  // 走访 and 座谈会 with the voters they reached.
  const outreach = await heldOf('outreach', OUTREACH, '走访座谈');
  for (const activity of outreach) {
    await app.get(OutreachActivitiesService).create({
      activityId: activity.id,
      votersReached: 10 + Math.floor(random() * 40),
      officialsCount: Math.floor(random() * 4),
      residentsCount: Math.floor(random() * 10),
    });
    count('outreachActivities');
  }

  // 承办单位 and 代表建议 in every state.
  const units: number[] = [];
  for (let n = 0; n < UNITS; n += 1) {
    const unit = await app.get(HandlingUnitsService).create({
      name: `基准承办单位${n + 1}`,
      contactName: '基准联系人',
      contactPhone: `138-0000-${String(n + 1).padStart(4, '0')}`,
      enabled: true,
    });
    units.push(unit.id);
  }
  counts.handlingUnits = UNITS;
  const categories = await app
    .get(DataSource)
    .getRepository(DictionaryItem)
    .createQueryBuilder('item')
    .innerJoin('item.dictionary', 'dictionary')
    .where("dictionary.code = 'issue_category'")
    .getMany();
  const category = () => categories[Math.floor(random() * categories.length)].id;
  const suggestions = app.get(SuggestionsService);
  const suggestionIds: number[] = [];
  const paths = SUGGESTION_PATHS.flatMap((path) => Array.from({ length: path.weight }, () => path));
  for (let n = 0; n < SUGGESTIONS; n += 1) {
    const lead = n % deputies.length;
    const raisedOn = dayOf(year, 1 + Math.floor((n * 300) / SUGGESTIONS));
    const created = await suggestions.create({
      title: `基准建议${n + 1}`,
      content: '基准建议内容',
      leadDeputyId: deputies[lead].id,
      coSignerIds: [1, 2].map((k) => deputies[(lead + k) % deputies.length].id),
      raisedOn,
      categoryId: category(),
    });
    suggestionIds.push(created.id);
    count('suggestions');
    const assignedOn = after(raisedOn, 2);
    for (const [k, step] of paths[n].steps.entries()) {
      const on = after(raisedOn, 10 + k * 20);
      if (step === 'assign') {
        await suggestions.transition(created.id, 'assign', {
          assignedOn,
          leadUnitId: units[n % UNITS],
          coUnitIds: n % 2 === 0 ? [units[(n + 1) % UNITS]] : [],
        });
      } else if (step === 'return') {
        await suggestions.transition(created.id, 'return', {
          returnedOn: after(assignedOn, 1),
          reason: '不属于本单位职责',
        });
      } else if (step.startsWith('reply')) {
        await suggestions.transition(created.id, 'reply', {
          repliedOn: on,
          replyText: '基准答复',
          replyClass: step.slice(-1),
        });
      } else {
        await suggestions.transition(created.id, 'evaluate', { evaluation: step, evaluatedOn: on });
      }
      count('suggestionSteps');
    }
  }
  const registered = suggestionIds.slice(0, 15);

  // 选民意见 over every outcome.
  const issues = app.get(VoterIssuesService);
  for (let n = 0; n < ISSUES; n += 1) {
    const source = (['visit', 'forum', 'reception', 'phone', 'online'] as const)[n % 5];
    const activity =
      source === 'reception'
        ? receptionDays[n % RECEPTIONS]
        : source === 'visit' || source === 'forum'
          ? outreach.filter((row) => (row.kindCode === 'voter_forum') === (source === 'forum'))[
              n % 20
            ]
          : undefined;
    const realSource: VoterIssueSource =
      activity || source === 'phone' || source === 'online' ? source : 'phone';
    const receivedOn = activity?.day ?? dayOf(year, 1 + Math.floor((n * 330) / ISSUES));
    const created = await issues.create({
      committeeId,
      source: realSource,
      activityId: activity?.id ?? null,
      voterName: `测试选民${n + 1}`,
      voterPhone: `138-0000-${String(n % 10_000).padStart(4, '0')}`,
      deputyId: deputies[n % deputies.length].id,
      categoryId: category(),
      description: `基准选民意见${n + 1}`,
      receivedOn,
    });
    count('voterIssues');
    for (const [k, step] of ISSUE_PATHS[n % ISSUE_PATHS.length].entries()) {
      const on = after(receivedOn, k * 7);
      const fields =
        step === 'answer' || step === 'resolve'
          ? { resolution: '基准办理结果' }
          : step === 'refer'
            ? { handlingUnitId: units[(n + k) % UNITS], dueOn: after(on, 30) }
            : step === 'escalate'
              ? n % 2 === 0
                ? { suggestionId: registered[n % registered.length] }
                : { suggestion: { title: `基准选民意见转建议${n + 1}` } }
              : step === 'decline'
                ? { reason: '不属于代表职责范围' }
                : { satisfaction: 'satisfied' };
      await issues.transition(created.id, step, { on, ...fields });
      count('voterIssueSteps');
    }
  }
  return counts;
}
