import { createHash } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  And,
  Equal,
  FindOperator,
  In,
  Repository,
  type EntityManager,
  type FindOptionsWhere,
  type ObjectLiteral,
} from 'typeorm';
import {
  DomainError,
  ErrorCode,
  invalidInput,
  notFound,
  type FieldProblem,
} from '../../common/errors.js';
import { pageRequest, toPage, type Page } from '../../common/pagination.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import type { Actor } from '../../platform/access/actor.js';
import { can, type Action } from '../../platform/access/permissions.js';
import type { RecordScope } from '../../platform/access/record-scope.js';
import {
  loadInScope,
  permit,
  RecordWrites,
  useCase,
  type Write,
} from '../../platform/records/write-use-case.js';
import {
  ATTACHABLE_KINDS,
  DEFAULT_PURPOSE,
  type AttachableKind,
  type AttachableKinds,
} from './attachable-records.js';
import { Attachment } from './attachment.entity.js';
import { AttachmentStorage } from './attachment-storage.js';
import { judgeFile } from './attachment-types.rules.js';
import { ATTACHMENTS_LABELS } from './attachments.labels.js';
import type { ListAttachmentsQuery, UploadAttachmentDto } from './dto/attachment.dto.js';

const ATTACHMENT = ATTACHMENTS_LABELS.records.attachment;
const attachmentUseCase = (action: Action) => useCase('attachment', ATTACHMENT, action);

/** A file as it arrived (multer's or the panel's upload), before it is checked. */
export interface IncomingFile {
  /** The name the uploader's computer gave it. */
  originalName: string;
  bytes: Buffer;
}

/** An attachment as the server holds it, with where its file lies (never sent to a client). */
type StoredAttachment = Attachment & { storageKey: string };

/** The longest original name kept (the column's length). */
const MAX_NAME = 255;

/** What the audit trail keeps of an attachment (never its storage key). */
const auditDetail = (row: Attachment) => ({
  recordType: row.recordType,
  recordId: row.recordId,
  purpose: row.purpose,
  originalName: row.originalName,
  mediaType: row.mediaType,
  size: row.size,
  sha256: row.sha256,
});

/** The row as it leaves the service: without the storage key. */
function withoutKey(row: Attachment): Attachment {
  delete (row as Partial<StoredAttachment>).storageKey;
  return row;
}

