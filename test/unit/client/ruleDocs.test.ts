import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { disableRule, ruleIdOf, showRuleDocs, withRuleOff } from '../../../client/src/commands/ruleDocs';
import { FakeUi, finding } from './fixtures';

test('rule docs: the rule id from a string, a diagnostic code, a tree node; else picked', async () => {
  assert.equal(ruleIdOf('secret-in-source'), 'secret-in-source');
  assert.equal(ruleIdOf('no-such-rule'), undefined);
  assert.equal(ruleIdOf({ code: { value: 'secret-in-source', target: 'x' } }), 'secret-in-source');
  assert.equal(ruleIdOf({ kind: 'hazard', finding: finding('a', 'orphan-satellite') }), 'orphan-satellite');
  assert.equal(ruleIdOf({ kind: 'checklistItem', item: { finding: finding('a', 'org-scoped-app-missing') } }), 'org-scoped-app-missing');
  const opened: string[] = [];
  const ui = new FakeUi();
  assert.equal(await showRuleDocs({ ui, openExternal: async (u) => void opened.push(u) }, 'secret-in-source'), 'https://github.com/eca-lens/eca-lens/blob/main/docs/rules/secret-in-source.md');
  ui.pickLabels = ['orphan-satellite'];
  await showRuleDocs({ ui, openExternal: async (u) => void opened.push(u) });
  assert.deepEqual(opened.map((u) => u.split('/').pop()), ['secret-in-source.md', 'orphan-satellite.md']);
  ui.pickLabels = [undefined];
  assert.equal(await showRuleDocs({ ui, openExternal: async (u) => void opened.push(u) }), undefined);
  assert.equal(opened.length, 2);
});

test('disable rule: sets the rule off, keeps the other rule settings', async () => {
  assert.deepEqual(withRuleOff({ 'forceignore-*': 'information' }, 'secret-in-source'), { 'forceignore-*': 'information', 'secret-in-source': 'off' });
  const ui = new FakeUi();
  let saved: Record<string, string> | undefined;
  await disableRule({ ui, current: () => ({ 'oauth-link-missing': 'hint' }), save: async (r) => void (saved = r) }, { ruleId: 'secret-in-source', uri: 'file:///x' });
  assert.deepEqual(saved, { 'oauth-link-missing': 'hint', 'secret-in-source': 'off' });
});
