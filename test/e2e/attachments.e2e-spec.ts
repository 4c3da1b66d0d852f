import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { runAsSystem } from '../../src/platform/access/actor.js';
import { AuditLog } from '../../src/platform/audit/audit-log.entity.js';
import { RecordRemoval } from '../../src/platform/records/record-removal.js';
import { RecordWrites, useCase } from '../../src/platform/records/write-use-case.js';
import { ActivitiesService } from '../../src/modules/activities/activities.service.js';
import { Activity } from '../../src/modules/activities/activity.entity.js';
import { Attachment } from '../../src/modules/attachments/attachment.entity.js';
import { AttachmentsService } from '../../src/modules/attachments/attachments.service.js';
import { createActivity } from '../factories/activity.factory.js';
import { PDF_BYTES, PNG_BYTES, storedFiles } from '../factories/attachment.factory.js';
import { createOrganisation } from '../factories/committee.factory.js';
import { createOpinion, createSupervisionActivity } from '../factories/supervision.factory.js';
import { AbstractLoader } from '@adminjs/nestjs';
import type { AdminExpressLoader } from '../../src/admin/admin-express.loader.js';
import { AdminUsersService } from '../../src/modules/auth/admin-users.service.js';
import { login, TEST_PASSWORD } from '../support/admin-login.js';
import { body, startRestApi, type RestApi } from '../support/rest-api.js';
import { testDialect } from '../support/test-database.js';

/** The attachments' limit in this file: small, so "too large" costs nothing. */
const MAX_BYTES = 4096;
const ACTIVITY = { zh: '活动', en: 'Activity' };

