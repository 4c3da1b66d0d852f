// Jest runs the JavaScript that tsc emits into dist/ (`npm run build:test`), not the TypeScript
// sources through a second compiler: decorator metadata differs between SWC and tsc, and once
// every list endpoint answered 400 in the shipped build while the SWC-compiled suite was green.
// The files under dist/src are the ones `npm start` runs (same compiler, same options).
const common = {
  rootDir: '.',
  roots: ['<rootDir>/dist'],
  transform: {},
  setupFiles: ['<rootDir>/dist/test/setup-env.js'],
  testEnvironment: 'node',
};
export default {
  // Sized for a loaded 2-core machine: argon2 logins alone take over a second there. A global
  // option: Jest ignores testTimeout inside `projects` (it left every test at the 5 s default).
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/dist/src/**/*.spec.js'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/dist/test/e2e/**/*.e2e-spec.js'],
      globalSetup: '<rootDir>/dist/test/global-setup.js',
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/dist/test/browser/**/*.spec.js'],
      globalSetup: '<rootDir>/dist/test/global-setup.js',
    },
  ],
};
