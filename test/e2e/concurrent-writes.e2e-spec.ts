import request from 'supertest';
import type { App } from 'supertest/types.js';
import { In, Like } from 'typeorm';
import { Activity } from '../../src/modules/activities/activity.entity.js';
import { Attendance } from '../../src/modules/activities/attendance.entity.js';
import { AuditLog } from '../../src/platform/audit/audit-log.entity.js';
import { createOrganisation } from '../factories/committee.factory.js';
import { createTestApp, issueKey, type TestApp } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';

/**
 * Requests that write at the same moment. The embedded SQLite database has one connection, so
 * two requests' transactions used to share it: the second BEGIN failed with a 500, or a write
 * landed inside another request's transaction and vanished with its rollback. Every answer
 * must be what that request alone would get, and every 201 must leave its rows.
 */
describe(`concurrent writes on ${testDialect()}`, () => {
  let sut: TestApp;
  let server: App;
  let key: string;
  let committeeId: number;
  let kindId: number;
  let deputyIds: number[];

  const post = (path: string, body: object) =>
    request(server).post(`/api/v1${path}`).set('Authorization', `Bearer ${key}`).send(body);

  beforeAll(async () => {
    sut = await createTestApp();
    server = sut.app.getHttpServer() as App;
    ({ subdistrictId: committeeId } = await createOrganisation(sut.app));
    key = await issueKey(sut.app, ['records:read', 'records:write'], {
      role: 'committeeAdmin',
      committeeId,
    });
    const kinds = await request(server)
      .get('/api/v1/activity-kinds')
      .set('Authorization', `Bearer ${key}`)
      .expect(200);
    const items = (kinds.body as { items: { id: number; code: string }[] }).items;
    kindId = items.find((kind) => kind.code === 'work_meeting')!.id;
    deputyIds = [];
    for (const name of ['并发甲', '并发乙']) {
      const created = await post('/deputies', {
        name,
        gender: 'male',
        level: 'district',
        committeeId,
      }).expect(201);
      deputyIds.push((created.body as { id: number }).id);
    }
  }, 120_000);

  afterAll(async () => {
    await sut.close();
  }, 60_000);

  it('should run overlapping transactions one at a time: a rollback takes only its own rows, never a bare statement', async () => {
    await sut.dataSource.query('CREATE TABLE concurrency_probe (n INTEGER NOT NULL)');
    const probeRows = () =>
      sut.dataSource.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM concurrency_probe');
    const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
    await sut.dataSource.query('CREATE TABLE concurrency_bare (n INTEGER NOT NULL)');
    // Statements outside any transaction, issued while the others are open and rolling back.
    const bare = Array.from({ length: 10 }, async (_, index) => {
      await pause();
      await sut.dataSource.query('INSERT INTO concurrency_bare (n) VALUES (?)', [index]);
    });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, index) =>
        sut.dataSource.transaction(async (manager) => {
          for (let row = 0; row < 3; row += 1) {
            await manager.query('INSERT INTO concurrency_probe (n) VALUES (?)', [index]);
            await pause();
          }
          if (index % 2 === 1) throw new Error(`probe ${index} rolls back`);
        }),
      ),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(
      Array.from({ length: 10 }, (_, index) => (index % 2 === 1 ? 'rejected' : 'fulfilled')),
    );
    expect(
      outcomes
        .filter((outcome) => outcome.status === 'rejected')
        .map((outcome) => String(outcome.reason)),
    ).toEqual([1, 3, 5, 7, 9].map((index) => `Error: probe ${index} rolls back`));
    expect(Number((await probeRows())[0].n)).toBe(15);
    await Promise.all(bare);
    const bareRows = await sut.dataSource.query<{ n: number }[]>(
      'SELECT COUNT(*) AS n FROM concurrency_bare',
    );
    expect(Number(bareRows[0].n)).toBe(10);
  });

  it('should answer each of 40 simultaneous writes as if it were alone, and keep every 201', async () => {
    // Even requests are valid; odd ones name a deputy that does not exist in their last row,
    // which the transaction refuses after the activity row was written.
    const requests = Array.from({ length: 40 }, (_, index) => {
      const valid = index % 2 === 0;
      return post('/activities', {
        committeeId,
        kindId,
        title: `并发写入-${valid ? 'valid' : 'bad'}-${index}`,
        startsAt: '2020-05-20T09:00:00+08:00',
        status: 'held',
        attendance: [
          { deputyId: deputyIds[0], status: 'attended' },
          { deputyId: valid ? deputyIds[1] : 999_999, status: 'leave', note: '并发' },
        ],
      });
    });
    const responses = await Promise.all(requests);

    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((_, index) => index % 2 === 0)).toEqual(Array(20).fill(201));
    expect(statuses.filter((_, index) => index % 2 === 1)).toEqual(Array(20).fill(422));

    const activities = sut.dataSource.getRepository(Activity);
    const kept = await activities.find({ where: { title: Like('并发写入-%') } });
    expect(kept.map((activity) => activity.title).sort()).toEqual(
      Array.from({ length: 20 }, (_, index) => `并发写入-valid-${index * 2}`).sort(),
    );
    const ids = kept.map((activity) => activity.id);
    expect(
      await sut.dataSource.getRepository(Attendance).count({ where: { activityId: In(ids) } }),
    ).toBe(40);
    const created = await sut.dataSource.getRepository(AuditLog).count({
      where: { objectType: 'activity', action: 'create', objectId: In(ids.map(String)) },
    });
    expect(created).toBe(20);
  });

  it('should keep writes made outside a transaction out of a transaction that rolls back', async () => {
    // A refused activity (its transaction rolls back) races deputies created one by one.
    const refused = Array.from({ length: 10 }, (_, index) =>
      post('/activities', {
        committeeId,
        kindId,
        title: `回滚-${index}`,
        startsAt: '2020-05-21T09:00:00+08:00',
        status: 'held',
        attendance: [{ deputyId: 999_999, status: 'attended' }],
      }),
    );
    const deputies = Array.from({ length: 10 }, (_, index) =>
      post('/deputies', {
        name: `并发代表${index}`,
        gender: 'female',
        level: 'district',
        committeeId,
      }),
    );
    const responses = await Promise.all([...refused, ...deputies]);
    expect(responses.slice(0, 10).map((response) => response.status)).toEqual(Array(10).fill(422));
    expect(responses.slice(10).map((response) => response.status)).toEqual(Array(10).fill(201));
    const createdIds = responses.slice(10).map((response) => (response.body as { id: number }).id);
    expect(
      await sut.dataSource.getRepository(AuditLog).count({
        where: { objectType: 'deputy', action: 'create', objectId: In(createdIds.map(String)) },
      }),
    ).toBe(10);
  });
});
