import type { INestApplicationContext } from '@nestjs/common';
import { DateTime } from 'luxon';
import { And, DataSource, LessThan, MoreThanOrEqual } from 'typeorm';
import { Activity } from '../modules/activities/activity.entity.js';
import { DictionaryItemsService } from '../modules/dictionaries/dictionary-items.service.js';
import { Reception } from '../modules/stations/reception.entity.js';
import { ReceptionsService } from '../modules/stations/receptions.service.js';
import { StationAssessment } from '../modules/stations/station-assessment.entity.js';
import { StationAssessmentsService } from '../modules/stations/station-assessments.service.js';
import { StationRolesService } from '../modules/stations/station-roles.service.js';
import { StationStandardItem } from '../modules/stations/station-standard-item.entity.js';
import { Station } from '../modules/stations/station.entity.js';
import { StationsService } from '../modules/stations/stations.service.js';

/** What the stations part of a demo run wrote. */
export interface StationDemoCounts {
  stations: number;
  receptions: number;
  stationAssessments: number;
}

/** The demo's station staff (not deputies), by committee index. */
const HEADS = ['王建华', '陈立新'];
const OFFICERS = ['李晓燕', '张丽萍'];
/** How many of the committee's deputies are assigned to its station. */
const STATION_DEPUTIES = 4;
/** The standard's last items are the demo's gaps (二、存在问题). */
const DEMO_GAPS = 2;

/**
 * 代表联络站 of a demo committee: one station (every Wednesday), its head, liaison officer and
 * four deputies on duty from 1 January, a reception on each of the year's held 接待日 (announced
 * three days ahead), and the year's assessment with the standard's last two items not met.
 * Idempotent: finds the station by exact name, receptions by activity, the assessment by year.
 */
export async function seedStationDemo(
  app: INestApplicationContext,
  input: {
    committeeId: number;
    index: number;
    place: string;
    members: number[];
    year: number;
    timeZone: string;
  },
): Promise<StationDemoCounts> {
  const counts: StationDemoCounts = { stations: 0, receptions: 0, stationAssessments: 0 };
  const dataSource = app.get(DataSource);
  const name = `${input.place}代表联络站`;
  let station = (
    await dataSource.getRepository(Station).findBy({ committeeId: input.committeeId })
  ).find((row) => row.name === name);
  if (!station) {
    station = await app.get(StationsService).create({
      committeeId: input.committeeId,
      name,
      address: `${input.place}社区服务中心二楼`,
      floorArea: 120,
      openingHours: '周一至周五 9:00–17:00',
      receptionSchedule: { kind: 'weekly', days: [3] },
      contactName: OFFICERS[input.index % OFFICERS.length],
    });
    counts.stations += 1;
    const firstDay = `${input.year}-01-01`;
    const roles = app.get(StationRolesService);
    await roles.create({
      stationId: station.id,
      role: 'head',
      personName: HEADS[input.index % HEADS.length],
      startsOn: firstDay,
    });
    await roles.create({
      stationId: station.id,
      role: 'liaisonOfficer',
      personName: OFFICERS[input.index % OFFICERS.length],
      startsOn: firstDay,
    });
    for (const deputyId of input.members.slice(0, STATION_DEPUTIES)) {
      await roles.create({ stationId: station.id, role: 'deputy', deputyId, startsOn: firstDay });
    }
  }
  const receptionKinds = (await app.get(DictionaryItemsService).activityKinds())
    .filter((kind) => kind.category === 'station')
    .map((kind) => kind.id);
  const yearStart = DateTime.fromObject({ year: input.year }, { zone: input.timeZone });
  const held = await dataSource.getRepository(Activity).findBy({
    committeeId: input.committeeId,
    status: 'held',
    startsAt: And(
      MoreThanOrEqual(yearStart.toJSDate()),
      LessThan(yearStart.plus({ years: 1 }).toJSDate()),
    ),
  });
  for (const activity of held.filter((row) => receptionKinds.includes(row.kindId))) {
    if (await dataSource.getRepository(Reception).existsBy({ activityId: activity.id })) continue;
    const day = DateTime.fromJSDate(activity.startsAt, { zone: input.timeZone });
    await app.get(ReceptionsService).create({
      activityId: activity.id,
      stationId: station.id,
      announcedOn: day.minus({ days: 3 }).toISODate() as string,
      votersReceived: 8 + (activity.id % 9),
      notes: '代表现场接待选民，登记诉求并答复咨询。',
    });
    counts.receptions += 1;
  }
  const assessed = await dataSource
    .getRepository(StationAssessment)
    .existsBy({ stationId: station.id, year: input.year });
  if (!assessed) {
    const items = await dataSource
      .getRepository(StationStandardItem)
      .find({ where: { enabled: true }, order: { sortOrder: 'ASC', id: 'ASC' } });
    await app.get(StationAssessmentsService).create({
      stationId: station.id,
      year: input.year,
      notes: '演示数据：按建站标准（示例“九有”）自评。',
      items: items.slice(0, Math.max(0, items.length - DEMO_GAPS)).map((item) => ({
        standardItemId: item.id,
        met: true,
        evidence: '现场查看，台账齐全',
      })),
    });
    counts.stationAssessments += 1;
  }
  return counts;
}
