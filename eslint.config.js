// Lint: TypeScript strict rules plus the boundaries between rooms (architecture.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const node = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'better-sqlite3', 'electron'];

/** A rule that forbids importing the given modules and folders from a room. */
function forbid(files, patterns, why) {
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: patterns, message: why }] }],
    },
  };
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', 'test-output/', 'bench-output/', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: [] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  forbid(['core/**'], [...node, '**/db/*', '**/export/*', '**/service/*', '**/electron/*', '**/renderer/*', '**/cli/*', 'react', 'kysely'],
    'core/ is pure TypeScript: no I/O, no Node, no Electron, no DOM libraries.'),
  forbid(['db/**'], ['electron', '**/export/*', '**/service/*', '**/electron/*', '**/renderer/*', '**/cli/*'],
    'db/ may import core/ only.'),
  forbid(['export/**'], ['electron', '**/service/*', '**/electron/*', '**/renderer/*', '**/cli/*'],
    'export/ may import core/ and db/ only.'),
  forbid(['service/**'], ['electron', '**/electron/*', '**/renderer/*', '**/cli/*'],
    'service/ may import core/, db/ and export/: it knows no host.'),
  // The hosts: each is a thin adapter over the service (service/index.ts), never over export/.
  forbid(['cli/**'], ['electron', '**/electron/*', '**/renderer/*', '**/export/*'],
    'cli/ may import core/, service/ (and db/ to open a file and write its output).'),
  forbid(['electron/**'], ['**/renderer/*', '**/cli/*'], 'electron/ talks to the renderer through IPC only, and runs the service (not the CLI).'),
  forbid(['renderer/**'], [...node, '**/db/*', '**/export/*', '**/service/*', '**/electron/*', '**/cli/*', 'kysely'],
    'renderer/ may import core/ only, and reaches the service through renderer/api.ts.'),
  {
    // Only renderer/api.ts touches the preload's bridge; every screen goes through it.
    files: ['renderer/**'],
    ignores: ['renderer/api.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'window', property: 'api', message: 'Use invoke() from renderer/api.ts.' }],
      // A component subscribes to the fields it shows (a selector, or usePick), never to a whole
      // store: a whole-store subscription re-renders the grid on every unrelated change.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.name=/^use(Session|Entry|Quality|Cell|Month|Figures|Report|Narrative|Settings)$/][arguments.length=0]',
          message: 'Subscribe with a selector: useStore((s) => s.field) or usePick(useStore, ...keys).',
        },
      ],
    },
  },
);
