import ExcelJS from 'exceljs';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { encryptPlainPersonalData } from '../../src/cli/encrypt-personal-data.js';
import { runAsSystem } from '../../src/platform/access/actor.js';
import { AuditLog } from '../../src/platform/audit/audit-log.entity.js';
import { AdminUsersService } from '../../src/modules/auth/admin-users.service.js';
import { DeputiesService } from '../../src/modules/deputies/deputies.service.js';
import { createOrganisation, createSubdistrict } from '../factories/committee.factory.js';
import { createDeputy } from '../factories/deputy.factory.js';
import { login } from '../support/admin-login.js';
import { createTestApp, issueKey, type TestApp } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';

const PHONE = '13812341234';
const MASKED = '138****1234';

/** A binary body collected into a Buffer (supertest leaves unknown types unparsed). */
const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe(`personal data on ${testDialect()}`, () => {
  let sut: TestApp;
  let server: App;
  let districtId: number;
  let subdistrictId: number;
  let deputyId: number;
  let adminKey: string;
  let staffKey: string;

  const auditRows = (action: string) =>
    sut.dataSource.getRepository(AuditLog).find({ where: { action: action as never } });

  beforeAll(async () => {
    sut = await createTestApp({ admin: true });
    server = sut.app.getHttpServer() as App;
    ({ districtId, subdistrictId } = await createOrganisation(sut.app));
    adminKey = await issueKey(sut.app, ['records:read', 'records:write', 'personal:reveal'], {
      role: 'committeeAdmin',
      committeeId: subdistrictId,
    });
    staffKey = await issueKey(sut.app, ['records:read', 'records:write', 'records:export'], {
      role: 'staff',
      committeeId: subdistrictId,
    });
    const created = await request(server)
      .post('/api/v1/deputies')
      .set('Authorization', `Bearer ${adminKey}`)
      .send({
        name: '张三',
        gender: 'male',
        level: 'district',
        committeeId: subdistrictId,
        phone: PHONE,
      })
      .expect(201);
    deputyId = (created.body as { id: number }).id;
    const users = sut.app.get(AdminUsersService);
    for (const role of ['committeeAdmin', 'staff'] as const) {
      await users.create({
        username: `pd-${role}`,
        password: 'Strong-Pass-2026!',
        role,
        committeeId: subdistrictId,
      });
    }
  }, 60000);

  afterAll(async () => {
    await sut?.close();
  });

  it('should keep only ciphertext and a keyed hash in the table', async () => {
    const [row] = await sut.dataSource.query<{ phone: string; phone_hash: string }[]>(
      'SELECT phone, phone_hash FROM deputy WHERE id = ?',
      [deputyId],
    );
    expect(row.phone).toMatch(/^v1:[A-Za-z0-9_-]+$/);
    expect(row.phone).not.toContain('1234');
    expect(row.phone_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.phone_hash).not.toContain(PHONE);
  });

  it('should mask phones in API answers and find them by exact match', async () => {
    const auth = { Authorization: `Bearer ${adminKey}` };
    const one = await request(server).get(`/api/v1/deputies/${deputyId}`).set(auth).expect(200);
    expect((one.body as { phone: string }).phone).toBe(MASKED);
    expect(JSON.stringify(one.body)).not.toContain('phoneHash');

    const found = await request(server)
      .get('/api/v1/deputies')
      .query({ phone: '138-1234-1234' })
      .set(auth)
      .expect(200);
    expect((found.body as { items: { id: number; phone: string }[] }).items).toEqual([
      expect.objectContaining({ id: deputyId, phone: MASKED }),
    ]);
    const none = await request(server)
      .get('/api/v1/deputies')
      .query({ phone: '13800000000' })
      .set(auth)
      .expect(200);
    expect((none.body as { total: number }).total).toBe(0);
  });

  it('should reveal to a role with the permission, audited, and refuse others', async () => {
    const before = (await auditRows('reveal')).length;
    const revealed = await request(server)
      .post(`/api/v1/deputies/${deputyId}/reveal`)
      .set('Authorization', `Bearer ${adminKey}`)
      .expect(200);
    expect(revealed.body).toEqual({ id: deputyId, phone: PHONE, email: null });
    const reveals = await auditRows('reveal');
    expect(reveals).toHaveLength(before + 1);
    expect(reveals.at(-1)).toMatchObject({
      objectType: 'deputy',
      objectId: String(deputyId),
      actorKind: 'apiKey',
      outcome: 'success',
    });
    expect(reveals.at(-1)?.detail).not.toContain(PHONE);

    const refused = await request(server)
      .post(`/api/v1/deputies/${deputyId}/reveal`)
      .set('Authorization', `Bearer ${staffKey}`)
      .expect(403);
    expect(JSON.stringify(refused.body)).not.toContain('1234');
    expect(await auditRows('reveal')).toHaveLength(before + 1);
  });

  it('should reveal in the admin panel as a notice, audited, and refuse staff', async () => {
    const path = `/admin/api/resources/Deputy/records/${deputyId}/reveal`;
    const before = (await auditRows('reveal')).length;
    const { agent } = await login(server, 'pd-committeeAdmin');
    const answer = await agent.post(path).expect(200);
    const body = answer.body as { notice: { message: string }; record: { params: object } };
    expect(body.notice.message).toContain(PHONE);
    expect(JSON.stringify(body.record.params)).not.toContain(PHONE);
    expect(await auditRows('reveal')).toHaveLength(before + 1);

    // The value also waits on the record's page, once.
    expect((answer.body as { redirectUrl: string }).redirectUrl).toBe(
      `/admin/resources/Deputy/records/${deputyId}/show`,
    );
    const page = await agent.get(`/admin/api/resources/Deputy/records/${deputyId}/show`);
    expect(
      (page.body as { record: { params: { oneTimeValue?: string } } }).record.params.oneTimeValue,
    ).toBe(`电话：${PHONE}；电子邮箱：（空）`);
    const again = await agent.get(`/admin/api/resources/Deputy/records/${deputyId}/show`);
    expect(JSON.stringify(again.body)).not.toContain(PHONE);
    expect(await auditRows('reveal')).toHaveLength(before + 1);

    const list = await agent.get('/admin/api/resources/Deputy/actions/list').expect(200);
    expect(JSON.stringify(list.body)).toContain(MASKED);
    expect(JSON.stringify(list.body)).not.toContain(PHONE);

    const staff = await login(server, 'pd-staff');
    const refused = await staff.agent.get(path).expect(403);
    expect(JSON.stringify(refused.body)).not.toContain('1234');
    expect(await auditRows('reveal')).toHaveLength(before + 1);
  });

  it('should export an .xlsx with masked phones and audit the export', async () => {
    // A committee of its own with one deputy (a phone masked as PHONE is), so the sheet holds
    // that row alone whatever other tests add to the file's committee.
    const { id: committeeId } = await createSubdistrict(sut.app, { parentId: districtId });
    await createDeputy(sut.app, {
      committeeId,
      name: '张三',
      gender: 'male',
      phone: '13800001234',
    });
    const exporter = await issueKey(sut.app, ['records:read', 'records:write', 'records:export'], {
      role: 'staff',
      committeeId,
    });
    const before = (await auditRows('export')).length;
    const answer = await request(server)
      .get('/api/v1/deputies/export')
      .query({ committeeId })
      .set('Authorization', `Bearer ${exporter}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(answer.headers['content-type']).toContain('spreadsheetml');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['content-disposition']).toContain(encodeURIComponent('代表名册'));

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(answer.body as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const values = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(values[header.indexOf('姓名 Name')]).toBe('张三');
    expect(values[header.indexOf('电话 Phone')]).toBe(MASKED);
    expect(values[header.indexOf('所属工委 Committee')]).toBeTruthy();
    expect(sheet.rowCount).toBe(2);

    const exports = await auditRows('export');
    expect(exports).toHaveLength(before + 1);
    expect(exports.at(-1)).toMatchObject({ objectType: 'deputy', outcome: 'success' });
    expect(JSON.parse(exports.at(-1)?.detail ?? '{}')).toMatchObject({ rows: 1 });
  });

  it('should export from the admin panel through the same use case, masked and audited', async () => {
    const before = (await auditRows('export')).length;
    const { agent } = await login(server, 'pd-staff');
    const answer = await agent
      .get('/admin/exports/Deputy.xlsx')
      .query({ committeeId: String(subdistrictId), name: '张' })
      .buffer(true)
      .parse(binary)
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(answer.body as Parameters<typeof workbook.xlsx.load>[0]);
    const values = (workbook.worksheets[0].getRow(2).values as unknown[]).slice(1);
    expect(values).toContain(MASKED);
    expect(values).not.toContain(PHONE);
    const exports = await auditRows('export');
    expect(exports).toHaveLength(before + 1);
    expect(exports.at(-1)).toMatchObject({ actorKind: 'user', actorName: 'pd-staff' });
    const bad = await agent.get('/admin/exports/Deputy.xlsx').query({ committeeId: 'x' });
    expect(bad.status).toBe(400);
  });

  it('should refuse an export to a role without the permission', async () => {
    const viewerless = await issueKey(sut.app, ['records:read', 'records:export'], {
      role: 'stationStaff',
      committeeId: subdistrictId,
    });
    const refused = await request(server)
      .get('/api/v1/deputies/export')
      .set('Authorization', `Bearer ${viewerless}`);
    expect(refused.status).toBe(403);
  });

  it('should keep personal data out of the audit trail', async () => {
    const rows = await sut.dataSource.getRepository(AuditLog).find();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.detail ?? '').not.toContain(PHONE);
  });

  it('should read phones stored before encryption and encrypt them on demand', async () => {
    const legacy = await runAsSystem('test', () =>
      sut.app.get(DeputiesService).create({
        name: '李四',
        gender: 'female',
        level: 'district',
        committeeId: subdistrictId,
      }),
    );
    await sut.dataSource.query('UPDATE deputy SET phone = ? WHERE id = ?', [
      '13955556666',
      legacy.id,
    ]);
    const read = await runAsSystem('test', () => sut.app.get(DeputiesService).get(legacy.id));
    expect(read.phone).toBe('13955556666');

    expect(await encryptPlainPersonalData(sut.dataSource)).toBe(1);
    const [row] = await sut.dataSource.query<{ phone: string }[]>(
      'SELECT phone FROM deputy WHERE id = ?',
      [legacy.id],
    );
    expect(row.phone).toMatch(/^v1:/);
    const found = await request(server)
      .get('/api/v1/deputies')
      .query({ phone: '13955556666' })
      .set('Authorization', `Bearer ${adminKey}`)
      .expect(200);
    expect((found.body as { items: { id: number }[] }).items.map((d) => d.id)).toEqual([legacy.id]);
    expect(await encryptPlainPersonalData(sut.dataSource)).toBe(0);
  });
});
