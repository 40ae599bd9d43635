import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CA, P, connectedApp, expectNone, expectOne, findings, glbl } from '../../helpers/oauth';

const ID = 'callback-url-insecure';
const g = (urls: string) => glbl(`    <callbackUrl>${urls}</callbackUrl>\n`);

test(`${ID}: one http:// line in a list: the finding covers that line only; fix writes https://`, () => {
  expectOne({ [P.global]: g('https://a.example/cb\n⟦http://app.acme.com/oauth/cb⟧\nhttp://localhost:1717/OauthRedirect') }, P.global, ID, (f) => {
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /"http:\/\/app.acme.com\/oauth\/cb" uses http:\/\/: .* to app.acme.com/);
    assert.equal(f.fixes[0]!.title, 'Use https://');
  }, g('https://a.example/cb\nhttps://app.acme.com/oauth/cb\nhttp://localhost:1717/OauthRedirect'));
});

test(`${ID}: every offending line is its own finding (CRLF list too)`, () => {
  assert.equal(findings({ [P.global]: g('http://a.example/1\r\nhttp://b.example/2') }, P.global, ID).length, 2);
});

test(`${ID}: Connected App callbackUrl`, () => {
  const c = (u: string) => connectedApp(`        <callbackUrl>${u}</callbackUrl>\n`);
  expectOne({ [CA]: c('⟦http://10.0.0.5:8080/cb⟧') }, CA, ID, () => {}, c('https://10.0.0.5:8080/cb'));
});

test(`${ID}: silent for https, the loopback (localhost, 127.0.0.1, [::1]) and placeholders; silent without global settings`, () => {
  for (const u of ['https://a.example/cb', 'http://localhost:8080', 'http://LOCALHOST/cb', 'http://127.0.0.1:1717/x', 'http://[::1]:3000/cb', '${SF_INSTANCE_URL}/services/authcallback/X', 'myapp://callback']) {
    expectNone({ [P.global]: g(u) }, P.global, ID, u);
  }
});
