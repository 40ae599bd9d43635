import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { APP, CA, P, connectedApp, expectNone, expectOne, glbl, hdr, oauth } from '../../helpers/oauth';
import { globalSettings } from '../../helpers/fixture';

const ID = 'refresh-token-rotation-off';
const CB = '    <callbackUrl>https://x.example/cb</callbackUrl>\n';

test(`${ID}: RefreshToken scope and rotation false in global settings: warning at the value, fix turns it on`, () => {
  const g = (v: string) => glbl(CB, `    <isRefreshTokenRotationEnabled>${v}</isRefreshTokenRotationEnabled>\n`);
  expectOne({ [P.header]: hdr(), [P.oauth]: oauth('Api, RefreshToken'), [P.global]: g('⟦false⟧') }, P.global, ID, (f) => {
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /refresh tokens .* isRefreshTokenRotationEnabled is "false"/);
    assert.doesNotMatch(f.message, /AppExchange/);
    assert.equal(f.related?.[0]?.path.endsWith('Billing_oauth.ecaOauth-meta.xml'), true);
  }, g('true'));
});

test(`${ID}: absent element: at the root tag, inserted in alphabetical order; OfflineAccess counts too`, () => {
  const before = globalSettings(`${CB}${APP}    <isPkceRequired>true</isPkceRequired>\n    <label>Billing</label>\n`);
  const marked = before.replace('<ExtlClntAppGlobalOauthSettings xmlns', '<⟦ExtlClntAppGlobalOauthSettings⟧ xmlns');
  expectOne({ [P.oauth]: oauth('OfflineAccess'), [P.global]: marked }, P.global, ID, (f) => assert.match(f.message, /not set \(off by default\)/),
    before.replace('<isPkceRequired>true</isPkceRequired>\n', '<isPkceRequired>true</isPkceRequired>\n    <isRefreshTokenRotationEnabled>true</isRefreshTokenRotationEnabled>\n'));
});

test(`${ID}: a Packaged app: the message names the AppExchange requirement`, () => {
  expectOne({ [P.header]: hdr('Packaged'), [P.oauth]: oauth('RefreshToken'), [P.global]: glbl(CB, '    <isRefreshTokenRotationEnabled>⟦false⟧</isRefreshTokenRotationEnabled>\n') }, P.global, ID,
    (f) => assert.match(f.message, /AppExchange partners must have PKCE and refresh token rotation on .* more than two customer orgs/));
});

test(`${ID}: Connected App: RefreshToken scope without rotation`, () => {
  const cfg = (v: string) => `        <callbackUrl>https://x.example/cb</callbackUrl>\n        <isRefreshTokenRotationEnabled>${v}</isRefreshTokenRotationEnabled>\n        <scopes>Api</scopes>\n        <scopes>RefreshToken</scopes>\n`;
  expectOne({ [CA]: connectedApp(cfg('⟦false⟧')) }, CA, ID, () => {}, connectedApp(cfg('true')));
});

test(`${ID}: silent with rotation on, without refresh scopes, with unknown scopes, and without global settings in source`, () => {
  const off = glbl(CB, '    <isRefreshTokenRotationEnabled>false</isRefreshTokenRotationEnabled>\n');
  expectNone({ [P.oauth]: oauth('RefreshToken'), [P.global]: glbl(CB, '    <isRefreshTokenRotationEnabled>true</isRefreshTokenRotationEnabled>\n') }, P.global, ID);
  expectNone({ [P.oauth]: oauth('Api, Web'), [P.global]: off }, P.global, ID);
  expectNone({ [P.global]: off }, P.global, ID, 'no OAuth settings: scopes unknown');
  expectNone({ [P.oauth]: oauth('RefreshToken') }, P.oauth, ID, 'global settings not in source');
});
