import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { buildChecklistTree, failingApps, verdict } from '../../../client/src/views/checklistModel';
import { acmeChecklist } from './fixtures';

test('checklist: apps sorted, failing app first-class: error icon, counts in the description', () => {
  const roots = buildChecklistTree(acmeChecklist());
  assert.deepEqual(roots.map((r) => r.row.label), ['AcmeBilling', 'AcmeReports']);
  const reports = roots[1]!;
  assert.equal(reports.row.icon?.id, 'error');
  assert.equal(reports.row.description, '1 failing · 1/2 passed');
  assert.deepEqual(reports.children.map((c) => [c.row.label, c.row.icon?.id]), [
    ['distributionState is Packaged', 'pass'],
    ['orgScopedExternalApp names the Dev Hub', 'error'],
    ['OAuth settings have an oauthLink', 'circle-slash'],
  ]);
  assert.equal(reports.children[2]!.row.description, 'n/a · no OAuth settings');
});

test('checklist: a failing item opens its finding and offers its fix; passing items do neither', () => {
  const [billing] = buildChecklistTree(acmeChecklist());
  const [failing, passing] = billing!.children;
  assert.equal(failing!.row.contextValue, 'checklistItem.fail.fixable');
  assert.equal(failing!.row.open?.uri.endsWith('AcmeBilling.eca-meta.xml'), true);
  assert.ok(failing!.row.open?.range);
  assert.equal(passing!.row.contextValue, 'checklistItem.pass');
  assert.equal(passing!.row.open, undefined);
  // A finding the server says has no fix: no fix action.
  const c = acmeChecklist();
  c.apps[1]!.items[0]!.finding!.fixable = false;
  assert.equal(buildChecklistTree(c)[0]!.children[0]!.row.contextValue, 'checklistItem.fail');
});

test('checklist: all green once every applicable item passes', () => {
  const green = acmeChecklist(true);
  assert.deepEqual(failingApps(green), []);
  const roots = buildChecklistTree(green);
  for (const r of roots) {
    assert.equal(r.row.icon?.id, 'pass-filled');
    assert.match(r.row.description ?? '', /^ready · /);
    for (const i of r.children) assert.notEqual(i.row.icon?.id, 'error');
  }
  assert.deepEqual(verdict(green.apps[0]!), { passed: 2, failed: 0, applicable: 2, ready: true });
  assert.deepEqual(failingApps(acmeChecklist()).map((a) => a.app), ['AcmeReports', 'AcmeBilling']);
});

test('checklist: apps of several projects say which project', () => {
  const c = acmeChecklist();
  c.apps[0]!.projectUri = 'file:///work/other';
  const roots = buildChecklistTree(c);
  assert.match(roots.find((r) => r.row.label === 'AcmeReports')!.row.description!, / · other$/);
  assert.notEqual(new Set(roots.map((r) => r.row.id)).size, 1);
});
