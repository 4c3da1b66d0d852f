#!/usr/bin/env node
/**
 * [A1] §2's measure: which files outside its module a new record has to change. In a throwaway
 * git worktree of HEAD it adds a sample record, 代表备注 (DeputyNote), to the deputies area the
 * way the recipe says (entity, DTOs, service, controller, admin resource, labels, registration in
 * the module and the area file, a permission row, a migration), type-checks the tree
 * (`tsc --noEmit`), and lists the changed paths outside src/modules/deputies/. At most three
 * may change (the permission table, the migration, and for a new area the list of areas);
 * more fails the script.
 *
 *   node scripts/new-record-footprint.mjs            # about a minute: tsc on the whole tree
 *   node scripts/new-record-footprint.mjs --keep     # leave the worktree for a look
 *
 * Not part of `npm test` (tsc alone takes a minute on the 2-core machine).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const MODULE = 'src/modules/deputies/';
const LIMIT = 3;
const repo = resolve(import.meta.dirname, '..');
const keep = process.argv.includes('--keep');

const git = (cwd, ...args) => execFileSync('git', args, { cwd, encoding: 'utf8' });

/** Writes a new file of the sample record. */
const create = (tree, path, text) => writeFileSync(join(tree, path), text);

/** Inserts `text` after `anchor` in a file, failing loudly when the anchor is gone. */
function insertAfter(tree, path, anchor, text) {
  const file = join(tree, path);
  const source = readFileSync(file, 'utf8');
  if (!source.includes(anchor)) throw new Error(`${path}: anchor not found: ${anchor}`);
  writeFileSync(file, source.replace(anchor, anchor + text));
}

