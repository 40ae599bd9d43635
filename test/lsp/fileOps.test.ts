/**
 * One code path for file operations: the same fixes applied through the language server (code
 * actions → WorkspaceEdit with RenameFile/CreateFile/DeleteFile, applied by the in-process client
 * as an editor does) and through the CLI's applyFixes on disk give byte-identical trees —
 * a case-only rename (`.ecaOAuth-meta.xml` → `.ecaOauth-meta.xml`) included.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Command } from 'vscode-languageserver-protocol';
import { inProcess } from './client';
import { wholeFile } from './projects';
import { fixture, header, oauthSettings } from '../helpers/fixture';
import { openProject } from '../../server/src/engine';
import { nodeFsHost } from '../../server/src/project/fsHost';
import { applyFixes } from '../../server/src/edits/applyFixes';

const DIR = 'force-app/main/default';
const FILES: Record<string, string> = {
  [`${DIR}/externalClientApps/Billing.eca-meta.xml`]: header('    <contactEmail>a@b.co</contactEmail>\n    <distributionState>Packaged</distributionState>\n    <label>Billing</label>\n'),
  // Case-only rename: the suffix in the wrong case.
  [`${DIR}/extlClntAppOauthSettings/Billing_oauth.ecaOAuth-meta.xml`]: oauthSettings('    <commaSeparatedOauthScopes>Api, RefreshToken</commaSeparatedOauthScopes>\n    <externalClientApplication>Billing</externalClientApplication>\n'),
  // An ordinary rename.
  [`${DIR}/externalClientApps/Other.eca.xml`]: header('    <contactEmail>a@b.co</contactEmail>\n    <label>Other</label>\n'),
};
const RENAMED = [`${DIR}/extlClntAppOauthSettings/Billing_oauth.ecaOAuth-meta.xml`, `${DIR}/externalClientApps/Other.eca.xml`];

function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(root, p).split(path.sep).join('/')] = fs.readFileSync(p).toString('base64');
    }
  };
  walk(root);
  return out;
}

const isAction = (a: CodeAction | Command): a is CodeAction => typeof (a as Command).command !== 'string';

test('file operations: the server path (WorkspaceEdit applied by the client) and the CLI path (applyFixes) give the same tree, byte for byte', async () => {
  const cli = fixture(FILES);
  const lsp = fixture(FILES);
  const c = inProcess();
  try {
    // CLI path.
    const project = openProject(cli.root, nodeFsHost);
    const fixes = RENAMED.map((rel) => {
      const f = project.check(path.join(cli.root, rel)).find((x) => x.ruleId === 'unrecognized-file-name');
      assert.ok(f?.fixes[0], rel);
      return f.fixes[0];
    });
    const r = applyFixes(nodeFsHost, fixes);
    assert.deepEqual(r.changes.map((x) => x.action), ['renamed', 'renamed']);
    // Server path: each rename's code action, its edit applied as an editor does.
    await c.initialize([lsp.root]);
    for (const rel of RENAMED) {
      const p = path.join(lsp.root, rel);
      const actions = (await c.codeActions(p, wholeFile)).filter(isAction).filter((a) => a.title.startsWith('Rename to '));
      assert.equal(actions.length, 1, rel);
      const dc = actions[0]!.edit!.documentChanges!;
      assert.ok(dc.some((x) => 'kind' in x && x.kind === 'rename'), 'a RenameFile operation');
      c.applyEdit(actions[0]!.edit!);
    }
    const a = tree(cli.root);
    const b = tree(lsp.root);
    assert.deepEqual(b, a);
    assert.ok(`${DIR}/extlClntAppOauthSettings/Billing_oauth.ecaOauth-meta.xml` in a, 'the case-only rename happened');
    assert.ok(`${DIR}/externalClientApps/Other.eca-meta.xml` in a);
    assert.ok(!(RENAMED[0]! in a) && !(RENAMED[1]! in a));
  } finally {
    c.dispose();
    cli.cleanup();
    lsp.cleanup();
  }
});
