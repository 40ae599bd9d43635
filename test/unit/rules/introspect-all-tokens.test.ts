import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CA, P, connectedApp, expectNone, expectOne, glbl } from '../../helpers/oauth';

const ID = 'introspect-all-tokens';

test(`${ID}: isIntrospectAllTokens true: warning, fix turns it off`, () => {
  const g = (v: string) => glbl('', `    <isIntrospectAllTokens>${v}</isIntrospectAllTokens>\n`);
  expectOne({ [P.global]: g('⟦true⟧') }, P.global, ID, (f) => assert.match(f.message, /every OAuth token issued in the org/), g('false'));
});

test(`${ID}: Connected App`, () => {
  const c = (v: string) => connectedApp(`        <callbackUrl>https://x.example/cb</callbackUrl>\n        <isIntrospectAllTokens>${v}</isIntrospectAllTokens>\n`);
  expectOne({ [CA]: c('⟦true⟧') }, CA, ID, () => {}, c('false'));
});

test(`${ID}: silent when false or absent`, () => {
  expectNone({ [P.global]: glbl('', '    <isIntrospectAllTokens>false</isIntrospectAllTokens>\n') }, P.global, ID);
  expectNone({ [P.global]: glbl('') }, P.global, ID);
});
