/** A session's stored data: what JSON.parse gives back. */
export type SessionJson = null | boolean | number | string | SessionJson[] | SessionObject;
export interface SessionObject {
  [key: string]: SessionJson;
}

/** One change a request made to its copy of the session: a value set, or a key removed. */
export type SessionChange =
  | { path: readonly string[]; kind: 'set'; value: SessionJson }
  | { path: readonly string[]; kind: 'remove' };

const isObject = (value: unknown): value is SessionObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What a request changed in the session, leaf by leaf: the session as it was loaded (`before`)
 * against the session it is saving (`after`). Nested objects are compared key by key, so a
 * request that only moved `adminUser.lastSeenAt` changes nothing else in `adminUser`.
 */
export function sessionChanges(
  before: SessionObject,
  after: SessionObject,
  path: readonly string[] = [],
): SessionChange[] {
  const changes: SessionChange[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const at = [...path, key];
    if (!(key in after)) {
      changes.push({ path: at, kind: 'remove' });
    } else if (isObject(before[key]) && isObject(after[key])) {
      changes.push(...sessionChanges(before[key], after[key], at));
    } else if (!(key in before) || JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changes.push({ path: at, kind: 'set', value: after[key] });
    }
  }
  return changes;
}

/**
 * The stored session with one request's changes applied: what other requests wrote in the
 * meantime stays, unless this request changed the same value (then the later write wins).
 */
export function applySessionChanges(
  current: SessionObject,
  changes: readonly SessionChange[],
): SessionObject {
  const merged = structuredClone(current);
  for (const change of changes) {
    const key = change.path[change.path.length - 1];
    const parent = parentOf(merged, change.path.slice(0, -1), change.kind === 'set');
    if (!parent) continue;
    if (change.kind === 'set') parent[key] = structuredClone(change.value);
    else delete parent[key];
  }
  return merged;
}

/** The object at `path`, made on the way when `create` (a value set below a removed one). */
function parentOf(
  root: SessionObject,
  path: readonly string[],
  create: boolean,
): SessionObject | undefined {
  let target = root;
  for (const part of path) {
    const next = target[part];
    if (isObject(next)) target = next;
    else if (create) target = target[part] = {};
    else return undefined;
  }
  return target;
}
