import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { Repository } from 'typeorm';
import { invalidInput, referenceNotFound, ruleViolation } from '../../common/errors.js';
import type { RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail, auditDiff, auditSnapshot } from '../../platform/audit/audit-trail.service.js';
import { RecordService, requireReference } from '../../platform/records/record.service.js';
import { useCase, type Write } from '../../platform/records/write-use-case.js';
import { AgendaItem } from './agenda-item.entity.js';
import type { ListAgendaItemsQuery, SessionAgendaItemDto } from './dto/agenda-item.dto.js';
import { PLENARY_LABELS } from './plenary.labels.js';
import { PlenaryRepository } from './plenary.repository.js';
import { voteProblem } from './plenary.rules.js';
import { AGENDA_ITEM_SCOPE } from './plenary.scopes.js';
import { PlenarySession } from './plenary-session.entity.js';

const NAME = PLENARY_LABELS.records.agendaItem;

const VOTES_WITHOUT_VOTE = {
  zh: '未表决的事项不能有票数，请先填写表决结果',
  en: 'An item not voted on has no votes; set the result first',
};

/** 审议事项: the reports a session deliberated and their resolutions, seen through the session. */
@Injectable()
export class AgendaItemsService extends RecordService<AgendaItem> {
  protected readonly recordName = NAME;
  protected readonly resource = 'agendaItem';
  protected readonly scope: RecordScope<AgendaItem> = AGENDA_ITEM_SCOPE;
  protected readonly sortable = ['id', 'sortOrder', 'kind', 'sessionId'] as const;
  protected override readonly defaultSort = 'sortOrder';

  constructor(
    @InjectRepository(AgendaItem) repository: Repository<AgendaItem>,
    audit: AuditTrail,
    private readonly plenary: PlenaryRepository,
  ) {
    super(repository, audit);
  }

  protected override where(query: ListAgendaItemsQuery): FindOptionsWhere<AgendaItem> {
    return { sessionId: query.sessionId, kind: query.kind, adopted: query.adopted };
  }

  protected override async checkWrite(manager: EntityManager, next: AgendaItem): Promise<void> {
    await requireReference(
      manager,
      PlenarySession,
      next.sessionId,
      'sessionId',
      PLENARY_LABELS.records.plenarySession,
    );
    withDefaults(next);
    const problem = voteProblem(next);
    if (problem) throw ruleViolation(VOTES_WITHOUT_VOTE, problem);
  }

  /**
   * The session's agenda as sent, inside the session's write (POST/PATCH with `agendaItems`):
   * rows with the `id` of one of the session's items change it, rows without are added, items
   * not listed are deleted; checked whole before anything is written, each error naming
   * `<field>.<index>.<property>`. Its own use case (permission, audit rows) joins `within`.
   */
  async replaceWithin(
    within: Write,
    sessionId: number,
    items: readonly SessionAgendaItemDto[],
    field: string,
  ): Promise<AgendaItem[]> {
    return this.writes.run(
      useCase('agendaItem', NAME, 'edit'),
      async (write) => {
        const { manager } = write;
        const existing = await this.plenary.agendaOf(sessionId, manager);
        const byId = new Map(existing.map((item) => [item.id, item]));
        const seen = new Set<number>();
        const rows = items.map((item, index) => {
          const { id, ...fields } = item;
          if (id !== undefined) {
            if (seen.has(id)) {
              throw invalidInput([
                { field: `${field}.${index}.id`, problem: '同一事项重复出现 / item listed twice' },
              ]);
            }
            seen.add(id);
            if (!byId.has(id)) throw referenceNotFound(`${field}.${index}.id`, NAME, id);
          }
          const before = id === undefined ? undefined : byId.get(id);
          // Fields the row leaves out keep their values (an item changed by id).
          const sent = Object.fromEntries(
            Object.entries(fields).filter(([, value]) => value !== undefined),
          ) as Partial<AgendaItem>;
          const row = manager.create(AgendaItem, { ...(before ?? { sessionId }), ...sent });
          withDefaults(row);
          const problem = voteProblem(row);
          if (problem) throw ruleViolation(VOTES_WITHOUT_VOTE, `${field}.${index}.${problem}`);
          return { row, before };
        });
        for (const { row, before } of rows) {
          const saved = await manager.save(AgendaItem, row);
          await write.audit(
            before
              ? { action: 'update', objectId: saved.id, detail: auditDiff(before, saved) }
              : { action: 'create', objectId: saved.id, detail: auditSnapshot(saved) },
          );
        }
        for (const item of existing.filter((one) => !seen.has(one.id))) {
          await manager.delete(AgendaItem, { id: item.id });
          await write.audit({ action: 'delete', objectId: item.id, detail: auditSnapshot(item) });
        }
        return this.plenary.agendaOf(sessionId, manager);
      },
      within,
    );
  }
}

/** What an item is when the input left it open: not voted on, no votes, no resolution yet. */
function withDefaults(item: AgendaItem): void {
  item.adopted ??= 'notVoted';
  item.sortOrder ??= 0;
  item.resolutionTitle ??= null;
  item.votesFor ??= null;
  item.votesAgainst ??= null;
  item.votesAbstaining ??= null;
}
