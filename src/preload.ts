// Imported first by every entry point, before AdminJS loads: AdminJS reads these at import time.
// No custom components are bundled yet, so AdminJS's dev-mode bundler and watcher are not needed.
process.env.ADMIN_JS_SKIP_BUNDLE ??= 'true';
