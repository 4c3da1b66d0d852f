import { applySessionChanges, sessionChanges, type SessionObject } from './session-merge.rules.js';

const loaded: SessionObject = {
  cookie: { expires: '2026-11-30T10:30:00.000Z' },
  adminUser: { id: '7', lastSeenAt: 1, secondFactorSetupRequired: true },
};

describe('sessionChanges', () => {
  it('should list only the leaves a request changed', () => {
    const after = {
      cookie: { expires: '2026-11-30T10:31:00.000Z' },
      adminUser: { id: '7', lastSeenAt: 2, secondFactorSetupRequired: true },
    };
    expect(sessionChanges(loaded, after)).toEqual([
      { path: ['cookie', 'expires'], kind: 'set', value: '2026-11-30T10:31:00.000Z' },
      { path: ['adminUser', 'lastSeenAt'], kind: 'set', value: 2 },
    ]);
  });

  it('should list added and removed keys', () => {
    const after = { ...loaded, pendingEnrollment: 'sealed' } as SessionObject;
    expect(sessionChanges(loaded, after)).toEqual([
      { path: ['pendingEnrollment'], kind: 'set', value: 'sealed' },
    ]);
    expect(sessionChanges(after, loaded)).toEqual([
      { path: ['pendingEnrollment'], kind: 'remove' },
    ]);
  });

  it('should find nothing in an unchanged session', () => {
    expect(sessionChanges(loaded, structuredClone(loaded))).toEqual([]);
  });
});

describe('applySessionChanges', () => {
  it("should keep another request's write that happened in between", () => {
    // Request A loaded the session, then B stored a pending enrolment; A only moved lastSeenAt.
    const stored = { ...structuredClone(loaded), pendingEnrollment: 'sealed' };
    const mine = structuredClone(loaded);
    (mine.adminUser as SessionObject).lastSeenAt = 2;
    const merged = applySessionChanges(stored, sessionChanges(loaded, mine));
    expect(merged).toEqual({
      cookie: loaded.cookie,
      adminUser: { id: '7', lastSeenAt: 2, secondFactorSetupRequired: true },
      pendingEnrollment: 'sealed',
    });
  });

  it("should keep an enrolment's flag when a stale request saves after it", () => {
    const stored = structuredClone(loaded);
    (stored.adminUser as SessionObject).secondFactorSetupRequired = false;
    const stale = structuredClone(loaded);
    (stale.adminUser as SessionObject).lastSeenAt = 3;
    const merged = applySessionChanges(stored, sessionChanges(loaded, stale));
    expect(merged.adminUser).toEqual({ id: '7', lastSeenAt: 3, secondFactorSetupRequired: false });
  });

  it('should remove a key, and set values below an object that is gone', () => {
    const stored = { ...structuredClone(loaded), oneTimeValues: { 'ApiKey:1': 'x' } };
    expect(
      applySessionChanges(stored, [{ path: ['oneTimeValues', 'ApiKey:1'], kind: 'remove' }])
        .oneTimeValues,
    ).toEqual({});
    expect(
      applySessionChanges({}, [{ path: ['adminUser', 'lastSeenAt'], kind: 'set', value: 4 }]),
    ).toEqual({ adminUser: { lastSeenAt: 4 } });
    expect(applySessionChanges({}, [{ path: ['adminUser', 'id'], kind: 'remove' }])).toEqual({});
  });

  it('should not change the stored session it was given', () => {
    const stored = structuredClone(loaded);
    applySessionChanges(stored, [{ path: ['adminUser', 'lastSeenAt'], kind: 'set', value: 9 }]);
    expect(stored).toEqual(loaded);
  });
});
