import { Inject, Injectable } from '@nestjs/common';
import type {
  AreaStatistics,
  OverviewScope,
  OverviewSection,
} from '../../platform/areas/statistics.js';
import { countOf, sumOf } from '../../platform/areas/statistics.js';
import { StationsRepository } from './stations.repository.js';
import { assessmentScore } from './stations.rules.js';

/**
 * 代表联络站 in the overview (report 一(五)): the stations, receptions held in the year (a
 * reception whose activity is held and starts in the year), the deputies on duty (distinct, and
 * person-times: attended rows of those activities), voters received, and the year's assessments
 * with their scores and gaps (for 二、存在问题). One definition, read by every report.
 */
@Injectable()
export class StationsStatistics implements AreaStatistics {
  constructor(@Inject(StationsRepository) private readonly repository: StationsRepository) {}

  async overview(scope: OverviewScope): Promise<Omit<OverviewSection, 'area'>> {
    const stations = await this.repository.stationsOf(scope.committeeIds);
    const receptions = await this.repository.receptionsIn(scope, scope.committeeIds, {
      timeZone: scope.timeZone,
    });
    const assessments = await this.repository.assessmentsOf(scope.committeeIds, scope.year);
    const duty = receptions.flatMap((reception) => reception.duty);
    const names = new Map(stations.map((station) => [station.id, station.name]));
    const gaps = assessments.flatMap((assessment) =>
      assessmentScore(assessment.items).gaps.map((item) => ({ assessment, item })),
    );
    return {
      label: '代表联络站',
      figures: [
        countOf(
          'stations',
          '代表联络站',
          'station',
          stations.map((s) => s.id),
          '个',
        ),
        countOf(
          'receptionsHeld',
          '开展接待日活动',
          'reception',
          receptions.map((r) => r.id),
          '次',
        ),
        countOf(
          'deputiesOnDuty',
          '进站接待的代表',
          'deputy',
          duty.map((d) => d.deputyId),
          '名',
        ),
        countOf(
          'dutyPersonTimes',
          '代表进站接待',
          'attendance',
          duty.map((d) => d.attendanceId),
          '人次',
        ),
        sumOf(
          'votersReceived',
          '接待选民',
          'reception',
          receptions.map((r) => ({ id: r.id, amount: r.votersReceived })),
          '人次',
          0,
        ),
        countOf(
          'stationsAssessed',
          '参加年度考评的联络站',
          'stationAssessment',
          assessments.map((a) => a.id),
          '个',
        ),
        countOf(
          'assessmentGaps',
          '考评未达标条目',
          'stationAssessmentItem',
          gaps.map((gap) => gap.item.id),
          '项',
        ),
      ],
      lists: {
        assessments: {
          label: '联络站年度考评',
          type: 'stationAssessment',
          columns: { station: '联络站', score: '得分', max: '满分', gaps: '未达标条目' },
          items: assessments.map((assessment) => {
            const score = assessmentScore(assessment.items);
            return {
              id: assessment.id,
              stationId: assessment.stationId,
              station: assessment.station.name,
              score: score.total,
              max: score.max,
              gaps: score.gaps.map((item) => item.title).join('、'),
            };
          }),
        },
        gaps: {
          label: '存在问题：联络站未达标条目',
          type: 'stationAssessmentItem',
          columns: { station: '联络站', item: '条目', evidence: '说明' },
          items: gaps.map(({ assessment, item }) => ({
            id: item.id,
            assessmentId: assessment.id,
            station: names.get(assessment.stationId) ?? assessment.station.name,
            item: item.title,
            evidence: item.evidence,
          })),
        },
      },
    };
  }
}
