/**
 * The layers' import rules, checked by `npm run lint` (docs for the format:
 * https://github.com/sverweij/dependency-cruiser/blob/main/doc/rules-reference.md).
 * Layers, bottom up: common/ and config/; platform/ (access, audit, the record base); modules/;
 * admin/ (the panel) and the entry points. Violations that predate a rule would be listed in
 * .dependency-cruiser-known-violations.json (empty since [A1] §1 moved the platform out of
 * common/ and modules/); any new one fails the lint.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules import each other in one direction only.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'bottom-layers-import-no-modules',
      severity: 'error',
      comment:
        'common/ and config/ are the bottom layer: they import nothing from platform/, modules/ or admin/.',
      from: { path: '^src/(common|config)/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^src/(platform|modules|admin)/' },
    },
    {
      name: 'platform-imports-no-modules',
      severity: 'error',
      comment:
        'platform/ (access, audit, the record base) sits between common/config and the business ' +
        'areas: every module builds on it, so it imports nothing from modules/ or admin/.',
      from: { path: '^src/platform/' },
      to: { path: '^src/(modules|admin)/' },
    },
    {
      name: 'only-the-admin-imports-adminjs',
      severity: 'error',
      comment:
        "AdminJS stays behind src/admin and the areas' admin folders (src/modules/<area>/admin/): " +
        'the API and the modules do not depend on the panel.',
      from: { path: '^src/', pathNot: '^src/(admin|modules/[^/]+/admin)/' },
      to: { path: '(^|/)node_modules/(adminjs|@adminjs/)' },
    },
    {
      name: 'modules-do-not-import-the-admin',
      severity: 'error',
      comment:
        "The panel builds on the modules, never the other way round; only an area's admin " +
        "folder builds its resources with the panel's helpers (src/admin).",
      from: { path: '^src/modules/', pathNot: '^src/modules/[^/]+/admin/' },
      to: { path: '^src/admin/' },
    },
    {
      name: 'an-area-owns-its-admin-folder',
      severity: 'error',
      comment:
        'An admin folder belongs to its area: no other area imports it (the panel reaches it ' +
        "through the area file's `admin` import).",
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/[^/]+/admin/', pathNot: '^src/modules/$1/admin/' },
    },
    {
      name: 'no-layer-imports-an-admin-folder',
      severity: 'error',
      comment:
        'Outside the areas nothing imports an admin folder: the admin module loads them ' +
        'through the list of areas (src/areas.ts).',
      from: { path: '^src/', pathNot: '^src/modules/' },
      to: { path: '^src/modules/[^/]+/admin/' },
    },
    {
      name: 'only-the-area-file-loads-the-admin-folder',
      severity: 'error',
      comment:
        'Within its area, the admin folder is reached only by the area file, and only lazily ' +
        '(`admin: () => import(…)`), so the API and the CLI never load AdminJS.',
      from: { path: '^src/modules/([^/]+)/', pathNot: '^src/modules/[^/]+/admin/' },
      to: {
        path: '^src/modules/$1/admin/',
        dependencyTypesNot: ['dynamic-import'],
      },
    },
    {
      name: 'the-admin-folder-is-for-the-area-file',
      severity: 'error',
      comment: 'Only the area file (`<area>.area.ts`) imports its admin folder.',
      from: {
        path: '^src/modules/([^/]+)/',
        pathNot: '^src/modules/[^/]+/(admin/|[^/]+[.]area[.]ts$)',
      },
      to: { path: '^src/modules/$1/admin/' },
    },
    {
      name: 'src-does-not-import-tests',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^test/' },
    },
    {
      name: 'src-uses-no-dev-dependencies',
      severity: 'error',
      comment: 'What ships installs with `npm ci --omit=dev`.',
      from: { path: '^src/', pathNot: '\\.spec\\.ts$' },
      to: { dependencyTypes: ['npm-dev'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
