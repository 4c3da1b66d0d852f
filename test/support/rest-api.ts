import request from 'supertest';
import type { App } from 'supertest/types.js';
import { createOrganisation, createSubdistrict } from '../factories/committee.factory.js';
import { createTestApp, issueKey, type TestApp } from './test-app.js';

/** What the REST API answers: a record, a page of them, or an error's envelope. */
export interface ApiBody {
  code?: string;
  message?: string;
  details?: { field: string; problem: string }[];
  items?: Record<string, unknown>[];
  total?: number;
  [key: string]: unknown;
}

export const body = (response: request.Response): ApiBody => response.body as ApiBody;

/**
 * One app for an e2e file of the REST API (booted once, in beforeAll), on a fresh database with
 * a district and a subdistrict committee, and two keys for the district's subtree: `writer`
 * (committeeAdmin, records:read + records:write) and `reader` (districtViewer, records:read).
 * Tests build the records they read with the factories, under a committee of their own when a
 * list must show only theirs.
 */
export interface RestApi {
  sut: TestApp;
  server: App;
  districtId: number;
  subdistrictId: number;
  writer: string;
  reader: string;
  /** A new subdistrict committee of the keys' district, for one test's records alone. */
  ownCommittee(): Promise<number>;
  get(path: string, key?: string): request.Test;
  post(path: string, payload: object, key?: string): request.Test;
  put(path: string, payload: object, key?: string): request.Test;
  patch(path: string, payload: object, key?: string): request.Test;
  delete(path: string, key?: string): request.Test;
  close(): Promise<void>;
}

export async function startRestApi(
  /** `admin`: mount the panel too (for a file that also drives its pages). */
  options: { env?: Record<string, string>; admin?: boolean } = {},
): Promise<RestApi> {
  const sut = await createTestApp({ env: options.env, admin: options.admin });
  const server = sut.app.getHttpServer() as App;
  const { districtId, subdistrictId } = await createOrganisation(sut.app);
  const writer = await issueKey(sut.app, ['records:read', 'records:write'], {
    role: 'committeeAdmin',
    committeeId: districtId,
  });
  const reader = await issueKey(sut.app, ['records:read'], {
    role: 'districtViewer',
    committeeId: districtId,
  });
  const call = (method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, key: string) =>
    request(server)[method](`/api/v1${path}`).set('Authorization', `Bearer ${key}`);
  return {
    sut,
    server,
    districtId,
    subdistrictId,
    writer,
    reader,
    ownCommittee: async () => (await createSubdistrict(sut.app, { parentId: districtId })).id,
    get: (path, key = reader) => call('get', path, key),
    post: (path, payload, key = writer) => call('post', path, key).send(payload),
    put: (path, payload, key = writer) => call('put', path, key).send(payload),
    patch: (path, payload, key = writer) => call('patch', path, key).send(payload),
    delete: (path, key = writer) => call('delete', path, key),
    close: () => sut.close(),
  };
}
