import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { appliedCount, fixAll, fixAllMessage, MAX_ROUNDS } from '../../../client/src/commands/fixAll';
import { acmeChecklist, FakeUi } from './fixtures';

test('fix all: reads the server\'s count, reports what is left for the user', () => {
  assert.equal(appliedCount({ applied: 4, skipped: 1 }), 4);
  assert.equal(appliedCount(3), 3);
  assert.equal(appliedCount(null), undefined);
  assert.equal(fixAllMessage(4, 3, acmeChecklist(true)), 'ECA Lens: Applied 4 fixes in 3 files. Every app passes the pre-packaging checklist.');
  assert.equal(fixAllMessage(0, 0, undefined), 'ECA Lens: Nothing to fix automatically.');
  assert.equal(
    fixAllMessage(1, 1, acmeChecklist()),
    'ECA Lens: Applied 1 fix in 1 file. Still failing, needs your input: AcmeReports (orgScopedExternalApp names the Dev Hub), AcmeBilling (distributionState is Packaged).',
  );
});

test('fix all: runs the server command until nothing more applies, saves, then checks the checklist', async () => {
  const ui = new FakeUi();
  const order: string[] = [];
  // Round 1 fixes 5 (one uncovers a new hazard), round 2 fixes it, round 3 finds nothing.
  const rounds = [5, 1, 0, 7];
  const msg = await fixAll({
    ui,
    runServerFixAll: async () => (order.push('server'), { applied: rounds.shift()!, skipped: 0 }),
    saveChanged: async () => (order.push('save'), 4),
    checklist: async () => (order.push('checklist'), acmeChecklist(true)),
  });
  assert.deepEqual(order, ['server', 'server', 'server', 'save', 'checklist']);
  assert.match(msg, /Applied 6 fixes in 4 files\. Every app passes/);
  // A server that keeps applying is stopped after a few rounds; one that gives no count runs once.
  let calls = 0;
  await fixAll({ ui, runServerFixAll: async () => (calls++, { applied: 1, skipped: 0 }), saveChanged: async () => 0, checklist: async () => undefined });
  assert.equal(calls, MAX_ROUNDS);
  calls = 0;
  await fixAll({ ui, runServerFixAll: async () => (calls++, null), saveChanged: async () => 0, checklist: async () => undefined });
  assert.equal(calls, 1);
  assert.equal(ui.messages[0]!.level, 'info');
  const ui2 = new FakeUi();
  await fixAll({ ui: ui2, runServerFixAll: async () => ({ applied: 0, skipped: 1 }), saveChanged: async () => 0, checklist: async () => acmeChecklist() });
  assert.equal(ui2.messages[0]!.level, 'warn');
});
