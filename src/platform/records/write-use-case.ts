import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { DataSource } from 'typeorm';
import { forbidden, notFound, referenceNotFound, type RecordName } from '../../common/errors.js';
import { COMMITTEE_RECORD_NAME } from './record-names.js';
import { requestContext } from '../../common/request-context.js';
import { currentActor, type Actor } from '../access/actor.js';
import { can, type Action, type ResourceId } from '../access/permissions.js';
import { scopedWhere, withinScope, type RecordScope } from '../access/record-scope.js';
import { AuditTrail, type AuditEntry } from '../audit/audit-trail.service.js';

/**
 * What every account holder may do to their own account (change their password, set up their
 * second factor) once the caller has re-authenticated them: no role permission is involved, and
 * the login flow may run it before the session has an actor.
 */
export const OWN_ACCOUNT = 'ownAccount';

/** A use case as the permission table knows it: an action on a kind of record. */
export interface UseCase<A extends Action | typeof OWN_ACCOUNT = Action | typeof OWN_ACCOUNT> {
  resource: ResourceId;
  action: A;
  /** How a refusal names the record (`当前角色无权对活动执行此操作`). */
  name: RecordName;
}

/** `useCase('attendance', ACTIVITIES_LABELS.records.attendance, 'delete')`. */
export const useCase = <A extends Action | typeof OWN_ACCOUNT>(
  resource: ResourceId,
  name: RecordName,
  action: A,
): UseCase<A> => ({ resource, name, action });

/** The current actor, if its role may do the use case (the system may do anything); 403 otherwise. */
export function permit(useCase: UseCase<Action>): Actor {
  const actor = currentActor();
  if (actor.kind !== 'system' && !can(actor.role, useCase.resource, useCase.action)) {
    throw forbidden(useCase.name, useCase.action);
  }
  return actor;
}

/**
 * One record the actor's committees may see; another committee's record (or a child of another
 * committee's parent) is "not found", exactly like an id that does not exist.
 */
export async function loadInScope<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  id: number,
  scope: RecordScope<T>,
  actor: Actor,
  name: RecordName,
): Promise<T> {
  const where = scopedWhere({ id } as unknown as FindOptionsWhere<T>, scope, actor);
  const found = await manager.findOneBy(target, where);
  if (!found) throw notFound(name, id);
  return found;
}

/**
 * Work outside the database that must follow the transaction's outcome: files unlinked only
 * once their rows' deletion committed, files written for rows that never committed unlinked.
 * One list per transaction, shared by every use case that joins it (`within`).
 */
export class TransactionOutcome {
  readonly afterCommit: (() => Promise<void>)[] = [];
  readonly afterRollback: (() => Promise<void>)[] = [];
}

/**
 * The open write a use case's work runs in: its transaction's manager, who acts, and the checks
 * and audit rows that belong to the same transaction.
 */
export class Write {
  constructor(
    readonly manager: EntityManager,
    private readonly permitted: Actor | undefined,
    readonly useCase: UseCase,
    private readonly trail: AuditTrail,
    /** Shared with the use cases that join this write's transaction. */
    readonly outcome: TransactionOutcome = new TransactionOutcome(),
  ) {}

  /**
   * Runs `work` once the transaction has committed (never if it rolls back): what cannot be
   * undone, such as unlinking a file whose row this write deleted. A failure is logged; the
   * committed write stands.
   */
  afterCommit(work: () => Promise<void>): void {
    this.outcome.afterCommit.push(work);
  }

  /**
   * Runs `work` if the transaction rolls back (never once it committed): undoing what was done
   * outside the database for it, such as a file written for a row that is not kept.
   */
  afterRollback(work: () => Promise<void>): void {
    this.outcome.afterRollback.push(work);
  }

  /** Who acts; an own-account write in the login flow has nobody yet (401 if asked). */
  get actor(): Actor {
    return this.permitted ?? currentActor();
  }

  /** A record within the actor's committees (by its own or its parent's committee), or 404. */
  load<T extends ObjectLiteral>(
    target: EntityTarget<T>,
    id: number,
    scope: RecordScope<T>,
    name: RecordName = this.useCase.name,
  ): Promise<T> {
    return loadInScope(this.manager, target, id, scope, this.actor, name);
  }

  /** A write may not place a record in a committee outside the actor's subtree: 422 on the field. */
  async keepInScope<T>(scope: RecordScope<T>, record: T): Promise<void> {
    const { ok, owner } = await withinScope(this.manager, scope, this.actor, record);
    if (!ok) throw referenceNotFound(scope.field, COMMITTEE_RECORD_NAME, owner ?? '-');
  }

  /**
   * An audit row in this write's transaction: it commits with the change or not at all.
   * `objectType` defaults to the use case's resource.
   */
  async audit(entry: AuditEntry): Promise<void> {
    await this.trail.record(this.manager, { objectType: this.useCase.resource, ...entry });
  }
}

/**
 * The one way a write happens (STYLE.md "a service method is one use case"): the actor's
 * permission for the use case → one transaction → the work, which loads what it changes within
 * the actor's committee scope and writes its audit rows through the `Write` it is given → the
 * result. A refusal or a failed audit row leaves nothing written. Every service that changes data
 * calls `run`; the lint rule `renda/write-through-use-case` keeps transactions and audit calls
 * here (and in a short, commented allowlist of infrastructure writes).
 */
@Injectable()
export class RecordWrites {
  private readonly logger = new Logger(RecordWrites.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly trail: AuditTrail,
  ) {}

  /** The permission check alone, for a use case that refuses before it prepares its write. */
  permit(useCase: UseCase<Action>): Actor {
    return permit(useCase);
  }

  /**
   * Runs `work` for the current actor in one transaction. `within` joins the transaction of an
   * enclosing use case instead (attendance sent with its activity): the inner use case still
   * checks its own permission and writes its own audit rows, and both commit or fail together.
   */
  async run<R>(useCase: UseCase, work: (write: Write) => Promise<R>, within?: Write): Promise<R> {
    const { action } = useCase;
    const actor = action === OWN_ACCOUNT ? requestContext()?.actor : permit({ ...useCase, action });
    if (within) {
      return work(new Write(within.manager, actor, useCase, this.trail, within.outcome));
    }
    const outcome = new TransactionOutcome();
    let result: R;
    try {
      result = await this.dataSource.transaction((manager) =>
        work(new Write(manager, actor, useCase, this.trail, outcome)),
      );
    } catch (error) {
      await this.settle(outcome.afterRollback, 'after rollback');
      throw error;
    }
    await this.settle(outcome.afterCommit, 'after commit');
    return result;
  }

  /** The outcome's work, each step on its own: one failure is logged and stops none of the rest. */
  private async settle(steps: readonly (() => Promise<void>)[], when: string): Promise<void> {
    for (const step of steps) {
      try {
        await step();
      } catch (error) {
        this.logger.error({ err: error }, `work ${when} failed`);
      }
    }
  }

  /**
   * A refused write's own audit row (等保2.0: refusals shown as form errors are never silent),
   * written after the write's transaction rolled back, so that the refusal stays on record.
   */
  async auditRefusal(useCase: UseCase, entry: AuditEntry): Promise<void> {
    await this.trail.recordAlone({ objectType: useCase.resource, ...entry });
  }
}
