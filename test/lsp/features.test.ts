/**
 * Settings (workspace/configuration, refreshed on change, per folder), the custom requests
 * (ecaLens/inventory, ecaLens/checklist, ecaLens/devHubOrgId) and hover, in process.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, type MarkupContent } from 'vscode-languageserver-protocol';
import { inProcess, uriOf, RICH_CAPS } from './client';
import { D, F, HOME, TEXT, twoApps, posOf } from './projects';
import { appFindings, type ChecklistResult, type InventoryResult } from '../../server/src/shared/protocol';

const hoverText = (h: { contents: unknown } | null) => (h ? (h.contents as MarkupContent).value : '');

test('settings: rule severities and wildcards, refreshed on didChangeConfiguration; exclude globs; enable', async () => {
  const fx = twoApps();
  const c = inProcess();
  c.settings[uriOf(fx.root)] = { rules: { 'secret-*': 'off', 'distribution-state-not-packaged': 'warning' } };
  try {
    await c.initialize([fx.root]);
    assert.deepEqual(c.codes(fx.abs(F.billingGlobal)), ['global-settings-in-source', 'non-packageable-in-package']);
    assert.equal(c.diags(fx.abs(F.billing))[0]!.severity, DiagnosticSeverity.Warning);

    // Changed in the editor: the server pulls the settings again.
    c.settings[uriOf(fx.root)] = { rules: { 'non-packageable-in-package': 'off' } };
    const changed = c.nextDiagnostics(fx.abs(F.billingGlobal), (d) => d.length === 2 && d.every((x) => x.code === 'secret-in-source' || x.code === 'global-settings-in-source'));
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await changed;
    await c.settle();
    assert.equal(c.diags(fx.abs(F.billing))[0]!.severity, DiagnosticSeverity.Error);

    // Exclude globs re-index the project without those paths.
    c.settings[uriOf(fx.root)] = { exclude: [`${D}/extlClntAppGlobalOauthSets/**`] };
    const excluded = c.nextDiagnostics(fx.abs(F.billingGlobal), (d) => d.length === 0);
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await excluded;
    const inv = await c.request<InventoryResult>('ecaLens/inventory');
    assert.ok(!inv.projects[0]!.apps.flatMap((a) => a.files).some((f) => f.path.includes('extlClntAppGlobalOauthSets')));

    // Disabled: every diagnostic goes; enabled again: they come back.
    c.settings[uriOf(fx.root)] = { enable: false };
    const off = c.nextDiagnostics(fx.abs(F.billing), (d) => d.length === 0);
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await off;
    await c.settle();
    assert.deepEqual([...c.diagnostics].filter(([, d]) => d.length).map(([u, d]) => [u, d.map((x) => x.code)]), []);
    assert.equal(c.status()?.projects, 0);
    c.settings[uriOf(fx.root)] = {};
    const on = c.nextDiagnostics(fx.abs(F.billing), (d) => d.length === 1);
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await on;
    await c.settle();
    assert.deepEqual(c.codes(fx.abs(F.billingGlobal)), ['global-settings-in-source', 'non-packageable-in-package', 'secret-in-source']);
  } finally {
    c.dispose();
    fx.cleanup();
  }
});

test('settings per workspace folder, and pushed settings for clients without workspace/configuration', async () => {
  const a = twoApps();
  const b = twoApps();
  const c = inProcess();
  c.settings[uriOf(a.root)] = { rules: { '*': 'off' } };
  try {
    await c.initialize([a.root, b.root]);
    assert.deepEqual(c.codes(a.abs(F.billing)), []);
    assert.deepEqual(c.codes(b.abs(F.billing)), ['distribution-state-not-packaged']);
  } finally {
    c.dispose();
    a.cleanup();
    b.cleanup();
  }

  const fx = twoApps();
  const old = inProcess();
  const caps = structuredClone(RICH_CAPS);
  delete caps.workspace!.configuration;
  try {
    await old.initialize([fx.root], { capabilities: caps, initializationOptions: { settings: { rules: { 'org-scoped-app-missing': 'off' } } } });
    assert.deepEqual(old.codes(fx.abs(F.reports)), []);
    const pushed = old.nextDiagnostics(fx.abs(F.billing), (d) => d.length === 0);
    await old.conn.sendNotification('workspace/didChangeConfiguration', { settings: { ecaLens: { rules: { 'distribution-state-*': 'off' } } } });
    await pushed;
    await old.settle();
    assert.deepEqual(old.codes(fx.abs(F.reports)), ['org-scoped-app-missing']);
  } finally {
    old.dispose();
    fx.cleanup();
  }
});

test('ecaLens/inventory: apps, files, types, build states, the excluding line, findings; loose files', async () => {
  const fx = twoApps({ [`${D}/extlClntAppOauthSettings/Odd.ecaOAuth-meta.xml`]: TEXT.billingOauth });
  const c = inProcess();
  try {
    await c.initialize([fx.root]);
    const inv = await c.request<InventoryResult>('ecaLens/inventory');
    assert.equal(inv.projects.length, 1);
    const p = inv.projects[0]!;
    assert.equal(p.uri, uriOf(fx.root));
    assert.deepEqual(p.packageDirectories, [{ path: 'force-app', package: 'Billing', default: true }]);
    assert.deepEqual(p.apps.map((a) => [a.name, a.package, a.packageDirectory, a.distributionState, a.hasHeader]), [
      ['Billing', 'Billing', 'force-app', 'Local', true],
      ['Reports', 'Billing', 'force-app', 'Packaged', true],
    ]);
    const billing = p.apps[0]!;
    assert.deepEqual(billing.files.map((f) => [f.typeLabel, f.state, f.included, f.findings.map((x) => x.code)]), [
      ['Header', 'ships', true, ['distribution-state-not-packaged']],
      ['OAuth settings', 'ships', true, []],
      ['Global OAuth settings', 'in-build-not-packageable', true, ['non-packageable-in-package', 'global-settings-in-source', 'secret-in-source']],
      ['OAuth policies', 'excluded', false, []],
    ]);
    assert.deepEqual(billing.files[3]!.excludedBy, { uri: uriOf(fx.abs(F.forceignore)), line: 1, text: '**/extlClntAppOauthPolicies/**' });
    assert.equal(billing.files[0]!.uri, uriOf(fx.abs(F.billing)));
    assert.equal(billing.files[0]!.findings[0]!.fixable, true);
    assert.deepEqual(appFindings(billing).map((f) => f.code).sort(), ['distribution-state-not-packaged', 'global-settings-in-source', 'non-packageable-in-package', 'secret-in-source']);
    assert.deepEqual(p.looseFiles.map((f) => [path.basename(f.path), f.state, f.findings.map((x) => x.code)]), [['Odd.ecaOAuth-meta.xml', 'unrecognized', ['unrecognized-file-name']]]);

    // A file created on disk: inventoryChanged, and the next answer has it.
    const n = c.received.filter((r) => r.method === 'ecaLens/inventoryChanged').length;
    const created = fx.abs(`${D}/extlClntAppOauthSettings/Reports_oauth.ecaOauth-meta.xml`);
    fs.writeFileSync(created, TEXT.billingOauth.replace(/Billing/g, 'Reports'));
    await c.watched([[created, 1]]);
    await c.waitFor('inventoryChanged', () => c.received.filter((r) => r.method === 'ecaLens/inventoryChanged').length > n);
    const again = await c.request<InventoryResult>('ecaLens/inventory');
    assert.deepEqual(again.projects[0]!.apps[1]!.files.map((f) => f.typeLabel), ['Header', 'OAuth settings', 'Plugin policies']);
  } finally {
    c.dispose();
    fx.cleanup();
  }
});

test('ecaLens/checklist: per app, pass/fail with the finding behind each failure; flips after a fix', async () => {
  const fx = twoApps();
  const c = inProcess();
  try {
    await c.initialize([fx.root]);
    const r = await c.request<ChecklistResult>('ecaLens/checklist');
    const table = (res: ChecklistResult, app: string) =>
      Object.fromEntries(res.apps.find((a) => a.app === app)!.items.map((i) => [i.id, `${i.status}${i.finding ? ` ${i.finding.code}` : ''}`]));
    assert.deepEqual(r.apps.map((a) => [a.app, a.package, a.projectUri]), [['Billing', 'Billing', uriOf(fx.root)], ['Reports', 'Billing', uriOf(fx.root)]]);
    assert.deepEqual(table(r, 'Billing'), {
      'distribution-state-packaged': 'fail distribution-state-not-packaged',
      'org-scoped-app-set': 'fail',
      'oauth-link-set': 'fail',
      'forceignore-excludes-global-settings': 'fail non-packageable-in-package',
      'forceignore-excludes-policies': 'pass',
      'no-non-packageable-in-build': 'fail non-packageable-in-package',
    });
    assert.deepEqual(table(r, 'Reports'), {
      'distribution-state-packaged': 'pass',
      'org-scoped-app-set': 'fail org-scoped-app-missing',
      'oauth-link-set': 'not-applicable',
      // No global settings file yet, but the next retrieve would put one into the build.
      'forceignore-excludes-global-settings': 'fail',
      'forceignore-excludes-policies': 'pass',
      'no-non-packageable-in-build': 'pass',
    });
    const failing = r.apps[0]!.items.find((i) => i.id === 'distribution-state-packaged')!;
    assert.equal(failing.finding!.uri, uriOf(fx.abs(F.billing)));
    assert.deepEqual(failing.finding!.range.start, posOf(TEXT.billing, 'Local'));
    assert.match(r.apps[0]!.items.find((i) => i.id === 'forceignore-excludes-policies')!.detail!, /line 2 \("\*\*\/extlClntAppOauthPolicies\/\*\*"\)/);

    // Keep global settings out: both apps pass that item; Billing's build is clean.
    fs.appendFileSync(fx.abs(F.forceignore), '**/extlClntAppGlobalOauthSets/**\n');
    await c.watched([[fx.abs(F.forceignore), 2]]);
    await c.settle();
    const after = await c.request<ChecklistResult>('ecaLens/checklist');
    assert.equal(table(after, 'Billing')['forceignore-excludes-global-settings'], 'pass');
    assert.equal(table(after, 'Billing')['no-non-packageable-in-build'], 'pass');
    assert.equal(table(after, 'Reports')['forceignore-excludes-global-settings'], 'pass');
  } finally {
    c.dispose();
    fx.cleanup();
  }
});

test('ecaLens/checklist: apps outside a packaged directory are not applicable', async () => {
  const fx = twoApps({ [F.project]: JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] }) });
  const c = inProcess();
  try {
    await c.initialize([fx.root]);
    const r = await c.request<ChecklistResult>('ecaLens/checklist');
    assert.equal(r.apps.length, 2);
    assert.ok(r.apps.every((a) => a.package === null && a.items.length === 6 && a.items.every((i) => i.status === 'not-applicable')));
  } finally {
    c.dispose();
    fx.cleanup();
  }
});

test('ecaLens/devHubOrgId: found offline from the sf CLI config, or why not', async () => {
  const fx = twoApps();
  const c = inProcess();
  try {
    await c.initialize([fx.root]);
    const none = await c.request<{ orgId?: string; source: string }>('ecaLens/devHubOrgId', {});
    assert.equal(none.orgId, undefined);
    assert.match(none.source, /target-dev-hub/);
  } finally {
    c.dispose();
  }
  fs.mkdirSync(path.join(HOME, '.sf'), { recursive: true });
  fs.mkdirSync(path.join(HOME, '.sfdx'), { recursive: true });
  fs.writeFileSync(path.join(HOME, '.sf', 'config.json'), JSON.stringify({ 'target-dev-hub': 'hub@example.com' }));
  fs.writeFileSync(path.join(HOME, '.sfdx', 'hub@example.com.json'), JSON.stringify({ orgId: '00D5g000004XyZaEAK', accessToken: 'never-read' }));
  const c2 = inProcess();
  try {
    await c2.initialize([fx.root]);
    const found = await c2.request<{ orgId?: string; source: string }>('ecaLens/devHubOrgId', { uri: uriOf(fx.abs(F.reports)) });
    assert.equal(found.orgId, '00D5g000004XyZa');
    // The fix is now a plain preferred edit with that id.
    const actions = await c2.codeActions(fx.abs(F.reports), { start: { line: 1, character: 1 }, end: { line: 1, character: 2 } });
    const insert = actions.find((a) => a.title.startsWith('Insert orgScopedExternalApp')) as { isPreferred?: boolean; title: string };
    assert.equal(insert.isPreferred, true);
    assert.match(insert.title, /00D5g000004XyZa:Reports/);
  } finally {
    c2.dispose();
    fs.rmSync(path.join(HOME, '.sf'), { recursive: true, force: true });
    fs.rmSync(path.join(HOME, '.sfdx'), { recursive: true, force: true });
    fx.cleanup();
  }
});

test('hover on a .forceignore line: what it excludes, or that it excludes nothing', async () => {
  const fx = twoApps({ [F.forceignore]: TEXT.forceignore + '**/doesNotExist/**\n!**/extlClntAppPolicies/Reports_plcy.ecaPlcy-meta.xml\n' });
  const c = inProcess();
  const fi = fx.abs(F.forceignore);
  try {
    await c.initialize([fx.root]);
    assert.equal(await c.hover(fi, 0, 2), null); // a comment
    const one = hoverText(await c.hover(fi, 1, 5));
    assert.match(one, /excludes 1 External Client App file from the build/);
    assert.ok(one.includes(`${D}/extlClntAppOauthPolicies/Billing_oauthPlcy.ecaOauthPlcy-meta.xml`), one);
    assert.match(hoverText(await c.hover(fi, 3, 2)), /excludes no External Client App file/);
    // A negation that re-includes a file, and the line it undoes.
    assert.match(hoverText(await c.hover(fi, 4, 3)), /re-includes 1 External Client App file/);
    const undone = hoverText(await c.hover(fi, 2, 3));
    assert.match(undone, /excludes no External Client App file on its own/);
    assert.match(undone, /a later `!` line re-includes/);
    // The re-included plugin policies are in the build now.
    assert.deepEqual(c.codes(fx.abs(F.reportsPlugin)), ['non-packageable-in-package']);
  } finally {
    c.dispose();
    fx.cleanup();
  }
});

