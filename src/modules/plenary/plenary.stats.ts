import { Injectable } from '@nestjs/common';
import type {
  AreaStatistics,
  OverviewScope,
  OverviewSection,
} from '../../platform/areas/statistics.js';
import { countOf } from '../../platform/areas/statistics.js';
import { AGENDA_KINDS } from './agenda-item.entity.js';
import { PLENARY_LABELS } from './plenary.labels.js';
import { PlenaryRepository } from './plenary.repository.js';
import { sessionName } from './plenary.rules.js';

/**
 * 代表大会 in the overview (report section 一(三)): the year's congress sessions — those whose
 * first day is in the year and whose activity was held, by the activity's committee — with their
 * reports, resolutions and the deputies' attendance from the core attendance. One definition,
 * read by the overview, the dashboard and the annual report.
 */
@Injectable()
export class PlenaryStatistics implements AreaStatistics {
  constructor(private readonly plenary: PlenaryRepository) {}

  async overview(scope: OverviewScope): Promise<Omit<OverviewSection, 'area'>> {
    const sessions = await this.plenary.heldSessionsBetween(
      scope.committeeIds,
      scope.firstDay,
      scope.lastDay,
    );
    const items = await this.plenary.agendaOfSessions(sessions.map((session) => session.id));
    const attendance = await this.plenary.attendanceAt(
      sessions.map((session) => session.activityId),
    );
    const kinds = PLENARY_LABELS.values.agendaKind;
    // Every subdistrict records the district congress's meeting for its own deputies: a district's
    // overview counts each meeting (term, session number) once, by the earliest record of it,
    // and its reports and resolutions once; attendance counts every committee's deputies.
    const meetings = new Map<string, number>();
    for (const session of [...sessions].sort((a, b) => a.id - b.id)) {
      const key = `${session.termId}:${session.sessionNumber}`;
      if (!meetings.has(key)) meetings.set(key, session.id);
    }
    const counted = new Set(meetings.values());
    const meetingItems = items.filter((item) => counted.has(item.sessionId));
    const reports = countOf(
      'reportsDeliberated',
      '审议报告',
      'agendaItem',
      meetingItems.map((item) => item.id),
      '项',
    );
    reports.breakdown = AGENDA_KINDS.map((kind) =>
      countOf(
        `reportsDeliberated.${kind}`,
        kinds[kind],
        'agendaItem',
        meetingItems.filter((item) => item.kind === kind).map((item) => item.id),
        '项',
      ),
    );
    const rowsOf = (status: 'attended' | 'leave' | 'absent') =>
      attendance.filter((row) => row.status === status).map((row) => row.id);
    return {
      label: '代表大会',
      figures: [
        countOf('sessions', '召开代表大会会议', 'plenarySession', [...counted], '次'),
        reports,
        countOf(
          'resolutionsAdopted',
          '通过决议',
          'agendaItem',
          meetingItems.filter((item) => item.adopted === 'yes').map((item) => item.id),
          '项',
        ),
        // A deputy at a session is one 人次; the records are the attendance rows.
        countOf('attendances', '代表出席大会', 'attendance', rowsOf('attended'), '人次'),
        countOf('leaves', '代表请假', 'attendance', rowsOf('leave'), '人次'),
        countOf('absences', '代表缺席', 'attendance', rowsOf('absent'), '人次'),
      ],
      lists: {
        sessions: {
          label: '代表大会会议',
          type: 'plenarySession',
          columns: {
            name: '会议',
            startsOn: '开始日期',
            endsOn: '结束日期',
            place: '地点',
            agendaItems: '审议事项',
          },
          items: sessions.map((session) => {
            const at = attendance.filter((row) => row.activityId === session.activityId);
            return {
              id: session.id,
              activityId: session.activityId,
              termId: session.termId,
              term: session.termName,
              sessionNumber: session.sessionNumber,
              name: sessionName(session.termName, session.sessionNumber),
              startsOn: session.startsOn,
              endsOn: session.endsOn,
              place: session.place,
              agendaItems: items
                .filter((item) => item.sessionId === session.id)
                .map((item) => ({
                  id: item.id,
                  kind: item.kind,
                  kindLabel: kinds[item.kind],
                  title: item.title,
                  resolutionTitle: item.resolutionTitle,
                  adopted: item.adopted,
                  votesFor: item.votesFor,
                  votesAgainst: item.votesAgainst,
                  votesAbstaining: item.votesAbstaining,
                })),
              attendance: {
                attended: at.filter((row) => row.status === 'attended').length,
                leave: at.filter((row) => row.status === 'leave').length,
                absent: at.filter((row) => row.status === 'absent').length,
              },
            };
          }),
        },
      },
    };
  }
}
