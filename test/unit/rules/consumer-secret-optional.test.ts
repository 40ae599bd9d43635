import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CA, P, connectedApp, expectNone, expectOne, glbl } from '../../helpers/oauth';

const ID = 'consumer-secret-optional';
const CB = '    <callbackUrl>https://x.example/cb</callbackUrl>\n';

test(`${ID}: secret optional without PKCE: warning at the value; preferred fix requires PKCE, the other the secret`, () => {
  const g = (opt: string, pkce: string) => glbl(CB, `    <isConsumerSecretOptional>${opt}</isConsumerSecretOptional>\n    <isPkceRequired>${pkce}</isPkceRequired>\n`);
  expectOne({ [P.global]: g('⟦true⟧', 'false') }, P.global, ID, (f) => {
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.fixes.map((x) => x.title), ['Require PKCE', 'Require the consumer secret']);
    assert.ok(f.fixes.every((x) => x.kind === 'suggestion'));
  }, g('true', 'true'));
});

test(`${ID}: Connected App`, () => {
  expectOne({ [CA]: connectedApp('        <callbackUrl>https://x.example/cb</callbackUrl>\n        <isConsumerSecretOptional>⟦true⟧</isConsumerSecretOptional>\n') }, CA, ID);
});

test(`${ID}: silent with PKCE required, with the secret required, and without global settings`, () => {
  expectNone({ [P.global]: glbl(CB, '    <isConsumerSecretOptional>true</isConsumerSecretOptional>\n    <isPkceRequired>true</isPkceRequired>\n') }, P.global, ID);
  expectNone({ [P.global]: glbl(CB, '    <isConsumerSecretOptional>false</isConsumerSecretOptional>\n') }, P.global, ID);
  expectNone({ [CA]: connectedApp('        <callbackUrl>https://x.example/cb</callbackUrl>\n        <isConsumerSecretOptional>true</isConsumerSecretOptional>\n        <isPkceRequired>true</isPkceRequired>\n') }, CA, ID);
});
