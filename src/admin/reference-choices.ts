import type { ResourceWithOptions } from 'adminjs';
import type { BaseEntity, FindOptionsWhere } from 'typeorm';
import type { RecordService } from '../platform/records/record.service.js';
import { ScopedResource, type ReadBinding } from './service-resource.js';

/**
 * What a reference picker offers: the target's records the actor sees, narrowed to the ones the
 * write would accept, under an id of its own (a reference property names it as its `reference`).
 * AdminJS's pickers search the referenced resource as it is — all 29 items of every dictionary
 * for an activity's kind, of which the service accepts only the activity kinds (H1 §3).
 */
class ReferenceChoices extends ScopedResource {
  constructor(
    model: typeof BaseEntity,
    private readonly choiceId: string,
    binding: ReadBinding,
  ) {
    super(model, binding);
  }

  override id(): string {
    return this.choiceId;
  }
}

/**
 * A picker's resource: `id` (one of CHOICE_REFERENCES), the records of `model` the actor sees
 * that match `valid`, titled by `title`. Its area lists it in its admin part and in its
 * `adminAccess` as a picker of the resource it reads.
 */
export function choices(
  id: string,
  model: typeof BaseEntity,
  read: Pick<ReadBinding, 'scope' | 'hiddenFields'>,
  valid: FindOptionsWhere<object>,
  title: { property: string; sortBy?: string },
): ResourceWithOptions {
  return {
    resource: new ReferenceChoices(model, id, { ...read, choices: valid }),
    options: {
      navigation: false,
      sort: { sortBy: title.sortBy ?? title.property, direction: 'asc' },
      properties: { [title.property]: { isTitle: true } },
    },
  };
}

/** The reference properties whose valid targets are a fixed part of their resource. */
export const CHOICE_REFERENCES = {
  /** Activity.kindId: an enabled item of the activity-kind dictionary (requireActivityKind). */
  activityKind: { reference: 'ActivityKind' },
  /** Committee.parentId: a district standing committee (committeeParentProblem). */
  districtCommittee: { reference: 'DistrictCommittee' },
  /** Community.committeeId: a subdistrict committee (CommunitiesService.checkWrite). */
  subdistrictCommittee: { reference: 'SubdistrictCommittee' },
  /**
   * ApiKey.holderId: an enabled account with a business role and a committee (ApiKeysService
   * also refuses the issuer and a holder outside the key's committee: those depend on the form).
   */
  keyHolder: { reference: 'KeyHolder' },
} as const;

/** A RecordService's scope, as a picker's read binding. */
export const scopeOf =
  (service: RecordService<{ id: number }>): ReadBinding['scope'] =>
  (actor, where) =>
    service.scopeFor(actor, where);
