/**
 * Whether the admin components' bundle must be made again: `npm run build` (and so `npm start`
 * and every `npm run cli`) skips AdminJS's bundler when the bundle is newer than everything it
 * is made from. Modification times in milliseconds; null for a file that does not exist.
 */
export function bundleIsCurrent(bundleTime: number | null, inputTimes: readonly number[]): boolean {
  if (bundleTime === null) return false;
  return inputTimes.every((time) => time < bundleTime);
}
