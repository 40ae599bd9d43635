/**
 * `eca-lens guide` through the bundled CLI, the pure renderer, and the Reinstall Beta helper.
 */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixture, header, oauthSettings, globalSettings, oauthPolicies, PLAIN_PROJECT } from '../helpers/fixture';
import { renderGuide, type GuideApp } from '../../server/src/views/guide';
import { packageVersions, reinstallBetaPlan, REINSTALL_WARNING } from '../../server/src/shared/reinstallBeta';

const CLI = path.resolve('server/out/cli.js');
const HOME = fs.mkdtempSync(path.join(os.tmpdir(), 'eca-lens-home-'));
const ENV = { ...process.env, NO_COLOR: '1', HOME, SF_TARGET_DEV_HUB: '', SFDX_DEFAULTDEVHUBUSERNAME: '' };
const cleanups: (() => void)[] = [() => fs.rmSync(HOME, { recursive: true, force: true })];
after(() => cleanups.forEach((c) => c()));

function cli(args: string[], cwd = process.cwd()) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: ENV });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const D = 'force-app/main/default';
const SECRET_KEY = '3MVG9SECRETKEYVALUE0000000000000';
const SECRET = 'F00DF00DSECRETSECRETSECRET';

function project() {
  const f = fixture({
    [`${D}/externalClientApps/Sync.eca-meta.xml`]: header('    <contactEmail>isv@example.com</contactEmail>\n    <distributionState>Packaged</distributionState>\n    <label>Sync Service</label>\n    <orgScopedExternalApp>00D5g000004abcd:Sync</orgScopedExternalApp>\n'),
    [`${D}/extlClntAppOauthSettings/Sync_oauth.ecaOauth-meta.xml`]: oauthSettings(
      '    <commaSeparatedOauthScopes>Api, RefreshToken</commaSeparatedOauthScopes>\n    <externalClientApplication>Sync</externalClientApplication>\n    <label>Sync</label>\n' +
        '    <trustedIpRanges>\n        <description>Sync cloud</description>\n        <endIpAddress>203.0.113.255</endIpAddress>\n        <startIpAddress>203.0.113.0</startIpAddress>\n    </trustedIpRanges>\n',
    ),
    [`${D}/extlClntAppGlobalOauthSets/Sync_glbloauth.ecaGlblOauth-meta.xml`]: globalSettings(
      `    <consumerKey>${SECRET_KEY}</consumerKey>\n    <consumerSecret>${SECRET}</consumerSecret>\n    <externalClientApplication>Sync</externalClientApplication>\n    <isClientCredentialsFlowEnabled>true</isClientCredentialsFlowEnabled>\n`,
    ),
    [`${D}/externalClientApps/Portal.eca-meta.xml`]: header('    <distributionState>Packaged</distributionState>\n    <label>Portal</label>\n    <orgScopedExternalApp>00D5g000004abcd:Portal</orgScopedExternalApp>\n'),
    [`${D}/extlClntAppOauthSettings/Portal_oauth.ecaOauth-meta.xml`]: oauthSettings('    <commaSeparatedOauthScopes>OpenID, Web</commaSeparatedOauthScopes>\n    <externalClientApplication>Portal</externalClientApplication>\n    <label>Portal</label>\n'),
    [`${D}/extlClntAppOauthPolicies/Portal_oauthPlcy.ecaOauthPlcy-meta.xml`]: oauthPolicies('    <commaSeparatedPermissionSet>Portal_Users</commaSeparatedPermissionSet>\n    <externalClientApplication>Portal</externalClientApplication>\n    <permittedUsersPolicyType>AdminApprovedPreAuthorized</permittedUsersPolicyType>\n'),
    [`${D}/permissionsets/Sync_Integration.permissionset-meta.xml`]: '<?xml version="1.0" encoding="UTF-8"?>\n<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata"><label>Sync Integration</label></PermissionSet>\n',
    '.forceignore': '**/extlClntAppGlobalOauthSets/**\n**/extlClntAppOauthPolicies/**\n',
  });
  cleanups.push(() => f.cleanup());
  return f;
}

