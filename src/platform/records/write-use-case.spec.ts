import {
  Column,
  DataSource,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Table,
  type Relation,
  type Repository,
} from 'typeorm';
import { CreateAuditTrail1795680000007 } from '../../../migrations/1795680000007-CreateAuditTrail.js';
import { FixedClock } from '../../common/clock.js';
import { DomainError, ErrorCode } from '../../common/errors.js';
import { runInContext } from '../../common/request-context.js';
import { idColumn } from '../../database/migration-columns.js';
import { SnakeNamingStrategy } from '../../database/snake-naming.strategy.js';
import { runAsSystem, type Actor } from '../access/actor.js';
import { ownedByCommittee, throughParent } from '../access/record-scope.js';
import { AuditLog } from '../audit/audit-log.entity.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { RecordService } from './record.service.js';
import { defineWorkflow } from './workflow.js';
import { OWN_ACCOUNT, RecordWrites, useCase } from './write-use-case.js';

/** Record names as an area's labels file gives them (the platform imports no area). */
const NAMES = {
  attendance: { zh: '出席记录', en: 'Attendance' },
  activity: { zh: '活动', en: 'Activity' },
  adminUser: { zh: '管理员', en: 'Admin user' },
};

/** A record of a committee, with a workflow-owned status (like a suggestion). */
@Entity()
class Matter {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  committeeId: number;

  @Column({ type: 'varchar', length: 16 })
  status: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  reply: string | null;
}

/** A child record, scoped through its matter (like attendance through its activity). */
@Entity()
class MatterNote {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  matterId: number;

  @ManyToOne(() => Matter)
  @JoinColumn({ name: 'matter_id' })
  matter?: Relation<Matter>;

  @Column({ type: 'varchar', length: 100 })
  text: string;
}

const NOTE_SCOPE = throughParent<MatterNote, Matter>('matter', 'matterId', Matter);
const MATTER_SCOPE = ownedByCommittee<Matter>();
const addNote = useCase('attendance', NAMES.attendance, 'new');

const staffOf = (committeeId: number): Actor => ({
  kind: 'user',
  id: 7,
  name: 'clerk',
  role: 'staff',
  committeeId,
  committeeIds: [committeeId],
});
const viewer: Actor = { ...staffOf(1), name: 'viewer', role: 'districtViewer' };
const as = <R>(actor: Actor, work: () => Promise<R>): Promise<R> =>
  runInContext({ ip: null, actor }, work);

const MATTER_WORKFLOW = defineWorkflow({
  field: 'status',
  states: ['draft', 'submitted', 'closed'],
  transitions: {
    submit: { from: ['draft'], to: 'submitted' },
    close: { from: ['submitted'], to: 'closed' },
  },
  labels: { submit: '提交', close: '办结' },
});

class MattersService extends RecordService<Matter> {
  protected readonly recordName = NAMES.activity;
  protected readonly resource = 'activity';
  protected readonly scope = MATTER_SCOPE;
  protected readonly sortable = ['id'];
  protected override readonly workflow = MATTER_WORKFLOW;

  constructor(repository: Repository<Matter>, audit: AuditTrail) {
    super(repository, audit);
  }
}

async function openDatabase(): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: ':memory:',
    entities: [AuditLog, Matter, MatterNote],
    migrations: [CreateAuditTrail1795680000007],
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logging: false,
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  const queryRunner = dataSource.createQueryRunner();
  await queryRunner.createTable(
    new Table({
      name: 'matter',
      columns: [
        idColumn(),
        { name: 'committee_id', type: 'integer' },
        { name: 'status', type: 'varchar', length: '16' },
        { name: 'reply', type: 'varchar', length: '100', isNullable: true },
      ],
    }),
  );
  await queryRunner.createTable(
    new Table({
      name: 'matter_note',
      columns: [
        idColumn(),
        { name: 'matter_id', type: 'integer' },
        { name: 'text', type: 'varchar', length: '100' },
      ],
      foreignKeys: [
        {
          columnNames: ['matter_id'],
          referencedTableName: 'matter',
          referencedColumnNames: ['id'],
        },
      ],
    }),
  );
  await queryRunner.release();
  return dataSource;
}

