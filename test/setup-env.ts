// Must run before AdminJS is imported: production mode, no bundler watcher (STACK.md).
process.env.NODE_ENV = 'production';
process.env.ADMIN_JS_SKIP_BUNDLE = 'true';
// The bundle `npm run build` makes (the browser tests build first).
process.env.ADMIN_JS_TMP_DIR ??= `${process.cwd()}/dist/admin-bundle`;
process.env.LOG_LEVEL ??= 'silent';
process.env.SESSION_SECRET ??= 'test-session-secret-that-is-at-least-32-characters';
process.env.PERSONAL_DATA_KEY ??= 'cmVuZGEtdGVzdC1rZXktMzItYnl0ZXMtbG9uZy0hISE=';
// The suites log in and call the API far faster than people do; rate-limit tests set their own.
process.env.LOGIN_RATE_LIMIT_PER_MINUTE ??= '10000';
process.env.API_RATE_LIMIT_PER_MINUTE ??= '100000';
process.env.MFA_REQUIRED_ROLES ??= 'none';
process.env.JOBS_ENABLED ??= 'false';
