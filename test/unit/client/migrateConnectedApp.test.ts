import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ignoreAppend, migrateConnectedApp, planWrite, previewMarkdown, type MigrateDeps, type MigrationWrite } from '../../../client/src/commands/migrateConnectedApp';
import type { MigrationPreviewResult } from '../../../server/src/shared/protocol';
import { FakeUi } from './fixtures';

const U = 'file:///p/force-app/main/default';
const CA = `${U}/connectedApps/Legacy.connectedApp-meta.xml`;
const file = (kind: string, rel: string, exists = false) => ({ uri: `${U}/${rel}`, path: `force-app/main/default/${rel}`, kind, text: `<${kind}/>\n`, exists });

function preview(over: Partial<MigrationPreviewResult> = {}): MigrationPreviewResult {
  return {
    name: 'Legacy',
    convertible: true,
    files: [
      file('header', 'externalClientApps/Legacy.eca-meta.xml'),
      file('oauthSettings', 'extlClntAppOauthSettings/Legacy_oauth.ecaOauth-meta.xml'),
      file('globalOauth', 'extlClntAppGlobalOauthSets/Legacy_glbloauth.ecaGlblOauth-meta.xml'),
      file('oauthPolicies', 'extlClntAppOauthPolicies/Legacy_oauthPlcy.ecaOauthPlcy-meta.xml'),
    ],
    mapped: [{ from: 'oauthConfig/scopes', file: 'Legacy_oauth.ecaOauth-meta.xml', to: 'commaSeparatedOauthScopes' }],
    unmapped: [{ from: 'oauthConfig/consumerKey', why: 'never written to source' }],
    blockers: [],
    notes: ['check the permission set names'],
    ignoreEdits: [{ uri: 'file:///p/.gitignore', path: '.gitignore', created: false, added: ['/force-app/x.ecaGlblOauth-meta.xml'], text: 'node_modules/\n/force-app/x.ecaGlblOauth-meta.xml\n' }],
    ...over,
  };
}

function deps(r: MigrationPreviewResult | undefined, disk: Record<string, string> = { 'file:///p/.gitignore': 'node_modules/\n' }) {
  const ui = new FakeUi();
  const log: { previews: string[]; applied: MigrationWrite[]; opened: string[] } = { previews: [], applied: [], opened: [] };
  const d: MigrateDeps = {
    ui,
    preview: async () => r,
    showPreview: async (md) => void log.previews.push(md),
    exists: async (u) => u in disk,
    read: async (u) => disk[u],
    apply: async (w) => (log.applied.push(w), true),
    open: async (u) => void log.opened.push(u),
  };
  return { ui, d, log };
}

test('migrate command: preview first, then "Write 4 files"; one edit creates the files and appends the .gitignore line; opens the header', async () => {
  const { ui, d, log } = deps(preview());
  ui.infoAnswer = 'Write 4 files';
  assert.equal(await migrateConnectedApp(d, CA), 'written');
  assert.equal(log.previews.length, 1);
  const md = log.previews[0]!;
  assert.match(md, /^# Legacy: Connected App → External Client App/);
  assert.match(md, /\*\*4 files will be written\*\*/);
  assert.match(md, /\| `oauthConfig\/scopes` \| `Legacy_oauth.ecaOauth-meta.xml` \| `commaSeparatedOauthScopes` \|/);
  assert.match(md, /`oauthConfig\/consumerKey`: never written to source/);
  assert.match(md, /```xml\n<header\/>\n```/);
  assert.match(md, /2027-02-20/);
  assert.match(ui.messages[0]!.text, /Create External Client App Legacy: 4 files/);
  assert.equal(log.applied.length, 1);
  assert.deepEqual(log.applied[0]!.creates.map((c) => c.uri), preview().files.map((f) => f.uri));
  assert.deepEqual(log.applied[0]!.appends, [{ uri: 'file:///p/.gitignore', text: '/force-app/x.ecaGlblOauth-meta.xml\n' }]);
  assert.deepEqual(log.opened, [preview().files[0]!.uri]);
});

test('migrate command: cancelled confirmation writes nothing', async () => {
  const { d, log } = deps(preview());
  assert.equal(await migrateConnectedApp(d, CA), 'cancelled');
  assert.equal(log.applied.length, 0);
});

test('migrate command: blockers shown in the preview and a warning; nothing asked, nothing written', async () => {
  const { ui, d, log } = deps(preview({ convertible: false, blockers: [{ element: 'canvasConfig', label: 'Canvas', why: 'Canvas apps can\'t be migrated' }] }));
  assert.equal(await migrateConnectedApp(d, CA), 'blocked');
  assert.match(log.previews[0]!, /Can't be converted yet[\s\S]*\*\*Canvas\*\* \(`canvasConfig`\)/);
  assert.deepEqual(ui.messages.map((m) => m.level), ['warn']);
  assert.equal(log.applied.length, 0);
});

test('migrate command: files that exist are never written, also when they appear after the preview', async () => {
  const some = preview({ files: preview().files.map((f, i) => ({ ...f, exists: i === 0 })) });
  const { ui, d, log } = deps(some, { [some.files[1]!.uri]: 'mine', 'file:///p/.gitignore': 'node_modules/\n' });
  ui.infoAnswer = 'Write 3 files';
  assert.equal(await migrateConnectedApp(d, CA), 'written');
  assert.deepEqual(log.applied[0]!.creates.map((c) => c.uri), [some.files[2]!.uri, some.files[3]!.uri]);
  assert.deepEqual(log.opened, [some.files[2]!.uri], 'no header written: the first file written is opened');
  const all = deps(preview({ files: preview().files.map((f) => ({ ...f, exists: true })) }));
  assert.equal(await migrateConnectedApp(all.d, CA), 'nothing-to-write');
  assert.match(all.log.previews[0]!, /Nothing to write/);
});

test('migrate command: not a Connected App, server down, server problem: an error, nothing shown', async () => {
  assert.equal(await migrateConnectedApp(deps(preview()).d, `${U}/externalClientApps/X.eca-meta.xml`), 'failed');
  assert.equal(await migrateConnectedApp(deps(undefined).d, CA), 'failed');
  const p = deps(preview({ problem: 'it can\'t be read as a Connected App' }));
  assert.equal(await migrateConnectedApp(p.d, CA), 'failed');
  assert.equal(p.log.previews.length, 0);
});

test('ignore files: the planned rest when unchanged; only the missing lines when edited since; created when absent', async () => {
  const e = { uri: 'u', path: '.gitignore', created: false, added: ['/a'], text: 'x\n/a\n' };
  assert.equal(ignoreAppend('x\n', e), '/a\n');
  assert.equal(ignoreAppend('y', e), '\n/a\n');
  assert.equal(ignoreAppend('y\r\n/a\r\n', e), '');
  const w = await planWrite(preview({ ignoreEdits: [{ ...e, uri: 'file:///p/.forceignore', created: true, text: '/a\n' }] }), { exists: async () => false, read: async () => undefined });
  assert.deepEqual(w.creates.at(-1), { uri: 'file:///p/.forceignore', text: '/a\n' });
  assert.equal(previewMarkdown(preview()).includes('`.gitignore`: adds `/force-app/x.ecaGlblOauth-meta.xml`'), true);
});
