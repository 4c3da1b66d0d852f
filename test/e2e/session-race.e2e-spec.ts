import { generate } from 'otplib';
import type { App } from 'supertest/types.js';
import { AdminUser } from '../../src/modules/auth/admin-user.entity.js';
import { AdminUsersService } from '../../src/modules/auth/admin-users.service.js';
import { login, TEST_PASSWORD } from '../support/admin-login.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testDialect } from '../support/test-database.js';

const LIST = '/admin/api/resources/Committee/actions/list';
const SETUP = '/admin/second-factor/setup';
/** Enrolments in a row: each one races ten requests of the same session. */
const ROUNDS = 5;
/** Ten requests at a time, another one every few milliseconds while the request under test runs. */
const BURST = 10;
const EVERY_MS = 5;

/**
 * H1 §3: a second-factor enrolment was lost when other requests of the same session (the
 * panel's own API calls) saved their older copy of the session after it. Real clock: every
 * request moves `lastSeenAt`, so every one of them writes the session.
 */
describe(`session writes under concurrent requests on ${testDialect()}`, () => {
  let sut: TestApp;
  let server: App;
  const usernames = Array.from({ length: ROUNDS }, (_, i) => `enrol${i + 1}`);

  beforeAll(async () => {
    sut = await createTestApp({ admin: true, env: { MFA_REQUIRED_ROLES: 'securityAdmin' } });
    server = sut.app.getHttpServer() as App;
    const users = sut.app.get(AdminUsersService);
    for (const username of usernames) {
      await users.create({ username, password: TEST_PASSWORD, role: 'securityAdmin' });
    }
  }, 120_000);

  afterAll(async () => {
    await sut?.close();
  });

  it('should keep every enrolment made while ten other requests of the session run', async () => {
    for (const username of usernames) {
      const { agent } = await login(server, username);
      const burst = () => Promise.all(Array.from({ length: BURST }, () => agent.get(LIST)));
      /** The request, with other requests of the session starting before and during it. */
      async function racing<T>(work: () => Promise<T>): Promise<T> {
        const others: Promise<unknown>[] = [burst()];
        let running = true;
        const result = work().finally(() => (running = false));
        while (running) {
          others.push(agent.get(LIST));
          await new Promise((resolve) => setTimeout(resolve, EVERY_MS));
        }
        others.push(burst());
        await Promise.all(others);
        return result;
      }

      const page = await racing(async () => agent.get(SETUP));
      expect(page.status).toBe(200);
      const secret = /<code>([A-Z2-7]+)<\/code>/.exec(page.text)?.[1] ?? '';
      expect(secret).toHaveLength(32);

      const code = await generate({ secret });
      const enrolled = await racing(async () =>
        agent.post(SETUP).type('form').send({ password: TEST_PASSWORD, code }),
      );
      expect({ username, status: enrolled.status, location: enrolled.headers.location }).toEqual({
        username,
        status: 302,
        location: '/admin',
      });
      const user = await sut.dataSource.getRepository(AdminUser).findOneByOrFail({ username });
      expect(user.totpEnabledAt).not.toBeNull();
      // Stale requests of the burst must not have put the setup requirement back either.
      await agent.get(LIST).expect(200);

      const next = await login(server, username);
      expect(next.response.headers.location).toBe('/admin/second-factor');
    }
  }, 180_000);
});
