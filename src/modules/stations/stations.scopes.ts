import { In } from 'typeorm';
import {
  ownedByCommittee,
  throughParent,
  type RecordScope,
} from '../../platform/access/record-scope.js';
import { Reception } from './reception.entity.js';
import { StationAssessment } from './station-assessment.entity.js';
import { StationAssessmentItem } from './station-assessment-item.entity.js';
import { StationDocument } from './station-document.entity.js';
import { StationRole } from './station-role.entity.js';
import { Station } from './station.entity.js';

/** A station is its committee's. */
export const STATION_SCOPE = ownedByCommittee<Station>();

/** What hangs on a station (people, posted rules, receptions, assessments) is its committee's. */
export const STATION_ROLE_SCOPE = throughParent<StationRole, Station>(
  'station',
  'stationId',
  Station,
);
export const STATION_DOCUMENT_SCOPE = throughParent<StationDocument, Station>(
  'station',
  'stationId',
  Station,
);
export const RECEPTION_SCOPE = throughParent<Reception, Station>('station', 'stationId', Station);
export const STATION_ASSESSMENT_SCOPE = throughParent<StationAssessment, Station>(
  'station',
  'stationId',
  Station,
);

/** An assessment's item is seen through its assessment's station. */
export const STATION_ASSESSMENT_ITEM_SCOPE: RecordScope<StationAssessmentItem> = {
  where: (ids) => ({ assessment: { station: { committeeId: In([...ids]) } } }),
  owner: async (manager, record) => {
    const assessment = await manager.findOne(StationAssessment, {
      where: { id: record.assessmentId },
      relations: { station: true },
    });
    return assessment?.station?.committeeId ?? null;
  },
  field: 'assessmentId',
};
