import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AreaDeadlines, Deadline } from '../../platform/areas/deadlines.js';
import { SuggestionsRepository } from './suggestions.repository.js';

/**
 * 代表建议的答复期限 for the `deadline-reminders` job: every suggestion whose reply is due
 * (assigned, or re-handling after 不满意) by `until`, overdue ones included. `round` is the
 * handling round (`round-2` after one 不满意), so a re-handling's new due date is reminded
 * afresh; the contacts are the lead unit's (its contact email). The return window is not
 * reminded.
 */
@Injectable()
export class SuggestionDeadlines implements AreaDeadlines {
  constructor(private readonly repository: SuggestionsRepository) {}

  async dueBy(until: string, manager?: EntityManager): Promise<Deadline[]> {
    const due = await this.repository.replyDueBy(until, manager);
    return due.map((suggestion) => {
      const unit = suggestion.leadUnit;
      return {
        type: 'suggestion',
        id: suggestion.id,
        committeeId: suggestion.committeeId,
        title: suggestion.number ? `${suggestion.number} ${suggestion.title}` : suggestion.title,
        due: suggestion.status === 'rehandling' ? '重新办理答复' : '书面答复',
        dueOn: suggestion.dueOn!,
        round: `round-${suggestion.round}`,
        contacts:
          unit?.contactEmail && unit.enabled
            ? [{ name: unit.contactName ?? unit.name, email: unit.contactEmail }]
            : [],
      } satisfies Deadline;
    });
  }
}