describe('RecordWrites', () => {
  let dataSource: DataSource;
  let sut: RecordWrites;
  let ours: Matter;
  let theirs: Matter;

  const auditRows = () => dataSource.getRepository(AuditLog).find({ order: { id: 'ASC' } });
  const notes = () => dataSource.getRepository(MatterNote).find();
  const writeNote = (matterId: number, text = 'note') =>
    sut.run(addNote, async (write) => {
      await write.load(Matter, matterId, MATTER_SCOPE, NAMES.activity);
      const saved = await write.manager.save(MatterNote, { matterId, text });
      await write.audit({ action: 'create', objectId: saved.id });
      return saved;
    });

  beforeEach(async () => {
    dataSource = await openDatabase();
    sut = new RecordWrites(dataSource, new AuditTrail(dataSource, new FixedClock(new Date(0))));
    const matters = dataSource.getRepository(Matter);
    ours = await matters.save({ committeeId: 1, status: 'draft', reply: null });
    theirs = await matters.save({ committeeId: 2, status: 'draft', reply: null });
  });

  afterEach(async () => {
    await dataSource.destroy();
  });

  it('should write the work and its audit row, named by the use case and the actor', async () => {
    const saved = await as(staffOf(1), () => writeNote(ours.id));

    expect(await notes()).toEqual([expect.objectContaining({ id: saved.id, matterId: ours.id })]);
    expect(await auditRows()).toEqual([
      expect.objectContaining({
        action: 'create',
        objectType: 'attendance',
        objectId: String(saved.id),
        actorName: 'clerk',
        actorCommitteeId: 1,
      }),
    ]);
  });

  it('should refuse a role without the permission with 403, writing nothing', async () => {
    const refusal = as(viewer, () => writeNote(ours.id));

    await expect(refusal).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    expect(await notes()).toEqual([]);
    expect(await auditRows()).toEqual([]);
  });

  it("should answer 404 for another committee's parent, and leave its children unseen", async () => {
    const note = await runAsSystem('seed', () => writeNote(theirs.id));

    await expect(as(staffOf(1), () => writeNote(theirs.id))).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
    const load = as(staffOf(1), () =>
      sut.run(addNote, (write) => write.load(MatterNote, note.id, NOTE_SCOPE)),
    );
    await expect(load).rejects.toMatchObject({
      code: ErrorCode.NotFound,
      message: expect.stringContaining(`出席记录（ID ${note.id}）不存在`),
    });
    const seen = await as(staffOf(2), () =>
      sut.run(addNote, (write) => write.load(MatterNote, note.id, NOTE_SCOPE)),
    );
    expect(seen).toMatchObject({ id: note.id, text: 'note' });
  });

  it("should refuse to place a child under another committee's parent with 422", async () => {
    const placement = as(staffOf(1), () =>
      sut.run(addNote, (write) =>
        write.keepInScope(NOTE_SCOPE, { matterId: theirs.id } as MatterNote),
      ),
    );

    await expect(placement).rejects.toMatchObject({ code: ErrorCode.ReferenceNotFound });
  });

  it('should roll back the work and its audit row together when the work fails', async () => {
    const failing = as(staffOf(1), () =>
      sut.run(addNote, async (write) => {
        await write.manager.save(MatterNote, { matterId: ours.id, text: 'lost' });
        await write.audit({ action: 'create' });
        throw new Error('rule broken after the write');
      }),
    );

    await expect(failing).rejects.toThrow('rule broken after the write');
    expect(await notes()).toEqual([]);
    expect(await auditRows()).toEqual([]);
  });

  it('should run a child use case inside its parent write, failing together', async () => {
    const nested = as(staffOf(1), () =>
      sut.run(addNote, async (outer) => {
        await outer.manager.save(MatterNote, { matterId: ours.id, text: 'outer' });
        await sut.run(addNote, (inner) => inner.load(Matter, theirs.id, MATTER_SCOPE), outer);
      }),
    );

    await expect(nested).rejects.toMatchObject({ code: ErrorCode.NotFound });
    expect(await notes()).toEqual([]);
  });

  it('should let the system do anything, in every committee', async () => {
    await runAsSystem('job:test', () => writeNote(theirs.id));

    expect(await auditRows()).toEqual([
      expect.objectContaining({ actorKind: 'system', actorName: 'job:test' }),
    ]);
  });

  it('should run an own-account use case before the session has an actor', async () => {
    const own = useCase('adminUser', NAMES.adminUser, OWN_ACCOUNT);
    await runInContext({ ip: null }, () =>
      sut.run(own, (write) => write.audit({ action: 'passwordChange', objectId: 3 })),
    );

    expect(await auditRows()).toEqual([
      expect.objectContaining({
        action: 'passwordChange',
        objectType: 'adminUser',
        actorKind: 'anonymous',
      }),
    ]);
  });

  it('should keep a refusal on record after its write rolled back', async () => {
    await as(staffOf(1), () =>
      sut.auditRefusal(addNote, { action: 'create', outcome: 'denied', detail: { reason: 'x' } }),
    );

    expect(await auditRows()).toEqual([
      expect.objectContaining({ action: 'create', objectType: 'attendance', outcome: 'denied' }),
    ]);
  });

  it('should run after-commit work once the transaction committed, never after-rollback work', async () => {
    const events: string[] = [];
    await as(staffOf(1), () =>
      sut.run(addNote, async (write) => {
        write.afterCommit(() => Promise.resolve(void events.push('committed')));
        write.afterRollback(() => Promise.resolve(void events.push('rolled back')));
        await write.manager.save(MatterNote, { matterId: ours.id, text: 'kept' });
        events.push('work done');
      }),
    );
    expect(events).toEqual(['work done', 'committed']);
  });

  it('should run after-rollback work when the work fails, and no after-commit work', async () => {
    const events: string[] = [];
    const failing = as(staffOf(1), () =>
      sut.run(addNote, async (write) => {
        write.afterCommit(() => Promise.resolve(void events.push('committed')));
        write.afterRollback(async () => {
          events.push(`rolled back, ${(await notes()).length} notes`);
        });
        await write.manager.save(MatterNote, { matterId: ours.id, text: 'lost' });
        throw new Error('a later write failed');
      }),
    );
    await expect(failing).rejects.toThrow('a later write failed');
    expect(events).toEqual(['rolled back, 0 notes']);
  });

  it('should share the outcome with a use case that joins the write, and survive a failing step', async () => {
    const events: string[] = [];
    await as(staffOf(1), () =>
      sut.run(addNote, async (outer) => {
        await sut.run(
          addNote,
          (inner) => {
            inner.afterCommit(() => Promise.reject(new Error('unlink failed')));
            inner.afterCommit(() => Promise.resolve(void events.push('inner committed')));
            return Promise.resolve();
          },
          outer,
        );
        events.push('outer done');
      }),
    );
    expect(events).toEqual(['outer done', 'inner committed']);
  });
});

