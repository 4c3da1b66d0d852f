import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import request from 'supertest';
import { CalendarDay } from '../../src/modules/calendar/calendar-day.entity.js';
import { CalendarService } from '../../src/modules/calendar/calendar.service.js';
import { stateCouncilNotice } from '../../src/modules/calendar/state-council-notice.js';
import {
  addWorkingDays,
  isWorkingDay,
  workingDaysBetween,
} from '../../src/common/working-days.rules.js';
import { runAsSystem } from '../../src/platform/access/actor.js';
import { AuditLog } from '../../src/platform/audit/audit-log.entity.js';
import { body, startRestApi, type RestApi } from '../support/rest-api.js';
import { createAdminUser } from '../factories/admin-user.factory.js';
import { login } from '../support/admin-login.js';
import { issueKey } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';

/** The 2026 rows the migration seeds (国务院办公厅关于2026年部分节假日安排的通知). */
const SEEDED_2026 = 25;

let nextWeek = 0;
/** A Monday of its own for each use (2031 onwards), so that tests never share a date. */
const freshMonday = (): string =>
  new Date(Date.UTC(2031, 0, 6 + 7 * (nextWeek += 1))).toISOString().slice(0, 10);
/** The Saturday after a Monday. */
const saturdayAfter = (monday: string): string =>
  new Date(Date.parse(`${monday}T00:00:00Z`) + 5 * 86_400_000).toISOString().slice(0, 10);

