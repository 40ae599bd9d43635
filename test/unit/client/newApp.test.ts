import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  chooseBaseFolder,
  forceIgnoreAddition,
  FORCEIGNORE_COMMENT,
  governingForceIgnore,
  headerXml,
  newApp,
  oauthSettingsXml,
  standardForceIgnoreLines,
  validateAppName,
  validateEmail,
  type NewAppDeps,
} from '../../../client/src/commands/newApp';
import { ECA_TYPES } from '../../../server/src/shared/ecaTypes';
import type { InventoryResult } from '../../../server/src/shared/protocol';
import { fixture, PACKAGED_PROJECT, PLAIN_PROJECT } from '../../helpers/fixture';
import { acmeInventory, FakeUi, ROOT } from './fixtures';

test('new app: API names follow Salesforce rules and must be new in the project', () => {
  assert.equal(validateAppName('Billing_Connector'), undefined);
  assert.match(validateAppName('')!, /Enter/);
  assert.match(validateAppName('1Billing')!, /start with a letter/);
  assert.match(validateAppName('Billing-App')!, /letters, digits and underscores/);
  assert.match(validateAppName('Billing__c')!, /Two underscores/);
  assert.match(validateAppName('Billing_')!, /end with an underscore/);
  assert.match(validateAppName('acmebilling', ['AcmeBilling'])!, /already has/);
  assert.equal(validateEmail('ops@acme.example'), undefined);
  assert.ok(validateEmail('ops@acme'));
  assert.ok(validateEmail('<ops>@acme.example'));
});

test('new app: the header and OAuth settings pass every ECA Lens rule in a packaged project (with a Dev Hub id)', () => {
  const input = { name: 'Acme_Sync', label: 'Acme & Sync', contactEmail: 'ops@acme.example', distributionState: 'Packaged' as const, devHubOrgId: '00D5g000004XyZa' };
  const h = headerXml(input);
  assert.match(h, /<label>Acme &amp; Sync<\/label>/);
  assert.match(h, /<orgScopedExternalApp>00D5g000004XyZa:Acme_Sync<\/orgScopedExternalApp>/);
  const fx = fixture({
    'force-app/main/default/externalClientApps/Acme_Sync.eca-meta.xml': h,
    'force-app/main/default/extlClntAppOauthSettings/Acme_Sync_oauth.ecaOauth-meta.xml': oauthSettingsXml(input),
    '.forceignore': forceIgnoreAddition(undefined)!,
  });
  try {
    const all = [...fx.check().values()].flat();
    // oauthLink comes from a retrieve from the Dev Hub: the only note left is that information.
    assert.deepEqual(all.map((f) => f.ruleId), ['oauth-link-missing']);
    assert.equal(all[0]!.severity, 'information');
  } finally {
    fx.cleanup();
  }
});

test('new app: a Local app in a plain project raises nothing at all', () => {
  const input = { name: 'Acme_Sync', label: 'Acme Sync', contactEmail: 'ops@acme.example', distributionState: 'Local' as const };
  assert.doesNotMatch(headerXml(input), /orgScopedExternalApp/);
  const fx = fixture({
    'sfdx-project.json': PLAIN_PROJECT,
    'force-app/main/default/externalClientApps/Acme_Sync.eca-meta.xml': headerXml(input),
    'force-app/main/default/extlClntAppOauthSettings/Acme_Sync_oauth.ecaOauth-meta.xml': oauthSettingsXml(input),
  });
  try {
    assert.deepEqual([...fx.check().values()].flat().map((f) => f.ruleId), []);
  } finally {
    fx.cleanup();
  }
});

test('new app: the standard .forceignore lines keep every non-packageable type out, and only those', () => {
  const lines = standardForceIgnoreLines();
  const fx = fixture({
    'sfdx-project.json': PACKAGED_PROJECT,
    '.forceignore': forceIgnoreAddition(undefined)!,
    ...Object.fromEntries(ECA_TYPES.filter((t) => t.satellite).map((t) => [`force-app/main/default/${t.directory}/A_x.${t.suffix}-meta.xml`, `<?xml version="1.0"?>\n<${t.name} xmlns="http://soap.sforce.com/2006/04/metadata"><externalClientApplication>A</externalClientApplication></${t.name}>\n`])),
    'force-app/main/default/externalClientApps/A.eca-meta.xml': headerXml({ name: 'A', label: 'A', contactEmail: 'a@b.co', distributionState: 'Packaged', devHubOrgId: '00D5g000004XyZa' }),
  });
  try {
    for (const f of fx.project.files()) {
      const t = f.type!;
      assert.equal(f.included, t.packageable !== 'no', `${t.name} included=${f.included}`);
    }
    assert.equal(lines.length, ECA_TYPES.filter((t) => t.packageable === 'no').length);
  } finally {
    fx.cleanup();
  }
});

