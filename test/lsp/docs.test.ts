/**
 * Rule documentation over LSP: `codeDescription.href` follows `ecaLens.docsBaseUrl` (and changes
 * when the setting does); "Show documentation" is the client's `ecaLens.showRuleDocs` when the
 * client declares it (VS Code opens the bundled page), else the server command with the URL.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CodeAction, Command } from 'vscode-languageserver-protocol';
import { docsUrl } from '../../server/src/shared/docs';
import { inProcess, uriOf, RICH_CAPS } from './client';
import { F, TEXT, twoApps, rangeOf } from './projects';

const isAction = (a: CodeAction | Command): a is CodeAction => typeof (a as Command).command !== 'string';
const RULE = 'distribution-state-not-packaged';

test('docs: codeDescription.href uses ecaLens.docsBaseUrl, and follows a change of it', async () => {
  const fx = twoApps();
  const c = inProcess();
  c.settings[uriOf(fx.root)] = { docsBaseUrl: 'https://docs.example.com/eca-lens/rules' };
  try {
    await c.initialize([fx.root]);
    assert.equal(c.diags(fx.abs(F.billing))[0]!.codeDescription?.href, `https://docs.example.com/eca-lens/rules/${RULE}.md`);
    c.settings[uriOf(fx.root)] = {};
    const changed = c.nextDiagnostics(fx.abs(F.billing), (d) => d[0]?.codeDescription?.href === docsUrl(RULE));
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await changed;
  } finally {
    c.dispose();
    fx.cleanup();
  }
});

test('docs: "Show documentation" is the client command when declared, the server command otherwise', async () => {
  for (const declared of [true, false]) {
    const fx = twoApps();
    const c = inProcess();
    try {
      await c.initialize([fx.root], { capabilities: RICH_CAPS, initializationOptions: declared ? { clientCommands: ['ecaLens.showRuleDocs'] } : {} });
      const p = fx.abs(F.billing);
      await c.open(p);
      const docs = (await c.codeActions(p, rangeOf(TEXT.billing, 'Local'))).filter(isAction).find((a) => a.title === `Show documentation for ${RULE}`);
      assert.deepEqual(docs?.command, {
        title: `Show documentation for ${RULE}`,
        command: declared ? 'ecaLens.showRuleDocs' : 'ecaLens.server.showDocumentation',
        arguments: [{ ruleId: RULE, uri: uriOf(p) }],
      });
    } finally {
      c.dispose();
      fx.cleanup();
    }
  }
});
