/**
 * The server in process: indexing and diagnostics for files nobody opened, didOpen/didChange/
 * didSave/didClose, watched-file events (create, delete, .forceignore edit), multi-root, and bad
 * input that must be answered, never fatal.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-protocol';
import { fixture, globalSettings, PLAIN_PROJECT } from '../helpers/fixture';
import { inProcess, uriOf, RICH_CAPS } from './client';
import { D, F, TEXT, twoApps, posOf } from './projects';
import { docsUrl } from '../../server/src/engine';
import type { StatusParams } from '../../server/src/shared/protocol';

test('initialize: capabilities, progress, watchers, and diagnostics for every file with findings, opened or not', async () => {
  const fx = twoApps();
  const c = inProcess();
  try {
    const init = await c.initialize([fx.root]);
    assert.equal(init.serverInfo?.name, 'ECA Lens');
    assert.ok(init.capabilities.hoverProvider);
    assert.ok(init.capabilities.executeCommandProvider?.commands.includes('ecaLens.server.fixAll'));
    const cap = init.capabilities.codeActionProvider;
    assert.ok(typeof cap === 'object' && cap.codeActionKinds?.includes('source.fixAll.ecaLens') && cap.resolveProvider);

    assert.deepEqual(c.codes(fx.abs(F.billing)), ['distribution-state-not-packaged']);
    assert.deepEqual(c.codes(fx.abs(F.billingGlobal)), ['global-settings-in-source', 'non-packageable-in-package', 'secret-in-source']);
    assert.deepEqual(c.codes(fx.abs(F.reports)), ['org-scoped-app-missing']);
    // Excluded policies and clean files carry nothing (and were never published).
    assert.equal(c.diagnostics.has(uriOf(fx.abs(F.billingPolicy))), false);
    assert.equal(c.diagnostics.has(uriOf(fx.abs(F.billingOauth))), false);

    const d = c.diags(fx.abs(F.billing))[0]!;
    assert.equal(d.source, 'ECA Lens');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.equal(d.codeDescription?.href, docsUrl('distribution-state-not-packaged'));
    assert.deepEqual(d.range, { start: posOf(TEXT.billing, 'Local'), end: { ...posOf(TEXT.billing, 'Local'), character: posOf(TEXT.billing, 'Local').character + 5 } });
    const secret = c.diags(fx.abs(F.billingGlobal)).find((x) => x.code === 'secret-in-source')!;
    assert.equal(secret.severity, DiagnosticSeverity.Warning);

    // Progress while indexing, then a ready status with the counts.
    const progress = c.received.filter((r) => r.method === '$/progress').map((r) => (r.params as { value: { kind: string } }).value.kind);
    assert.equal(progress[0], 'begin');
    assert.equal(progress[progress.length - 1], 'end');
    const ready = c.status()!;
    assert.deepEqual({ state: ready.state, projects: ready.projects, apps: ready.apps, errors: ready.errors, warnings: ready.warnings }, { state: 'ready', projects: 1, apps: 2, errors: 3, warnings: 2 });
    assert.ok(c.received.some((r) => r.method === 'ecaLens/inventoryChanged'));

    // Watchers registered dynamically, including .forceignore and ECA-family files.
    const w = c.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    const globs = (w?.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((x) => x.globPattern);
    assert.ok(globs.some((g) => g.includes('.forceignore') && g.includes('sfdx-project.json') && g.includes('package.xml')));
    assert.ok(globs.includes('**/*-meta.xml'));
    assert.ok(c.registrations.some((r) => r.method === 'workspace/didChangeConfiguration'));
  } finally {
    c.dispose();
    fx.cleanup();
  }
});

