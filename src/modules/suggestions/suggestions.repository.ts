import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, In, LessThanOrEqual, Repository, type EntityManager } from 'typeorm';
import { HandlingUnit } from './handling-unit.entity.js';
import { Suggestion } from './suggestion.entity.js';
import { REPLY_PENDING } from './suggestion.rules.js';

/** A suggestion as the statistics read it (dates YYYY-MM-DD). */
export type SuggestionFigures = Pick<
  Suggestion,
  'id' | 'status' | 'replyClass' | 'evaluation' | 'dueOn' | 'leadUnitId'
>;

/** The suggestion queries beyond a record's CRUD, named for what they answer. */
@Injectable()
export class SuggestionsRepository {
  constructor(@InjectRepository(Suggestion) private readonly suggestions: Repository<Suggestion>) {}

  /** The suggestions of these committees raised in [firstDay, lastDay], by id. */
  async suggestionsRaised(
    committeeIds: readonly number[],
    firstDay: string,
    lastDay: string,
  ): Promise<SuggestionFigures[]> {
    if (committeeIds.length === 0) return [];
    return this.suggestions.find({
      select: {
        id: true,
        status: true,
        replyClass: true,
        evaluation: true,
        dueOn: true,
        leadUnitId: true,
      },
      where: { committeeId: In([...committeeIds]), raisedOn: Between(firstDay, lastDay) },
      order: { id: 'ASC' },
    });
  }

  /** Suggestions whose reply is due (assigned or re-handling) on or before `until`, with the lead unit. */
  replyDueBy(until: string, manager?: EntityManager): Promise<Suggestion[]> {
    return (manager ?? this.suggestions.manager).find(Suggestion, {
      where: { status: In([...REPLY_PENDING]), dueOn: LessThanOrEqual(until) },
      relations: { leadUnit: true },
      order: { dueOn: 'ASC', id: 'ASC' },
    });
  }

  /** Handling units by exact name (the panel's step forms name units as staff know them). */
  unitsNamed(names: readonly string[]): Promise<HandlingUnit[]> {
    if (names.length === 0) return Promise.resolve([]);
    return this.suggestions.manager.find(HandlingUnit, {
      select: { id: true, name: true },
      where: { name: In([...names]) },
    });
  }
}
