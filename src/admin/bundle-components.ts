/**
 * `npm run build` step: bundles the panel's React components (src/admin/components) with
 * AdminJS's own bundler into dist/admin-bundle/bundle.js, which the app then serves without
 * bundling at start-up (ADMIN_JS_SKIP_BUNDLE). Must set the environment before AdminJS loads.
 * Skipped when the bundle is newer than its inputs, so a build with nothing changed (every
 * `npm start` and `npm run cli`) takes a moment rather than a bundling run.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bundleIsCurrent } from './bundle.rules.js';

process.env.NODE_ENV = 'production';
process.env.ADMIN_JS_SKIP_BUNDLE = 'false';
process.env.ADMIN_JS_TMP_DIR ??= join(process.cwd(), 'dist', 'admin-bundle');

const modifiedAt = (path: string): number | null => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
};

/** What the bundle is made from: the components' sources and the AdminJS that bundles them. */
function inputTimes(): number[] {
  const components = join(process.cwd(), 'src', 'admin', 'components');
  const files = readdirSync(components, { recursive: true, encoding: 'utf8' }).map((file) =>
    join(components, file),
  );
  files.push(join(process.cwd(), 'node_modules', 'adminjs', 'package.json'));
  return files.map(modifiedAt).filter((time): time is number => time !== null);
}

const bundle = join(process.env.ADMIN_JS_TMP_DIR, 'bundle.js');
if (bundleIsCurrent(modifiedAt(bundle), inputTimes())) {
  process.stdout.write(`admin components bundle is up to date: ${bundle}\n`);
} else {
  const { default: AdminJS } = await import('adminjs');
  const { componentLoader } = await import('./components/components.js');
  const admin = new AdminJS({ componentLoader, rootPath: '/admin' });
  await admin.initialize();
  process.stdout.write(`admin components bundled into ${process.env.ADMIN_JS_TMP_DIR}\n`);
}
