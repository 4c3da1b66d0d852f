import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { Like, Repository } from 'typeorm';
import { ruleViolation } from '../../common/errors.js';
import { DEPUTIES_LABELS } from './deputies.labels.js';
import { TERMS_LABELS } from '../terms/terms.labels.js';
import { RecordService, requireReference } from '../../platform/records/record.service.js';
import { Term } from '../terms/term.entity.js';
import { DeputyGroup } from './deputy-group.entity.js';
import { Deputy } from './deputy.entity.js';
import type { ListDeputiesQuery } from './dto/deputy.dto.js';
import { ownedByCommittee, type RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import { personalDataHash } from '../../common/personal-data.js';
import { requireCommittee, requireCommunityOf } from '../committees/committee-references.js';

const escapeLike = (value: string): string => value.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class DeputiesService extends RecordService<Deputy> {
  protected readonly recordName = DEPUTIES_LABELS.records.deputy;
  protected readonly resource = 'deputy';
  protected readonly scope: RecordScope<Deputy> = ownedByCommittee<Deputy>();
  protected readonly sortable = [
    'id',
    'name',
    'committeeId',
    'level',
    'status',
    'createdAt',
  ] as const;

  protected override readonly exportRelations = { committee: true, community: true, group: true };

  constructor(@InjectRepository(Deputy) repository: Repository<Deputy>, audit: AuditTrail) {
    super(repository, audit);
  }

  protected override where(query: ListDeputiesQuery): FindOptionsWhere<Deputy> {
    return {
      committeeId: query.committeeId,
      communityId: query.communityId,
      groupId: query.groupId,
      termId: query.termId,
      level: query.level,
      status: query.status,
      externalId: query.externalId,
      name: query.name ? Like(`%${escapeLike(query.name)}%`) : undefined,
      // Phones are ciphertext at rest: an exact match goes through the keyed hash.
      phoneHash: query.phone ? (personalDataHash(query.phone) ?? undefined) : undefined,
    };
  }

  protected override async checkWrite(manager: EntityManager, next: Deputy): Promise<void> {
    next.status ??= 'serving';
    await requireCommittee(manager, next.committeeId);
    if (next.communityId) {
      await requireCommunityOf(manager, next.communityId, next.committeeId, {
        zh: '社区/村不属于该代表的人大工委',
        en: 'The community belongs to another committee',
      });
    }
    if (next.groupId) {
      const group = await requireReference(
        manager,
        DeputyGroup,
        next.groupId,
        'groupId',
        DEPUTIES_LABELS.records.deputyGroup,
      );
      if (group.committeeId !== next.committeeId) {
        throw ruleViolation(
          {
            zh: '代表小组不属于该代表的人大工委',
            en: 'The deputy group belongs to another committee',
          },
          'groupId',
        );
      }
    }
    if (next.termId) {
      await requireReference(manager, Term, next.termId, 'termId', TERMS_LABELS.records.term);
    }
    if (next.status === 'serving' && (next.endedOn || next.endedReason)) {
      throw ruleViolation(
        { zh: '在任代表不应填写终止日期或原因', en: 'A serving deputy has no end date or reason' },
        'status',
      );
    }
    if (next.status === 'ended' && !next.endedOn) {
      throw ruleViolation(
        { zh: '代表资格终止时须填写终止日期', en: 'An ended mandate needs its end date' },
        'endedOn',
      );
    }
  }
}
