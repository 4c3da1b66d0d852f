import request from 'supertest';
import type { App } from 'supertest/types.js';

export const TEST_PASSWORD = 'Strong-Pass-2026!';

/** Logs in through the real admin form and keeps the session cookie. */
export async function login(server: App, username: string, password = TEST_PASSWORD) {
  const agent = request.agent(server);
  const response = await agent
    .post('/admin/login')
    .type('form')
    .send({ email: username, password });
  return { agent, response };
}

export const sessionCookie = (response: request.Response): string | undefined =>
  ([] as string[])
    .concat(response.headers['set-cookie'] ?? [])
    .find((cookie) => cookie.startsWith('renda.sid='))
    ?.split(';')[0];
