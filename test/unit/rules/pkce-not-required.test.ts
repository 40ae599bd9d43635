import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CA, P, connectedApp, expectNone, expectOne, glbl, hdr, plcy } from '../../helpers/oauth';

const ID = 'pkce-not-required';
const CB = '    <callbackUrl>https://x.example/cb</callbackUrl>\n';

test(`${ID}: callback URL and isPkceRequired false: warning at the value, fix requires PKCE`, () => {
  const g = (v: string) => glbl(CB, `    <isPkceRequired>${v}</isPkceRequired>\n`);
  expectOne({ [P.header]: hdr(), [P.global]: g('⟦false⟧') }, P.global, ID, (f) => {
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /authorization code flow can run, but isPkceRequired is "false"/);
  }, g('true'));
});

test(`${ID}: Packaged app (in a 2GP directory): AppExchange note`, () => {
  expectOne({ 'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true, package: 'Billing', versionNumber: '1.0.0.NEXT' }] }), [P.header]: hdr('Local'), [P.global]: glbl(CB, '    <isPkceRequired>⟦false⟧</isPkceRequired>\n') }, P.global, ID,
    (f) => assert.match(f.message, /This app is Packaged: AppExchange partners/));
});

test(`${ID}: Connected App with a callback URL and no isPkceRequired: at oauthConfig, inserted in order`, () => {
  const before = connectedApp('        <callbackUrl>https://x.example/cb</callbackUrl>\n        <isAdminApproved>true</isAdminApproved>\n        <scopes>Api</scopes>\n');
  const marked = before.replace('<oauthConfig>', '<⟦oauthConfig⟧>');
  expectOne({ [CA]: marked }, CA, ID, () => {}, before.replace('<isAdminApproved>true</isAdminApproved>\n', '<isAdminApproved>true</isAdminApproved>\n        <isPkceRequired>true</isPkceRequired>\n'));
});

test(`${ID}: silent with PKCE required, without a callback URL, without global settings, for a Connected App without OAuth`, () => {
  expectNone({ [P.global]: glbl(CB, '    <isPkceRequired>true</isPkceRequired>\n') }, P.global, ID);
  expectNone({ [P.global]: glbl('', '    <isPkceRequired>false</isPkceRequired>\n') }, P.global, ID);
  expectNone({ [P.oauthPolicy]: plcy('') }, P.oauthPolicy, ID);
  expectNone({ [CA]: connectedApp('') }, CA, ID);
});