test('related information and tags: the excluding .forceignore line, an unnecessary line', async () => {
  const fx = twoApps({
    [F.forceignore]: '**/externalClientApps/Billing.eca-meta.xml\n**/extlClntAppOauthPolicies/**\n**/extlClntAppPolicies/**\n**/extlClntAppGlobalOauthSettings/**\n**/extlClntAppGlobalOauthSets/**\n',
  });
  const c = inProcess();
  try {
    await c.initialize([fx.root]);
    const excluded = c.diags(fx.abs(F.billing)).find((d) => d.code === 'packageable-excluded');
    assert.ok(excluded, JSON.stringify(c.diags(fx.abs(F.billing))));
    assert.deepEqual(excluded.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]), [[uriOf(fx.abs(F.forceignore)), 0]]);
    const unknownDir = c.diags(fx.abs(F.forceignore)).find((d) => d.code === 'forceignore-unknown-directory');
    assert.ok(unknownDir);
    assert.equal(unknownDir.range.start.line, 3);
    assert.deepEqual(unknownDir.tags, [DiagnosticTag.Unnecessary]);
  } finally {
    c.dispose();
    fx.cleanup();
  }
});

test('clients without related information or tags get neither', async () => {
  const fx = twoApps({ [F.forceignore]: '**/externalClientApps/Billing.eca-meta.xml\n**/extlClntAppOauthPolicies/**\n**/extlClntAppPolicies/**\n' });
  const c = inProcess();
  try {
    await c.initialize([fx.root], { capabilities: { textDocument: { publishDiagnostics: {} } } });
    const d = c.diags(fx.abs(F.billing)).find((x) => x.code === 'packageable-excluded')!;
    assert.equal(d.relatedInformation, undefined);
    assert.equal(d.codeDescription, undefined);
    assert.equal(d.code, 'packageable-excluded');
  } finally {
    c.dispose();
    fx.cleanup();
  }
});

test('didOpen/didChange check the unsaved text; didClose goes back to the disk; didSave changes nothing by itself', async () => {
  const fx = twoApps();
  const c = inProcess();
  const p = fx.abs(F.billing);
  try {
    await c.initialize([fx.root]);
    await c.open(p);
    const packaged = TEXT.billing.replace('<distributionState>Local</distributionState>', '<distributionState>Packaged</distributionState>');
    const next = c.nextDiagnostics(p);
    await c.change(p, packaged);
    // Packaged without orgScopedExternalApp: the Local finding goes, the missing one comes.
    assert.deepEqual((await next).map((d) => d.code), ['org-scoped-app-missing']);
    assert.equal(c.versions.get(uriOf(p)), 2);

    // An incremental edit: add the element; no findings left, an empty list is published.
    const at = posOf(packaged, '    <label>');
    const cleared = c.nextDiagnostics(p, (d) => d.length === 0);
    await c.edit(p, [{ range: { start: at, end: at }, newText: '    <orgScopedExternalApp>00D000000000001:Billing</orgScopedExternalApp>\n' }]);
    await cleared;

    // Closing without saving: the file on disk (Local) counts again.
    const back = c.nextDiagnostics(p);
    await c.close(p);
    assert.deepEqual((await back).map((d) => d.code), ['distribution-state-not-packaged']);

    // Open, change, save (written to disk), close: the saved text stays.
    await c.open(p);
    const again = c.nextDiagnostics(p);
    await c.change(p, packaged);
    await again;
    await c.save(p);
    await c.close(p);
    await c.settle();
    assert.deepEqual(c.codes(p), ['org-scoped-app-missing']);
    assert.equal(fs.readFileSync(p, 'utf8'), packaged);
  } finally {
    c.dispose();
    fx.cleanup();
  }
});

test('an edit to a header re-checks its app: the satellite that points at it changes too', async () => {
  const fx = twoApps();
  const c = inProcess();
  const h = fx.abs(F.billing);
  const oauth = fx.abs(F.billingOauth);
  try {
    await c.initialize([fx.root]);
    await c.open(h);
    // Packaged header → its OAuth settings now lack an oauthLink (information, on the other file).
    const next = c.nextDiagnostics(oauth);
    await c.change(h, TEXT.billing.replace('>Local<', '>Packaged<').replace('    <label>', '    <orgScopedExternalApp>00D000000000001:Billing</orgScopedExternalApp>\n    <label>'));
    const d = await next;
    assert.deepEqual(d.map((x) => x.code), ['oauth-link-missing']);
    assert.equal(d[0]!.severity, DiagnosticSeverity.Information);
    assert.deepEqual(d[0]!.relatedInformation?.map((r) => r.location.uri), [uriOf(h)]);
  } finally {
    c.dispose();
    fx.cleanup();
  }
});