test('hover on an ECA element: what it means, its values, whether the file ships', async () => {
  const fx = twoApps();
  const c = inProcess();
  try {
    await c.initialize([fx.root]);
    const pos = posOf(TEXT.billing, 'distributionState>');
    const h = await c.hover(fx.abs(F.billing), pos.line, pos.character + 2);
    const t = hoverText(h);
    assert.match(t, /\*\*distributionState\*\* · ExternalClientApplication \(Header\)/);
    assert.match(t, /\*\*`Local`\*\* · `Packaged`/);
    assert.match(t, /Only a Packaged app may go into a 2GP package/);
    assert.match(t, /Ships in package "Billing"/);
    assert.deepEqual(h!.range!.start, { line: pos.line, character: pos.character - 1 });

    const g = posOf(TEXT.billingGlobal, '3MVG9');
    assert.match(hoverText(await c.hover(fx.abs(F.billingGlobal), g.line, g.character)), /consumerKey[\s\S]*Ships by mistake/);
    const pol = posOf(TEXT.billingPolicy, 'ipRelaxationPolicyType');
    const pt = hoverText(await c.hover(fx.abs(F.billingPolicy), pol.line, pol.character));
    assert.match(pt, /`Enforce` is the least-privilege choice|Enforce is the least-privilege choice/);
    assert.match(pt, /Does not ship: excluded from the build by line 2 of `\.forceignore`/);
    // The root element: the type.
    assert.match(hoverText(await c.hover(fx.abs(F.billingPolicy), 1, 3)), /OAuth policies[\s\S]*can't be packaged/);
    // An unknown element is said to be unknown, not an error.
    await c.open(fx.abs(F.billing));
    await c.change(fx.abs(F.billing), TEXT.billing.replace('    <label>', '    <fancyField>1</fancyField>\n    <label>'));
    const u = posOf(c.text(fx.abs(F.billing)), 'fancyField');
    assert.match(hoverText(await c.hover(fx.abs(F.billing), u.line, u.character)), /Not a field ECA Lens knows/);
    // Outside the root element: nothing.
    assert.equal(await c.hover(fx.abs(F.billing), 0, 3), null);
  } finally {
    c.dispose();
    fx.cleanup();
  }
});

test('hover for a client that only shows plain text', async () => {
  const fx = twoApps();
  const c = inProcess();
  const caps = structuredClone(RICH_CAPS);
  caps.textDocument!.hover = { contentFormat: ['plaintext'] };
  try {
    await c.initialize([fx.root], { capabilities: caps });
    const pos = posOf(TEXT.billing, 'distributionState>');
    const h = await c.hover(fx.abs(F.billing), pos.line, pos.character + 2);
    const m = h!.contents as MarkupContent;
    assert.equal(m.kind, 'plaintext');
    assert.ok(!m.value.includes('**') && m.value.includes('distributionState'));
  } finally {
    c.dispose();
    fx.cleanup();
  }
});