/**
 * 附件: files attached to records of the kinds the areas declare (`attachable`). Who may attach
 * or remove a file is who may edit its record, who may list or download it is who may show the
 * record, both within the record's committee scope (another committee's record is "not found").
 * A file is written inside the upload's transaction and unlinked if it rolls back; a removed
 * attachment's file is unlinked only after its deletion committed.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    @InjectRepository(Attachment) private readonly repository: Repository<Attachment>,
    private readonly writes: RecordWrites,
    private readonly storage: AttachmentStorage,
    @Inject(ATTACHABLE_KINDS) private readonly kinds: AttachableKinds,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The panel's read scope: attachments of the kinds of records the actor's role may show,
   * attached within its committees (`where` from the panel's filters ANDed in).
   */
  scopeFor(actor: Actor, where: FindOptionsWhere<Attachment>): FindOptionsWhere<Attachment> {
    const kinds = this.attachableKinds()
      .filter((kind) => actor.kind === 'system' || can(actor.role, kind.resource, 'show'))
      .map((kind) => kind.recordType);
    const sent = where.recordType;
    const allowed = In(kinds);
    const scoped: FindOptionsWhere<Attachment> = {
      ...where,
      recordType:
        sent === undefined
          ? allowed
          : And(allowed, sent instanceof FindOperator ? sent : Equal(sent)),
    };
    if (actor.committeeIds) {
      const committees = In([...actor.committeeIds]);
      const filter = where.committeeId;
      scoped.committeeId =
        filter === undefined || filter === null
          ? committees
          : And(committees, filter instanceof FindOperator ? filter : Equal(filter));
    }
    return scoped;
  }

  /** The kinds of records that take files, by record type (the panel's form offers them). */
  attachableKinds(): AttachableKind[] {
    return [...this.kinds.values()];
  }

  get maxBytes(): number {
    return this.config.attachments.maxBytes;
  }

  /**
   * Attaches a file to a record: 400 naming `recordType`/`purpose`/`file`, 413 too large, 415
   * a content of no accepted type, 404 a record outside the actor's scope. `within` joins an
   * enclosing use case's transaction (a record saved with its files): a rollback there
   * unlinks the file too.
   */
  async upload(
    input: UploadAttachmentDto,
    file: IncomingFile | undefined,
    within?: Write,
  ): Promise<Attachment> {
    permit(attachmentUseCase('new'));
    const kind = this.kindOf(input.recordType);
    const purpose = this.purposeOf(kind, input.purpose);
    const { bytes, originalName, mediaType } = this.checkedFile(file);
    return this.writes.run(
      useCase(kind.resource, kind.name, 'edit'),
      async (write) => {
        const record = await write.load(kind.entity, input.recordId, this.scopeOf(kind), kind.name);
        const committeeId = (await kind.scope.owner?.(write.manager, record)) ?? null;
        const storageKey = this.storage.newKey();
        write.afterRollback(() => this.storage.remove(storageKey));
        await this.storage.put(storageKey, bytes);
        const saved = await write.manager.save(
          write.manager.create(Attachment, {
            recordType: kind.recordType,
            recordId: input.recordId,
            purpose,
            committeeId,
            originalName,
            mediaType,
            size: bytes.length,
            sha256: createHash('sha256').update(bytes).digest('hex'),
            storageKey,
            uploadedBy: write.actor.name.slice(0, 100),
          }),
        );
        await write.audit({
          action: 'create',
          objectType: 'attachment',
          objectId: saved.id,
          detail: auditDetail(saved),
        });
        return withoutKey(saved);
      },
      within,
    );
  }

  /**
   * The attachments the actor may see: of one record (404 outside scope), or of every kind of
   * record the actor's role may show, within its committees.
   */
  async list(query: ListAttachmentsQuery): Promise<Page<Attachment>> {
    const actor = permit(attachmentUseCase('list'));
    const request = pageRequest(query, ['id', 'createdAt', 'originalName', 'size'], 'id');
    if (query.recordId !== undefined && query.recordType === undefined) {
      throw invalidInput([
        {
          field: 'recordType',
          problem: '按 recordId 筛选时须同时给出 recordType / recordId needs recordType',
        },
      ]);
    }
    let kinds = this.attachableKinds().filter(
      (kind) => actor.kind === 'system' || can(actor.role, kind.resource, 'show'),
    );
    const where: FindOptionsWhere<Attachment> = {};
    if (query.recordType !== undefined) {
      const kind = this.kindOf(query.recordType);
      permit(useCase(kind.resource, kind.name, 'show'));
      kinds = [kind];
      if (query.recordId !== undefined) {
        await loadInScope(
          this.repository.manager,
          kind.entity,
          query.recordId,
          this.scopeOf(kind),
          actor,
          kind.name,
        );
        where.recordId = query.recordId;
      }
    }
    // A record's own list is scoped by the record just checked; any other by the committee the
    // record belonged to when the file was attached.
    if (where.recordId === undefined && actor.committeeIds) {
      where.committeeId = In([...actor.committeeIds]);
    }
    if (kinds.length === 0) return toPage([], 0, request);
    where.recordType = In(kinds.map((kind) => kind.recordType));
    if (query.purpose !== undefined) where.purpose = query.purpose;
    const [items, total] = await this.repository.findAndCount({
      where,
      order: request.order,
      skip: request.skip,
      take: request.pageSize,
    });
    return toPage(items, total, request);
  }

  /** One attachment's metadata; 404 when its record is outside the actor's scope. */
  async get(id: number): Promise<Attachment> {
    const actor = permit(attachmentUseCase('show'));
    return withoutKey(await this.visible(this.repository.manager, id, actor, 'show'));
  }

  /**
   * The file of an attachment, for a download: an audited read (`export`, like a spreadsheet
   * export), the row written before any byte leaves.
   */
  async download(id: number): Promise<{ attachment: Attachment; content: ReadStream }> {
    const row = await this.writes.run(attachmentUseCase('show'), async (write) => {
      const found = await this.visible(write.manager, id, write.actor, 'show');
      if (!(await this.storage.exists(found.storageKey))) {
        throw new DomainError(ErrorCode.NotFound, {
          zh: `附件（ID ${id}）的文件已不存在`,
          en: `The file of attachment ${id} is missing`,
        });
      }
      await write.audit({ action: 'export', objectId: id, detail: auditDetail(found) });
      return found;
    });
    return {
      attachment: withoutKey(Object.assign(new Attachment(), row)),
      content: this.storage.read(row.storageKey),
    };
  }

  /** Removes an attachment (its record's `edit`); the file goes once the deletion committed. */
  async remove(id: number): Promise<void> {
    permit(attachmentUseCase('delete'));
    const found = await this.repository.findOneBy({ id });
    const kind = found ? this.kinds.get(found.recordType) : undefined;
    if (!found || !kind) throw notFound(ATTACHMENT, id);
    await this.writes.run(useCase(kind.resource, kind.name, 'edit'), async (write) => {
      const row = await this.visible(write.manager, id, write.actor, 'edit');
      await write.manager.delete(Attachment, { id });
      await write.audit({
        action: 'delete',
        objectType: 'attachment',
        objectId: id,
        detail: auditDetail(row),
      });
      write.afterCommit(() => this.storage.remove(row.storageKey));
    });
  }

  /**
   * Within a record's removal (RecordRemoval): deletes the record's attachments and their audit
   * rows' worth in the same transaction, and unlinks the files only after it committed.
   */
  async removeAllOf(write: Write, recordType: string, recordId: number): Promise<void> {
    if (!this.kinds.has(recordType)) return;
    const rows = (await write.manager
      .createQueryBuilder(Attachment, 'attachment')
      .addSelect('attachment.storageKey')
      .where('attachment.recordType = :recordType AND attachment.recordId = :recordId', {
        recordType,
        recordId,
      })
      .getMany()) as StoredAttachment[];
    if (rows.length === 0) return;
    await write.manager.delete(Attachment, { id: In(rows.map((row) => row.id)) });
    for (const row of rows) {
      await write.audit({
        action: 'delete',
        objectType: 'attachment',
        objectId: row.id,
        detail: { ...auditDetail(row), reason: 'recordRemoved' },
      });
    }
    write.afterCommit(async () => {
      for (const row of rows) await this.storage.remove(row.storageKey);
    });
  }

  /** An attachment whose record the actor may see and act on, with its storage key; else 404. */
  private async visible(
    manager: EntityManager,
    id: number,
    actor: Actor,
    action: 'show' | 'edit',
  ): Promise<StoredAttachment> {
    const row = await manager
      .createQueryBuilder(Attachment, 'attachment')
      .addSelect('attachment.storageKey')
      .where('attachment.id = :id', { id })
      .getOne();
    const kind = row ? this.kinds.get(row.recordType) : undefined;
    if (!row || !kind) throw notFound(ATTACHMENT, id);
    permit(useCase(kind.resource, kind.name, action));
    try {
      await loadInScope(manager, kind.entity, row.recordId, this.scopeOf(kind), actor, kind.name);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.NotFound) {
        throw notFound(ATTACHMENT, id);
      }
      throw error;
    }
    return row;
  }

  private kindOf(recordType: string): AttachableKind {
    const kind = this.kinds.get(recordType);
    if (!kind) {
      const known = [...this.kinds.keys()].join(', ');
      throw invalidInput([
        {
          field: 'recordType',
          problem: `“${recordType.slice(0, 40)}”类记录不能添加附件（可用：${known}）/ records of this type take no attachments (${known})`,
        },
      ]);
    }
    return kind;
  }

  private purposeOf(kind: AttachableKind, sent: string | undefined): string {
    const purpose =
      sent ?? (kind.purposes.includes(DEFAULT_PURPOSE) ? DEFAULT_PURPOSE : kind.purposes[0]);
    if (!kind.purposes.includes(purpose)) {
      const allowed = kind.purposes.join(', ');
      throw invalidInput([
        {
          field: 'purpose',
          problem: `${kind.name.zh}的附件用途只能是 ${allowed} / purpose must be one of ${allowed}`,
        },
      ]);
    }
    return purpose;
  }

  /** The file's bytes, a name safe to keep and the type its content is; or the refusal. */
  private checkedFile(file: IncomingFile | undefined): IncomingFile & { mediaType: string } {
    const problem = (problem: string): FieldProblem[] => [{ field: 'file', problem }];
    if (!file) {
      throw invalidInput(
        problem('请选择要上传的文件（表单字段 file）/ no file sent (part "file")'),
      );
    }
    if (file.bytes.length === 0) throw invalidInput(problem('文件为空 / the file is empty'));
    if (file.bytes.length > this.maxBytes) throw tooLarge(this.maxBytes);
    const originalName = cleanName(file.originalName);
    if (!originalName) {
      throw invalidInput(problem('文件名不能为空 / the file has no name'));
    }
    const verdict = judgeFile(file.bytes, originalName);
    if (!verdict.ok) {
      throw new DomainError(
        ErrorCode.UnsupportedMediaType,
        { zh: '不允许的文件类型', en: 'File type not accepted' },
        problem(verdict.problem),
      );
    }
    return { bytes: file.bytes, originalName, mediaType: verdict.mediaType };
  }

  private scopeOf(kind: AttachableKind): RecordScope<ObjectLiteral> {
    return kind.scope as RecordScope<ObjectLiteral>;
  }
}

/** 413 naming `file`, with the limit in MB. */
export function tooLarge(maxBytes: number): DomainError {
  const mb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
  return new DomainError(ErrorCode.PayloadTooLarge, { zh: '文件过大', en: 'File too large' }, [
    {
      field: 'file',
      problem: `文件超过 ${mb} MB 的上限 / the file is larger than ${maxBytes} bytes`,
    },
  ]);
}

/**
 * The uploader's file name as it is kept: its last path segment, without control characters,
 * at most 255 characters (the extension kept).
 */
export function cleanName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if ([...base].length <= MAX_NAME) return base;
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return [...base].slice(0, MAX_NAME - extension.length).join('') + extension;
}