/** 节假日与调休 over the REST API, the seeded 2026 dates and the working-day calendar. */
describe(`calendar API on ${testDialect()}`, () => {
  let api: RestApi;

  beforeAll(async () => {
    api = await startRestApi({ admin: true });
  }, 60_000);

  afterAll(async () => {
    await api.close();
  });

  const days = () => api.sut.dataSource.getRepository(CalendarDay);
  const calendar = () => api.sut.app.get(CalendarService);

  it('should seed the State Council’s 2026 dates, weekdays off and weekends on only', async () => {
    const answer = await api.get('/calendar-days?year=2026&pageSize=100');
    expect(answer.status).toBe(200);
    const items = body(answer).items as {
      date: string;
      kind: string;
      name: string;
      source: string;
    }[];
    expect(items).toHaveLength(SEEDED_2026);
    expect(items.every((day) => day.source === 'seeded' || day.date === '2026-06-19')).toBe(true);
    expect(items.find((day) => day.date === '2026-10-10')).toMatchObject({
      kind: 'workday',
      name: '国庆节',
    });
    expect(items.find((day) => day.date === '2026-02-16')).toMatchObject({
      kind: 'holiday',
      name: '春节',
    });
    // Weekend days of a holiday are not stored: they are off anyway.
    expect(items.map((day) => day.date)).not.toContain('2026-10-03');
    const holidays = await api.get('/calendar-days?year=2026&kind=holiday&pageSize=100');
    expect(body(holidays).total).toBe(19);
  });

  it('should give a working-day calendar over the National Day and Spring Festival 调休', async () => {
    const national = await calendar().calendarFor('2026-09-01', '2026-10-31');
    // The last working day before the holiday, plus one, is the Thursday after it.
    expect(addWorkingDays('2026-09-30', 1, national)).toBe('2026-10-08');
    // Sunday 20 September and Saturday 10 October are 调休 working days.
    expect(isWorkingDay('2026-09-20', national)).toBe(true);
    expect(isWorkingDay('2026-10-10', national)).toBe(true);
    expect(isWorkingDay('2026-10-05', national)).toBe(false);
    expect(workingDaysBetween('2026-09-30', '2026-10-12', national)).toBe(4);
    const spring = await calendar().calendarFor('2026-02-01', '2026-03-31');
    expect(addWorkingDays('2026-02-13', 1, spring)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-14', 1, spring)).toBe('2026-02-24');
    expect(isWorkingDay('2026-02-28', spring)).toBe(true);
    // Outside the span asked for, only the weekend rule applies.
    const narrow = await calendar().calendarFor('2026-10-01', '2026-10-01');
    expect(isWorkingDay('2026-10-02', narrow)).toBe(true);
  });

  it('should answer the working days of a span to an external system', async () => {
    const answer = await api.get('/calendar/working-days?from=2026-09-28&to=2026-10-11');
    expect(answer.status).toBe(200);
    expect(body(answer)).toMatchObject({
      from: '2026-09-28',
      to: '2026-10-11',
      workingDays: 6,
      dates: ['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10'],
    });
    expect((body(answer).exceptions as unknown[]).length).toBe(6);
    const backwards = await api.get('/calendar/working-days?from=2026-10-11&to=2026-09-28');
    expect(backwards.status).toBe(400);
    expect(body(backwards).details?.map((detail) => detail.field)).toEqual(['to']);
    const tooLong = await api.get('/calendar/working-days?from=2026-01-01&to=2027-01-02');
    expect(tooLong.status).toBe(400);
    const badDate = await api.get('/calendar/working-days?from=2026-02-30&to=2026-03-01');
    expect(badDate.status).toBe(400);
    expect(body(badDate).details?.map((detail) => detail.field)).toEqual(['from']);
  });

  it('should let staff add, correct and remove a day, audited, as their own', async () => {
    const date = freshMonday();
    const created = await api.post('/calendar-days', {
      date,
      kind: 'holiday',
      name: '临时放假',
      source: 'seeded',
    });
    // `source` is not for the client to set.
    expect(created.status).toBe(400);
    expect(body(created).details?.map((detail) => detail.field)).toEqual(['source']);
    const ok = await api.post('/calendar-days', { date, kind: 'holiday', name: '临时放假' });
    expect(ok.status).toBe(201);
    const id = body(ok).id as number;
    expect(body(ok)).toMatchObject({ date, kind: 'holiday', source: 'staff', note: null });
    const patched = await api.patch(`/calendar-days/${id}`, { note: '区政府通知' });
    expect(patched.status).toBe(200);
    expect(body(patched)).toMatchObject({ note: '区政府通知', source: 'staff' });
    expect((await api.get(`/calendar-days/${id}`)).status).toBe(200);
    expect((await api.delete(`/calendar-days/${id}`)).status).toBe(204);
    expect(await days().countBy({ date })).toBe(0);
    const audit = await api.sut.dataSource
      .getRepository(AuditLog)
      .findBy({ objectType: 'calendarDay', objectId: String(id) });
    expect(audit.map((row) => row.action).sort()).toEqual(['create', 'delete', 'update']);
  });

  it('should refuse without a key (401) and a reader’s or station’s writes (403), writing nothing', async () => {
    const before = await days().count();
    const date = freshMonday();
    const anonymous = await request(api.server).get('/api/v1/calendar-days');
    expect(anonymous.status).toBe(401);
    expect(
      (await request(api.server).get('/api/v1/calendar/working-days?from=2026-01-01&to=2026-01-31'))
        .status,
    ).toBe(401);
    const payload = { date, kind: 'holiday', name: '临时放假' };
    expect((await api.post('/calendar-days', payload, api.reader)).status).toBe(403);
    const station = await issueKey(api.sut.app, ['records:read', 'records:write'], {
      role: 'stationStaff',
      committeeId: api.subdistrictId,
    });
    expect((await api.get('/calendar-days?year=2026', station)).status).toBe(200);
    expect(
      (await api.get('/calendar/working-days?from=2026-01-01&to=2026-01-31', station)).status,
    ).toBe(200);
    expect((await api.post('/calendar-days', payload, station)).status).toBe(403);
    expect(await days().count()).toBe(before);
  });

  it('should refuse bad input (400), a date listed twice (409) and a pointless day (422), writing nothing', async () => {
    const before = await days().count();
    const seeded = await days().findOneByOrFail({ date: '2026-10-01' });
    const bad = await api.post('/calendar-days', { date: '2026-13-01', kind: 'day off', name: '' });
    expect(bad.status).toBe(400);
    expect(
      body(bad)
        .details?.map((detail) => detail.field)
        .sort(),
    ).toEqual(['date', 'kind', 'name']);
    const twice = await api.post('/calendar-days', {
      date: '2026-10-01',
      kind: 'holiday',
      name: '国庆节',
    });
    expect(twice.status).toBe(409);
    expect(body(twice).existingId).toBe(seeded.id);
    const weekendHoliday = await api.post('/calendar-days', {
      date: saturdayAfter(freshMonday()),
      kind: 'holiday',
      name: '周末放假',
    });
    expect(weekendHoliday.status).toBe(422);
    expect(body(weekendHoliday).details?.map((detail) => detail.field)).toEqual(['kind']);
    expect(body(weekendHoliday).message).toContain('周末');
    const weekdayWorkday = await api.post('/calendar-days', {
      date: freshMonday(),
      kind: 'workday',
      name: '调休',
    });
    expect(weekdayWorkday.status).toBe(422);
    // A seeded weekday holiday turned into a working day would restate the default too.
    const flipped = await api.patch(`/calendar-days/${seeded.id}`, { kind: 'workday' });
    expect(flipped.status).toBe(422);
    const moved = await api.patch(`/calendar-days/${seeded.id}`, { date: '2026-10-02' });
    expect(moved.status).toBe(409);
    expect(await days().count()).toBe(before);
    expect(await days().findOneByOrFail({ id: seeded.id })).toMatchObject({
      date: '2026-10-01',
      kind: 'holiday',
      source: 'seeded',
    });
  });

  it('should import a year from chinese-days, keeping what staff changed', async () => {
    const notice = stateCouncilNotice(2026);
    expect(notice).toHaveLength(SEEDED_2026);
    // The pinned package has no 2027 notice yet: nothing to import.
    expect(stateCouncilNotice(2027)).toEqual([]);
    const dragonBoat = await days().findOneByOrFail({ date: '2026-06-19' });
    const edited = await api.patch(`/calendar-days/${dragonBoat.id}`, { name: '端午节（本区）' });
    expect(body(edited).source).toBe('staff');
    const qingming = await days().findOneByOrFail({ date: '2026-04-06' });
    expect((await api.delete(`/calendar-days/${qingming.id}`)).status).toBe(204);
    const result = await runAsSystem('test', () => calendar().importYear(2026, notice));
    expect(result).toEqual({
      year: 2026,
      inserted: 1,
      updated: 0,
      keptStaff: 1,
      unchanged: SEEDED_2026 - 2,
    });
    expect(await days().findOneByOrFail({ date: '2026-06-19' })).toMatchObject({
      name: '端午节（本区）',
      source: 'staff',
    });
    expect(await days().findOneByOrFail({ date: '2026-04-06' })).toMatchObject({
      kind: 'holiday',
      name: '清明节',
      source: 'seeded',
    });
    const again = await runAsSystem('test', () => calendar().importYear(2026, notice));
    expect(again).toMatchObject({ inserted: 0, updated: 0, keptStaff: 1 });
  });

  it('should import a year at the command line, and refuse a year the package lacks', async () => {
    const cli = (year: string) =>
      spawnSync(
        process.execPath,
        [join(process.cwd(), 'dist', 'src', 'cli', 'main.js'), 'calendar:import', '--year', year],
        {
          env: { ...process.env, ...api.sut.database.env, NODE_OPTIONS: '' },
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
    const before = await days().count();
    const missing = cli('2027');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('chinese-days 没有 2027 年的节假日安排');
    expect(await days().count()).toBe(before);
    // 2025 (National Day 1–8 October, 调休 28 September and 11 October): 23 exceptions.
    const imported = cli('2025');
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('2025: 新增 23');
    const national = await calendar().calendarFor('2025-09-01', '2025-10-31');
    expect(addWorkingDays('2025-09-30', 1, national)).toBe('2025-10-09');
    expect(isWorkingDay('2025-10-11', national)).toBe(true);
  });

  it('should keep the day picked in the panel, refuse a pointless one there, and let a viewer only read', async () => {
    const clerk = await createAdminUser(api.sut.app, {
      role: 'staff',
      committeeId: api.subdistrictId,
    });
    const viewer = await createAdminUser(api.sut.app, {
      role: 'districtViewer',
      committeeId: api.districtId,
    });
    const asClerk = (await login(api.server, clerk.username)).agent;
    const asViewer = (await login(api.server, viewer.username)).agent;
    const monday = freshMonday();
    // What the picker sends for that Monday picked in China: the instant of its midnight.
    const instant = new Date(Date.parse(`${monday}T00:00:00+08:00`)).toISOString();
    const form = { date: instant, kind: 'holiday', name: '临时放假' };
    const created = await asClerk
      .post('/admin/api/resources/CalendarDay/actions/new')
      .type('form')
      .send(form);
    const record = (created.body as { record: { errors: object; params: object } }).record;
    expect(record.errors).toEqual({});
    expect(record.params).toMatchObject({ date: monday, source: 'staff' });
    const weekend = await asClerk
      .post('/admin/api/resources/CalendarDay/actions/new')
      .type('form')
      .send({ ...form, date: saturdayAfter(freshMonday()) });
    expect(Object.keys((weekend.body as { record: { errors: object } }).record.errors)).toEqual([
      'kind',
    ]);
    await asViewer.get('/admin/api/resources/CalendarDay/actions/list').expect(200);
    const before = await days().count();
    const refused = await asViewer
      .post('/admin/api/resources/CalendarDay/actions/new')
      .type('form')
      .send({ ...form, date: freshMonday() });
    expect(refused.status).toBe(403);
    expect(await days().count()).toBe(before);
  });
});
