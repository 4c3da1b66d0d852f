import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { DeepPartial, EntityManager, FindOptionsWhere } from 'typeorm';
import { Repository } from 'typeorm';
import { startOfLocalDate } from '../../common/period.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import { throughParent, type RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import { requireActivityOfCategory } from '../activities/activity-extension.js';
import { RecordService } from '../../platform/records/record.service.js';
import { Activity } from '../activities/activity.entity.js';
import type {
  CreateStudySessionDto,
  ListStudySessionsQuery,
  UpdateStudySessionDto,
} from './dto/training.dto.js';
import { StudySession } from './study-session.entity.js';
import { TRAINING_LABELS } from './training.labels.js';
import { sessionActivityFilter, TrainingRepository } from './training.repository.js';

/** Study sessions are seen and written through their activity's committee. */
export const STUDY_SESSION_SCOPE = throughParent<StudySession, Activity>(
  'activity',
  'activityId',
  Activity,
);

/** 学习培训: the study record of a training activity (topic, speaker, hours). */
@Injectable()
export class StudySessionsService extends RecordService<StudySession> {
  protected readonly recordName = TRAINING_LABELS.records.studySession;
  protected readonly resource = 'studySession';
  protected readonly scope: RecordScope<StudySession> = STUDY_SESSION_SCOPE;
  protected readonly sortable = ['id', 'activityId', 'hours', 'createdAt'] as const;
  protected override readonly defaultSort = '-id';

  constructor(
    @InjectRepository(StudySession) repository: Repository<StudySession>,
    audit: AuditTrail,
    private readonly training: TrainingRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(repository, audit);
  }

  protected override where(query: ListStudySessionsQuery): FindOptionsWhere<StudySession> {
    const zone = this.config.timeZone;
    const span =
      query.year === undefined
        ? undefined
        : {
            start: startOfLocalDate(`${query.year}-01-01`, zone),
            end: startOfLocalDate(`${query.year + 1}-01-01`, zone),
          };
    return {
      activityId: sessionActivityFilter({
        activityId: query.activityId,
        committeeId: query.committeeId,
        span,
      }),
    };
  }

  /**
   * The activity must exist and be of a training kind (the study form is its kind); a session
   * stays with the activity it was recorded for (the update DTO has no activityId).
   */
  protected override async checkWrite(
    manager: EntityManager,
    next: StudySession,
    current?: StudySession,
  ): Promise<void> {
    if (current && current.activityId === next.activityId) return;
    await requireActivityOfCategory(manager, next.activityId, 'training', this.recordName);
  }

  override create(input: CreateStudySessionDto | DeepPartial<StudySession>): Promise<StudySession> {
    return super.create(withHoursText(input));
  }

  override update(
    id: number,
    input: UpdateStudySessionDto | DeepPartial<StudySession>,
  ): Promise<StudySession> {
    return super.update(id, withHoursText(input));
  }
}

/** Hours as the exact decimal text the column answers (`2.5` → `'2.50'`), so audits compare alike. */
function withHoursText(input: object): DeepPartial<StudySession> {
  const { hours, ...rest } = input as { hours?: unknown };
  if (typeof hours !== 'number') return input;
  return { ...rest, hours: hours.toFixed(2) };
}
