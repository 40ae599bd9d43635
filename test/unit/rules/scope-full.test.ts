import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CA, P, connectedApp, expectNone, expectOne, hdr, oauth } from '../../helpers/oauth';

const ID = 'scope-full';

test(`${ID}: Full in the ECA scope list: warning at the token, fix replaces it with Api`, () => {
  expectOne({ [P.header]: hdr(), [P.oauth]: oauth('Basic, ⟦Full⟧, RefreshToken') }, P.oauth, ID, (f) => {
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /Full scope .* Ask for Api instead .* permission sets/);
    assert.equal(f.fixes[0]!.title, 'Replace the Full scope with Api');
  }, oauth('Basic, Api, RefreshToken'));
});

test(`${ID}: Api already listed: the fix removes Full and keeps the ", " separators right`, () => {
  expectOne({ [P.oauth]: oauth('Api, ⟦Full⟧, RefreshToken') }, P.oauth, ID, (f) => assert.match(f.fixes[0]!.title, /Remove the Full scope/), oauth('Api, RefreshToken'));
  expectOne({ [P.oauth]: oauth('⟦Full⟧, Api') }, P.oauth, ID, () => {}, oauth('Api'));
  expectOne({ [P.oauth]: oauth('Api, Web, ⟦Full⟧') }, P.oauth, ID, () => {}, oauth('Api, Web'));
});

test(`${ID}: Connected App <scopes>Full</scopes>: replaced by Api, or removed when Api is there`, () => {
  const cfg = (scopes: string) => `        <callbackUrl>https://x.example/cb</callbackUrl>\n${scopes}`;
  expectOne({ [CA]: connectedApp(cfg('        <scopes>⟦Full⟧</scopes>\n')) }, CA, ID, () => {}, connectedApp(cfg('        <scopes>Api</scopes>\n')));
  expectOne({ [CA]: connectedApp(cfg('        <scopes>Api</scopes>\n        <scopes>⟦Full⟧</scopes>\n        <scopes>Web</scopes>\n')) }, CA, ID, () => {},
    connectedApp(cfg('        <scopes>Api</scopes>\n        <scopes>Web</scopes>\n')));
});

test(`${ID}: silent for narrow scopes, and for a scope that merely contains "Full"`, () => {
  expectNone({ [P.oauth]: oauth('Api, Web, RefreshToken') }, P.oauth, ID);
  expectNone({ [P.oauth]: oauth('FullAccess, Api') }, P.oauth, ID);
  expectNone({ [CA]: connectedApp('        <callbackUrl>https://x.example/cb</callbackUrl>\n        <scopes>Api</scopes>\n') }, CA, ID);
});