describe('RecordService with a workflow', () => {
  let dataSource: DataSource;
  let sut: MattersService;
  let matter: Matter;

  const clerk = <R>(work: () => Promise<R>) => as(staffOf(1), work);
  const refusal = async (work: Promise<unknown>): Promise<DomainError> => {
    const error: unknown = await work.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    if (!(error instanceof DomainError)) {
      throw new Error(`expected a DomainError, got ${String(error)}`);
    }
    return error;
  };

  beforeEach(async () => {
    dataSource = await openDatabase();
    const audit = new AuditTrail(dataSource, new FixedClock(new Date(0)));
    sut = new MattersService(dataSource.getRepository(Matter), audit);
    matter = await dataSource
      .getRepository(Matter)
      .save({ committeeId: 1, status: 'draft', reply: null });
  });

  afterEach(async () => {
    await dataSource.destroy();
  });

  it('should answer 409 WORKFLOW_FIELD to a generic update of the owned field', async () => {
    const error = await refusal(clerk(() => sut.update(matter.id, { status: 'closed' })));

    expect(error).toMatchObject({
      code: ErrorCode.WorkflowField,
      status: 409,
      allowed: ['submit'],
      details: [{ field: 'status' }],
    });
    expect(error.message).toMatch(
      /^活动的“status”只能通过流转操作修改，当前可执行：submit（提交）/,
    );
    expect(await dataSource.getRepository(Matter).findOneBy({ id: matter.id })).toMatchObject({
      status: 'draft',
    });
  });

  it('should accept the owned field sent back unchanged with other changes', async () => {
    const saved = await clerk(() => sut.update(matter.id, { status: 'draft', reply: '已收到' }));

    expect(saved).toMatchObject({ status: 'draft', reply: '已收到' });
  });

  it('should move the record by a transition, audited with from and to', async () => {
    const saved = await clerk(() => sut.transition(matter.id, 'submit', { reply: '请办理' }));

    expect(saved).toMatchObject({ status: 'submitted', reply: '请办理' });
    const [row] = await dataSource.getRepository(AuditLog).findBy({ action: 'transition' });
    expect(row).toMatchObject({ objectType: 'activity', objectId: String(matter.id) });
    expect(JSON.parse(row.detail ?? '{}')).toEqual({
      action: 'submit',
      from: 'draft',
      to: 'submitted',
      changes: { status: ['draft', 'submitted'], reply: [null, '请办理'] },
    });
  });

  it('should answer 409 INVALID_TRANSITION listing the allowed actions', async () => {
    await clerk(() => sut.transition(matter.id, 'submit'));

    const error = await refusal(clerk(() => sut.transition(matter.id, 'submit')));

    expect(error).toMatchObject({
      code: ErrorCode.InvalidTransition,
      status: 409,
      allowed: ['close'],
    });
    expect(error.message).toMatch(
      /^活动当前状态（submitted）不能执行“submit”，可执行：close（办结）/,
    );
  });

  it('should refuse a transition to a role that may not edit, and hide other committees', async () => {
    const forbidden = await refusal(as(viewer, () => sut.transition(matter.id, 'submit')));
    const hidden = await refusal(as(staffOf(2), () => sut.transition(matter.id, 'submit')));

    expect(forbidden.code).toBe(ErrorCode.Forbidden);
    expect(hidden.code).toBe(ErrorCode.NotFound);
  });
});
