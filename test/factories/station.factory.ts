import type { INestApplication } from '@nestjs/common';
import { runAsSystem } from '../../src/platform/access/actor.js';
import type { CreateActivityDto } from '../../src/modules/activities/dto/activity.dto.js';
import type { Activity } from '../../src/modules/activities/activity.entity.js';
import type { CreateReceptionDto } from '../../src/modules/stations/dto/reception.dto.js';
import type { CreateStationRoleDto } from '../../src/modules/stations/dto/station-role.dto.js';
import type { CreateStationDto } from '../../src/modules/stations/dto/station.dto.js';
import type { Reception } from '../../src/modules/stations/reception.entity.js';
import { ReceptionsService } from '../../src/modules/stations/receptions.service.js';
import type { StationRole } from '../../src/modules/stations/station-role.entity.js';
import { StationRolesService } from '../../src/modules/stations/station-roles.service.js';
import type { Station } from '../../src/modules/stations/station.entity.js';
import { StationsService } from '../../src/modules/stations/stations.service.js';
import { activityKindId, createActivity } from './activity.factory.js';
import { uniqueName, uniquePhone } from './unique.js';

/** A station's fields as `POST /api/v1/stations` takes them: unique name, every Wednesday. */
export function stationInput(
  overrides: Partial<CreateStationDto> & { committeeId: number },
): CreateStationDto {
  return {
    name: uniqueName('代表联络站'),
    address: '幸福路1号社区服务中心二楼',
    floorArea: 120,
    openingHours: '周一至周五 9:00–17:00',
    receptionSchedule: { kind: 'weekly', days: [3] },
    contactName: '联络员',
    contactPhone: uniquePhone(),
    ...overrides,
  };
}

/** A station through StationsService as the system. */
export function createStation(
  app: INestApplication,
  overrides: Partial<CreateStationDto> & { committeeId: number },
): Promise<Station> {
  return runAsSystem('test', () => app.get(StationsService).create(stationInput(overrides)));
}

/** A role at a station (驻站代表 when a deputy is given, from 2020-01-01 unless overridden). */
export function createStationRole(
  app: INestApplication,
  overrides: Partial<CreateStationRoleDto> & { stationId: number },
): Promise<StationRole> {
  return runAsSystem('test', () =>
    app.get(StationRolesService).create({
      role: 'deputy',
      startsOn: '2020-01-01',
      ...overrides,
    }),
  );
}

export type ReceptionOverrides = Omit<Partial<CreateActivityDto>, 'kindId' | 'committeeId'> & {
  station: Station;
  announcedOn?: string | null;
  votersReceived?: number;
  /** Deputies who attended (the activity's attendance). */
  onDuty?: number[];
};

/**
 * A reception: its core activity (a held 接待日 of the station's committee, 2020-03-11 09:00
 * China time unless overridden, with the deputies on duty as attended) and its reception row.
 */
export async function createReception(
  app: INestApplication,
  overrides: ReceptionOverrides,
): Promise<Reception & { activity: Activity }> {
  const { station, announcedOn = null, votersReceived = 0, onDuty = [], ...fields } = overrides;
  const activity = await createActivity(app, {
    startsAt: '2020-03-11T09:00:00+08:00',
    ...fields,
    committeeId: station.committeeId,
    kindId: await activityKindId(app, 'reception_day'),
    attendance: onDuty.map((deputyId) => ({ deputyId, status: 'attended' as const })),
  });
  const input: CreateReceptionDto = {
    activityId: activity.id,
    stationId: station.id,
    announcedOn,
    votersReceived,
  };
  const reception = await runAsSystem('test', () => app.get(ReceptionsService).create(input));
  return Object.assign(reception, { activity });
}
