import { DomainError } from '../../src/common/errors.js';
import { runAsSystem } from '../../src/platform/access/actor.js';
import { CommitteesService } from '../../src/modules/committees/committees.service.js';
import { createDistrict } from '../factories/committee.factory.js';
import { testDialect } from '../support/test-database.js';
import { body, startRestApi, type RestApi } from '../support/rest-api.js';

/** Committees over the REST API (read only there) and the rules of the committee tree. */
describe(`committees API on ${testDialect()}`, () => {
  let api: RestApi;

  beforeAll(async () => {
    api = await startRestApi();
  });

  afterAll(async () => {
    await api.close();
  });

  describe('validation and errors', () => {
    it('should enforce the committee tree', async () => {
      const existing = await createDistrict(api.sut.app);
      // Only the system administrator keeps the organisation's structure, in the panel: the API
      // has no such operation.
      await api.post('/committees', { name: '无上级街道', kind: 'subdistrict' }).expect(404);
      const committees = api.sut.app.get(CommitteesService);
      const orphan = await runAsSystem('test', () =>
        committees.create({ name: '无上级街道', kind: 'subdistrict' }),
      ).catch((error: unknown) => error);
      expect(orphan).toBeInstanceOf(DomainError);
      expect((orphan as DomainError).details[0].field).toBe('parentId');
      const duplicate = await runAsSystem('test', () =>
        committees.create({ name: existing.name, kind: 'district' }),
      ).catch((error: unknown) => error);
      expect((duplicate as DomainError).status).toBe(409);
    });

    it('should paginate, filter and sort only by allowed fields', async () => {
      // The keys see their district's subtree: the district and its one subdistrict, whatever
      // other trees the file's tests add.
      const page = await api.get('/committees?page=1&pageSize=1&sort=-name').expect(200);
      expect(body(page)).toMatchObject({ total: 2, page: 1, pageSize: 1 });
      expect(body(page).items).toHaveLength(1);
      const filtered = await api.get(`/committees?kind=subdistrict`).expect(200);
      expect(body(filtered).items!.map((item) => item.id)).toEqual([api.subdistrictId]);
      const sort = await api.get('/committees?sort=passwordHash').expect(400);
      expect(body(sort).details![0].field).toBe('sort');
      await api.get('/committees?pageSize=201').expect(400);
    });
  });
});
