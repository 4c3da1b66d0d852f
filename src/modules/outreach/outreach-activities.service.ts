import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { Repository } from 'typeorm';
import type { RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import { RecordService } from '../../platform/records/record.service.js';
import { requireActivityOfCategory } from '../activities/activity-extension.js';
import type { ListOutreachActivitiesQuery } from './dto/outreach-activity.dto.js';
import { OutreachActivity } from './outreach-activity.entity.js';
import { OUTREACH_LABELS } from './outreach.labels.js';
import { OUTREACH_ACTIVITY_SCOPE } from './outreach.scopes.js';

/** The activity-kind category of visits and forums (走访选民, 选民座谈会). */
export const OUTREACH_CATEGORY = 'outreach' as const;

/** 走访座谈: CRUD of what a visit or forum adds to its core activity. */
@Injectable()
export class OutreachActivitiesService extends RecordService<OutreachActivity> {
  protected readonly recordName = OUTREACH_LABELS.records.outreachActivity;
  protected readonly resource = 'outreachActivity';
  protected readonly scope: RecordScope<OutreachActivity> = OUTREACH_ACTIVITY_SCOPE;
  protected readonly sortable = ['id', 'activityId', 'votersReached'] as const;
  protected override readonly defaultSort = '-id';

  constructor(
    @InjectRepository(OutreachActivity) repository: Repository<OutreachActivity>,
    audit: AuditTrail,
  ) {
    super(repository, audit);
  }

  protected override where(query: ListOutreachActivitiesQuery): FindOptionsWhere<OutreachActivity> {
    return { activityId: query.activityId };
  }

  /**
   * The activity exists and is of an outreach kind (422 `activityId`); one record per activity
   * (the unique index: 409 with the existing id); counts default to 0.
   */
  protected override async checkWrite(
    manager: EntityManager,
    next: OutreachActivity,
    current?: OutreachActivity,
  ): Promise<void> {
    next.officialsCount ??= 0;
    next.residentsCount ??= 0;
    if (current && current.activityId === next.activityId) return;
    await requireActivityOfCategory(manager, next.activityId, OUTREACH_CATEGORY, this.recordName);
  }
}
