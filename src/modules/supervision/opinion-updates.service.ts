import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { auditDiff, auditSnapshot } from '../../platform/audit/audit-trail.service.js';
import type { Action } from '../../platform/access/permissions.js';
import { authorize } from '../../platform/records/record.service.js';
import { RecordWrites, useCase, type Write } from '../../platform/records/write-use-case.js';
import { Opinion } from './opinion.entity.js';
import { OpinionUpdate } from './opinion-update.entity.js';
import { SupervisionRepository } from './supervision.repository.js';
import { SUPERVISION_LABELS } from './supervision.labels.js';
import { OPINION_SCOPE, OPINION_UPDATE_SCOPE } from './supervision.scopes.js';

const updateUseCase = (action: Action) =>
  useCase('opinionUpdate', SUPERVISION_LABELS.records.opinionUpdate, action);

/**
 * 办理进展: an opinion's timeline. Each workflow step writes its entry inside the step's
 * transaction (`recordStep`); staff add notes (`addNote`). Entries are never deleted; only a
 * note's text may be corrected (which the audit trail keeps).
 */
@Injectable()
export class OpinionUpdatesService {
  constructor(
    private readonly writes: RecordWrites,
    private readonly repository: SupervisionRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The opinion's timeline, oldest first; 404 for an opinion outside the actor's committees. */
  async list(opinionId: number): Promise<OpinionUpdate[]> {
    const actor = authorize('opinionUpdate', SUPERVISION_LABELS.records.opinionUpdate, 'list');
    await this.repository.opinionInScope(opinionId, actor);
    return this.repository.timelineOf(opinionId);
  }

  /** A note of progress on the opinion (any state: follow-up after the end is kept too). */
  addNote(opinionId: number, note: string): Promise<OpinionUpdate> {
    return this.writes.run(updateUseCase('new'), async (write) => {
      await write.load(Opinion, opinionId, OPINION_SCOPE, SUPERVISION_LABELS.records.opinion);
      return this.append(write, opinionId, 'note', note);
    });
  }

  /** Corrects the text of one entry's note (the admin panel; files attach to the entry). */
  editNote(id: number, note: string | null): Promise<OpinionUpdate> {
    return this.writes.run(updateUseCase('edit'), async (write) => {
      const entry = await write.load(OpinionUpdate, id, OPINION_UPDATE_SCOPE);
      const before = { ...entry };
      entry.note = note;
      const saved = await write.manager.save(OpinionUpdate, entry);
      await write.audit({ action: 'update', objectId: id, detail: auditDiff(before, saved) });
      return saved;
    });
  }

  /** The entry of a workflow step, inside the step's write: both commit or neither. */
  recordStep(
    within: Write,
    opinionId: number,
    action: string,
    note: string | null,
  ): Promise<OpinionUpdate> {
    return this.writes.run(
      updateUseCase('new'),
      (write) => this.append(write, opinionId, action, note),
      within,
    );
  }

  private async append(
    write: Write,
    opinionId: number,
    action: string,
    note: string | null,
  ): Promise<OpinionUpdate> {
    const saved = await write.manager.save(
      OpinionUpdate,
      write.manager.create(OpinionUpdate, {
        opinionId,
        at: this.clock.now(),
        actorName: write.actor.name.slice(0, 100),
        action,
        note: note ?? null,
      }),
    );
    await write.audit({ action: 'create', objectId: saved.id, detail: auditSnapshot(saved) });
    return saved;
  }
}