test('watched files: a created file is indexed, a deleted one cleared, a .forceignore edit re-evaluates inclusion', async () => {
  const fx = twoApps();
  const c = inProcess();
  try {
    await c.initialize([fx.root]);
    // Created on disk: a second global settings file, in the build.
    const created = path.join(fx.root, 'force-app/main/default/extlClntAppGlobalOauthSets/Reports_glbloauth.ecaGlblOauth-meta.xml');
    fs.writeFileSync(created, globalSettings('    <externalClientApplication>Reports</externalClientApplication>\n    <label>x</label>\n'));
    const onCreated = c.nextDiagnostics(created);
    await c.watched([[created, 1]]);
    assert.deepEqual((await onCreated).map((d) => d.code), ['non-packageable-in-package', 'global-settings-in-source']);

    // .forceignore edited on disk: global settings now excluded → both files leave the build (and
    // stay in git: global-settings-in-source remains).
    fs.writeFileSync(fx.abs(F.forceignore), TEXT.forceignore + '**/extlClntAppGlobalOauthSets/**\n');
    const cleared = c.nextDiagnostics(created, (d) => d.length === 1 && d[0]!.code === 'global-settings-in-source');
    await c.watched([[fx.abs(F.forceignore), 2]]);
    await cleared;
    await c.settle();
    assert.deepEqual(c.codes(fx.abs(F.billingGlobal)), ['global-settings-in-source', 'secret-in-source']);

    // Deleted: its diagnostics go.
    const gone = c.nextDiagnostics(fx.abs(F.billingGlobal), (d) => d.length === 0);
    fs.rmSync(fx.abs(F.billingGlobal));
    await c.watched([[fx.abs(F.billingGlobal), 3]]);
    await gone;

    // A whole folder deleted (editors report the folder only).
    fs.rmSync(path.join(fx.root, 'force-app/main/default/externalClientApps'), { recursive: true });
    const headerGone = c.nextDiagnostics(fx.abs(F.billing), (d) => d.length === 0);
    await c.watched([[path.join(fx.root, 'force-app/main/default/externalClientApps'), 3]]);
    await headerGone;
    await c.settle();
    assert.deepEqual(c.codes(fx.abs(F.reports)), []);
    // The OAuth settings lost their app.
    assert.deepEqual(c.codes(fx.abs(F.billingOauth)), ['orphan-satellite']);
  } finally {
    c.dispose();
    fx.cleanup();
  }
});

test('an open .forceignore is checked from its unsaved text', async () => {
  const fx = twoApps();
  const c = inProcess();
  const fi = fx.abs(F.forceignore);
  try {
    await c.initialize([fx.root]);
    await c.open(fi, undefined, 'ignore');
    const reports = fx.abs(F.reportsPlugin);
    const inBuild = c.nextDiagnostics(reports);
    // Typing a wrong folder name: the plugin policies fall into the build.
    await c.change(fi, TEXT.forceignore.replace('**/extlClntAppPolicies/**', '**/extlClntAppPolicy/**'));
    assert.deepEqual((await inBuild).map((d) => d.code), ['non-packageable-in-package']);
    await c.settle();
    assert.deepEqual(c.codes(fi), ['forceignore-unknown-directory']);
    const out = c.nextDiagnostics(reports, (d) => d.length === 0);
    await c.change(fi, TEXT.forceignore);
    await out;
  } finally {
    c.dispose();
    fx.cleanup();
  }
});

