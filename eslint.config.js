import { readFileSync } from 'node:fs';
import js from '@eslint/js';
import jest from 'eslint-plugin-jest';
import tseslint from 'typescript-eslint';
import ts from 'typescript';

/**
 * tsc emits `design:paramtypes` = Function for a parameter whose type was imported with
 * `import type`, and Nest's ValidationPipe then rejects every request; SWC emits Object there,
 * so only the shipped build broke. A decorated parameter's type must be imported as a value.
 */
const noTypeImportForDecoratedParameter = {
  meta: {
    type: 'problem',
    messages: {
      typeOnly:
        "The class '{{name}}' types a decorated parameter but is imported with `import type`: import it as a value, or tsc's metadata names Function and Nest validates against nothing.",
    },
    schema: [],
  },
  create(context) {
    const typeOnly = new Set();
    const services = context.sourceCode.parserServices;
    const checker = services.program.getTypeChecker();
    // Interfaces and type aliases (an injected config, Express's Response) emit Object either way.
    const isClass = (identifier) => {
      let symbol = checker.getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(identifier));
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
      return Boolean(symbol && symbol.flags & ts.SymbolFlags.Class);
    };
    const check = (param) => {
      const target = param.type === 'TSParameterProperty' ? param.parameter : param;
      const decorators = param.decorators ?? [];
      if (decorators.length === 0) return;
      const annotation = target.typeAnnotation?.typeAnnotation;
      if (annotation?.type !== 'TSTypeReference') return;
      let name = annotation.typeName;
      while (name.type === 'TSQualifiedName') name = name.left;
      if (typeOnly.has(name.name) && isClass(name)) {
        context.report({ node: annotation, messageId: 'typeOnly', data: { name: name.name } });
      }
    };
    return {
      ImportDeclaration(node) {
        for (const specifier of node.specifiers) {
          if (node.importKind === 'type' || specifier.importKind === 'type') {
            typeOnly.add(specifier.local.name);
          }
        }
      },
      'FunctionExpression, TSDeclareFunction, TSEmptyBodyFunctionExpression'(node) {
        node.params.forEach(check);
      },
    };
  },
};

/**
 * Every write goes through the one use-case helper (src/platform/records/write-use-case.ts:
 * permission → committee scope → one transaction → audit rows). Anywhere else, opening a
 * transaction (`….transaction(`) or writing the audit trail (AuditTrail `record`/`recordAlone`)
 * is an error, so no service can do a write with an audit call of its own.
 */
const writeThroughUseCase = {
  meta: {
    type: 'problem',
    messages: {
      transaction:
        'Open a write with RecordWrites.run (platform/records/write-use-case.ts): it checks the permission and keeps the audit rows in the same transaction. Infrastructure writes are allowlisted in eslint.config.js.',
      audit:
        "Write audit rows with the use case's `write.audit(…)` (or RecordWrites.auditRefusal for a refused write), not AuditTrail.{{method}}.",
    },
    schema: [],
  },
  create(context) {
    const services = context.sourceCode.parserServices;
    const checker = services.program.getTypeChecker();
    const isAuditTrail = (node) =>
      checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node)).getSymbol()?.name ===
      'AuditTrail';
    return {
      "CallExpression > MemberExpression.callee[property.name='transaction']"(node) {
        context.report({ node, messageId: 'transaction' });
      },
      'CallExpression > MemberExpression.callee[property.name=/^(record|recordAlone)$/]'(node) {
        if (isAuditTrail(node.object)) {
          context.report({ node, messageId: 'audit', data: { method: node.property.name } });
        }
      },
    };
  },
};

/**
 * The writes that do not go through the use-case helper, each for its reason. Keep it short:
 * a new entry needs a reason a reviewer accepts.
 */
const WRITE_INFRASTRUCTURE = [
  // The helper itself, and the audit trail's own rows (its retention purge).
  'src/platform/records/write-use-case.ts',
  'src/platform/audit/audit-trail.service.ts',
  // A refused request (403) is audited by the error filter; it changes nothing.
  'src/platform/http/http-exception.filter.ts',
  // The login log and lockout: written before anyone is authenticated (an anonymous actor), and
  // a failed attempt must commit while the login itself fails.
  'src/modules/auth/login-attempts.service.ts',
  'src/modules/auth/login.service.ts',
  // Job runs: claims and leases that coordinate instances (unique keys, not records), their
  // audit rows, and who asked for a manual run. The work inside a run writes through the helper.
  'src/modules/jobs/job-runner.service.ts',
  'src/modules/compliance/manual-runs.service.ts',
  // The panel's own events, none of which changes a record: a logout, and a page or an AdminJS
  // action refused (adminPage()'s one denial path, auditDenial).
  'src/admin/admin-login.routes.ts',
  'src/admin/admin-page.ts',
];

