import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CA, P, connectedApp, expectNone, expectOne, glbl } from '../../helpers/oauth';

const ID = 'refresh-secret-not-required';
const CB = '    <callbackUrl>https://x.example/cb</callbackUrl>\n';

test(`${ID}: isSecretRequiredForRefreshToken false: warning, fix sets true`, () => {
  const g = (v: string) => glbl(CB, `    <isSecretRequiredForRefreshToken>${v}</isSecretRequiredForRefreshToken>\n`);
  expectOne({ [P.global]: g('⟦false⟧') }, P.global, ID, (f) => assert.match(f.message, /without the consumer secret/), g('true'));
});

test(`${ID}: Connected App`, () => {
  const c = (v: string) => connectedApp(`        <callbackUrl>https://x.example/cb</callbackUrl>\n        <isSecretRequiredForRefreshToken>${v}</isSecretRequiredForRefreshToken>\n`);
  expectOne({ [CA]: c('⟦false⟧') }, CA, ID, () => {}, c('true'));
});

test(`${ID}: silent when true or absent (default true), for a public client with PKCE, and without global settings`, () => {
  expectNone({ [P.global]: glbl(CB, '    <isSecretRequiredForRefreshToken>true</isSecretRequiredForRefreshToken>\n') }, P.global, ID);
  expectNone({ [P.global]: glbl(CB) }, P.global, ID);
  expectNone({ [P.global]: glbl(CB, '    <isConsumerSecretOptional>true</isConsumerSecretOptional>\n    <isPkceRequired>true</isPkceRequired>\n    <isSecretRequiredForRefreshToken>false</isSecretRequiredForRefreshToken>\n') }, P.global, ID);
});
