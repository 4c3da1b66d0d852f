import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, notFound, ruleViolation } from '../../common/errors.js';
import type { Page } from '../../common/pagination.js';
import { startOfLocalDate } from '../../common/period.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import { currentActor } from '../../platform/access/actor.js';
import { authorize } from '../../platform/records/record.service.js';
import { COMMITTEES_LABELS } from '../committees/committees.labels.js';
import { CommitteesService } from '../committees/committees.service.js';
import { DeputiesService } from '../deputies/deputies.service.js';
import type { ListDeputiesQuery } from '../deputies/dto/deputy.dto.js';
import type { StudyParticipationQuery } from './dto/training.dto.js';
import { TRAINING_LABELS } from './training.labels.js';
import { TrainingRepository } from './training.repository.js';
import { studyParticipation, type StudyParticipation } from './training.rules.js';

/** 代表学习情况: one deputy's study record over a period (training.rules.ts defines each number). */
export interface DeputyStudyRecord extends StudyParticipation {
  deputyId: number;
  deputyName: string;
  from: string;
  to: string;
  /** The committee's held study sessions in the period (context for the rate). */
  sessionsHeld: number;
}

/**
 * Per deputy and period: study hours, sessions attended and the attendance rate, for a page of
 * one committee's deputies — the page (two queries through the deputies' service), the
 * committee's held sessions (one) and all the page's attendance (one), however many deputies.
 */
@Injectable()
export class StudyParticipationService {
  constructor(
    private readonly training: TrainingRepository,
    private readonly deputies: DeputiesService,
    private readonly committees: CommitteesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async forCommittee(query: StudyParticipationQuery): Promise<Page<DeputyStudyRecord>> {
    authorize('studySession', TRAINING_LABELS.records.studySession, 'list');
    if (query.to < query.from) {
      throw ruleViolation({ zh: '截止日期早于起始日期', en: '"to" is before "from"' }, 'to');
    }
    await this.requireCommittee(query.committeeId);
    const zone = this.config.timeZone;
    const span = {
      start: startOfLocalDate(query.from, zone),
      end: new Date(startOfLocalDate(query.to, zone).getTime() + 24 * 3600 * 1000),
    };
    const { from, to, committeeId, ...paging } = query;
    const listQuery: ListDeputiesQuery = { ...paging, committeeId };
    const page = await this.deputies.list(listQuery);
    const held = await this.training.heldSessionIdsOfCommittee(committeeId, span);
    const rows = await this.training.studyAttendanceOfDeputies(
      page.items.map((deputy) => deputy.id),
      span,
    );
    return {
      ...page,
      items: page.items.map((deputy) => ({
        deputyId: deputy.id,
        deputyName: deputy.name,
        from,
        to,
        sessionsHeld: held.length,
        ...studyParticipation(rows.filter((row) => row.deputyId === deputy.id)),
      })),
    };
  }

  /** A committee the actor may see; any other answers as one that does not exist. */
  private async requireCommittee(committeeId: number): Promise<void> {
    const { committeeIds } = currentActor();
    const visible = !committeeIds || committeeIds.includes(committeeId);
    if (!visible || !(await this.committees.exists(committeeId))) {
      throw new DomainError(
        ErrorCode.NotFound,
        notFound(COMMITTEES_LABELS.records.committee, committeeId).bilingual,
        [
          {
            field: 'committeeId',
            problem: '人大工委/常委会不存在或不在权限范围内 / no such committee within your scope',
          },
        ],
      );
    }
  }
}
