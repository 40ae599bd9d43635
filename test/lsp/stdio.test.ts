/**
 * The bundled server (server/out/server.js, built by scripts/build.mjs) spawned over stdio, driven
 * with vscode-languageserver-protocol's connection as the client, on a copy of the example
 * project. This also catches bundling mistakes the in-process tests can't see.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { findUp, forkedIpc, spawned, uriOf } from './client';
import { HOME } from './projects';
import type { ChecklistResult, InventoryResult } from '../../server/src/shared/protocol';

const EXAMPLE = findUp('examples/acme-billing');
const D = 'force-app/main/default';
const P = {
  billing: `${D}/externalClientApps/AcmeBilling.eca-meta.xml`,
  reports: `${D}/externalClientApps/AcmeReports.eca-meta.xml`,
  global: `${D}/extlClntAppGlobalOauthSets/AcmeBilling_glbloauth.ecaGlblOauth-meta.xml`,
  plugin: `${D}/extlClntAppPolicies/AcmeReports_plcy.ecaPlcy-meta.xml`,
  forceignore: '.forceignore',
};


function copyExample(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eca-lens-stdio-'));
  fs.cpSync(EXAMPLE, dir, { recursive: true });
  return dir;
}

test('stdio: the bundled server end to end on the example project', async () => {
  assert.ok(HOME);
  const root = copyExample();
  const abs = (rel: string) => path.join(root, rel);
  const c = spawned();
  const exited = new Promise<number | null>((r) => c.proc!.once('exit', (code) => r(code)));
  try {
    const init = await c.initialize([root]);
    assert.equal(init.serverInfo?.name, 'ECA Lens');
    // Every planted hazard, in files nobody opened (examples/acme-billing/README.md).
    assert.deepEqual(c.codes(abs(P.forceignore)), ['forceignore-unknown-directory']);
    assert.deepEqual(c.codes(abs(P.billing)), ['distribution-state-not-packaged']);
    assert.deepEqual(c.codes(abs(P.global)), ['global-settings-in-source', 'non-packageable-in-package', 'secret-in-source']);
    assert.deepEqual(c.codes(abs(P.reports)), ['org-scoped-app-missing']);
    assert.deepEqual(c.codes(abs(P.plugin)), ['non-packageable-in-package']);
    assert.equal(c.diags(abs(P.forceignore))[0]!.range.start.line, 7);

    // didChange: the unsaved header is checked.
    const billingText = fs.readFileSync(abs(P.billing), 'utf8');
    await c.open(abs(P.billing));
    const changed = c.nextDiagnostics(abs(P.billing));
    await c.change(abs(P.billing), billingText.replace('>Local<', '>Packaged<'));
    assert.deepEqual((await changed).map((d) => d.code), ['org-scoped-app-missing']);
    await c.close(abs(P.billing));
    await c.settle();
    assert.deepEqual(c.codes(abs(P.billing)), ['distribution-state-not-packaged']);

    // The quick fix of the .forceignore typo, applied by the client, fixes the global settings too.
    const fiText = fs.readFileSync(abs(P.forceignore), 'utf8');
    const typo = c.diags(abs(P.forceignore))[0]!;
    const actions = (await c.codeActions(abs(P.forceignore), typo.range, undefined, [typo])) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred)!;
    assert.equal(fix.title, 'Change "extlClntAppGlobalOauthSettings" to "extlClntAppGlobalOauthSets"');
    const cleared = c.nextDiagnostics(abs(P.global), (d) => !d.some((x) => x.code === 'non-packageable-in-package'));
    c.applyEdit(fix.edit!);
    assert.equal(fs.readFileSync(abs(P.forceignore), 'utf8'), fiText.replace('**/extlClntAppGlobalOauthSettings/**', '**/extlClntAppGlobalOauthSets/**'));
    await cleared;
    await c.settle();
    assert.deepEqual(c.codes(abs(P.forceignore)), []);

    // Settings: the Dev Hub org id makes the last fixes applicable; fix-all over the workspace.
    c.settings['*'] = { devHubOrgId: '00D5g000004XyZaEAK' };
    const known = c.nextDiagnostics(abs(P.reports), (d) => d.length === 1 && !JSON.stringify(d[0]!.message).includes('not found offline'));
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await known;
    const r = await c.request<{ applied: number; skipped: number }>('workspace/executeCommand', { command: 'ecaLens.server.fixAll' });
    // Three safe fixes; removing the committed consumer key is a suggestion, left to the user.
    assert.ok(r.applied >= 3 && r.skipped >= 1, JSON.stringify(r));
    await c.settle();
    // A second round picks up what the first revealed (Packaged → orgScopedExternalApp).
    await c.request('workspace/executeCommand', { command: 'ecaLens.server.fixAll' });
    await c.settle();
    const left = [...c.diagnostics].filter(([, d]) => d.length).map(([u, d]) => [path.relative(root, new URL(u).pathname), d.map((x) => x.code)]);
    // The .gitignore fix took the global settings (and their consumer key) out of git.
    assert.deepEqual(left, []);
    assert.match(fs.readFileSync(abs(P.reports), 'utf8'), /<orgScopedExternalApp>00D5g000004XyZa:AcmeReports<\/orgScopedExternalApp>/);

    // The custom requests.
    const inv = await c.request<InventoryResult>('ecaLens/inventory');
    assert.deepEqual(inv.projects[0]!.apps.map((a) => [a.name, a.distributionState]), [['AcmeBilling', 'Packaged'], ['AcmeReports', 'Packaged']]);
    const cl = await c.request<ChecklistResult>('ecaLens/checklist');
    assert.deepEqual(cl.apps.map((a) => [a.app, a.items.filter((i) => i.status === 'fail').map((i) => i.id)]), [['AcmeBilling', []], ['AcmeReports', []]]);

    // Shutdown and exit: the process ends with 0.
    assert.equal(await c.conn.sendRequest('shutdown'), null);
    await c.conn.sendNotification('exit');
    assert.equal(await exited, 0);
  } finally {
    c.dispose();
    c.proc!.kill();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('stdio: a watched .forceignore edit on disk and a created file', async () => {
  const root = copyExample();
  const abs = (rel: string) => path.join(root, rel);
  const c = spawned();
  try {
    await c.initialize([root]);
    fs.appendFileSync(abs(P.forceignore), '**/extlClntAppPolicies/**\n');
    const out = c.nextDiagnostics(abs(P.plugin), (d) => d.length === 0);
    await c.watched([[abs(P.forceignore), 2]]);
    await out;
    const created = abs(`${D}/extlClntAppGlobalOauthSets/AcmeReports_glbloauth.ecaGlblOauth-meta.xml`);
    fs.writeFileSync(created, fs.readFileSync(abs(P.global), 'utf8').replace(/AcmeBilling/g, 'AcmeReports'));
    const got = c.nextDiagnostics(created);
    await c.watched([[created, 1]]);
    assert.deepEqual((await got).map((d) => d.code), ['non-packageable-in-package', 'global-settings-in-source', 'secret-in-source']);
    assert.equal(c.diags(created)[0]!.source, 'ECA Lens');
    assert.equal(c.versions.get(uriOf(created)), undefined);
    await c.shutdown();
  } finally {
    c.dispose();
    c.proc!.kill();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('node-ipc: the bundled server also runs over Node IPC', async () => {
  const root = copyExample();
  const c = forkedIpc();
  const exited = new Promise<number | null>((r) => c.proc!.once('exit', (code) => r(code)));
  try {
    await c.initialize([root]);
    assert.deepEqual(c.codes(path.join(root, P.reports)), ['org-scoped-app-missing']);
    assert.equal(await c.conn.sendRequest('shutdown'), null);
    await c.conn.sendNotification('exit');
    assert.equal(await exited, 0);
  } finally {
    c.dispose();
    c.proc!.kill();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