test('sfdx-project.json: a package key added, a broken file, a project created in the folder later', async () => {
  const fx = twoApps({ [F.project]: PLAIN_PROJECT });
  const c = inProcess();
  try {
    await c.initialize([fx.root]);
    // Not packaged: nothing about packaging.
    assert.deepEqual(c.codes(fx.abs(F.billing)), []);
    const p = fx.abs(F.project);
    await c.open(p, undefined, 'json');
    const packaged = c.nextDiagnostics(fx.abs(F.billing));
    await c.change(p, JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true, package: 'Billing', versionNumber: '1.0.0.NEXT' }] }));
    assert.deepEqual((await packaged).map((d) => d.code), ['distribution-state-not-packaged']);
    const broken = c.nextDiagnostics(p);
    await c.change(p, '{ "packageDirectories": [ ');
    const d = await broken;
    assert.ok(d.length > 0 && d.every((x) => x.code === 'sfdx-project-invalid'), JSON.stringify(d));
    await c.settle();
    // No package directory left: the app's findings are gone.
    assert.deepEqual(c.codes(fx.abs(F.billing)), []);
  } finally {
    c.dispose();
    fx.cleanup();
  }

  // A folder that holds no project yet; the project appears later.
  const empty = fixture({});
  fs.rmSync(empty.abs('sfdx-project.json'));
  const c2 = inProcess();
  try {
    await c2.initialize([empty.root]);
    assert.equal(c2.status()?.projects, 0);
    fs.mkdirSync(empty.abs('force-app/main/default/externalClientApps'), { recursive: true });
    const h = empty.abs('force-app/main/default/externalClientApps/New.eca-meta.xml');
    fs.writeFileSync(h, TEXT.billing);
    fs.writeFileSync(empty.abs('sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true, package: 'P', versionNumber: '1.0.0.NEXT' }] }));
    const appeared = c2.nextDiagnostics(h);
    await c2.watched([[empty.abs('sfdx-project.json'), 1], [h, 1]]);
    assert.deepEqual((await appeared).map((d) => d.code), ['distribution-state-not-packaged']);
    // And goes away with its project file.
    const gone = c2.nextDiagnostics(h, (d) => d.length === 0);
    fs.rmSync(empty.abs('sfdx-project.json'));
    await c2.watched([[empty.abs('sfdx-project.json'), 3]]);
    await gone;
  } finally {
    c2.dispose();
    empty.cleanup();
  }
});

test('multi-root: several folders, several projects; a nested project owns its own files', async () => {
  const a = twoApps();
  const b = fixture({
    'force-app/main/default/externalClientApps/Outer.eca-meta.xml': TEXT.billing,
    'nested/sfdx-project.json': PLAIN_PROJECT,
    'nested/force-app/main/default/externalClientApps/Inner.eca-meta.xml': TEXT.billing,
  });
  const c = inProcess();
  try {
    await c.initialize([a.root, b.root]);
    assert.equal(c.status()?.projects, 3);
    assert.deepEqual(c.codes(a.abs(F.billing)), ['distribution-state-not-packaged']);
    assert.deepEqual(c.codes(b.abs('force-app/main/default/externalClientApps/Outer.eca-meta.xml')), ['distribution-state-not-packaged']);
    // The nested project is not packaged: its Local header is fine, and the outer project ignores it.
    assert.deepEqual(c.codes(b.abs('nested/force-app/main/default/externalClientApps/Inner.eca-meta.xml')), []);
    const inv = await c.request<{ projects: { name: string; apps: { name: string }[] }[] }>('ecaLens/inventory');
    assert.deepEqual(inv.projects.map((p) => [p.name, p.apps.map((x) => x.name)]).sort(), [
      [path.basename(a.root), ['Billing', 'Reports']],
      [path.basename(b.root), ['Outer']],
      ['nested', ['Inner']],
    ].sort());
    // Removing a folder clears its diagnostics.
    const gone = c.nextDiagnostics(a.abs(F.billing), (d) => d.length === 0);
    await c.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: uriOf(a.root), name: 'a' }] } });
    await gone;
    await c.settle();
    assert.equal(c.status()?.projects, 2);
  } finally {
    c.dispose();
    a.cleanup();
    b.cleanup();
  }
});

