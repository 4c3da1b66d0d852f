import type { Area } from '../../platform/areas/area.js';
import { STATIONS_LABELS } from './stations.labels.js';
import { STATION_ENTITIES, StationsModule } from './stations.module.js';
import { Reception } from './reception.entity.js';
import { StationAssessment } from './station-assessment.entity.js';
import { StationAssessmentItem } from './station-assessment-item.entity.js';
import { StationDocument } from './station-document.entity.js';
import { Station } from './station.entity.js';
import {
  RECEPTION_SCOPE,
  STATION_ASSESSMENT_ITEM_SCOPE,
  STATION_ASSESSMENT_SCOPE,
  STATION_DOCUMENT_SCOPE,
  STATION_SCOPE,
} from './stations.scopes.js';
import { StationsStatistics } from './stations.stats.js';

/**
 * 代表联络站: stations, their people over time, posted rules, receptions (extending a `station`
 * activity), the station standard and yearly assessments.
 */
export const STATIONS_AREA = {
  name: 'stations',
  module: StationsModule,
  entities: STATION_ENTITIES,
  labels: STATIONS_LABELS,
  statistics: StationsStatistics,
  attachable: {
    station: {
      entity: Station,
      resource: 'station',
      scope: STATION_SCOPE,
      purposes: ['photo', 'file'],
    },
    stationDocument: {
      entity: StationDocument,
      resource: 'stationDocument',
      scope: STATION_DOCUMENT_SCOPE,
      purposes: ['file'],
    },
    reception: {
      entity: Reception,
      resource: 'reception',
      scope: RECEPTION_SCOPE,
      purposes: ['material', 'signInSheet', 'photo'],
    },
    stationAssessment: {
      entity: StationAssessment,
      resource: 'stationAssessment',
      scope: STATION_ASSESSMENT_SCOPE,
      purposes: ['evidence'],
    },
    stationAssessmentItem: {
      entity: StationAssessmentItem,
      resource: 'stationAssessmentItem',
      scope: STATION_ASSESSMENT_ITEM_SCOPE,
      purposes: ['evidence'],
    },
  },
  adminAccess: {
    Station: { permission: 'station', recordActions: ['reveal'] },
    StationRole: { permission: 'stationRole' },
    StationDocument: { permission: 'stationDocument' },
    Reception: { permission: 'reception' },
    StationStandardItem: { permission: 'stationStandardItem' },
    StationAssessment: { permission: 'stationAssessment' },
    StationAssessmentItem: { permission: 'stationAssessmentItem' },
    StationChoice: { permission: 'station', picker: true },
    ReceptionActivityChoice: { permission: 'activity', picker: true },
  },
  admin: () => import('./admin/stations.admin.js'),
} satisfies Area;