/** 代表备注: a committee's dated note on one of its deputies. */
function addDeputyNote(tree) {
  // --- inside the module -------------------------------------------------------------------
  create(
    tree,
    `${MODULE}deputy-note.entity.ts`,
    `import {
  BaseEntity,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { Committee } from '../committees/committee.entity.js';
import { Deputy } from './deputy.entity.js';

/** 代表备注 */
@Entity()
export class DeputyNote extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  committeeId: number;

  @ManyToOne(() => Committee, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'committee_id' })
  committee?: Relation<Committee>;

  @Column({ type: 'integer' })
  deputyId: number;

  @ManyToOne(() => Deputy, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deputy_id' })
  deputy?: Relation<Deputy>;

  @Column({ type: 'varchar', length: 500 })
  note: string;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
`,
  );
  create(
    tree,
    `${MODULE}dto/deputy-note.dto.ts`,
    `import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, MaxLength, Min } from 'class-validator';
import { IdFilter, PageQueryDto } from '../../../common/pagination.js';

export class CreateDeputyNoteDto {
  @ApiProperty({ description: '所属人大工委 / committee id' })
  @IsInt()
  @Min(1)
  committeeId: number;

  @ApiProperty({ description: '代表 / deputy id' })
  @IsInt()
  @Min(1)
  deputyId: number;

  @ApiProperty({ description: '备注 / note', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  note: string;
}

export class UpdateDeputyNoteDto extends PartialType(CreateDeputyNoteDto) {}

export class ListDeputyNotesQuery extends PageQueryDto {
  @IdFilter('按代表 / by deputy')
  deputyId?: number;
}
`,
  );
  create(
    tree,
    `${MODULE}deputy-notes.service.ts`,
    `import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { Repository } from 'typeorm';
import { ownedByCommittee, type RecordScope } from '../../platform/access/record-scope.js';
import { AuditTrail } from '../../platform/audit/audit-trail.service.js';
import { RecordService } from '../../platform/records/record.service.js';
import { requireCommittee } from '../committees/committee-references.js';
import { DEPUTIES_LABELS } from './deputies.labels.js';
import { DeputyNote } from './deputy-note.entity.js';
import type { ListDeputyNotesQuery } from './dto/deputy-note.dto.js';

@Injectable()
export class DeputyNotesService extends RecordService<DeputyNote> {
  protected readonly recordName = DEPUTIES_LABELS.records.deputyNote;
  protected readonly resource = 'deputyNote';
  protected readonly scope: RecordScope<DeputyNote> = ownedByCommittee<DeputyNote>();
  protected readonly sortable = ['id', 'deputyId', 'createdAt'] as const;

  constructor(@InjectRepository(DeputyNote) repository: Repository<DeputyNote>, audit: AuditTrail) {
    super(repository, audit);
  }

  protected override where(query: ListDeputyNotesQuery): FindOptionsWhere<DeputyNote> {
    return { deputyId: query.deputyId };
  }

  protected override async checkWrite(manager: EntityManager, next: DeputyNote): Promise<void> {
    await requireCommittee(manager, next.committeeId);
  }
}
`,
  );
  create(
    tree,
    `${MODULE}deputy-notes.controller.ts`,
    `import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RecordController } from '../../platform/records/record.controller.js';
import { DeputyNote } from './deputy-note.entity.js';
import { DeputyNotesService } from './deputy-notes.service.js';
import {
  CreateDeputyNoteDto,
  ListDeputyNotesQuery,
  UpdateDeputyNoteDto,
} from './dto/deputy-note.dto.js';

@ApiTags('代表备注 Deputy notes')
@Controller('deputy-notes')
export class DeputyNotesController extends RecordController<DeputyNote>({
  entity: DeputyNote,
  title: '代表备注 deputy notes',
  resource: 'deputyNote',
  create: CreateDeputyNoteDto,
  update: UpdateDeputyNoteDto,
  query: ListDeputyNotesQuery,
}) {
  constructor(service: DeputyNotesService) {
    super(service);
  }
}
`,
  );
  const moduleFile = `${MODULE}deputies.module.ts`;
  insertAfter(
    tree,
    moduleFile,
    `import { Deputy } from './deputy.entity.js';`,
    `\nimport { DeputyNote } from './deputy-note.entity.js';\nimport { DeputyNotesController } from './deputy-notes.controller.js';\nimport { DeputyNotesService } from './deputy-notes.service.js';`,
  );
  insertAfter(tree, moduleFile, `TypeOrmModule.forFeature([Deputy, DeputyGroup`, `, DeputyNote`);
  insertAfter(
    tree,
    moduleFile,
    `controllers: [DeputiesController, DeputyGroupsController`,
    `, DeputyNotesController`,
  );
  insertAfter(tree, moduleFile, `providers: [DeputiesService`, `, DeputyNotesService`);
  insertAfter(tree, moduleFile, `exports: [DeputiesService`, `, DeputyNotesService`);

  const areaFile = `${MODULE}deputies.area.ts`;
  insertAfter(
    tree,
    areaFile,
    `import { Deputy } from './deputy.entity.js';`,
    `\nimport { DeputyNote } from './deputy-note.entity.js';`,
  );
  insertAfter(tree, areaFile, `entities: [DeputyGroup, Deputy`, `, DeputyNote`);
  insertAfter(tree, areaFile, `adminAccess: {`, `\n    DeputyNote: { permission: 'deputyNote' },`);

  const labelsFile = `${MODULE}deputies.labels.ts`;
  insertAfter(
    tree,
    labelsFile,
    `  records: {`,
    `\n    deputyNote: { zh: '代表备注', en: 'Deputy note' },`,
  );
  insertAfter(
    tree,
    labelsFile,
    `  resources: {`,
    `\n    DeputyNote: {\n      name: '代表备注',\n      properties: { id: '编号', committeeId: '所属人大工委', deputyId: '代表', note: '备注', createdAt: '创建时间', updatedAt: '更新时间' },\n    },`,
  );

  const adminFile = `${MODULE}admin/deputies.admin.ts`;
  insertAfter(
    tree,
    adminFile,
    `import { Deputy } from '../deputy.entity.js';`,
    `\nimport { DeputyNote } from '../deputy-note.entity.js';\nimport { DeputyNotesService } from '../deputy-notes.service.js';\nimport { CreateDeputyNoteDto, UpdateDeputyNoteDto } from '../dto/deputy-note.dto.js';`,
  );
  insertAfter(
    tree,
    adminFile,
    `inject: { deputyGroups: DeputyGroupsService, deputies: DeputiesService`,
    `, deputyNotes: DeputyNotesService`,
  );
  insertAfter(tree, adminFile, `resources: ({ deputyGroups, deputies`, `, deputyNotes`);
  insertAfter(
    tree,
    adminFile,
    `resources: ({ deputyGroups, deputies, deputyNotes }) => [`,
    `\n    {\n      resource: new ServiceResource(DeputyNote, bindRecordService(deputyNotes, CreateDeputyNoteDto, UpdateDeputyNoteDto)),\n      options: { navigation: NAVIGATION.deputies, listProperties: ['id', 'deputyId', 'note', 'createdAt'], properties: { ...TIMESTAMPS, note: { type: 'textarea' } } },\n    },`,
  );

  // --- outside the module: the permission table and the migration ---------------------------
  const permissions = 'src/platform/access/permissions.ts';
  insertAfter(tree, permissions, `  'deputy',\n`, `  'deputyNote',\n`);
  insertAfter(
    tree,
    permissions,
    `  committeeAdmin: {\n    ...REFERENCE_READ,\n`,
    `    deputyNote: MAINTAIN,\n`,
  );
  create(
    tree,
    'migrations/1795680009990-CreateDeputyNotes.ts',
    `import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { idColumn, reference, timestampColumns } from '../src/database/migration-columns.js';

export class CreateDeputyNotes1795680009990 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'deputy_note',
        columns: [
          idColumn(),
          { name: 'committee_id', type: 'integer' },
          { name: 'deputy_id', type: 'integer' },
          { name: 'note', type: 'varchar', length: '500' },
          ...timestampColumns(queryRunner),
        ],
        foreignKeys: [reference('committee_id', 'committee'), reference('deputy_id', 'deputy', 'CASCADE')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('deputy_note');
  }
}
`,
  );
}

