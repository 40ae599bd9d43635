import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { buildInventoryTree, fileState, isEmptyInventory, relativeUri, type InventoryNode } from '../../../client/src/views/inventoryModel';
import { shortMessage } from '../../../client/src/views/rows';
import { acmeInventory, file, ROOT } from './fixtures';

function flat(nodes: InventoryNode[]): InventoryNode[] {
  return nodes.flatMap((n) => [n, ...flat(n.children)]);
}

test('inventory tree: package directory → apps (sorted) → one row per type, labelled with its plain name', () => {
  const roots = buildInventoryTree(acmeInventory());
  assert.equal(roots.length, 1);
  const dir = roots[0]!;
  assert.equal(dir.kind, 'packageDirectory');
  assert.equal(dir.row.label, 'force-app');
  assert.equal(dir.row.description, 'package AcmeBilling');
  assert.deepEqual(dir.children.map((c) => c.row.label), ['AcmeBilling', 'AcmeReports']);
  const billing = dir.children[0]!;
  const files = billing.children.filter((c) => c.kind === 'file');
  // Type-table order: header, OAuth settings, global OAuth settings, OAuth policies.
  assert.deepEqual(files.map((f) => f.row.label), ['Header', 'OAuth settings', 'Global OAuth settings', 'OAuth policies']);
  assert.deepEqual(files.map((f) => f.row.description), [
    'ships · 1 error',
    'ships',
    'not packageable but in the build · 2 errors',
    'excluded by .forceignore:9 (**/extlClntAppOauthPolicies/**)',
  ]);
  // Rows open their file.
  for (const f of files) assert.equal(f.row.open?.uri, f.kind === 'file' ? f.file.uri : '');
});

test('inventory tree: the app row shows its hazards; hazard rows follow the files, worst first', () => {
  const [dir] = buildInventoryTree(acmeInventory());
  const billing = dir!.children[0]!;
  assert.equal(billing.row.description, 'Local · 3 errors');
  assert.equal(billing.row.icon?.id, 'error');
  assert.equal(billing.row.contextValue, 'app.hazards');
  assert.match(billing.row.tooltip ?? '', /distributionState is "Local"/);
  const hazards = billing.children.filter((c) => c.kind === 'hazard');
  assert.deepEqual(hazards.map((h) => h.row.description), ['distribution-state-not-packaged', 'non-packageable-in-package', 'secret-in-source']);
  assert.equal(billing.children.findIndex((c) => c.kind === 'hazard'), 4, 'files first, then hazards');
  const h = hazards[0]!;
  assert.equal(h.row.contextValue, 'hazard.fixable');
  assert.deepEqual(h.row.open?.range, h.kind === 'hazard' ? h.finding.range : undefined);
  // One line: the first sentence, cut at 100 characters (the tooltip has it all).
  assert.equal(h.row.label, 'App "AcmeBilling" ships in package "AcmeBilling" but its distributionState is "Local"; only a Packa…');
  assert.match(h.row.tooltip ?? '', /only a Packaged app can be packaged/);
});

test('inventory tree: a missing OAuth settings (or header) row for an app that lacks one', () => {
  const inv = acmeInventory();
  const [dir] = buildInventoryTree(inv);
  const reports = dir!.children[1]!;
  const rows = reports.children.filter((c) => c.kind !== 'hazard').map((c) => [c.row.label, c.row.description]);
  assert.deepEqual(rows, [
    ['Header', 'ships · 1 error'],
    ['OAuth settings', 'missing'],
    ['Plugin policies', 'not packageable but in the build · 1 error'],
  ]);
  // An app with no header gets a missing header row.
  const app = inv.projects[0]!.apps[1]!;
  app.files = app.files.filter((f) => f.type !== 'ExternalClientApplication');
  app.hasHeader = false;
  const [dir2] = buildInventoryTree(inv);
  const billing = dir2!.children.find((c) => c.row.label === 'AcmeBilling')!;
  assert.deepEqual(billing.children.filter((c) => c.kind === 'missing').map((c) => c.row.label), ['Header']);
  assert.match(billing.row.description ?? '', /^no header/);
});

