import type { EntityManager } from 'typeorm';
import { requireReference } from '../../platform/records/record.service.js';
import { Station } from './station.entity.js';
import { STATIONS_LABELS } from './stations.labels.js';

/** The station a record hangs on (`stationId`), or a 422 naming that field. */
export const requireStation = (manager: EntityManager, id: number): Promise<Station> =>
  requireReference(manager, Station, id, 'stationId', STATIONS_LABELS.records.station);
