import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import banzi from './eslint-rules/banzi.mjs';

/** Files that still build SQL outside a repository (issue 9 §2): move their queries, then remove them here. */
const SQL_NOT_YET_MOVED = [
  'src/server/app.ts',
  'src/server/modules/accounts/accounts.apply.ts',
  'src/server/modules/accounts/accounts.login.ts',
  'src/server/modules/accounts/accounts.service.ts',
  'src/server/modules/assessments/assessments.service.ts',
  'src/server/modules/ballots/ballots.cli.ts',
  'src/server/modules/ballots/ballots.close.ts',
  'src/server/modules/ballots/ballots.paper.ts',
  'src/server/modules/ballots/ballots.service.ts',
  'src/server/modules/ballots/ballots.voting.ts',
  'src/server/modules/calendar/calendar.service.ts',
  'src/server/modules/decisions/catalogue.service.ts',
  'src/server/modules/decisions/items.service.ts',
  'src/server/modules/decisions/procedures.service.ts',
  'src/server/modules/decisions/tasks.service.ts',
  'src/server/modules/disclosures/stats.service.ts',
  'src/server/modules/meetings/attendance.service.ts',
  'src/server/modules/meetings/close.service.ts',
  'src/server/modules/meetings/meetings.service.ts',
  'src/server/modules/meetings/meetings.view.ts',
  'src/server/modules/meetings/minutes.service.ts',
  'src/server/modules/meetings/voting.service.ts',
  'src/server/modules/orgs/orgs.service.ts',
  'src/server/modules/people/people.import.ts',
  'src/server/modules/people/people.service.ts',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'coverage/**',
      'bin/**',
      'scripts/*.mjs',
      'eslint.config.mjs',
      'eslint-rules/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      curly: ['error', 'multi-line'],
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/**'], message: 'client and common code must not import server code' }] },
      ],
    },
  },
  {
    // Migrations run on Kysely<any>, frozen in time (Kysely's migration guide).
    files: ['src/server/db/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/server/**', 'src/cli/**', 'test/**', 'e2e/**', 'bench/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Module boundaries (architecture.md; issue 9): from the server's modules and from its command line
    // (src/cli), another module is reached only through its door (modules/<m>/index.ts); and modules
    // form no import cycle. The composition roots are the
    // exceptions: the route list (modules/index.ts) lists each module's routes, the database type
    // (db/database.ts) its table types, the demo (demo/) its demo loader. Unit tests next to the
    // code (*.test.ts) are not module code, like test/: they may reach into a module's files.
    files: ['src/server/**/*.ts', 'src/cli/**/*.ts'],
    ignores: ['**/*.test.ts'],
    plugins: { banzi },
    rules: {
      'banzi/module-door': [
        'error',
        {
          allow: [
            { from: '/src/server/modules/index\\.ts$', to: '/src/server/modules/[^/]+/[^/]+\\.routes\\.js$' },
            { from: '/src/server/db/database\\.ts$', to: '/src/server/modules/[^/]+/[^/]+\\.table\\.js$' },
            { from: '/src/server/demo/[^/]+\\.ts$', to: '/src/server/modules/[^/]+/(demo/)?[^/]+\\.demo\\.js$' },
          ],
        },
      ],
      'banzi/no-module-cycle': 'error',
    },
  },
  {
    // SQL lives in repositories (issue 9 §2): query builders and raw `sql` only in *.repository.ts,
    // platform/, db/ and the demo loaders. SQL_NOT_YET_MOVED lists the files that still hold SQL:
    // it only shrinks; a new file never joins it.
    files: ['src/server/**/*.ts'],
    ignores: [
      '**/*.test.ts',
      '**/*.repository.ts',
      'src/server/platform/**',
      'src/server/db/**',
      'src/server/demo/**',
      'src/server/modules/*/demo/**',
      '**/*.demo.ts',
      ...SQL_NOT_YET_MOVED,
    ],
    plugins: { banzi },
    rules: { 'banzi/sql-in-repositories': 'error' },
  },
  {
    // Dates are Beijing dates (issue 16 §2): the first ten characters of an ISO instant are its UTC
    // date, a day early between 00:00 and 08:00 Beijing time. Use dateIn / today (common/time.ts,
    // platform/clock.ts); only the pure date arithmetic in common/dates.ts may cut an ISO string.
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    ignores: ['src/common/dates.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(slice|substring|substr)$/][arguments.length=2][arguments.0.value=0][arguments.1.value=10]',
          message:
            '不要截取 ISO 时刻的前 10 位（那是 UTC 日期）：用 dateIn / today（src/common/time.ts）取北京日期；日期运算用 src/common/dates.ts。Do not cut an ISO instant to its first ten characters: use dateIn/today for the Beijing date.',
        },
      ],
    },
  },
  {
    files: ['src/client/**/*.tsx', 'src/client/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
