import request from 'supertest';
import { testDialect } from '../support/test-database.js';
import { body, startRestApi, type RestApi } from '../support/rest-api.js';

/**
 * The REST API's keys (modules/auth): what a request without a good key gets, and what stays
 * open without one (health, the OpenAPI document).
 */
describe(`REST API keys on ${testDialect()}`, () => {
  let api: RestApi;

  beforeAll(async () => {
    api = await startRestApi();
  });

  afterAll(async () => {
    await api.close();
  });

  describe('authentication', () => {
    it('should answer 401 without a key and with a made-up key', async () => {
      await request(api.server).get('/api/v1/committees').expect(401);
      const response = await request(api.server)
        .get('/api/v1/committees')
        .set('Authorization', 'Bearer rw_nope')
        .expect(401);
      expect(body(response).code).toBe('UNAUTHORIZED');
    });

    it('should refuse a key sent in the query string', async () => {
      const response = await request(api.server)
        .get(`/api/v1/committees?api_key=${api.reader}`)
        .expect(401);
      expect(body(response).message).toContain('Authorization');
    });

    it('should answer 403 when the key lacks the write scope, and write nothing', async () => {
      const response = await api
        .post('/deputy-groups', { name: '越权', committeeId: api.subdistrictId }, api.reader)
        .expect(403);
      expect(body(response).code).toBe('FORBIDDEN');
      const list = await api.get('/deputy-groups?pageSize=200').expect(200);
      expect(body(list).items!.map((item) => item.name)).not.toContain('越权');
    });

    it('should keep health open and publish the OpenAPI document', async () => {
      await request(api.server).get('/health/live').expect(200);
      await request(api.server).get('/health/ready').expect(200);
      const docs = await request(api.server).get('/api/docs-json').expect(200);
      const paths = Object.keys((docs.body as { paths: object }).paths);
      expect(paths).toEqual(
        expect.arrayContaining(['/api/v1/deputies', '/api/v1/activities/{id}/attendance']),
      );
      // Operation ids are client method names: a route moving between controllers keeps its id.
      const operations = (
        docs.body as {
          paths: Record<string, { get: { operationId: string; security?: object[] } }>;
        }
      ).paths;
      expect(operations['/api/v1/deputies/performance'].get).toMatchObject({
        operationId: 'DeputiesController_getCommitteePerformance',
        security: [{ bearer: [] }],
      });
      expect(operations['/api/v1/deputies/{id}/performance'].get.operationId).toBe(
        'DeputiesController_getPerformance',
      );
    });
  });
});
