// Imported first by every entry point, before AdminJS loads: AdminJS reads these at import time.
// The panel's components are bundled at `npm run build` into dist/admin-bundle (see
// src/admin/bundle-components.ts); the app serves that bundle and never bundles at start-up.
// The folder has no dot segment: Express 5 will not send files from one (STACK.md pitfall 2).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.ADMIN_JS_SKIP_BUNDLE ??= 'true';
// dist/src/preload.js → dist/admin-bundle
process.env.ADMIN_JS_TMP_DIR ??= join(
  fileURLToPath(new URL('..', import.meta.url)),
  'admin-bundle',
);
