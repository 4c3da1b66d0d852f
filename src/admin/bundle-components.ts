/**
 * `npm run build` step: bundles the panel's React components (src/admin/components) with
 * AdminJS's own bundler into dist/admin-bundle/bundle.js, which the app then serves without
 * bundling at start-up (ADMIN_JS_SKIP_BUNDLE). Must set the environment before AdminJS loads.
 */
import { join } from 'node:path';

process.env.NODE_ENV = 'production';
process.env.ADMIN_JS_SKIP_BUNDLE = 'false';
process.env.ADMIN_JS_TMP_DIR ??= join(process.cwd(), 'dist', 'admin-bundle');

const { default: AdminJS } = await import('adminjs');
const { componentLoader } = await import('./components/components.js');
const admin = new AdminJS({ componentLoader, rootPath: '/admin' });
await admin.initialize();
process.stdout.write(`admin components bundled into ${process.env.ADMIN_JS_TMP_DIR}\n`);
