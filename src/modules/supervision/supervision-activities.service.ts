import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { Repository } from 'typeorm';
import { ruleViolation } from '../../common/errors.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import type { RecordScope } from '../../platform/access/record-scope.js';
import { requireActivityOfCategory } from '../activities/activity-extension.js';
import { RecordService } from '../../platform/records/record.service.js';
import { DictionaryItemsService } from '../dictionaries/dictionary-items.service.js';
import type { ListSupervisionActivitiesQuery } from './dto/supervision-activity.dto.js';
import { Opinion } from './opinion.entity.js';
import { SupervisionActivity } from './supervision-activity.entity.js';
import { SUPERVISION_LABELS } from './supervision.labels.js';
import { SUPERVISION_ACTIVITY_SCOPE } from './supervision.scopes.js';

/** The dictionary of 监督领域 (seeded by the dictionaries migration). */
export const SUPERVISION_AREA_DICTIONARY = 'supervision_area';

/** The activity-kind category whose activities are supervision (视察, 调研, 执法检查 …). */
export const SUPERVISION_CATEGORY = 'supervision' as const;

/** 监督活动: CRUD of the supervision part of a core activity. */
@Injectable()
export class SupervisionActivitiesService extends RecordService<SupervisionActivity> {
  protected readonly recordName = SUPERVISION_LABELS.records.supervisionActivity;
  protected readonly resource = 'supervisionActivity';
  protected readonly scope: RecordScope<SupervisionActivity> = SUPERVISION_ACTIVITY_SCOPE;
  protected readonly sortable = ['id', 'activityId', 'areaId', 'subject'] as const;
  protected override readonly defaultSort = '-id';

  constructor(
    @InjectRepository(SupervisionActivity) repository: Repository<SupervisionActivity>,
    audit: AuditTrail,
    private readonly dictionaryItems: DictionaryItemsService,
  ) {
    super(repository, audit);
  }

  protected override where(
    query: ListSupervisionActivitiesQuery,
  ): FindOptionsWhere<SupervisionActivity> {
    return { activityId: query.activityId, areaId: query.areaId };
  }

  /**
   * The activity exists and is of a supervision kind (its kind is the supervision method); the
   * area is an enabled 监督领域; one supervision record per activity (the unique index: 409 with
   * the existing id). Once opinions hang on it, it stays with its activity (their committee is
   * the activity's).
   */
  protected override async checkWrite(
    manager: EntityManager,
    next: SupervisionActivity,
    current?: SupervisionActivity,
  ): Promise<void> {
    await requireActivityOfCategory(
      manager,
      next.activityId,
      SUPERVISION_CATEGORY,
      this.recordName,
    );
    await this.dictionaryItems.requireItemOf(
      manager,
      SUPERVISION_AREA_DICTIONARY,
      next.areaId,
      'areaId',
      SUPERVISION_LABELS.records.supervisionArea,
    );
    if (current && current.activityId !== next.activityId) {
      const opinions = await manager.count(Opinion, {
        where: { supervisionActivityId: current.id },
      });
      if (opinions > 0) {
        throw ruleViolation(
          {
            zh: '该监督活动已有意见建议，不能改挂到其他代表活动',
            en: 'The supervision activity has opinions; it cannot move to another activity',
          },
          'activityId',
        );
      }
    }
  }
}
