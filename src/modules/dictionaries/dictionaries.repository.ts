import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import { ACTIVITY_KIND_DICTIONARY, DictionaryItem } from './dictionary-item.entity.js';

/** The dictionary queries beyond a record's CRUD: the activity kinds, found by their dictionary. */
@Injectable()
export class DictionariesRepository {
  constructor(
    @InjectRepository(DictionaryItem) private readonly items: Repository<DictionaryItem>,
  ) {}

  /** Enabled activity kinds, in their sort order. */
  enabledActivityKinds(): Promise<DictionaryItem[]> {
    return this.items
      .createQueryBuilder('item')
      .innerJoin('item.dictionary', 'dictionary')
      .where('dictionary.code = :code', { code: ACTIVITY_KIND_DICTIONARY })
      .andWhere('item.enabled = :enabled', { enabled: true })
      .orderBy('item.sortOrder', 'ASC')
      .addOrderBy('item.id', 'ASC')
      .getMany();
  }

  /** The item `id` if it belongs to the activity-kind dictionary (enabled or not). */
  activityKind(manager: EntityManager, id: number): Promise<DictionaryItem | null> {
    return manager
      .createQueryBuilder(DictionaryItem, 'item')
      .innerJoin('item.dictionary', 'dictionary')
      .where('item.id = :id', { id })
      .andWhere('dictionary.code = :code', { code: ACTIVITY_KIND_DICTIONARY })
      .getOne();
  }

  /** The item `id` if it belongs to the dictionary `code` (enabled or not). */
  itemOf(manager: EntityManager, code: string, id: number): Promise<DictionaryItem | null> {
    return manager
      .createQueryBuilder(DictionaryItem, 'item')
      .innerJoin('item.dictionary', 'dictionary')
      .where('item.id = :id', { id })
      .andWhere('dictionary.code = :code', { code })
      .getOne();
  }
}
