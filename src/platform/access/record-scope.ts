import {
  And,
  Equal,
  FindOperator,
  In,
  type EntityManager,
  type EntityTarget,
  type FindOptionsWhere,
  type ObjectLiteral,
} from 'typeorm';
import type { Actor } from './actor.js';

/**
 * How a kind of record belongs to a committee, for data scope (等保2.0 访问控制): an actor sees
 * only records of the committees in its subtree, and writes only records that stay there.
 */
export interface RecordScope<T> {
  /** The clause that keeps records of these committees. */
  where(committeeIds: readonly number[]): FindOptionsWhere<T>;
  /** The committee a record (as it will be written) belongs to; absent for shared records. */
  owner?(manager: EntityManager, record: T): Promise<number | null> | number | null;
  /** The field blamed when a write would move a record out of the actor's scope. */
  field: string;
}

/** Records every role reads alike (terms, dictionaries): no committee. */
export const sharedRecords = <T>(): RecordScope<T> => ({ where: () => ({}), field: '' });

/** Records with their own `committeeId` column. */
export function ownedByCommittee<T extends { committeeId: number | null }>(): RecordScope<T> {
  return {
    where: (ids) => ({ committeeId: In([...ids]) }) as FindOptionsWhere<T>,
    owner: (_manager, record) => record.committeeId ?? null,
    field: 'committeeId',
  };
}

/**
 * Child records that belong to their parent's committee (attendance through its activity): the
 * clause reaches the committee through `relation`, and a write is placed by the parent that
 * `parentId` names.
 */
export function throughParent<T, P extends { id: number; committeeId: number }>(
  relation: keyof T & string,
  parentId: keyof T & string,
  parent: EntityTarget<P>,
): RecordScope<T> {
  return {
    where: (ids) => ({ [relation]: { committeeId: In([...ids]) } }) as FindOptionsWhere<T>,
    owner: async (manager, record) => {
      const id = record[parentId] as number;
      const found = await manager.findOne(parent, {
        select: { committeeId: true } as never,
        where: { id } as FindOptionsWhere<P>,
      });
      return found?.committeeId ?? null;
    },
    field: parentId,
  };
}

const asOperator = (value: unknown): FindOperator<unknown> =>
  value instanceof FindOperator ? value : Equal(value);

/** ANDs the actor's scope into a where clause (or each branch of an OR list). */
export function scopedWhere<T extends ObjectLiteral>(
  where: FindOptionsWhere<T> | FindOptionsWhere<T>[],
  scope: RecordScope<T>,
  actor: Actor,
): FindOptionsWhere<T> | FindOptionsWhere<T>[] {
  if (!actor.committeeIds) return where;
  const clause = scope.where(actor.committeeIds) as Record<string, unknown>;
  const merge = (branch: FindOptionsWhere<T>): FindOptionsWhere<T> => {
    const merged: Record<string, unknown> = { ...branch };
    for (const [field, condition] of Object.entries(clause)) {
      const existing = merged[field];
      merged[field] =
        existing === undefined
          ? condition
          : And(asOperator(existing), condition as FindOperator<unknown>);
    }
    return merged as FindOptionsWhere<T>;
  };
  return Array.isArray(where) ? where.map(merge) : merge(where);
}

/** Whether a record as it will be written stays inside the actor's committees. */
export async function withinScope<T>(
  manager: EntityManager,
  scope: RecordScope<T>,
  actor: Actor,
  record: T,
): Promise<{ ok: boolean; owner: number | null }> {
  if (!actor.committeeIds || !scope.owner) return { ok: true, owner: null };
  const owner = await scope.owner(manager, record);
  return { ok: owner !== null && actor.committeeIds.includes(owner), owner };
}
