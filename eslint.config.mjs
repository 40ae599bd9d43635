// ESLint flat config: typescript-eslint's recommended rules plus the architecture's "never" arrows
// (docs: /work/shared/architecture.md, "Data flows one way") as import restrictions.
//
// How the boundaries are written: `no-restricted-imports` with regex patterns on the import
// specifier. Each room gets one config object per folder depth, so that a pattern can say exactly
// how many `../` lead back to server/src (a file in server/src/model/x.ts reaches the rules with
// `../rules`, one in server/src/model/graph/x.ts with `../../rules`); a sibling folder that happens
// to be called `rules` inside a room is then not mistaken for the rules room. Both the current and
// the target folder names are listed (inventory/ → model/, rulekit/ → rules/kit/, root engine.ts →
// engine/). In a flat config the last matching object's options for a rule replace the earlier
// ones, so every room's list repeats the server-wide ban on vscode packages.
// test/unit/lint-boundaries.test.ts proves each arrow with synthetic wrong-way imports.
import tseslint from 'typescript-eslint';

const DEPTHS = [1, 2, 3, 4];
const TS = '*.{ts,mts,cts,tsx}';

/** The vscode / LSP packages that only the LSP adapter (and the client) may import. */
const VSCODE = {
  regex: '^vscode(-languageserver[^/]*|-languageclient[^/]*)?(/.*)?$',
  message: 'Only server/src/lsp/** (and server.ts, its entry) may use vscode or the LSP libraries (architecture: the core knows nothing of LSP).',
};

/** Rooms of server/src by name; each may be a folder, a root file (`x.ts`) or both. */
const ROOM_NAMES = {
  model: ['model', 'inventory'],
  engine: ['engine'],
  rules: ['rules', 'rulekit'],
  metadata: ['metadata'],
  lsp: ['lsp', 'server'],
  cli: ['cli', 'cliEngine'],
  shared: ['shared'],
};

const up = (depth) => (depth === 0 ? '\\./' : `(\\.\\./){${depth}}`);
const alt = (names) => `(${names.join('|')})`;

/** A pattern that forbids, from a file `depth` folders below server/src, importing the given rooms. */
function deny(depth, rooms, why) {
  const names = rooms.flatMap((r) => ROOM_NAMES[r]);
  return {
    regex: `^${up(depth)}${alt(names)}(/.*)?$`,
    caseSensitive: true,
    message: `${why} (architecture: data flows one way).`,
  };
}

/**
 * Config objects for a room: `dirs` are its folders under server/src, `rootFiles` its files directly
 * in server/src (e.g. cli.ts), `patterns(depth)` what such a file may not import.
 */
function room({ dirs = [], rootFiles = [], patterns, vscodeAllowed = false }) {
  const out = [];
  const build = (files, depth) => ({
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: [...(vscodeAllowed ? [] : [VSCODE]), ...patterns(depth)] }],
    },
  });
  if (rootFiles.length) out.push(build(rootFiles.map((f) => `server/src/${f}`), 0));
  for (const depth of DEPTHS) {
    const files = dirs.map((d) => `server/src/${d}/${'*/'.repeat(depth - 1)}${TS}`);
    if (files.length) out.push(build(files, depth));
  }
  return out;
}

const boundaries = [
  // Everything in server/src: no vscode packages (the rooms below repeat this and add their own).
  { files: ['server/src/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [VSCODE] }] } },
  // model: never rules nor engine.
  ...room({
    dirs: ['model', 'inventory'],
    patterns: (d) => [deny(d, ['rules', 'engine'], 'The model must not know about rules or the engine')],
  }),
  // rules (and their kit): never lsp, cli, engine.
  ...room({
    dirs: ['rules', 'rulekit'],
    patterns: (d) => [deny(d, ['lsp', 'cli', 'engine'], 'Rules are pure functions of their context: no lsp, cli or engine')],
  }),
  // metadata: never model, engine, rules.
  ...room({
    dirs: ['metadata'],
    patterns: (d) => [deny(d, ['model', 'engine', 'rules'], 'Metadata is the type table and XML parsing: no model, engine or rules')],
  }),
  // cli: never lsp.
  ...room({
    dirs: ['cli'],
    rootFiles: ['cli.ts', 'cliEngine.ts'],
    patterns: (d) => [deny(d, ['lsp'], 'The CLI must not import the language server')],
  }),
  // lsp (and its entry server.ts): never cli; vscode packages allowed.
  ...room({
    dirs: ['lsp'],
    rootFiles: ['server.ts'],
    vscodeAllowed: true,
    patterns: (d) => [deny(d, ['cli'], 'The language server must not import the CLI')],
  }),
  // shared: imports nothing else from server/src (it is what the client may import).
  ...room({
    dirs: ['shared'],
    patterns: (d) => [
      {
        regex: `^${up(d)}(?!shared(/|$)).*$`,
        message: 'server/src/shared/** imports nothing else from server/src: the client imports it.',
      },
    ],
  }),
  // client: only server/src/shared/** from the server (protocol.ts until it moves there); no XML parser.
  {
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'fast-xml-parser', message: 'The client never parses XML: ask the server.' }],
          patterns: [
            {
              // TRANSITIONAL: `protocol` is allowed until it moves into server/src/shared/.
              regex: '^(\\.\\./)+server/src(/(?!(shared|protocol)(/|$)).*)?$',
              message: 'The client imports only server/src/shared/** from the server (architecture: over LSP only).',
            },
            { regex: '^(\\.\\./)+server/out(/.*)?$', message: 'The client imports only server/src/shared/** from the server.' },
            { regex: '^fast-xml-parser(/.*)?$', message: 'The client never parses XML: ask the server.' },
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/out/**',
      '.tsbuild/**',
      'bench/.generated/**',
      'test/e2e/.cache/**',
      'test/e2e/screenshots/**',
      '**/*.d.ts',
    ],
  },
  {
    files: ['server/**/*.ts', 'client/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    extends: [tseslint.configs.recommended],
    rules: {
      // `_`-prefixed names are deliberately unused (callback arity, destructuring).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // SDR is loaded lazily with require() on purpose (it is heavy and optional for most tests).
      '@typescript-eslint/no-require-imports': ['error', { allow: ['^@salesforce/'] }],
    },
  },
  {
    files: ['scripts/**/*.{mjs,js}', 'bench/**/*.{mjs,js}', 'test/**/*.{mjs,js}', 'eslint.config.mjs'],
    extends: [tseslint.configs.eslintRecommended],
    languageOptions: {
      sourceType: 'module',
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        performance: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
        structuredClone: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  ...boundaries,
  // Product source stays in files one can read: 400 lines (generated data exempt).
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    ignores: ['**/*.generated.ts'],
    rules: { 'max-lines': ['error', { max: 400 }] },
  },
);