/** Attachments (modules/attachments) over the REST API, and the files they keep on disk. */
describe(`attachments API on ${testDialect()}`, () => {
  let api: RestApi;
  let root: string;

  beforeAll(async () => {
    api = await startRestApi({ env: { ATTACHMENT_MAX_BYTES: String(MAX_BYTES) }, admin: true });
    root = api.sut.config.attachments.dir;
  });

  afterAll(async () => {
    await api.close();
  });

  const upload = (
    fields: Record<string, string | number>,
    file: { bytes: Buffer; name: string } | null,
    key = api.writer,
  ) => {
    let call = request(api.server)
      .post('/api/v1/attachments')
      .set('Authorization', `Bearer ${key}`);
    for (const [name, value] of Object.entries(fields)) call = call.field(name, String(value));
    if (file) call = call.attach('file', file.bytes, { filename: file.name });
    return call;
  };
  const rows = (recordId: number) =>
    api.sut.dataSource.getRepository(Attachment).countBy({ recordType: 'activity', recordId });
  const auditOf = (objectId: number) =>
    api.sut.dataSource
      .getRepository(AuditLog)
      .findBy({ objectType: 'attachment', objectId: String(objectId) });
  const newActivity = async (committeeId?: number) =>
    (await createActivity(api.sut.app, { committeeId: committeeId ?? (await api.ownCommittee()) }))
      .id;

  it('should store an upload, list it, and give the same bytes back with their sha256', async () => {
    const activityId = await newActivity();
    const before = storedFiles(root).length;
    const created = await upload(
      { recordType: 'activity', recordId: activityId, purpose: 'signInSheet' },
      { bytes: PNG_BYTES, name: '签到表（第一次）.png' },
    ).expect(201);
    const attachment = body(created);
    expect(attachment).toMatchObject({
      recordType: 'activity',
      recordId: activityId,
      purpose: 'signInSheet',
      originalName: '签到表（第一次）.png',
      mediaType: 'image/png',
      size: PNG_BYTES.length,
      sha256: createHash('sha256').update(PNG_BYTES).digest('hex'),
      uploadedBy: expect.any(String) as string,
    });
    expect(attachment).not.toHaveProperty('storageKey');
    const files = storedFiles(root);
    expect(files).toHaveLength(before + 1);
    // The name on disk is random, never the uploader's.
    expect(files.join()).not.toContain('签到表');

    const list = await api
      .get(`/attachments?recordType=activity&recordId=${activityId}`)
      .expect(200);
    expect(body(list)).toMatchObject({ total: 1, page: 1 });
    expect(body(list).items![0]).toMatchObject({
      id: attachment.id,
      originalName: '签到表（第一次）.png',
    });
    await api.get(`/attachments/${attachment.id as number}`).expect(200);

    const download = await api
      .get(`/attachments/${attachment.id as number}/content`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const bytes = download.body as Buffer;
    expect(bytes.equals(PNG_BYTES)).toBe(true);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `inline; filename="________.png"; filename*=UTF-8''${encodeURIComponent('签到表（第一次）.png')}`,
    );
    const audit = await auditOf(attachment.id as number);
    expect(audit.map((row) => row.action).sort()).toEqual(['create', 'export']);
  });

  it('should download anything but an image as an attachment under its original name', async () => {
    const activityId = await newActivity();
    const created = await upload(
      { recordType: 'activity', recordId: activityId },
      { bytes: PDF_BYTES, name: "学习材料 it's.pdf" },
    ).expect(201);
    expect(body(created)).toMatchObject({ purpose: 'material', mediaType: 'application/pdf' });
    const download = await api
      .get(`/attachments/${body(created).id as number}/content`)
      .expect(200);
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="____ it's.pdf"; filename*=UTF-8''%E5%AD%A6%E4%B9%A0%E6%9D%90%E6%96%99%20it%27s.pdf`,
    );
  });

  it('should refuse without a key (401) and a role that may not edit the record (403)', async () => {
    const activityId = await newActivity();
    const file = { bytes: PNG_BYTES, name: 'a.png' };
    await request(api.server).get('/api/v1/attachments').expect(401);
    await upload({ recordType: 'activity', recordId: activityId }, file, 'rw_nonsense').expect(401);
    const refused = await upload(
      { recordType: 'activity', recordId: activityId },
      file,
      api.reader,
    );
    expect(refused.status).toBe(403);
    expect(await rows(activityId)).toBe(0);
    // The viewer reads what the writer attached.
    const created = await upload({ recordType: 'activity', recordId: activityId }, file).expect(
      201,
    );
    await api.get(`/attachments/${body(created).id as number}/content`, api.reader).expect(200);
    await api.delete(`/attachments/${body(created).id as number}`, api.reader).expect(403);
  });

  it("should answer 404 for another committee's record and its attachments", async () => {
    const other = await createOrganisation(api.sut.app);
    const activityId = await newActivity(other.subdistrictId);
    const refused = await upload(
      { recordType: 'activity', recordId: activityId },
      { bytes: PNG_BYTES, name: 'a.png' },
    ).expect(404);
    expect(body(refused).code).toBe('NOT_FOUND');
    const theirs = await runAsSystem('test', () =>
      api.sut.app
        .get(AttachmentsService)
        .upload(
          { recordType: 'activity', recordId: activityId },
          { bytes: PNG_BYTES, originalName: 'theirs.png' },
        ),
    );
    await api.get(`/attachments?recordType=activity&recordId=${activityId}`).expect(404);
    await api.get(`/attachments/${theirs.id}`).expect(404);
    await api.get(`/attachments/${theirs.id}/content`).expect(404);
    await api.delete(`/attachments/${theirs.id}`).expect(404);
    const all = await api.get('/attachments?pageSize=200').expect(200);
    expect(body(all).items!.map((item) => item.id)).not.toContain(theirs.id);
    expect(await rows(activityId)).toBe(1);
  });

  it('should refuse a file too large (413) or of a forbidden content (415), naming file, writing nothing', async () => {
    const activityId = await newActivity();
    const before = storedFiles(root);
    const large = await upload(
      { recordType: 'activity', recordId: activityId },
      { bytes: Buffer.concat([PDF_BYTES, Buffer.alloc(MAX_BYTES)]), name: 'big.pdf' },
    ).expect(413);
    expect(body(large).details).toEqual([
      { field: 'file', problem: expect.stringContaining('文件超过') as string },
    ]);
    const text = await upload(
      { recordType: 'activity', recordId: activityId },
      { bytes: Buffer.from('this is no picture at all'), name: 'photo.png' },
    ).expect(415);
    expect(body(text).details!.map((d) => d.field)).toEqual(['file']);
    const program = await upload(
      { recordType: 'activity', recordId: activityId },
      { bytes: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]), name: 'minutes.pdf' },
    ).expect(415);
    expect(body(program).details!.map((d) => d.field)).toEqual(['file']);
    const none = await upload({ recordType: 'activity', recordId: activityId }, null).expect(400);
    expect(body(none).details!.map((d) => d.field)).toEqual(['file']);
    expect(await rows(activityId)).toBe(0);
    expect(storedFiles(root)).toEqual(before);
  });

  it('should refuse an unknown record type and a purpose the record does not take', async () => {
    const activityId = await newActivity();
    const file = { bytes: PNG_BYTES, name: 'a.png' };
    const type = await upload({ recordType: 'deputy', recordId: activityId }, file).expect(400);
    expect(body(type).details!.map((d) => d.field)).toEqual(['recordType']);
    const purpose = await upload(
      { recordType: 'activity', recordId: activityId, purpose: 'invoice' },
      file,
    ).expect(400);
    expect(body(purpose).details!.map((d) => d.field)).toEqual(['purpose']);
    const missing = await upload({ recordType: 'activity', recordId: 99_999_999 }, file).expect(
      404,
    );
    expect(body(missing).code).toBe('NOT_FOUND');
    await api.get('/attachments?recordType=nothing').expect(400);
    expect(await rows(activityId)).toBe(0);
  });

  it('should delete an attachment with its file, audited', async () => {
    const activityId = await newActivity();
    const created = await upload(
      { recordType: 'activity', recordId: activityId },
      { bytes: PNG_BYTES, name: 'a.png' },
    ).expect(201);
    const id = body(created).id as number;
    const before = storedFiles(root).length;
    await api.delete(`/attachments/${id}`).expect(204);
    await api.get(`/attachments/${id}`).expect(404);
    expect(storedFiles(root)).toHaveLength(before - 1);
    expect((await auditOf(id)).map((row) => row.action).sort()).toEqual(['create', 'delete']);
  });

  it("should remove a record's attachments and their files with the record", async () => {
    const activityId = await newActivity();
    const before = storedFiles(root).length;
    const ids: number[] = [];
    for (const name of ['a.png', 'b.pdf']) {
      const bytes = name.endsWith('.png') ? PNG_BYTES : PDF_BYTES;
      ids.push(
        body(
          await upload({ recordType: 'activity', recordId: activityId }, { bytes, name }).expect(
            201,
          ),
        ).id as number,
      );
    }
    expect(storedFiles(root)).toHaveLength(before + 2);
    await api.delete(`/activities/${activityId}`).expect(204);
    expect(await rows(activityId)).toBe(0);
    expect(storedFiles(root)).toHaveLength(before);
    for (const id of ids) {
      const audit = await auditOf(id);
      const detail = audit.find((row) => row.action === 'delete')?.detail;
      expect(JSON.parse(String(detail))).toMatchObject({
        reason: 'recordRemoved',
      });
    }
  });

  it("should take an opinion's timeline entries' files along when the opinion is removed", async () => {
    const committeeId = await api.ownCommittee();
    const supervision = await createSupervisionActivity(api.sut.app, { committeeId });
    const opinion = await createOpinion(api.sut.app, { supervisionActivityId: supervision.id });
    const entry = await api
      .post(`/opinions/${opinion.id}/updates`, { note: '已约谈责任单位' })
      .expect(201);
    const before = storedFiles(root).length;
    const uploaded = await upload(
      { recordType: 'opinionUpdate', recordId: body(entry).id as number },
      { bytes: PDF_BYTES, name: '约谈记录.pdf' },
    ).expect(201);
    expect(storedFiles(root)).toHaveLength(before + 1);
    await api.delete(`/opinions/${opinion.id}`).expect(204);
    expect(
      await api.sut.dataSource
        .getRepository(Attachment)
        .countBy({ recordType: 'opinionUpdate', recordId: body(entry).id as number }),
    ).toBe(0);
    expect(storedFiles(root)).toHaveLength(before);
    const audit = await auditOf(body(uploaded).id as number);
    expect(JSON.parse(String(audit.find((row) => row.action === 'delete')?.detail))).toMatchObject({
      reason: 'recordRemoved',
    });
  });

  it('should keep rows and files when the removal is refused by a foreign key', async () => {
    const activityId = await newActivity();
    const created = await upload(
      { recordType: 'activity', recordId: activityId },
      { bytes: PNG_BYTES, name: 'kept.png' },
    ).expect(201);
    // A record of another table that still points at the activity (as a study session will).
    const table = `probe_${Math.random().toString(36).slice(2, 8)}`;
    const { dataSource } = api.sut;
    await dataSource.query(
      `CREATE TABLE ${table} (id integer PRIMARY KEY, activity_id integer NOT NULL, ` +
        `CONSTRAINT fk_${table} FOREIGN KEY (activity_id) REFERENCES activity (id) ON DELETE RESTRICT)`,
    );
    try {
      await dataSource.query(`INSERT INTO ${table} (id, activity_id) VALUES (1, ${activityId})`);
      const before = storedFiles(root);
      await api.delete(`/activities/${activityId}`).expect(409);
      expect(await rows(activityId)).toBe(1);
      expect(storedFiles(root)).toEqual(before);
      await api.get(`/attachments/${body(created).id as number}/content`).expect(200);
    } finally {
      await dataSource.query(`DROP TABLE ${table}`);
    }
  });

  it('should keep everything when the transaction that removes a record fails later', async () => {
    const activityId = await newActivity();
    await upload(
      { recordType: 'activity', recordId: activityId },
      { bytes: PNG_BYTES, name: 'kept.png' },
    ).expect(201);
    const before = storedFiles(root);
    const writes = api.sut.app.get(RecordWrites);
    const removal = api.sut.app.get(RecordRemoval);
    await expect(
      runAsSystem('test', () =>
        writes.run(useCase('activity', ACTIVITY, 'delete'), async (write) => {
          await removal.removing(write, 'activity', activityId);
          await write.manager.delete(Activity, { id: activityId });
          // A second write of the same use case fails: everything above rolls back.
          throw new Error('the second write failed');
        }),
      ),
    ).rejects.toThrow('the second write failed');
    expect(await api.sut.dataSource.getRepository(Activity).countBy({ id: activityId })).toBe(1);
    expect(await rows(activityId)).toBe(1);
    expect(storedFiles(root)).toEqual(before);
  });

  it('should leave no file behind an upload whose transaction fails', async () => {
    const activityId = await newActivity();
    const before = storedFiles(root);
    const writes = api.sut.app.get(RecordWrites);
    const attachments = api.sut.app.get(AttachmentsService);
    let during: string[] = [];
    await expect(
      runAsSystem('test', () =>
        writes.run(useCase('activity', ACTIVITY, 'edit'), async (write) => {
          await attachments.upload(
            { recordType: 'activity', recordId: activityId, purpose: 'evidence' },
            { bytes: PNG_BYTES, originalName: 'evidence.png' },
            write,
          );
          during = storedFiles(root);
          throw new Error('the record saved with it was refused');
        }),
      ),
    ).rejects.toThrow('the record saved with it was refused');
    expect(during).toHaveLength(before.length + 1);
    expect(await rows(activityId)).toBe(0);
    expect(storedFiles(root)).toEqual(before);
  });

  it('should keep the file a committed upload wrote, with the bytes sent', async () => {
    const activityId = await newActivity();
    const created = await runAsSystem('test', () =>
      api.sut.app
        .get(AttachmentsService)
        .upload(
          { recordType: 'activity', recordId: activityId },
          { bytes: PDF_BYTES, originalName: 'x.pdf' },
        ),
    );
    const stored = await api.sut.dataSource
      .getRepository(Attachment)
      .createQueryBuilder('a')
      .addSelect('a.storageKey')
      .where('a.id = :id', { id: created.id })
      .getOneOrFail();
    expect(readFileSync(join(root, stored.storageKey)).equals(PDF_BYTES)).toBe(true);
    // Removing through the service (the panel's bulk delete too) unlinks it after the commit.
    await runAsSystem('test', () => api.sut.app.get(ActivitiesService).remove(activityId));
    expect(storedFiles(root)).not.toContain(stored.storageKey);
  });

  describe('in the admin panel', () => {
    const staffOf = async (committeeId: number, role: 'staff' | 'systemAdmin' = 'staff') => {
      const username = `att-${role}-${Math.random().toString(36).slice(2, 8)}`;
      await api.sut.app.get(AdminUsersService).create({
        username,
        password: TEST_PASSWORD,
        role,
        ...(role === 'staff' && { committeeId }),
      });
      return (await login(api.server, username)).agent;
    };
    const panelUpload = (
      agent: Awaited<ReturnType<typeof staffOf>>,
      fields: Record<string, string | number>,
      file: { bytes: Buffer; name: string },
    ) => {
      let call = agent.post('/admin/attachments/upload');
      for (const [name, value] of Object.entries(fields)) call = call.field(name, String(value));
      return call.attach('file', file.bytes, { filename: file.name });
    };

    it('should upload from the panel, list it, show its thumbnail source and download it', async () => {
      const committeeId = await api.ownCommittee();
      const activityId = await newActivity(committeeId);
      const clerk = await staffOf(committeeId);
      const created = await panelUpload(
        clerk,
        { recordType: 'activity', recordId: activityId, purpose: 'signInSheet' },
        { bytes: PNG_BYTES, name: '签到表.png' },
      ).expect(201);
      const { id, redirectUrl } = created.body as { id: number; redirectUrl: string };
      expect(redirectUrl).toBe(`/admin/resources/Attachment/records/${id}/show`);
      const row = await api.sut.dataSource.getRepository(Attachment).findOneByOrFail({ id });
      expect(row).toMatchObject({
        recordId: activityId,
        purpose: 'signInSheet',
        mediaType: 'image/png',
      });

      const list = await clerk.get('/admin/api/resources/Attachment/actions/list').expect(200);
      const records = (list.body as { records: { id: string; params: Record<string, unknown> }[] })
        .records;
      expect(records.map((record) => Number(record.id))).toEqual([id]);
      expect(records[0].params).not.toHaveProperty('storageKey');

      const content = await clerk.get(`/admin/attachments/${id}/content`).expect(200);
      expect(content.headers['content-type']).toBe('image/png');
      expect(Buffer.from(content.body as Buffer).equals(PNG_BYTES)).toBe(true);
      await clerk.get('/admin/resources/Attachment/actions/new').expect(200);

      // The record's page lists its files (the list filtered by record) and links the form.
      const other = await newActivity(committeeId);
      await panelUpload(
        clerk,
        { recordType: 'activity', recordId: other },
        { bytes: PDF_BYTES, name: 'other.pdf' },
      ).expect(201);
      const ofRecord = await clerk
        .get('/admin/api/resources/Attachment/actions/list')
        .query({ 'filters.recordType': 'activity', 'filters.recordId': String(activityId) })
        .expect(200);
      expect(
        (ofRecord.body as { records: { id: string }[] }).records.map((record) => Number(record.id)),
      ).toEqual([id]);
      const loader = api.sut.app.get<AdminExpressLoader>(AbstractLoader, { strict: false });
      const shown = loader.admin
        .findResource('Activity')
        .decorate()
        .getProperties({ where: 'show' })
        .map((property) => property.name());
      expect(shown).toContain('attachments');
    });

    it('should refuse in the panel what the API refuses', async () => {
      const committeeId = await api.ownCommittee();
      const activityId = await newActivity(committeeId);
      const otherActivity = await newActivity();
      const clerk = await staffOf(committeeId);
      const text = await panelUpload(
        clerk,
        { recordType: 'activity', recordId: activityId },
        { bytes: Buffer.from('plain words'), name: 'x.png' },
      ).expect(415);
      expect((text.body as { message: string }).message).toContain('扩展名');
      const large = await panelUpload(
        clerk,
        { recordType: 'activity', recordId: activityId },
        { bytes: Buffer.concat([PDF_BYTES, Buffer.alloc(MAX_BYTES)]), name: 'big.pdf' },
      ).expect(413);
      expect((large.body as { message: string }).message).toContain('文件超过');
      await panelUpload(
        clerk,
        { recordType: 'activity', recordId: otherActivity },
        { bytes: PNG_BYTES, name: 'x.png' },
      ).expect(404);
      await panelUpload(
        clerk,
        { recordType: 'activity', recordId: 'abc' },
        { bytes: PNG_BYTES, name: 'x.png' },
      ).expect(400);
      const theirs = await runAsSystem('test', () =>
        api.sut.app
          .get(AttachmentsService)
          .upload(
            { recordType: 'activity', recordId: otherActivity },
            { bytes: PNG_BYTES, originalName: 'theirs.png' },
          ),
      );
      await clerk.get(`/admin/attachments/${theirs.id}/content`).expect(404);
      const sysadmin = await staffOf(committeeId, 'systemAdmin');
      await sysadmin.get(`/admin/attachments/${theirs.id}/content`).expect(403);
      expect(await rows(activityId)).toBe(0);
    });

    it('should delete from the panel with the file', async () => {
      const committeeId = await api.ownCommittee();
      const activityId = await newActivity(committeeId);
      const clerk = await staffOf(committeeId);
      const created = await panelUpload(
        clerk,
        { recordType: 'activity', recordId: activityId },
        { bytes: PDF_BYTES, name: 'a.pdf' },
      ).expect(201);
      const { id } = created.body as { id: number };
      const before = storedFiles(root).length;
      await clerk.post(`/admin/api/resources/Attachment/records/${id}/delete`).expect(200);
      expect(await rows(activityId)).toBe(0);
      expect(storedFiles(root)).toHaveLength(before - 1);
    });
  });
});
