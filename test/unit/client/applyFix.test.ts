import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { actionsFor, autoChoice, fixLoop, type ActionLike } from '../../../client/src/commands/applyFix';
import type { FindingSummary } from '../../../server/src/shared/protocol';
import { finding, rng } from './fixtures';

const f = { code: 'non-packageable-in-package', range: rng(1, 1) };
const diag = (code: string | { value: string }, line = 1) => [{ code, range: { start: { line, character: 1 } } }];

test('apply fix: picks the quick fixes of this finding (code as string or {value}), preferred first', () => {
  const actions: ActionLike[] = [
    { title: 'Delete the file', kind: { value: 'quickfix' }, diagnostics: diag({ value: 'non-packageable-in-package' }) },
    { title: 'Add "**/extlClntAppPolicies/**" to .forceignore', kind: { value: 'quickfix' }, isPreferred: true, diagnostics: diag('non-packageable-in-package') },
    { title: 'Disable non-packageable-in-package in settings', kind: { value: 'quickfix' }, diagnostics: diag('non-packageable-in-package'), command: { command: 'ecaLens.disableRule' } },
    { title: 'Show documentation for non-packageable-in-package', kind: 'quickfix', diagnostics: diag('non-packageable-in-package'), command: { command: 'ecaLens.server.showDocumentation' } },
    { title: 'Fix another finding', kind: 'quickfix', isPreferred: true, diagnostics: diag('secret-in-source') },
    { title: 'Same rule, other line', kind: 'quickfix', diagnostics: diag('non-packageable-in-package', 7) },
    { title: 'Fix all in file', kind: { value: 'source.fixAll.ecaLens' }, diagnostics: diag('non-packageable-in-package') },
    { title: 'Disabled', kind: 'quickfix', disabled: { reason: 'no' }, diagnostics: diag('non-packageable-in-package') },
  ];
  const c = actionsFor(actions, f);
  assert.deepEqual(c.map((a) => a.title), ['Add "**/extlClntAppPolicies/**" to .forceignore', 'Delete the file']);
  assert.equal(autoChoice(c)?.title, 'Add "**/extlClntAppPolicies/**" to .forceignore');
  assert.equal(autoChoice(c.slice(1)), undefined, 'a fix that is not preferred (here: delete the file) is never applied without asking');
  assert.equal(autoChoice([c[0]!, { ...c[0]!, title: 'other' }]), undefined, 'two preferred fixes: ask');
  assert.deepEqual(actionsFor(actions, { code: 'org-scoped-app-missing', range: rng(1, 1) }), []);
});

test('apply fix: without diagnostics on the actions (VS Code\'s executeCodeActionProvider drops them), every fix offered at the range counts', () => {
  const actions: ActionLike[] = [
    { title: 'Set distributionState to Packaged', kind: { value: 'quickfix' }, isPreferred: true },
    { title: 'Disable distribution-state-not-packaged in settings', kind: { value: 'quickfix' }, command: { command: 'ecaLens.disableRule' } },
    { title: 'Show documentation for distribution-state-not-packaged', kind: { value: 'quickfix' }, command: { command: 'ecaLens.server.showDocumentation' } },
    { title: 'Fix all ECA Lens problems in the file', kind: { value: 'source.fixAll.ecaLens' } },
  ];
  const c = actionsFor(actions, { code: 'distribution-state-not-packaged', range: rng(4, 24) });
  assert.deepEqual(c.map((a) => a.title), ['Set distributionState to Packaged']);
  assert.equal(autoChoice(c)?.title, 'Set distributionState to Packaged');
});

test('apply fix: the loop re-reads findings after each fix and stops when nothing fixable is left', async () => {
  let current: FindingSummary[] = [finding('a', 'r1'), finding('b', 'r2'), { ...finding('c', 'r3'), fixable: false }];
  const tried: string[] = [];
  const r = await fixLoop({
    findings: async () => current,
    applyPreferred: async (x) => {
      tried.push(x.code);
      if (x.code === 'r2') return false; // needs input: stays
      current = current.filter((y) => y !== x);
      return true;
    },
  });
  assert.deepEqual(tried, ['r1', 'r2']);
  assert.equal(r.applied, 1);
  assert.deepEqual(r.remaining.map((x) => x.code), ['r2', 'r3']);
});

test('apply fix: the loop is bounded even when a fix never removes its finding', async () => {
  let n = 0;
  const r = await fixLoop(
    {
      findings: async () => [finding('a', `r${n}`)],
      applyPreferred: async () => (n++, true),
    },
    5,
  );
  assert.equal(r.applied, 5);
});
