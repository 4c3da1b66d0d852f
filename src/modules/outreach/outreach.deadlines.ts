import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AreaDeadlines, Deadline } from '../../platform/areas/deadlines.js';
import { OutreachRepository } from './outreach.repository.js';

/** How long a reminder's title quotes the issue. */
const TITLE_CHARS = 30;

/**
 * 选民意见 referred to a handling unit and still open, with their due dates, for the
 * deadline-reminders job: the committee's staff and the unit's contact (email) are reminded.
 * A new referral (to another unit, or again) is a new round: reminded afresh.
 */
@Injectable()
export class OutreachDeadlines implements AreaDeadlines {
  constructor(@Inject(OutreachRepository) private readonly repository: OutreachRepository) {}

  async dueBy(until: string, manager?: EntityManager): Promise<Deadline[]> {
    const referred = await this.repository.referredDueBy(until, manager);
    const contacts = await this.repository.unitContacts(
      referred.flatMap((issue) => (issue.handlingUnitId === null ? [] : [issue.handlingUnitId])),
      manager,
    );
    return referred.map((issue) => {
      const text = issue.description.replace(/\s+/g, ' ').trim();
      return {
        type: 'voterIssue',
        id: issue.id,
        committeeId: issue.committeeId,
        title: `选民意见 #${issue.id}：${text.length > TITLE_CHARS ? `${text.slice(0, TITLE_CHARS)}…` : text}`,
        due: '办理反馈',
        dueOn: issue.dueOn,
        round: `referral-${issue.referralCount}`,
        contacts: issue.handlingUnitId === null ? [] : (contacts.get(issue.handlingUnitId) ?? []),
      };
    });
  }
}