test('new app: .forceignore additions only add what is missing, keep the line ending, end with a newline', () => {
  const all = standardForceIgnoreLines();
  assert.equal(forceIgnoreAddition(all.join('\n')), undefined);
  assert.equal(forceIgnoreAddition(all.map((l) => l.toUpperCase() + '  ').join('\n')), undefined, 'case-insensitive, as SDR matches');
  const add = forceIgnoreAddition('package.xml\n**/extlClntAppGlobalOauthSets/**\n')!;
  assert.ok(add.startsWith(`\n${FORCEIGNORE_COMMENT}\n`));
  assert.ok(!add.includes('**/extlClntAppGlobalOauthSets/**'));
  assert.ok(add.includes('**/extlClntAppOauthPolicies/**\n'));
  assert.ok(forceIgnoreAddition('package.xml')!.startsWith(`\n\n${FORCEIGNORE_COMMENT}`), 'a file without a final newline gets one');
  const crlf = forceIgnoreAddition('package.xml\r\n')!;
  assert.ok(crlf.startsWith(`\r\n${FORCEIGNORE_COMMENT}\r\n`));
  assert.ok(!/[^\r]\n/.test(crlf));
  assert.equal(forceIgnoreAddition(undefined)!.split('\n')[0], FORCEIGNORE_COMMENT);
});

test('new app: files go where the project keeps its ECA files, else <dir>/main/default', async () => {
  const p = acmeInventory().projects[0]!;
  assert.equal(await chooseBaseFolder(p, 'force-app', async () => false), 'force-app/main/default');
  const moved = acmeInventory().projects[0]!;
  for (const a of moved.apps) for (const f of a.files) f.path = f.path.replace('force-app/main/default/', 'force-app/eca/');
  assert.equal(await chooseBaseFolder(moved, 'force-app', async () => false), 'force-app/eca');
  assert.equal(await chooseBaseFolder(p, 'other-app', async () => true), 'other-app/main/default');
  // The governing .forceignore: first one upward from the package directory (SDR), else the root's.
  assert.deepEqual(await governingForceIgnore('pkgs/billing', async (r) => r === 'pkgs/.forceignore' || r === '.forceignore'), { path: 'pkgs/.forceignore', exists: true });
  assert.deepEqual(await governingForceIgnore('force-app', async () => false), { path: '.forceignore', exists: false });
});

function fakeDeps(inv: InventoryResult, files: Record<string, string>, ui = new FakeUi(), devHub?: string) {
  const created: Record<string, string> = {};
  const appended: Record<string, string> = {};
  const opened: string[] = [];
  const deps: NewAppDeps = {
    ui,
    inventory: async () => inv,
    devHubOrgId: async () => devHub,
    exists: async (_p, rel) => rel in files || rel in created,
    read: async (_p, rel) => files[rel],
    create: async (_p, rel, text) => void (created[rel] = text),
    append: async (_p, rel, text) => void (appended[rel] = text),
    open: async (_p, rel) => void opened.push(rel),
  };
  return { deps, created, appended, opened, ui };
}

