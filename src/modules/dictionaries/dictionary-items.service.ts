import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { Repository } from 'typeorm';
import { referenceNotFound, ruleViolation, type RecordName } from '../../common/errors.js';
import { DICTIONARIES_LABELS } from './dictionaries.labels.js';
import { RecordService, requireReference } from '../../platform/records/record.service.js';
import { Dictionary } from './dictionary.entity.js';
import { ACTIVITY_KIND_DICTIONARY, DictionaryItem } from './dictionary-item.entity.js';
import { DictionariesRepository } from './dictionaries.repository.js';
import type { ListDictionaryItemsQuery } from './dto/dictionary.dto.js';
import { sharedRecords, type RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';

@Injectable()
export class DictionaryItemsService extends RecordService<DictionaryItem> {
  protected readonly recordName = DICTIONARIES_LABELS.records.dictionaryItem;
  protected readonly resource = 'dictionaryItem';
  protected readonly scope: RecordScope<DictionaryItem> = sharedRecords<DictionaryItem>();
  protected readonly sortable = ['id', 'sortOrder', 'code', 'label'] as const;
  protected override readonly defaultSort = 'sortOrder';

  constructor(
    @InjectRepository(DictionaryItem) repository: Repository<DictionaryItem>,
    audit: AuditTrail,
    private readonly dictionaries: DictionariesRepository,
  ) {
    super(repository, audit);
  }

  protected override where(query: ListDictionaryItemsQuery): FindOptionsWhere<DictionaryItem> {
    return { dictionaryId: query.dictionaryId };
  }

  /** Activity kinds each need a category (the quarterly rule counts by it); other items have none. */
  protected override async checkWrite(manager: EntityManager, next: DictionaryItem): Promise<void> {
    const dictionary = await requireReference(
      manager,
      Dictionary,
      next.dictionaryId,
      'dictionaryId',
      DICTIONARIES_LABELS.records.dictionary,
    );
    next.category ??= null;
    if (dictionary.code === ACTIVITY_KIND_DICTIONARY && next.category === null) {
      throw ruleViolation(
        { zh: '活动类型必须指定统计类别', en: 'An activity kind needs a category' },
        'category',
      );
    }
    if (dictionary.code !== ACTIVITY_KIND_DICTIONARY && next.category !== null) {
      throw ruleViolation(
        { zh: '只有活动类型才有统计类别', en: 'Only activity kinds have a category' },
        'category',
      );
    }
  }

  /** Enabled activity kinds, in their sort order, with their categories. */
  activityKinds(): Promise<DictionaryItem[]> {
    return this.dictionaries.enabledActivityKinds();
  }

  /** An enabled activity kind by id, or a 422 naming `field`. */
  async requireActivityKind(
    manager: EntityManager,
    id: number,
    field: string,
  ): Promise<DictionaryItem> {
    const item = await this.dictionaries.activityKind(manager, id);
    if (!item) throw referenceNotFound(field, DICTIONARIES_LABELS.records.activityKind, id);
    if (!item.enabled) {
      throw ruleViolation({ zh: '该活动类型已停用', en: 'This activity kind is disabled' }, field);
    }
    return item;
  }

  /**
   * An enabled item of the dictionary `code` by id (a supervision area, …): an item of another
   * dictionary or none → 422 naming `field`; a disabled one → 422 too.
   */
  async requireItemOf(
    manager: EntityManager,
    code: string,
    id: number,
    field: string,
    name: RecordName,
  ): Promise<DictionaryItem> {
    const item = await this.dictionaries.itemOf(manager, code, id);
    if (!item) throw referenceNotFound(field, name, id);
    if (!item.enabled) {
      throw ruleViolation({ zh: `该${name.zh}已停用`, en: `This ${name.en} is disabled` }, field);
    }
    return item;
  }
}
