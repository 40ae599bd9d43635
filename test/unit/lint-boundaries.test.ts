/**
 * The architecture's "never" arrows, as eslint.config.mjs encodes them: each wrong-way import,
 * linted as if it sat at the given path, is reported by no-restricted-imports; each right-way
 * import is not. Synthetic code only (nothing on disk), both current and target folder names.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import type * as EslintModule from 'eslint';

// Loaded from the repository (not bundled): ESLint reads eslint.config.mjs from the root.
const ROOT = process.cwd();
const { ESLint } = createRequire(path.join(ROOT, 'package.json'))('eslint') as typeof EslintModule;

/** [file path, import specifier] */
type Case = [string, string];

const WRONG: Case[] = [
  // model (and inventory until it moves) never imports rules nor engine
  ['server/src/model/x.ts', '../rules/index'],
  ['server/src/model/x.ts', '../rules/kit/fix'],
  ['server/src/model/x.ts', '../rulekit/util'],
  ['server/src/model/x.ts', '../engine'],
  ['server/src/model/x.ts', '../engine/run'],
  ['server/src/model/graph/x.ts', '../../rules/types'],
  ['server/src/inventory/x.ts', '../rules/index'],
  ['server/src/inventory/x.ts', '../engine'],
  // rules (and the kit) never import lsp, cli, engine
  ['server/src/rules/x.ts', '../lsp/session'],
  ['server/src/rules/x.ts', '../cli/main'],
  ['server/src/rules/x.ts', '../engine'],
  ['server/src/rules/x.ts', '../engine/registry'],
  ['server/src/rules/kit/x.ts', '../../lsp/hover'],
  ['server/src/rules/kit/x.ts', '../../engine'],
  ['server/src/rulekit/x.ts', '../cli/main'],
  // metadata never imports model, engine, rules
  ['server/src/metadata/x.ts', '../model/graph'],
  ['server/src/metadata/x.ts', '../inventory/model'],
  ['server/src/metadata/x.ts', '../engine'],
  ['server/src/metadata/x.ts', '../rules/types'],
  ['server/src/metadata/x.ts', '../rules/kit/spans'],
  ['server/src/metadata/x.ts', '../rulekit/util'],
  // shared imports nothing else from server/src
  ['server/src/shared/x.ts', '../metadata/types'],
  ['server/src/shared/x.ts', '../protocol'],
  ['server/src/shared/sub/x.ts', '../../model/graph'],
  ['server/src/shared/x.ts', 'vscode-languageserver-protocol'],
  // the client: only server/src/shared from the server, no XML parser
  ['client/src/x.ts', '../../server/src/metadata/types'],
  ['client/src/x.ts', '../../server/src/rules/types'],
  ['client/src/x.ts', '../../server/src/engine'],
  ['client/src/x.ts', '../../server/src'],
  ['client/src/views/x.ts', '../../../server/src/model/graph'],
  ['client/src/commands/x.ts', '../../../server/src/metadata/types'],
  ['client/src/x.ts', 'fast-xml-parser'],
  // cli never imports lsp, lsp never imports cli
  ['server/src/cli/x.ts', '../lsp/session'],
  ['server/src/cli/formats/x.ts', '../../lsp/diagnostics'],
  ['server/src/cli.ts', './lsp/startServer'],
  ['server/src/lsp/x.ts', '../cli/main'],
  ['server/src/lsp/features/x.ts', '../../cli/formats/sarif'],
  ['server/src/server.ts', './cli/main'],
  // nothing in server/src outside lsp uses vscode or the LSP libraries
  ['server/src/project/x.ts', 'vscode'],
  ['server/src/edits/x.ts', 'vscode-languageserver-textdocument'],
  ['server/src/engine/x.ts', 'vscode-languageserver/node'],
  ['server/src/views/x.ts', 'vscode-languageclient/node'],
  ['server/src/engine.ts', 'vscode-languageserver-protocol'],
  ['server/src/model/x.ts', 'vscode'],
  ['server/src/rules/x.ts', 'vscode-languageserver'],
  ['server/src/metadata/x.ts', 'vscode'],
];

const RIGHT: Case[] = [
  ['server/src/model/x.ts', '../metadata/types'],
  ['server/src/model/x.ts', '../project/fsHost'],
  ['server/src/model/x.ts', './graph'],
  // a folder inside the model that happens to be called rules is not the rules room
  ['server/src/model/graph/x.ts', '../rules'],
  ['server/src/rules/x.ts', '../model/graph'],
  ['server/src/rules/x.ts', './kit/fix'],
  ['server/src/rules/kit/x.ts', '../types'],
  ['server/src/rules/x.ts', '../metadata/types'],
  ['server/src/metadata/x.ts', '../project/fsHost'],
  ['server/src/engine/x.ts', '../rules/index'],
  ['server/src/engine/x.ts', '../model/graph'],
  ['server/src/lsp/x.ts', 'vscode-languageserver/node'],
  ['server/src/lsp/x.ts', '../engine'],
  ['server/src/server.ts', 'vscode-languageserver/node'],
  ['server/src/cli/x.ts', '../engine'],
  ['server/src/cli/x.ts', '../views/report'],
  ['server/src/shared/x.ts', './protocol'],
  ['server/src/shared/sub/x.ts', '../docs'],
  ['client/src/x.ts', '../../server/src/shared/protocol'],
  ['client/src/views/x.ts', '../../../server/src/shared/docs'],
  ['client/src/x.ts', 'vscode'],
  ['client/src/x.ts', 'vscode-languageclient/node'],
  ['client/src/x.ts', './views/rows'],
];

const eslint = new ESLint({ cwd: ROOT });

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  assert.ok(result, file);
  const fatal = result.messages.filter((m) => m.fatal);
  assert.deepEqual(fatal, [], `${file}: parse error`);
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

test('wrong-way imports are reported', async () => {
  const missed: string[] = [];
  await Promise.all(
    WRONG.map(async ([file, spec]) => {
      if ((await restricted(file, `import '${spec}';\n`)).length === 0) missed.push(`${file}: import '${spec}'`);
    }),
  );
  assert.deepEqual(missed.sort(), []);
});

test('wrong-way type-only imports and re-exports are reported too', async () => {
  assert.equal((await restricted('server/src/model/x.ts', "import type { Finding } from '../rules/types';\nexport type { Finding };\n")).length, 1);
  assert.equal((await restricted('client/src/x.ts', "export { docsUrl } from '../../server/src/rules/types';\n")).length, 1);
});

test('right-way imports are not reported', async () => {
  const flagged: string[] = [];
  await Promise.all(
    RIGHT.map(async ([file, spec]) => {
      const msgs = await restricted(file, `import '${spec}';\n`);
      if (msgs.length) flagged.push(`${file}: import '${spec}': ${msgs.join('; ')}`);
    }),
  );
  assert.deepEqual(flagged.sort(), []);
});