test('bad input is answered, never fatal: binary, 10 MB, vanished file, unknown URIs, malformed params', async () => {
  const big = 'x'.repeat(10 * 1024 * 1024);
  const fx = twoApps({
    [`${D}/externalClientApps/Bin.eca-meta.xml`]: new Uint8Array([0x3c, 0x00, 0x01, 0x02, 0xff]),
    [`${D}/externalClientApps/Big.eca-meta.xml`]: big,
  });
  const c = inProcess();
  try {
    await c.initialize([fx.root]);
    assert.deepEqual(c.codes(fx.abs(`${D}/externalClientApps/Bin.eca-meta.xml`)), ['file-unreadable']);
    assert.deepEqual(c.codes(fx.abs(`${D}/externalClientApps/Big.eca-meta.xml`)), ['file-unreadable']);

    // A 10 MB buffer opened in the editor.
    const p = fx.abs(F.billing);
    await c.open(p);
    const huge = c.nextDiagnostics(p);
    await c.change(p, big);
    assert.deepEqual((await huge).map((d) => d.code), ['file-unreadable']);
    await c.close(p);

    // A file deleted behind the server's back: requests answer empty, its diagnostics go.
    const g = fx.abs(F.billingGlobal);
    fs.rmSync(g);
    assert.deepEqual(await c.codeActions(g, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }), []);
    assert.equal(await c.hover(g, 1, 3), null);
    await c.settle();
    assert.deepEqual(c.codes(g), []);

    // Unknown documents and schemes, garbage parameters.
    assert.deepEqual(await c.codeActions('/nowhere/x.eca-meta.xml', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }), []);
    assert.equal(await c.request('textDocument/hover', { textDocument: { uri: 'untitled:Untitled-1' }, position: { line: 0, character: 0 } }), null);
    assert.equal(await c.request('textDocument/hover', { textDocument: { uri: uriOf(fx.abs(F.reports)) }, position: { line: 9999, character: -5 } }), null);
    assert.deepEqual(await c.request('textDocument/codeAction', { textDocument: { uri: uriOf(fx.abs(F.reports)) } }), []);
    assert.equal(await c.request('workspace/executeCommand', { command: 'ecaLens.server.applyFix', arguments: [{ uri: 42 }] }), false);
    assert.equal(await c.request('workspace/executeCommand', { command: 'no.such.command' }), null);
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: 'not a uri', type: 2 }] });
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(fx.abs(F.reports)), version: 9 }, contentChanges: [{ text: 'x' }] });
    // Still alive and answering.
    const inv = await c.request<{ projects: unknown[] }>('ecaLens/inventory');
    assert.equal(inv.projects.length, 1);
    const errors = c.received.filter((r) => r.method === 'window/logMessage' && (r.params as { type: number }).type === 1);
    assert.ok(errors.every((e) => String((e.params as { message: string }).message).includes('ECA Lens')));
  } finally {
    c.dispose();
    fx.cleanup();
  }
});

test('a client that opens a single file with no workspace folder gets the project above it', async () => {
  const fx = twoApps();
  const c = inProcess();
  try {
    await c.conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: RICH_CAPS });
    await c.conn.sendNotification('initialized', {});
    await c.ready();
    assert.equal(c.status()?.projects, 0);
    const p = fx.abs(F.billing);
    const d = c.nextDiagnostics(p);
    await c.open(p);
    assert.deepEqual((await d).map((x) => x.code), ['distribution-state-not-packaged']);
    await c.settle();
    // Every file of that project is checked, not only the open one.
    assert.deepEqual(c.codes(fx.abs(F.reports)), ['org-scoped-app-missing']);
    assert.equal((c.status() as StatusParams).projects, 1);
  } finally {
    c.dispose();
    fx.cleanup();
  }
});

test('shutdown is answered', async () => {
  const fx = twoApps();
  const c = inProcess();
  try {
    await c.initialize([fx.root]);
    assert.equal(await c.conn.sendRequest('shutdown'), null);
  } finally {
    c.dispose();
    fx.cleanup();
  }
});

