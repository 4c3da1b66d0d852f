import type { ResourceWithOptions } from 'adminjs';
import { In, Not, IsNull, type BaseEntity, type FindOptionsWhere } from 'typeorm';
import type { RecordService } from '../platform/records/record.service.js';
import { AdminUser } from '../modules/auth/admin-user.entity.js';
import { API_KEY_ROLES } from '../platform/access/permissions.js';
import { Committee } from '../modules/committees/committee.entity.js';
import {
  ACTIVITY_KIND_DICTIONARY,
  DictionaryItem,
} from '../modules/dictionaries/dictionary-item.entity.js';
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

function choices(
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

const scopeOf =
  (service: RecordService<{ id: number }>): ReadBinding['scope'] =>
  (actor, where) =>
    service.scopeFor(actor, where);

export function referenceChoices(services: {
  committees: RecordService<Committee>;
  dictionaryItems: RecordService<DictionaryItem>;
  /** The admin accounts' own read binding: their scope and the fields that never leave. */
  adminUsers: Pick<ReadBinding, 'scope' | 'hiddenFields'>;
}): ResourceWithOptions[] {
  return [
    choices(
      CHOICE_REFERENCES.activityKind.reference,
      DictionaryItem,
      { scope: scopeOf(services.dictionaryItems) },
      { dictionary: { code: ACTIVITY_KIND_DICTIONARY }, enabled: true },
      { property: 'label', sortBy: 'sortOrder' },
    ),
    choices(
      CHOICE_REFERENCES.districtCommittee.reference,
      Committee,
      { scope: scopeOf(services.committees) },
      { kind: 'district' },
      { property: 'name' },
    ),
    choices(
      CHOICE_REFERENCES.subdistrictCommittee.reference,
      Committee,
      { scope: scopeOf(services.committees) },
      { kind: 'subdistrict' },
      { property: 'name' },
    ),
    choices(
      CHOICE_REFERENCES.keyHolder.reference,
      AdminUser,
      services.adminUsers,
      { enabled: true, committeeId: Not(IsNull()), role: In([...API_KEY_ROLES]) },
      { property: 'username' },
    ),
  ];
}
