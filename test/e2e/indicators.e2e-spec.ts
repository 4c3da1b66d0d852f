import ExcelJS from 'exceljs';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { In } from 'typeorm';
import { IndicatorValue } from '../../src/modules/indicators/indicator-value.entity.js';
import { AuditLog } from '../../src/platform/audit/audit-log.entity.js';
import { createAdminUser } from '../factories/admin-user.factory.js';
import { createOrganisation, createSubdistrict } from '../factories/committee.factory.js';
import {
  createIndicator,
  createIndicatorValue,
  indicatorSheet,
  type SheetRow,
} from '../factories/indicators.factory.js';
import { login } from '../support/admin-login.js';
import { body, startRestApi, type ApiBody, type RestApi } from '../support/rest-api.js';
import { createTestApp, issueKey, type TestApp } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';

interface ImportAnswer extends ApiBody {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  problems: { row: number; column: string; problem: string }[];
  createdIds?: number[];
  updatedIds?: number[];
}

/** Reads a workbook answered as a download: each sheet's rows as plain values. */
async function readWorkbook(buffer: Buffer): Promise<Record<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return Object.fromEntries(
    workbook.worksheets.map((sheet) => {
      const rows: unknown[][] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return [sheet.name, rows];
    }),
  );
}

const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** 经济指标 and 指标数值 over the REST API, their Excel import, and the overview section. */
describe(`indicators API on ${testDialect()}`, () => {
  let api: RestApi;

  beforeAll(async () => {
    api = await startRestApi();
  });

  afterAll(async () => {
    await api.close();
  });

  const values = () => api.sut.dataSource.getRepository(IndicatorValue);
  const countValues = (committeeId: number) => values().countBy({ committeeId });
  const upload = (
    committeeId: number,
    file: Buffer | string,
    options: { dryRun?: boolean; field?: string; name?: string; key?: string } = {},
  ) =>
    request(api.server)
      .post('/api/v1/indicator-values/import')
      .query({
        committeeId,
        ...(options.dryRun !== undefined && { dryRun: String(options.dryRun) }),
      })
      .set('Authorization', `Bearer ${options.key ?? api.writer}`)
      .attach(options.field ?? 'file', Buffer.from(file), options.name ?? '指标.xlsx');
  const answer = (response: request.Response) => response.body as ImportAnswer;

  /** A committee of its own with two indicators: monthly 亿元 and quarterly %. */
  async function catalogue() {
    const committeeId = await api.ownCommittee();
    const investment = await createIndicator(api.sut.app, {
      committeeId,
      code: 'fixed_asset_investment',
      name: '固定资产投资',
      unit: '亿元',
      frequency: 'monthly',
      sortOrder: 1,
    });
    const growth = await createIndicator(api.sut.app, {
      committeeId,
      code: 'gdp_growth',
      name: '地区生产总值增速',
      unit: '%',
      frequency: 'quarterly',
      sortOrder: 2,
    });
    return { committeeId, investment, growth };
  }

  describe('access', () => {
    it('should refuse a call without a key (401) and a reader’s write (403)', async () => {
      const anonymous = await request(api.server).get('/api/v1/indicators');
      expect(anonymous.status).toBe(401);
      const write = await api.post(
        '/indicators',
        {
          committeeId: api.subdistrictId,
          code: 'x',
          name: 'x',
          unit: '亿元',
          frequency: 'monthly',
        },
        api.reader,
      );
      expect(write.status).toBe(403);
      const { committeeId } = await catalogue();
      const imported = await upload(committeeId, await indicatorSheet([]), { key: api.reader });
      expect(imported.status).toBe(403);
      expect(await countValues(committeeId)).toBe(0);
    });

    it('should answer 404 for another district’s indicator, value and committee', async () => {
      const other = await createOrganisation(api.sut.app);
      const indicator = await createIndicator(api.sut.app, { committeeId: other.subdistrictId });
      const value = await createIndicatorValue(api.sut.app, { indicatorId: indicator.id });
      await api.get(`/indicators/${indicator.id}`).expect(404);
      await api.get(`/indicator-values/${value.id}`).expect(404);
      const refused = await api
        .post('/indicator-values', {
          indicatorId: indicator.id,
          year: 2020,
          period: 1,
          kind: 'period',
          value: 1,
        })
        .expect(422);
      expect(body(refused).details!.map((d) => d.field)).toEqual(['indicatorId']);
      const template = await api
        .get(`/indicator-values/import-template?committeeId=${other.subdistrictId}`)
        .expect(404);
      expect(body(template).details!.map((d) => d.field)).toEqual(['committeeId']);
      const imported = await upload(other.subdistrictId, await indicatorSheet([])).expect(404);
      expect(body(imported).details!.map((d) => d.field)).toEqual(['committeeId']);
    });
  });

  describe('catalogue', () => {
    it('should name each bad field with 400, and a duplicate code per committee with 409', async () => {
      const committeeId = await api.ownCommittee();
      const bad = await api
        .post('/indicators', {
          committeeId,
          code: 'Bad Code',
          name: '',
          unit: '亿元',
          frequency: 'weekly',
        })
        .expect(400);
      expect(
        body(bad)
          .details!.map((d) => d.field)
          .sort(),
      ).toEqual(['code', 'frequency', 'name']);
      const created = await api
        .post('/indicators', {
          committeeId,
          code: 'industrial_output',
          name: '工业总产值',
          unit: '亿元',
          frequency: 'monthly',
        })
        .expect(201);
      expect(body(created)).toMatchObject({ enabled: true, sortOrder: 0 });
      const duplicate = await api
        .post('/indicators', {
          committeeId,
          code: 'industrial_output',
          name: '另一个',
          unit: '万元',
          frequency: 'yearly',
        })
        .expect(409);
      expect(body(duplicate).existingId).toBe(body(created).id);
      // Another committee watches its own: the same code is its own indicator.
      await api
        .post('/indicators', {
          committeeId: await api.ownCommittee(),
          code: 'industrial_output',
          name: '工业总产值',
          unit: '亿元',
          frequency: 'monthly',
        })
        .expect(201);
    });

    it('should keep the frequency of an indicator that has values', async () => {
      const { investment } = await catalogue();
      await createIndicatorValue(api.sut.app, { indicatorId: investment.id });
      const refused = await api
        .patch(`/indicators/${investment.id}`, { frequency: 'quarterly' })
        .expect(422);
      expect(body(refused).details!.map((d) => d.field)).toEqual(['frequency']);
      await api
        .patch(`/indicators/${investment.id}`, { name: '固定资产投资（全口径）' })
        .expect(200);
    });
  });

  describe('values', () => {
    it('should store a cumulative and a period value, and refuse the same key twice with 409', async () => {
      const { committeeId, investment } = await catalogue();
      const created = await api
        .post('/indicator-values', {
          indicatorId: investment.id,
          year: 2020,
          period: 10,
          kind: 'cumulative',
          value: 123.45,
          yoyPercent: -3.2,
        })
        .expect(201);
      expect(body(created)).toMatchObject({
        committeeId,
        value: 123.45,
        yoyPercent: -3.2,
        note: null,
      });
      await api
        .post('/indicator-values', {
          indicatorId: investment.id,
          year: 2020,
          period: 10,
          kind: 'period',
          value: 12,
        })
        .expect(201);
      const before = await countValues(committeeId);
      const duplicate = await api
        .post('/indicator-values', {
          indicatorId: investment.id,
          year: 2020,
          period: 10,
          kind: 'cumulative',
          value: 1,
        })
        .expect(409);
      expect(body(duplicate).existingId).toBe(body(created).id);
      expect(await countValues(committeeId)).toBe(before);
      const audit = await api.sut.dataSource.getRepository(AuditLog).findBy({
        objectType: 'indicatorValue',
        objectId: String(body(created).id),
        action: 'create' as never,
      });
      expect(audit).toHaveLength(1);
    });

    it('should refuse a period that does not fit the frequency, a negative amount and an unknown indicator (422)', async () => {
      const { committeeId, investment, growth } = await catalogue();
      const before = await countValues(committeeId);
      const quarter = await api
        .post('/indicator-values', {
          indicatorId: growth.id,
          year: 2020,
          period: 5,
          kind: 'period',
          value: 6.1,
        })
        .expect(422);
      expect(body(quarter).details!.map((d) => d.field)).toEqual(['period']);
      expect(body(quarter).message).toMatch(/^季度指标的期间应为 1–4 季度/);
      const negative = await api
        .post('/indicator-values', {
          indicatorId: investment.id,
          year: 2020,
          period: 3,
          kind: 'period',
          value: -1,
        })
        .expect(422);
      expect(body(negative).details!.map((d) => d.field)).toEqual(['value']);
      const unknown = await api
        .post('/indicator-values', {
          indicatorId: 99_999_999,
          year: 2020,
          period: 3,
          kind: 'period',
          value: 1,
        })
        .expect(422);
      expect(body(unknown).details!.map((d) => d.field)).toEqual(['indicatorId']);
      const badInput = await api
        .post('/indicator-values', {
          indicatorId: investment.id,
          year: 1990,
          period: 13,
          kind: 'monthly',
          value: 'x',
        })
        .expect(400);
      expect(
        body(badInput)
          .details!.map((d) => d.field)
          .sort(),
      ).toEqual(['kind', 'period', 'value', 'year']);
      expect(await countValues(committeeId)).toBe(before);
      // A rate may fall: a negative percentage is a value.
      await api
        .post('/indicator-values', {
          indicatorId: growth.id,
          year: 2020,
          period: 3,
          kind: 'period',
          value: -2.5,
        })
        .expect(201);
    });

    it('should list values by indicator and year', async () => {
      const { investment, growth } = await catalogue();
      await createIndicatorValue(api.sut.app, { indicatorId: investment.id, year: 2019 });
      await createIndicatorValue(api.sut.app, { indicatorId: investment.id, year: 2020 });
      await createIndicatorValue(api.sut.app, {
        indicatorId: growth.id,
        year: 2020,
        period: 3,
        value: 5,
      });
      const page = await api
        .get(`/indicator-values?indicatorId=${investment.id}&year=2020`)
        .expect(200);
      expect(body(page).items!.map((item) => [item.indicatorId, item.year])).toEqual([
        [investment.id, 2020],
      ]);
    });
  });

  describe('Excel import', () => {
    it('should list every bad row with its row and column on a dry run, and write nothing', async () => {
      const { committeeId } = await catalogue();
      const sheet = await indicatorSheet([
        { code: 'fixed_asset_investment', year: 2020, period: '1-10月', kind: '累计', value: 100 },
        { code: 'no_such_code', year: 2020, period: 10, kind: '累计', value: 1 },
        { code: 'fixed_asset_investment', year: 2020, period: 13, kind: '累计', value: 'abc' },
        { code: 'gdp_growth', year: 2020, period: '三季度', kind: '当期', value: -1.2, yoy: 'x' },
        { code: 'gdp_growth', year: 2020, period: 5, kind: '本期', value: 3 },
        { code: 'fixed_asset_investment', year: 2020, period: 10, kind: '累计', value: 5 },
      ]);
      const dryRun = await upload(committeeId, sheet, { dryRun: true }).expect(200);
      expect(answer(dryRun)).toMatchObject({ dryRun: true, rows: 6, created: 1, updated: 0 });
      expect(answer(dryRun).problems.map((p) => [p.row, p.column])).toEqual([
        [3, '指标代码'],
        [4, '期间'],
        [4, '数值'],
        [5, '同比（%）'],
        [6, '期间'],
        [6, '数值类型'],
        [7, '指标代码'],
      ]);
      expect(answer(dryRun).problems[0].problem).toMatch(/^本工委没有代码为“no_such_code”的指标/);
      expect(answer(dryRun).problems[6].problem).toMatch(/^与第 2 行重复/);
      expect(await countValues(committeeId)).toBe(0);
      // Without dryRun the import is a dry run too: nothing is written by accident.
      await upload(committeeId, sheet).expect(200);
      expect(await countValues(committeeId)).toBe(0);
    });

    it('should write nothing when one row is bad, listing every bad row (422)', async () => {
      const { committeeId } = await catalogue();
      const rows: SheetRow[] = [
        { code: 'fixed_asset_investment', year: 2020, period: 9, kind: '累计', value: 90 },
        { code: 'fixed_asset_investment', year: 2020, period: 10, kind: '累计', value: -100 },
        { code: 'gdp_growth', year: 2020, period: 3, kind: '当期', value: 6.5 },
      ];
      const refused = await upload(committeeId, await indicatorSheet(rows), {
        dryRun: false,
      }).expect(422);
      expect(body(refused).details).toEqual([
        expect.objectContaining({ field: 'file', row: 3, column: '数值' }),
      ]);
      expect(await countValues(committeeId)).toBe(0);
      const audit = await api.sut.dataSource
        .getRepository(AuditLog)
        .countBy({ objectType: 'indicatorValue' });
      rows[1].value = 100;
      const committed = await upload(committeeId, await indicatorSheet(rows), {
        dryRun: false,
      }).expect(200);
      expect(answer(committed)).toMatchObject({
        dryRun: false,
        rows: 3,
        created: 3,
        updated: 0,
        problems: [],
      });
      expect(await countValues(committeeId)).toBe(3);
      expect(
        await api.sut.dataSource.getRepository(AuditLog).countBy({ objectType: 'indicatorValue' }),
      ).toBe(audit + 3);
    });

    it('should update on re-import instead of duplicating', async () => {
      const { committeeId, investment } = await catalogue();
      const rows: SheetRow[] = [
        {
          code: 'fixed_asset_investment',
          year: 2020,
          period: 10,
          kind: '累计',
          value: 100,
          yoy: 5,
        },
        { code: 'fixed_asset_investment', year: 2020, period: 10, kind: '当期', value: 11 },
      ];
      const first = await upload(committeeId, await indicatorSheet(rows), { dryRun: false }).expect(
        200,
      );
      expect(answer(first)).toMatchObject({ created: 2, updated: 0 });
      rows[0].value = 101.5;
      rows.push({ code: 'gdp_growth', year: 2020, period: '三季度', kind: '当期', value: 6.1 });
      const preview = await upload(committeeId, await indicatorSheet(rows), {
        dryRun: true,
      }).expect(200);
      expect(answer(preview)).toMatchObject({ created: 1, updated: 2, problems: [] });
      const second = await upload(committeeId, await indicatorSheet(rows), {
        dryRun: false,
      }).expect(200);
      expect(answer(second)).toMatchObject({ created: 1, updated: 2 });
      expect(answer(second).updatedIds!.sort()).toEqual(answer(first).createdIds!.sort());
      expect(await countValues(committeeId)).toBe(3);
      const updated = await values().findOneByOrFail({
        indicatorId: investment.id,
        kind: 'cumulative',
      });
      expect(updated).toMatchObject({ value: 101.5, yoyPercent: 5 });
      const trail = await api.sut.dataSource.getRepository(AuditLog).findBy({
        objectType: 'indicatorValue',
        objectId: In(answer(second).updatedIds!.map(String)),
        action: 'update' as never,
      });
      expect(trail.length).toBe(2);
      expect(trail.map((row) => (JSON.parse(row.detail!) as { via: string }).via)).toEqual([
        'import',
        'import',
      ]);
    });

    it('should download a template with the committee’s codes that re-imports cleanly', async () => {
      const { committeeId } = await catalogue();
      const response = await request(api.server)
        .get(`/api/v1/indicator-values/import-template?committeeId=${committeeId}`)
        .set('Authorization', `Bearer ${api.reader}`)
        .buffer(true)
        .parse(binary)
        .expect(200)
        .expect('Content-Type', /spreadsheetml/);
      const template = response.body as Buffer;
      const sheets = await readWorkbook(template);
      expect(sheets['指标数值'][0]).toEqual([
        '指标代码',
        '指标名称',
        '单位',
        '年份',
        '期间',
        '数值类型',
        '数值',
        '同比（%）',
        '备注',
      ]);
      expect(sheets['指标数值'].slice(1).map((row) => row[0])).toEqual([
        'fixed_asset_investment',
        'gdp_growth',
      ]);
      const untouched = await upload(committeeId, template, { dryRun: false }).expect(200);
      expect(answer(untouched)).toMatchObject({ rows: 0, created: 0, updated: 0, problems: [] });
      // Filled in, the template imports.
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(template as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('指标数值')!;
      sheet.getRow(2).getCell(4).value = 2020;
      sheet.getRow(2).getCell(5).value = 10;
      sheet.getRow(2).getCell(6).value = '累计';
      sheet.getRow(2).getCell(7).value = 88.8;
      const filled = Buffer.from(await workbook.xlsx.writeBuffer());
      const imported = await upload(committeeId, filled, { dryRun: false }).expect(200);
      expect(answer(imported)).toMatchObject({ rows: 1, created: 1, problems: [] });
    });

    it('should refuse what is not one .xlsx named `file` (400) and a file too large (413)', async () => {
      const { committeeId } = await catalogue();
      const fields = (response: request.Response) => body(response).details!.map((d) => d.field);
      expect(
        fields(await upload(committeeId, 'hello, not a workbook', { name: 'a.xlsx' }).expect(400)),
      ).toEqual(['file']);
      expect(
        fields(await upload(committeeId, Buffer.from('PK\x03\x04broken'), {}).expect(400)),
      ).toEqual(['file']);
      expect(
        fields(
          await upload(committeeId, await indicatorSheet([]), { field: 'upload' }).expect(400),
        ),
      ).toEqual(['file']);
      const none = await request(api.server)
        .post(`/api/v1/indicator-values/import?committeeId=${committeeId}`)
        .set('Authorization', `Bearer ${api.writer}`)
        .set('Content-Type', 'text/plain')
        .send('hello')
        .expect(400);
      expect(fields(none)).toEqual(['file']);
      const manyRows = Array.from({ length: 2001 }, (_, index) => ({
        code: 'fixed_asset_investment',
        year: 2000 + (index % 100),
        period: (index % 12) + 1,
        kind: '当期',
        value: 1,
      }));
      const tooMany = await upload(committeeId, await indicatorSheet(manyRows)).expect(400);
      expect(body(tooMany).details).toEqual([
        { field: 'file', problem: expect.stringMatching(/^一次最多导入 2000 行/) },
      ]);
      const large = await upload(committeeId, Buffer.alloc(2 * 1024 * 1024 + 10, 1)).expect(413);
      expect(fields(large)).toEqual(['file']);
      const missingColumn = await upload(
        committeeId,
        await indicatorSheet(
          [{ code: 'gdp_growth', year: 2020, period: 1, kind: '当期', value: 1 }],
          ['指标代码', '年份', '期间', '数值类型'],
        ),
      ).expect(200);
      expect(answer(missingColumn).problems).toEqual([
        { row: 1, column: '数值', problem: expect.stringMatching(/^缺少“数值”列/) },
      ]);
      expect(await countValues(committeeId)).toBe(0);
    });
  });

  describe('reports/overview', () => {
    it('should list the year’s values with period labels and 同比, counting their ids', async () => {
      const { committeeId, investment, growth } = await catalogue();
      await createIndicatorValue(api.sut.app, {
        indicatorId: investment.id,
        year: 2019,
        period: 10,
        value: 100,
      });
      const cumulative = await createIndicatorValue(api.sut.app, {
        indicatorId: investment.id,
        year: 2020,
        period: 10,
        value: 110,
      });
      const quarter = await createIndicatorValue(api.sut.app, {
        indicatorId: growth.id,
        year: 2020,
        period: 3,
        kind: 'period',
        value: 6.1,
        yoyPercent: 0.4,
      });
      const key = await issueKey(api.sut.app, ['reports:read'], {
        role: 'districtViewer',
        committeeId: api.districtId,
      });
      const overview = await api
        .get(`/reports/overview?committeeId=${committeeId}&year=2020`, key)
        .expect(200);
      const section = (
        body(overview).sections as {
          area: string;
          figures: unknown[];
          lists: Record<string, { items: unknown[] }>;
        }[]
      ).find((s) => s.area === 'indicators')!;
      expect(section.figures).toEqual([
        expect.objectContaining({
          name: 'indicatorValues',
          value: 2,
          records: { type: 'indicatorValue', ids: [cumulative.id, quarter.id] },
        }),
        expect.objectContaining({
          name: 'watchedIndicators',
          value: 2,
          records: { type: 'indicator', ids: [investment.id, growth.id] },
        }),
      ]);
      expect(section.lists.values.items).toEqual([
        expect.objectContaining({
          id: cumulative.id,
          indicator: '固定资产投资',
          unit: '亿元',
          periodLabel: '1–10月',
          kindLabel: '累计',
          value: 110,
          yoyPercent: 10,
          yoySource: 'computed',
        }),
        expect.objectContaining({
          id: quarter.id,
          indicator: '地区生产总值增速',
          unit: '%',
          periodLabel: '三季度',
          kindLabel: '当期',
          value: 6.1,
          yoyPercent: 0.4,
          yoySource: 'given',
        }),
      ]);
    });
  });
});

/** The panel: 经济指标 and 指标数值 screens, and the import page a browser test drives. */
describe(`indicators in the admin panel on ${testDialect()}`, () => {
  let sut: TestApp;
  let server: App;
  let committeeId: number;
  let districtId: number;
  let clerk: ReturnType<typeof request.agent>;

  beforeAll(async () => {
    sut = await createTestApp({ admin: true });
    server = sut.app.getHttpServer() as App;
    ({ subdistrictId: committeeId, districtId } = await createOrganisation(sut.app));
    const staff = await createAdminUser(sut.app, { role: 'staff', committeeId });
    clerk = (await login(server, staff.username)).agent;
    await createIndicator(sut.app, {
      committeeId,
      code: 'fixed_asset_investment',
      name: '固定资产投资',
    });
  }, 60_000);

  afterAll(async () => {
    await sut?.close();
  });

  it('should list both screens for staff', async () => {
    const indicators = await clerk.get('/admin/api/resources/Indicator/actions/list');
    expect(indicators.status).toBe(200);
    expect(
      (indicators.body as { records: { params: { code: string } }[] }).records.map(
        (record) => record.params.code,
      ),
    ).toEqual(['fixed_asset_investment']);
    const values = await clerk.get('/admin/api/resources/IndicatorValue/actions/list');
    expect(values.status).toBe(200);
  });

  it('should check a sheet, show its bad rows, then confirm a fixed one and list the values', async () => {
    const page = await clerk.get('/admin/indicator-import').expect(200);
    expect(page.text).toContain('id="import-form"');
    // The page's one script comes from the panel's own path, with the response's CSP nonce.
    expect(page.text).toMatch(
      /<script nonce="[^"]+" src="\/admin\/indicator-import.js"><\/script>/,
    );
    await clerk
      .get('/admin/indicator-import.js')
      .expect(200)
      .expect('Content-Type', /javascript/);
    await clerk
      .get(`/admin/indicator-import/template?committeeId=${committeeId}`)
      .expect(200)
      .expect('Content-Type', /spreadsheetml/);
    const send = async (rows: SheetRow[], dryRun: boolean) =>
      clerk
        .post('/admin/indicator-import')
        .type('form')
        .send({
          committeeId: String(committeeId),
          file: (await indicatorSheet(rows)).toString('base64'),
          fileName: '指标.xlsx',
          dryRun: String(dryRun),
        });
    const rows: SheetRow[] = [
      { code: 'fixed_asset_investment', year: 2020, period: 10, kind: '累计', value: 'abc' },
      { code: 'fixed_asset_investment', year: 2020, period: 10, kind: '当期', value: 9 },
    ];
    const bad = await send(rows, true);
    expect(bad.status).toBe(200);
    expect(bad.text).toContain('id="import-problems"');
    expect(bad.text).toMatch(/<td>2<\/td><td>数值<\/td><td>数值应为数字/);
    expect(bad.text).not.toContain('id="import-confirm"');
    rows[0].value = 99.5;
    const good = await send(rows, true);
    expect(good.text).toContain('将新增 2 条、更新 0 条');
    expect(good.text).toContain('id="import-confirm"');
    expect(await sut.dataSource.getRepository(IndicatorValue).countBy({ committeeId })).toBe(0);
    const done = await send(rows, false);
    expect(done.text).toContain('已导入：新增 2 条，更新 0 条');
    const list = await clerk.get('/admin/api/resources/IndicatorValue/actions/list').expect(200);
    const records = (list.body as { records: { params: Record<string, unknown> }[] }).records;
    expect(records.map((record) => Number(record.params.value)).sort()).toEqual([9, 99.5]);
  });

  it('should record a value through the panel’s form, its committee the indicator’s', async () => {
    // A committee and clerk of its own: the other tests count this panel's values.
    const own = (await createSubdistrict(sut.app, { parentId: districtId })).id;
    const staff = await createAdminUser(sut.app, { role: 'staff', committeeId: own });
    const agent = (await login(server, staff.username)).agent;
    const indicator = await createIndicator(sut.app, {
      committeeId: own,
      unit: '%',
      frequency: 'quarterly',
    });
    const form = (fields: Record<string, string>) =>
      agent.post('/admin/api/resources/IndicatorValue/actions/new').type('form').send(fields);
    const created = await form({
      indicatorId: String(indicator.id),
      year: '2021',
      period: '3',
      kind: 'period',
      value: '-1.25',
      yoyPercent: '',
    });
    const record = (created.body as { record: { params: Record<string, unknown>; errors: object } })
      .record;
    expect(record.errors).toEqual({});
    expect(record.params).toMatchObject({ committeeId: own, value: -1.25, yoyPercent: null });
    const refused = await form({
      indicatorId: String(indicator.id),
      year: '2021',
      period: '5',
      kind: 'period',
      value: '1',
    });
    expect(Object.keys((refused.body as { record: { errors: object } }).record.errors)).toEqual([
      'period',
    ]);
  });

  it('should refuse the page to a role that may not import', async () => {
    const viewer = await createAdminUser(sut.app, { role: 'districtViewer', committeeId });
    const agent = (await login(server, viewer.username)).agent;
    const refused = await agent.get('/admin/indicator-import');
    expect(refused.status).toBe(403);
    expect(refused.text).toMatch(/^当前角色无权导入指标数值/);
  });
});