test('inventory tree: a clean app has a pass icon and no fix action', () => {
  const inv = acmeInventory();
  for (const a of inv.projects[0]!.apps) {
    for (const f of a.files) f.findings = [];
  }
  const [dir] = buildInventoryTree(inv);
  const billing = dir!.children[0]!;
  assert.equal(billing.row.icon?.id, 'pass');
  assert.equal(billing.row.contextValue, 'app');
  assert.equal(billing.row.description, 'Local · no hazards');
  assert.equal(billing.children.filter((c) => c.kind === 'hazard').length, 0);
});

test('inventory tree: ids are unique, so VS Code keeps expansion across refreshes', () => {
  const inv = acmeInventory();
  const ids = flat(buildInventoryTree(inv)).map((n) => n.row.id);
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual(flat(buildInventoryTree(acmeInventory())).map((n) => n.row.id), ids);
});

test('inventory tree: several projects get a row each; loose files and files outside package directories are grouped', () => {
  const a = acmeInventory().projects[0]!;
  const b = { ...acmeInventory().projects[0]!, uri: 'file:///work/other', name: 'other', apps: [] };
  b.looseFiles = [
    file('force-app/main/default/externalClientApps/Odd.eca.xml', null, 'Unrecognized file', 'unrecognized', { uri: 'file:///work/other/force-app/main/default/externalClientApps/Odd.eca.xml' }),
    file('scratch/X.ecaOauth-meta.xml', 'ExtlClntAppOauthSettings', 'OAuth settings', 'outside-package-directories', { packageDirectory: null, uri: 'file:///work/other/scratch/X.ecaOauth-meta.xml' }),
  ];
  const roots = buildInventoryTree({ projects: [b, a] });
  assert.deepEqual(roots.map((r) => [r.kind, r.row.label]), [['project', 'acme-billing'], ['project', 'other']]);
  const other = roots[1]!;
  assert.deepEqual(other.children.map((c) => c.row.label), ['force-app', 'Outside package directories']);
  const loose = other.children[0]!.children[0]!;
  assert.equal(loose.kind, 'looseFiles');
  assert.deepEqual(loose.children.map((c) => c.row.description), ['name not recognized by sf']);
  assert.deepEqual(other.children[1]!.children[0]!.children.map((c) => c.row.description), ['outside package directories']);
});

test('inventory: empty when no project has an app or loose file (the welcome view shows)', () => {
  assert.equal(isEmptyInventory(undefined), true);
  assert.equal(isEmptyInventory({ projects: [] }), true);
  const inv = acmeInventory();
  assert.equal(isEmptyInventory(inv), false);
  inv.projects[0]!.apps = [];
  assert.equal(isEmptyInventory(inv), true);
  assert.deepEqual(buildInventoryTree(inv), []);
});

test('file state: every state reads as the issue names it', () => {
  const mk = (state: Parameters<typeof file>[3], extra = {}) => fileState(file('a/X.ecaPlcy-meta.xml', 'ExtlClntAppConfigurablePolicies', 'Plugin policies', state, extra), ROOT);
  assert.equal(mk('ships').description, 'ships');
  assert.equal(mk('in-build-not-packageable').description, 'not packageable but in the build');
  assert.equal(mk('not-packaged').description, 'deploy only (directory not packaged)');
  assert.equal(mk('excluded', { excludedBy: { defaultPattern: '**/.*' } }).description, 'excluded by default pattern **/.*');
  assert.equal(mk('excluded', { excludedBy: { uri: `${ROOT}/force-app/.forceignore`, line: 0, text: 'extlClntAppPolicies ' } }).description, 'excluded by force-app/.forceignore:1 (extlClntAppPolicies)');
  // A packageable file that is excluded is flagged in colour; an excluded policy is as it should be.
  const header = fileState(file('a/X.eca-meta.xml', 'ExternalClientApplication', 'Header', 'excluded'), ROOT);
  assert.equal(header.icon.color, 'list.warningForeground');
  assert.equal(mk('excluded').icon.color, 'disabledForeground');
});

test('rows: short messages stop at the first sentence', () => {
  assert.equal(shortMessage('Global OAuth settings can\'t be packaged. This file is in package directory "force-app".'), 'Global OAuth settings can\'t be packaged.');
  assert.equal(shortMessage('App "My.App" is Local'), 'App "My.App" is Local');
  assert.equal(shortMessage('x'.repeat(150)).length, 100);
  assert.equal(relativeUri(`${ROOT}/a%20b/.forceignore`, ROOT), 'a b/.forceignore');
  assert.equal(relativeUri('file:///elsewhere/.forceignore', ROOT), '.forceignore');
});
