import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { auditSnapshot } from '../../platform/audit/audit-trail.service.js';
import { RecordWrites, useCase, type Write } from '../../platform/records/write-use-case.js';
import { SuggestionUpdate } from './suggestion-update.entity.js';
import { SUGGESTIONS_LABELS } from './suggestions.labels.js';

/** What a timeline entry records besides who and when. */
export interface SuggestionStepEntry {
  action: string;
  stepOn?: string | null;
  handlingUnitId?: number | null;
  note?: string | null;
}

/**
 * 办理过程: a suggestion's timeline. Each workflow step and each 督办 writes its entry inside the
 * step's transaction (`recordStep`); entries are never changed or deleted on their own.
 */
@Injectable()
export class SuggestionUpdatesService {
  constructor(
    private readonly writes: RecordWrites,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The entry of a step, inside the step's write: both commit or neither. */
  recordStep(
    within: Write,
    suggestionId: number,
    entry: SuggestionStepEntry,
  ): Promise<SuggestionUpdate> {
    return this.writes.run(
      useCase('suggestionUpdate', SUGGESTIONS_LABELS.records.suggestionUpdate, 'new'),
      async (write) => {
        const saved = await write.manager.save(
          SuggestionUpdate,
          write.manager.create(SuggestionUpdate, {
            suggestionId,
            at: this.clock.now(),
            actorName: write.actor.name.slice(0, 100),
            action: entry.action,
            stepOn: entry.stepOn ?? null,
            handlingUnitId: entry.handlingUnitId ?? null,
            note: entry.note ?? null,
          }),
        );
        await write.audit({ action: 'create', objectId: saved.id, detail: auditSnapshot(saved) });
        return saved;
      },
      within,
    );
  }
}