const tree = mkdtempSync(join(tmpdir(), 'new-record-footprint-'));
try {
  git(repo, 'worktree', 'add', '--detach', '--quiet', tree, 'HEAD');
  if (!existsSync(join(tree, 'node_modules'))) {
    symlinkSync(join(repo, 'node_modules'), join(tree, 'node_modules'));
  }
  addDeputyNote(tree);
  console.log('Type-checking the tree with the sample record (tsc --noEmit) …');
  try {
    execFileSync(join(repo, 'node_modules/.bin/tsc'), ['--noEmit', '-p', 'tsconfig.json'], {
      cwd: tree,
      stdio: 'inherit',
    });
  } catch {
    console.error('The sample record does not compile: the recipe or this script is out of date.');
    process.exitCode = 2;
  }
  const changed = git(tree, 'status', '--porcelain', '--untracked-files=all')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3))
    .filter((path) => path !== 'node_modules');
  const outside = changed.filter((path) => !path.startsWith(MODULE));
  console.log(`\nChanged inside ${MODULE} (${changed.length - outside.length}):`);
  for (const path of changed.filter((p) => p.startsWith(MODULE))) console.log(`  ${path}`);
  console.log(`Changed outside it (${outside.length}, at most ${LIMIT}):`);
  for (const path of outside) console.log(`  ${path}`);
  if (outside.length > LIMIT) {
    console.error(`A new record touched ${outside.length} files outside its module.`);
    process.exitCode = 1;
  }
} finally {
  if (keep) {
    console.log(`\nWorktree kept at ${tree} (remove: git worktree remove --force ${tree})`);
  } else {
    git(repo, 'worktree', 'remove', '--force', tree);
    rmSync(tree, { recursive: true, force: true });
  }
}