test('new app flow: asks name, label, email; writes header and OAuth settings; adds the .forceignore lines', async () => {
  const ui = new FakeUi();
  ui.inputs = ['Acme_Sync', 'Acme Sync', 'ops@acme.example'];
  const { deps, created, appended, opened } = fakeDeps(acmeInventory(), { '.forceignore': 'package.xml\n**/extlClntAppOauthPolicies/**\n' }, ui, '00D5g000004XyZa');
  const plan = await newApp(deps);
  assert.ok(plan);
  assert.deepEqual(Object.keys(created), [
    'force-app/main/default/externalClientApps/Acme_Sync.eca-meta.xml',
    'force-app/main/default/extlClntAppOauthSettings/Acme_Sync_oauth.ecaOauth-meta.xml',
  ]);
  assert.match(created['force-app/main/default/externalClientApps/Acme_Sync.eca-meta.xml']!, /<distributionState>Packaged<\/distributionState>[\s\S]*<orgScopedExternalApp>00D5g000004XyZa:Acme_Sync</);
  assert.match(created['force-app/main/default/extlClntAppOauthSettings/Acme_Sync_oauth.ecaOauth-meta.xml']!, /<externalClientApplication>Acme_Sync<\/externalClientApplication>/);
  assert.ok(appended['.forceignore']!.includes('**/extlClntAppGlobalOauthSets/**'));
  assert.ok(!appended['.forceignore']!.includes('**/extlClntAppOauthPolicies/**'));
  assert.deepEqual(opened, ['force-app/main/default/externalClientApps/Acme_Sync.eca-meta.xml']);
  assert.equal(ui.prompts[1]!.value, 'Acme Sync', 'the label defaults from the name');
  assert.match(ui.messages.at(-1)!.text, /Created External Client App Acme_Sync; added the standard lines to \.forceignore/);
  // The name validation in the flow knows the project's apps.
  assert.match(ui.prompts[0]!.validate!('AcmeBilling')!, /already has/);
});

test('new app flow: no .forceignore → one is created; a plain directory gets a Local app and no .forceignore', async () => {
  const ui = new FakeUi();
  ui.inputs = ['Acme_Sync', 'Acme Sync', 'ops@acme.example'];
  const r = fakeDeps(acmeInventory(), {}, ui);
  await newApp(r.deps);
  assert.ok(r.created['.forceignore']!.startsWith(FORCEIGNORE_COMMENT));
  assert.match(ui.messages.at(-1)!.text, /Insert Dev Hub org id/);

  const plain = acmeInventory();
  plain.projects[0]!.packageDirectories = [{ path: 'force-app', package: null, default: true }];
  const ui2 = new FakeUi();
  ui2.inputs = ['Acme_Sync', 'Acme Sync', 'ops@acme.example'];
  const r2 = fakeDeps(plain, {}, ui2);
  await newApp(r2.deps);
  assert.equal(Object.keys(r2.created).length, 2);
  assert.match(Object.values(r2.created)[0]!, /<distributionState>Local</);
});

test('new app flow: cancelling writes nothing; an existing file stops it; several package directories ask which', async () => {
  const ui = new FakeUi();
  ui.inputs = ['Acme_Sync', undefined];
  const r = fakeDeps(acmeInventory(), {}, ui);
  assert.equal(await newApp(r.deps), undefined);
  assert.deepEqual(r.created, {});

  const ui2 = new FakeUi();
  ui2.inputs = ['Acme_Sync', 'Acme Sync', 'ops@acme.example'];
  const r2 = fakeDeps(acmeInventory(), { 'force-app/main/default/extlClntAppOauthSettings/Acme_Sync_oauth.ecaOauth-meta.xml': 'x' }, ui2);
  assert.equal(await newApp(r2.deps), undefined);
  assert.deepEqual(r2.created, {});
  assert.match(ui2.messages[0]!.text, /already exists/);

  const two = acmeInventory();
  two.projects[0]!.packageDirectories.push({ path: 'extras', package: null, default: false });
  const ui3 = new FakeUi();
  ui3.pickLabels = ['extras'];
  ui3.inputs = ['Extra_App', 'Extra App', 'ops@acme.example'];
  const r3 = fakeDeps(two, {}, ui3);
  await newApp(r3.deps);
  assert.deepEqual(ui3.picks[0], ['force-app', 'extras'], 'the default directory first');
  assert.deepEqual(Object.keys(r3.created), ['extras/main/default/externalClientApps/Extra_App.eca-meta.xml', 'extras/main/default/extlClntAppOauthSettings/Extra_App_oauth.ecaOauth-meta.xml']);
  // A preset directory (the tree row's inline action) skips the question.
  const ui4 = new FakeUi();
  ui4.inputs = ['Extra_App', 'Extra App', 'ops@acme.example'];
  const r4 = fakeDeps(two, {}, ui4);
  await newApp(r4.deps, { projectUri: ROOT, packageDirectory: 'extras' });
  assert.deepEqual(ui4.picks, []);
});
