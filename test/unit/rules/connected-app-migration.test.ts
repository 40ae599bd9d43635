import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { CA, connectedApp, findings } from '../../helpers/oauth';
import { PACKAGED_PROJECT, PLAIN_PROJECT } from '../../helpers/fixture';
import { only, withFixture } from '../../helpers/eca';
import { unattendedFix } from '../../../server/src/edits/types';

const ID = 'connected-app-migration';
const CB = '        <callbackUrl>https://x.example/cb</callbackUrl>\n        <isAdminApproved>true</isAdminApproved>\n        <scopes>Api</scopes>\n';
const BASE = 'force-app/main/default';
const FOUR = [
  `${BASE}/externalClientApps/Legacy.eca-meta.xml`,
  `${BASE}/extlClntAppOauthSettings/Legacy_oauth.ecaOauth-meta.xml`,
  `${BASE}/extlClntAppGlobalOauthSets/Legacy_glbloauth.ecaGlblOauth-meta.xml`,
  `${BASE}/extlClntAppOauthPolicies/Legacy_oauthPlcy.ecaOauthPlcy-meta.xml`,
];

test(`${ID}: convertible: information on the root tag name, what maps where, why now; the fix creates the four files and the .gitignore line`, () => {
  withFixture({ 'sfdx-project.json': PLAIN_PROJECT, '.gitignore': 'node_modules/', [CA]: connectedApp(CB) }, (fx) => {
    const f = only(fx.findings(CA, ID));
    assert.equal(f.severity, 'information');
    assert.deepEqual(f.range, { start: { line: 1, character: 1 }, end: { line: 1, character: 13 } });
    assert.match(f.message, /^Connected App Legacy can be converted to an External Client App → header, OAuth settings, global OAuth settings, OAuth policies \(\d+ fields mapped; eca-lens migrate --dry-run/);
    assert.match(f.message, /can no longer be created/);
    assert.match(f.message, /retire for Connected Apps on 2027-02-20/);
    assert.doesNotMatch(f.message, /username-password flow, which/);
    assert.equal(f.fixes.length, 1);
    const fix = f.fixes[0]!;
    assert.equal(fix.title, 'Create External Client App from this Connected App');
    assert.equal(fix.kind, 'suggestion');
    assert.equal(unattendedFix(f.fixes), undefined, 'never applied by --fix or fix-all');
    assert.deepEqual(fix.fileOps!.map((o) => [o.kind, path.relative(fx.root, o.path).split(path.sep).join('/')]), FOUR.map((p) => ['create', p]));
    assert.deepEqual(fix.edits.map((e) => [path.basename(e.path), e.newText]), [['.gitignore', `\n/${FOUR[2]}\n`]]);
    fx.apply(fix);
    for (const p of FOUR) assert.match(fx.read(p), /^<\?xml/);
    assert.equal(fx.read('.gitignore'), `node_modules/\n/${FOUR[2]}\n`);
    // The new files check clean of schema findings; the Connected App then has nothing left to create.
    for (const p of FOUR) assert.deepEqual(fx.findings(p).filter((x) => x.ruleId.startsWith('schema-')), [], p);
    const again = only(fx.findings(CA, ID));
    assert.match(again.message, /All 4 files exist already/);
    assert.equal(again.fixes.length, 0);
  });
});

test(`${ID}: some files exist: the fix creates only the others, never over one`, () => {
  withFixture({ 'sfdx-project.json': PLAIN_PROJECT, [CA]: connectedApp(CB), [FOUR[0]!]: 'mine' }, (fx) => {
    const f = only(fx.findings(CA, ID));
    assert.match(f.message, /1 of the 4 files exist already and are left as they are/);
    const ops = f.fixes[0]!.fileOps!.map((o) => path.relative(fx.root, o.path).split(path.sep).join('/'));
    assert.deepEqual(ops, [...FOUR.slice(1), '.gitignore'], 'the .gitignore is created when there is none');
  });
});

test(`${ID}: 2GP package directory: the .forceignore lines are added`, () => {
  withFixture({ 'sfdx-project.json': PACKAGED_PROJECT, '.forceignore': '**/jsconfig.json\n', [CA]: connectedApp(CB) }, (fx) => {
    const fix = only(fx.findings(CA, ID)).fixes[0]!;
    const fi = fix.edits.find((e) => path.basename(e.path) === '.forceignore');
    assert.equal(fi?.newText, '**/extlClntAppGlobalOauthSets/**\n**/extlClntAppOauthPolicies/**\n');
  });
});

test(`${ID}: blockers: listed in the message, each a related location, no fix`, () => {
  const text = connectedApp(CB, '    <canvasConfig>\n        <canvasUrl>https://x.example</canvasUrl>\n    </canvasConfig>\n    <plugin>MyPlugin</plugin>\n');
  const f = only(findings({ [CA]: text }, CA, ID));
  assert.match(f.message, /can't be converted to an External Client App yet: Canvas \(canvasConfig\), Apex plugin \(plugin\) block the migration/);
  assert.match(f.message, /2027-02-20/);
  assert.equal(f.related?.length, 2);
  assert.match(f.related![0]!.message, /Canvas/);
  assert.equal(f.related![1]!.range.start.line, text.split('\n').findIndex((l) => l.includes('<plugin>')));
  assert.deepEqual(f.fixes, []);
});

test(`${ID}: SAML Triple-DES, mobile and provisioning block too`, () => {
  const f = only(findings({ [CA]: connectedApp(CB, '    <mobileAppConfig>\n        <applicationId>x</applicationId>\n    </mobileAppConfig>\n    <samlConfig>\n        <encryptionType>TripleDes</encryptionType>\n    </samlConfig>\n') }, CA, ID));
  assert.match(f.message, /mobile\/push settings \(mobileAppConfig\), SAML Triple-DES encryption \(samlConfig\/encryptionType\)/);
});

test(`${ID}: no certificate, no client credentials, no callback URL: the username-password note`, () => {
  const f = only(findings({ [CA]: connectedApp('        <isAdminApproved>true</isAdminApproved>\n        <scopes>Api</scopes>\n') }, CA, ID));
  assert.match(f.message, /Nothing in this file reveals a server-to-server mechanism \(no certificate, no client credentials, no callback URL\): the app may use the username-password flow/);
  const jwt = only(findings({ [CA]: connectedApp('        <certificate>MIIB</certificate>\n        <scopes>Api</scopes>\n') }, CA, ID));
  assert.doesNotMatch(jwt.message, /username-password flow, which/);
});

test(`${ID}: not on ECA files; nothing for a file whose root is not ConnectedApp`, () => {
  assert.equal(findings({ [CA]: '<?xml version="1.0"?>\n<ExternalClientApplication xmlns="http://soap.sforce.com/2006/04/metadata"/>\n' }, CA, ID).length, 0);
  assert.equal(findings({ [FOUR[0]!]: '<?xml version="1.0"?>\n<ExternalClientApplication xmlns="http://soap.sforce.com/2006/04/metadata"/>\n' }, FOUR[0]!, ID).length, 0);
});
