import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { statusView } from '../../../client/src/status';

test('status bar: indexing progress, then apps and hazards', () => {
  assert.equal(statusView(undefined, 'starting').text, '$(sync~spin) ECA Lens');
  assert.equal(statusView({ state: 'indexing', projects: 1, apps: 0, errors: 0, warnings: 0, percentage: 42.4 }, 'running').text, '$(sync~spin) ECA Lens: indexing 42%');
  const busy = statusView({ state: 'ready', projects: 1, apps: 2, errors: 5, warnings: 1 }, 'running');
  assert.equal(busy.text, '$(error) 2 ECAs · 6 hazards');
  assert.equal(busy.tone, 'error');
  assert.match(busy.tooltip, /2 External Client Apps in 1 project; 5 errors, 1 warning/);
  const clean = statusView({ state: 'ready', projects: 1, apps: 1, errors: 0, warnings: 0 }, 'running');
  assert.equal(clean.text, '$(pass) 1 ECA');
  assert.equal(clean.tone, 'normal');
  assert.equal(statusView({ state: 'ready', projects: 1, apps: 1, errors: 0, warnings: 2 }, 'running').tone, 'warning');
  assert.match(statusView(undefined, 'stopped').tooltip, /not running/);
  assert.match(statusView(undefined, 'disabled').tooltip, /disabled/);
});
