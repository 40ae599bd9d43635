import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { disableRule, ruleIdOf, showRuleDocs, withRuleOff } from '../../../client/src/commands/ruleDocs';
import { FakeUi, finding } from './fixtures';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_INFO } from '../../../server/src/shared/rules';
import { docsPath, docsUrl } from '../../../server/src/shared/docs';

const repoRoot = path.resolve(__dirname, '../../../..');

test('rule docs: the rule id from a string, a diagnostic code, a tree node; else picked', async () => {
  assert.equal(ruleIdOf('secret-in-source'), 'secret-in-source');
  assert.equal(ruleIdOf('no-such-rule'), undefined);
  assert.equal(ruleIdOf({ code: { value: 'secret-in-source', target: 'x' } }), 'secret-in-source');
  assert.equal(ruleIdOf({ kind: 'hazard', finding: finding('a', 'orphan-satellite') }), 'orphan-satellite');
  assert.equal(ruleIdOf({ kind: 'checklistItem', item: { finding: finding('a', 'org-scoped-app-missing') } }), 'org-scoped-app-missing');
  assert.equal(ruleIdOf({ ruleId: 'secret-in-source', uri: 'file:///x' }), 'secret-in-source');
  const opened: string[] = [];
  const ui = new FakeUi();
  const deps = (bundled: boolean) => ({
    ui,
    exists: async (rel: string) => bundled && fs.existsSync(path.join(repoRoot, rel)),
    preview: async (rel: string) => void opened.push(`preview:${rel}`),
    docsUrl: (id: string) => docsUrl(id),
    openExternal: async (u: string) => void opened.push(u),
  });
  // The page shipped with the extension, in the Markdown preview.
  assert.equal(await showRuleDocs(deps(true), 'secret-in-source'), 'docs/rules/secret-in-source.md');
  ui.pickLabels = ['orphan-satellite'];
  await showRuleDocs(deps(true));
  assert.deepEqual(opened, ['preview:docs/rules/secret-in-source.md', 'preview:docs/rules/orphan-satellite.md']);
  ui.pickLabels = [undefined];
  assert.equal(await showRuleDocs(deps(true)), undefined);
  assert.equal(opened.length, 2);
  // No bundled page (a development host without docs/): the web page.
  assert.equal(await showRuleDocs(deps(false), 'secret-in-source'), 'https://github.com/eca-lens/eca-lens/blob/main/docs/rules/secret-in-source.md');
  assert.equal(opened[2], 'https://github.com/eca-lens/eca-lens/blob/main/docs/rules/secret-in-source.md');
});

test('rule docs: every rule has its page in docs/rules/', () => {
  for (const r of RULE_INFO) assert.ok(fs.existsSync(path.join(repoRoot, docsPath(r.id))), docsPath(r.id));
});

test('disable rule: sets the rule off, keeps the other rule settings', async () => {
  assert.deepEqual(withRuleOff({ 'forceignore-*': 'information' }, 'secret-in-source'), { 'forceignore-*': 'information', 'secret-in-source': 'off' });
  const ui = new FakeUi();
  let saved: Record<string, string> | undefined;
  await disableRule({ ui, current: () => ({ 'oauth-link-missing': 'hint' }), save: async (r) => void (saved = r) }, { ruleId: 'secret-in-source', uri: 'file:///x' });
  assert.deepEqual(saved, { 'oauth-link-missing': 'hint', 'secret-in-source': 'off' });
});