test('guide: one section per packaged app, flows, Run As user, permission sets, scopes, IP ranges, no secret', () => {
  const f = project();
  const r = cli(['guide', f.root]);
  assert.equal(r.code, 0, r.stderr);
  const md = r.stdout;
  assert.match(md, /^# Post-install guide/);
  assert.deepEqual([...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]), ['Portal', 'Sync Service (Sync)']);
  const [portal, sync] = md.split(/^## /m).slice(1) as [string, string];
  assert.match(sync, /Client credentials flow/);
  assert.match(sync, /Salesforce Integration/);
  assert.match(sync, /Minimum Access - API Only Integrations/);
  assert.match(sync, /`bill__Sync_Integration`/);
  assert.match(sync, /`Api`, `RefreshToken`/);
  assert.match(sync, /203\.0\.113\.0 – 203\.0\.113\.255 \(Sync cloud\)/);
  assert.match(sync, /Admin approved users are pre-authorized/);
  assert.match(sync, /does not contain the consumer key or secret/);
  assert.match(portal, /Nothing to enable: the app uses interactive flows/);
  assert.match(portal, /`Portal_Users`/);
  assert.ok(!portal.includes('Run As (integration) user'));
  assert.ok(!md.includes(SECRET_KEY) && !md.includes(SECRET), 'never a secret value');
});

test('guide --app filters, --out writes the file; errors exit 2', () => {
  const f = project();
  const out = path.join(f.root, 'docs', 'INSTALL.md');
  const r = cli(['guide', f.root, '--app', 'Sync', '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  const md = fs.readFileSync(out, 'utf8');
  assert.deepEqual([...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]), ['Sync Service (Sync)']);
  assert.equal(cli(['guide', f.root, '--app', 'Nope']).code, 2);
  assert.equal(cli(['guide', f.root, '--bogus']).code, 2);
  const plain = fixture({ 'sfdx-project.json': PLAIN_PROJECT, [`${D}/externalClientApps/A.eca-meta.xml`]: header('    <distributionState>Local</distributionState>\n') });
  cleanups.push(() => plain.cleanup());
  const n = cli(['guide', plain.root]);
  assert.equal(n.code, 2);
  assert.match(n.stderr, /no External Client App ships in a package/);
});

test('renderGuide: JWT when a certificate is present; Full scope warned', () => {
  const app: GuideApp = { name: 'J', package: 'P', packageDirectory: 'force-app', namespace: '', oauth: { scopes: ['Full'], trustedIpRanges: [] }, clientCredentials: false, jwt: true, policyPermissionSets: [], packagePermissionSets: [] };
  const md = renderGuide([app]);
  assert.match(md, /JWT bearer flow/);
  assert.match(md, /Run As \(integration\) user/);
  assert.match(md, /`Full` grants full access/);
  assert.match(md, /sets no trusted IP ranges/);
});

test('reinstallBeta: the two newest 04t versions by version number, and the commands', () => {
  const aliases = {
    Billing: '0Ho000000000001AAA',
    'Billing@1.2.0-1': '04t000000000001AAA',
    'Billing@1.10.0-1': '04t000000000003AAA',
    'Billing@1.2.0-10': '04t000000000002AAA',
    'Billing@1.9.0-2': '04t000000000004AAA',
    'BillingExtras@9.0.0-1': '04t000000000009AAA',
  };
  assert.deepEqual(packageVersions(aliases, 'Billing').map((v) => v.alias), ['Billing@1.10.0-1', 'Billing@1.9.0-2', 'Billing@1.2.0-10', 'Billing@1.2.0-1']);
  const plan = reinstallBetaPlan(aliases, 'Billing', 'my-scratch')!;
  assert.equal(plan.old.id, '04t000000000004AAA');
  assert.equal(plan.new.id, '04t000000000003AAA');
  assert.deepEqual(plan.commands, ['sf package uninstall -p 04t000000000004AAA -o my-scratch --wait 15', 'sf package install -p 04t000000000003AAA -o my-scratch --wait 15 --no-prompt']);
  assert.equal(plan.warning, REINSTALL_WARNING);
  assert.match(plan.warning, /Lightning pages/);
  assert.match(plan.warning, /permission sets/);
  assert.equal(reinstallBetaPlan({ 'Billing@1.0.0-1': '04t000000000001AAA' }, 'Billing', 'o'), undefined);
  assert.equal(reinstallBetaPlan(aliases, 'Nope', 'o'), undefined);
  assert.match(reinstallBetaPlan(aliases, 'Billing', "a b'c")!.commands[0], /-o 'a b'\\''c' /);
});
