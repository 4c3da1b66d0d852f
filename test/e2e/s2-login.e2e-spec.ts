import { generate } from 'otplib';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { encryptPlainPersonalData } from '../../src/cli/encrypt-personal-data.js';
import { FixedClock } from '../../src/common/clock.js';
import { runAsSystem } from '../../src/platform/access/actor.js';
import { AuditLog } from '../../src/platform/audit/audit-log.entity.js';
import { AuditTrail } from '../../src/platform/audit/audit-trail.service.js';
import { AdminUser } from '../../src/modules/auth/admin-user.entity.js';
import { AdminUsersService } from '../../src/modules/auth/admin-users.service.js';
import { LoginAttempt } from '../../src/modules/auth/login-attempt.entity.js';
import { login, TEST_PASSWORD } from '../support/admin-login.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';

const SLOW = 60_000;

/**
 * Issue 10 (S2), the login findings: #1 lockout bypass by collation, #11 lockout race, #13 TOTP
 * secret replaceable from a session, #14 change-password guesses, #9(c) CLI writes not audited.
 */
describe(`login hardening (S2) on ${testDialect()}`, () => {
  const clock = new FixedClock(new Date('2026-11-26T02:00:10Z'));
  let sut: TestApp;
  let server: App;

  const createUser = (username: string) =>
    sut.app.get(AdminUsersService).create({ username, password: TEST_PASSWORD });
  const attempts = (username: string, outcome: string) =>
    sut.dataSource.getRepository(LoginAttempt).countBy({ username, outcome: outcome as never });
  const post = (username: string, password: string) =>
    request(server).post('/admin/login').type('form').send({ email: username, password });

  beforeAll(async () => {
    sut = await createTestApp({
      admin: true,
      clock,
      // The per-address limits are not under test here: only the per-username lockout.
      env: { LOGIN_RATE_LIMIT_PER_MINUTE: '10000', LOGIN_IP_MAX_FAILURES: '100000' },
    });
    server = sut.app.getHttpServer() as App;
  }, SLOW);

  afterAll(async () => {
    await sut?.close();
  });

  // Each test starts outside every earlier test's lockout window.
  beforeEach(() => clock.advance(60 * 60_000));

  describe('#1 lockout bypass by collation', () => {
    it(
      'should count zero-width, format and full-width variants of a username toward its lockout',
      async () => {
        await createUser('victim');
        const variants = [
          `victim${'\u200B'.repeat(70)}`,
          '\uFEFFvic\u00ADtim\u2060',
          'vic\u200C\u200Dtim',
          'ｖｉｃｔｉｍ',
          ` victim${'\u200B'.repeat(10)} `,
        ];
        const statuses: number[] = [];
        for (const variant of variants) statuses.push((await post(variant, 'wrong-guess')).status);
        expect(statuses).toEqual([401, 401, 401, 401, 401]);
        expect(await attempts('victim', 'failure')).toBe(5);
        expect((await login(server, 'victim')).response.status).toBe(429);
      },
      SLOW,
    );

    it(
      'should refuse an over-long username with a 4xx before looking it up',
      async () => {
        const before = await sut.dataSource.getRepository(LoginAttempt).count();
        for (const username of ['a'.repeat(5000), `victim${'x'.repeat(60)}`]) {
          const answer = await post(username, 'wrong-guess');
          expect(answer.status).toBe(400);
        }
        expect(await sut.dataSource.getRepository(LoginAttempt).count()).toBe(before);
      },
      SLOW,
    );

    it(
      'should store new usernames in their normalised form',
      async () => {
        const created = await createUser('ｃａｒｏｌ\u200B');
        expect(created.username).toBe('carol');
        await expect(createUser('ca\u200Brol')).rejects.toMatchObject({ code: 'CONFLICT' });
        expect((await login(server, '\u2060carol')).response.status).toBe(302);
      },
      SLOW,
    );

    it('should fit over-long identifiers into the audit columns instead of failing', async () => {
      const audit = sut.app.get(AuditTrail);
      const long = (suffix: string) => `${'标识'.repeat(40)}${suffix}`;
      for (const suffix of ['-a', '-b']) {
        await audit.recordAlone({
          action: 'denied',
          objectType: `object-type-${'t'.repeat(60)}`,
          objectId: long(suffix),
          outcome: 'denied',
          actor: { kind: 'anonymous', name: `名${'n'.repeat(300)}` },
        });
      }
      const rows = await sut.dataSource
        .getRepository(AuditLog)
        .find({ where: { action: 'denied' }, order: { id: 'ASC' } });
      const ids = rows.map((row) => row.objectId ?? '');
      expect(ids).toHaveLength(2);
      for (const row of rows) {
        expect([...(row.objectId ?? '')].length).toBeLessThanOrEqual(64);
        expect([...(row.objectType ?? '')].length).toBeLessThanOrEqual(32);
        expect([...row.actorName].length).toBeLessThanOrEqual(100);
      }
      // Two identifiers that differ only past the cut stay distinguishable.
      expect(ids[0]).not.toBe(ids[1]);
      expect(ids[0].startsWith('标识标识')).toBe(true);
    });

    it(
      'should refuse a login it cannot record with a 4xx, never a 500 or a session',
      async () => {
        await createUser('unrecorded');
        await sut.dataSource.query('ALTER TABLE audit_log RENAME TO audit_log_away');
        let wrong: number;
        let right: number;
        try {
          wrong = (await post('unrecorded', 'wrong-guess')).status;
          right = (await post('unrecorded', TEST_PASSWORD)).status;
        } finally {
          await sut.dataSource.query('ALTER TABLE audit_log_away RENAME TO audit_log');
        }
        expect(wrong).toBe(429);
        expect(right).toBe(429);
      },
      SLOW,
    );
  });

  describe('#11 lockout race', () => {
    it(
      'should verify no more than LOGIN_MAX_FAILURES of 12 parallel wrong passwords',
      async () => {
        await createUser('racer');
        const burst = await Promise.all(
          Array.from({ length: 12 }, (_, i) => post('racer', `wrong-${i}`)),
        );
        const verified = burst.filter((answer) => answer.status === 401).length;
        const refused = burst.filter((answer) => answer.status === 429).length;
        expect(verified).toBeLessThanOrEqual(5);
        expect(verified + refused).toBe(12);
        // Whatever the interleaving, exactly five guesses are ever verified in the window.
        let more = 0;
        while ((await post('racer', 'wrong-again')).status === 401) more += 1;
        expect(verified + more).toBe(5);
        expect(await attempts('racer', 'failure')).toBe(5);
        expect((await login(server, 'racer')).response.status).toBe(429);
      },
      SLOW,
    );
  });

  describe('#13 second factor set-up', () => {
    it(
      'should enrol or replace a TOTP secret only with the current password (and current code)',
      async () => {
        await createUser('owner');
        const { agent } = await login(server, 'owner');
        const secretOf = async () => {
          const page = await agent.get('/admin/second-factor/setup').expect(200);
          return /<code>([A-Z2-7]+)<\/code>/.exec(page.text)?.[1] ?? '';
        };
        const codeFor = (secret: string) =>
          generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });
        const stored = async () =>
          (await sut.dataSource.getRepository(AdminUser).findOneByOrFail({ username: 'owner' }))
            .totpEnabledAt;
        const setUp = (fields: Record<string, string>) =>
          agent.post('/admin/second-factor/setup').type('form').send(fields);

        const first = await secretOf();
        expect((await setUp({ code: await codeFor(first) })).status).toBe(400);
        expect(await stored()).toBeNull();
        const wrongPassword = await setUp({ password: 'wrong-guess', code: await codeFor(first) });
        expect(wrongPassword.status).toBe(400);
        expect(await stored()).toBeNull();
        expect(await attempts('owner', 'failure')).toBe(1);
        const enrolled = await setUp({ password: TEST_PASSWORD, code: await codeFor(first) });
        expect(enrolled.headers.location).toBe('/admin');
        expect(await stored()).not.toBeNull();

        // Replacing it from the same session: the password and a current code of the old secret.
        clock.advance(30_000);
        const second = await secretOf();
        expect(second).not.toBe(first);
        expect((await setUp({ password: TEST_PASSWORD, code: await codeFor(second) })).status).toBe(
          400,
        );
        clock.advance(30_000);
        const replaced = await setUp({
          password: TEST_PASSWORD,
          currentCode: await codeFor(first),
          code: await codeFor(second),
        });
        expect(replaced.headers.location).toBe('/admin');
        clock.advance(30_000);
        const next = await login(server, 'owner');
        const verified = await next.agent
          .post('/admin/second-factor')
          .type('form')
          .send({ code: await codeFor(second) });
        expect(verified.headers.location).toBe('/admin');
      },
      SLOW,
    );
  });

  describe('#14 change password', () => {
    it(
      'should count wrong current passwords toward the lockout and audit them',
      async () => {
        const user = await createUser('changer');
        const { agent } = await login(server, 'changer');
        const change = (currentPassword: string) =>
          agent.post('/admin/change-password').type('form').send({
            currentPassword,
            password: 'Another-Pass-2027!',
            confirmPassword: 'Another-Pass-2027!',
          });
        const statuses: number[] = [];
        for (let i = 0; i < 5; i += 1) statuses.push((await change(`wrong-${i}`)).status);
        expect(statuses).toEqual([400, 400, 400, 400, 400]);
        expect((await change(TEST_PASSWORD)).status).toBe(429);
        expect(await attempts('changer', 'failure')).toBe(5);
        const audited = await sut.dataSource.getRepository(AuditLog).find({
          where: { action: 'passwordChange', objectId: String(user.id), outcome: 'failure' },
          order: { id: 'ASC' },
        });
        // Five wrong guesses, then the refusal while locked.
        expect(audited.map((row) => row.detail?.includes('"locked"') ?? false)).toEqual([
          false,
          false,
          false,
          false,
          false,
          true,
        ]);
        expect((await login(server, 'changer')).response.status).toBe(429);
      },
      SLOW,
    );
  });

  describe('#9(c) CLI writes', () => {
    it(
      'should audit an account created with `cli admin:create`',
      async () => {
        const users = sut.app.get(AdminUsersService);
        const user = await runAsSystem('cli', () =>
          users.createAtConsole({ username: 'console-made', password: TEST_PASSWORD }),
        );
        const rows = await sut.dataSource
          .getRepository(AuditLog)
          .findBy({ action: 'create', objectType: 'adminUser', objectId: String(user.id) });
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({ actorKind: 'system', actorName: 'cli' });
        expect(rows[0].detail).not.toContain(user.passwordHash);
      },
      SLOW,
    );

    it('should audit `cli personal-data:encrypt`', async () => {
      const count = await runAsSystem('cli', () =>
        encryptPlainPersonalData(sut.dataSource, sut.app.get(AuditTrail)),
      );
      const rows = await sut.dataSource
        .getRepository(AuditLog)
        .findBy({ action: 'update', objectType: 'deputy' });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actorKind: 'system', actorName: 'cli' });
      expect(JSON.parse(rows[0].detail ?? '{}')).toMatchObject({ encryptedPhones: count });
    });
  });
});