/** What git ignores (build output, data, scratch files) is not ours to lint. */
const gitIgnored = readFileSync(new URL('.gitignore', import.meta.url), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('!'))
  .map((line) => {
    const anchored = line.startsWith('/') || line.slice(0, -1).includes('/');
    const path = line.replace(/^\//, '').replace(/\/$/, '');
    return `${anchored ? '' : '**/'}${path}${line.endsWith('/') ? '/**' : ''}`;
  });

export default tseslint.config(
  // Build tooling in plain JavaScript, outside the TypeScript project (typed linting cannot see it).
  {
    ignores: [
      ...gitIgnored,
      'eslint.config.js',
      'jest.config.js',
      '.dependency-cruiser.cjs',
      'tools/**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: {
      renda: {
        rules: {
          'no-type-import-for-decorated-parameter': noTypeImportForDecoratedParameter,
          'write-through-use-case': writeThroughUseCase,
        },
      },
    },
    rules: {
      'renda/no-type-import-for-decorated-parameter': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/unbound-method': 'off',
      eqeqeq: ['error', 'always'],
      curly: ['error', 'multi-line'],
      'no-console': ['error'],
    },
  },
  {
    files: ['test/**/*.ts', 'src/**/*.spec.ts'],
    ...jest.configs['flat/recommended'],
    rules: {
      ...jest.configs['flat/recommended'].rules,
      'jest/no-focused-tests': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  { files: ['src/cli/**/*.ts', 'bench/**/*.ts'], rules: { 'no-console': 'off' } },
  {
    // Plain Node scripts of the repository (scripts/): no tsconfig project, so no type checks.
    files: ['scripts/**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { console: 'readonly', process: 'readonly' },
    },
    rules: {
      ...tseslint.configs.disableTypeChecked.rules,
      'renda/no-type-import-for-decorated-parameter': 'off',
      'no-console': 'off',
    },
  },
  {
    // [A1] §3: queries live in repositories (`*.repository.ts`); services, jobs, controllers and
    // the admin pages ask those (or another module's service) instead of holding the DataSource.
    files: ['src/modules/**/*.ts', 'src/admin/**/*.ts', 'src/platform/**/*.ts'],
    ignores: [
      'src/**/*.repository.ts',
      'src/**/*.spec.ts',
      // Infrastructure: run claims and leases in their own transactions; the use-case helper
      // opens every other write's transaction.
      'src/modules/jobs/job-runner.service.ts',
      'src/platform/records/write-use-case.ts',
      // The session store (connect-typeorm) is given the sessions' table itself.
      'src/modules/auth/admin-session.options.ts',
      // The login log's own transactions, before anyone is authenticated (its reads are
      // AuthRepository's); see WRITE_INFRASTRUCTURE.
      'src/modules/auth/login-attempts.service.ts',
      // The audit trail's own rows: a row on its own (recordAlone) and the retention purge.
      'src/platform/audit/audit-trail.service.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'typeorm',
              importNames: ['DataSource'],
              message: 'Ask a repository (`*.repository.ts`) instead of the DataSource.',
            },
            {
              name: '@nestjs/typeorm',
              importNames: ['InjectDataSource'],
              message: 'Ask a repository (`*.repository.ts`) instead of the DataSource.',
            },
          ],
        },
      ],
    },
  },
  {
    // [A1] §1: every write goes through the use-case helper (platform/records/write-use-case.ts).
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.spec.ts', ...WRITE_INFRASTRUCTURE],
    rules: { 'renda/write-through-use-case': 'error' },
  },
  {
    // "Now" comes from the injected Clock, so tests and `--as-of` runs can fix it.
    files: ['src/**/*.ts'],
    ignores: ['src/common/clock.ts', 'src/**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: '`new Date()` reads the wall clock: ask the injected Clock (common/clock.ts).',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: '`Date.now()` reads the wall clock: ask the injected Clock (common/clock.ts).',
        },
      ],
    },
  },
);
