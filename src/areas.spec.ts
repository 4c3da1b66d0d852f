import { MIGRATIONS } from '../migrations/index.js';
import { AREAS } from './areas.js';
import { ENTITIES } from './database/entities.js';
import type { Area } from './platform/areas/area.js';

const areas: readonly Area[] = AREAS;

/** The keys that appear in more than one of the maps. */
const repeated = (maps: readonly object[]): string[] => {
  const keys = maps.flatMap((map) => Object.keys(map));
  return keys.filter((key, index) => keys.indexOf(key) !== index);
};

describe('the list of areas', () => {
  it('should register each area, entity and name once', () => {
    expect(repeated(areas.map((area) => ({ [area.name]: true })))).toEqual([]);
    expect(ENTITIES.length).toBe(new Set(ENTITIES).size);
    expect(repeated(areas.map((area) => area.labels.records ?? {}))).toEqual([]);
    expect(repeated(areas.map((area) => area.labels.values ?? {}))).toEqual([]);
    expect(repeated(areas.map((area) => area.adminAccess ?? {}))).toEqual([]);
  });

  it('should label every admin resource and custom action it registers, and nothing else', () => {
    const access = areas.flatMap((area) => Object.entries(area.adminAccess ?? {}));
    const labelled = areas.flatMap((area) => Object.keys(area.labels.resources ?? {}));
    expect(labelled.sort()).toEqual(access.map(([adminId]) => adminId).sort());
    const actionLabels = Object.assign({}, ...areas.map((area) => area.labels.actions)) as object;
    const customActions = access.flatMap(([, entry]) => [
      ...(entry.recordActions ?? []),
      ...(entry.resourceActions ?? []),
    ]);
    expect(customActions.filter((action) => !(action in actionLabels))).toEqual([]);
  });

  it('should load every migration of the folder, in timestamp order', () => {
    const timestamps = MIGRATIONS.map((migration) => migration.name.slice(-13));
    expect(timestamps).toEqual([...timestamps].sort());
    expect(MIGRATIONS.length).toBeGreaterThanOrEqual(14);
  });
});
