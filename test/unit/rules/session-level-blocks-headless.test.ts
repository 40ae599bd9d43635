import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CA, P, connectedApp, expectNone, expectOne, glbl, plcy } from '../../helpers/oauth';

const ID = 'session-level-blocks-headless';
const raise = (level: string, extra = '') => plcy(extra, `    <policyAction>RaiseSessionLevel</policyAction>\n    <requiredSessionLevel>${level}</requiredSessionLevel>\n`);

test(`${ID}: RaiseSessionLevel to HIGH_ASSURANCE with client credentials on in the policies: warning at the level`, () => {
  expectOne({ [P.oauthPolicy]: plcy('', '    <isClientCredentialsFlowEnabled>true</isClientCredentialsFlowEnabled>\n    <policyAction>RaiseSessionLevel</policyAction>\n    <requiredSessionLevel>⟦HIGH_ASSURANCE⟧</requiredSessionLevel>\n') },
    P.oauthPolicy, ID, (f) => {
      assert.equal(f.severity, 'warning');
      assert.match(f.message, /client credentials flow: a headless flow has no user to raise the session/);
    });
});

test(`${ID}: JWT bearer (a certificate in global settings): related points at it`, () => {
  expectOne({ [P.global]: glbl('    <certificate>${CERT}</certificate>\n'), [P.oauthPolicy]: raise('⟦HIGH_ASSURANCE⟧') }, P.oauthPolicy, ID, (f) => {
    assert.match(f.message, /JWT bearer/);
    assert.ok(f.related?.[0]?.path.endsWith('Billing_glbloauth.ecaGlblOauth-meta.xml'));
  });
});

test(`${ID}: Connected App sessionPolicy with isClientCredentialEnabled`, () => {
  expectOne({ [CA]: connectedApp('        <callbackUrl>https://x.example/cb</callbackUrl>\n        <isClientCredentialEnabled>true</isClientCredentialEnabled>\n',
    '    <sessionPolicy>\n        <policyAction>RaiseSessionLevel</policyAction>\n        <sessionLevel>⟦HIGH_ASSURANCE⟧</sessionLevel>\n    </sessionPolicy>\n') }, CA, ID);
});

test(`${ID}: silent with STANDARD, with Block, without a headless flow, and when the flows are unknown`, () => {
  const cc = '    <isClientCredentialsFlowEnabled>true</isClientCredentialsFlowEnabled>\n';
  expectNone({ [P.oauthPolicy]: plcy('', `${cc}    <policyAction>RaiseSessionLevel</policyAction>\n    <requiredSessionLevel>STANDARD</requiredSessionLevel>\n`) }, P.oauthPolicy, ID);
  expectNone({ [P.oauthPolicy]: plcy('', `${cc}    <policyAction>Block</policyAction>\n    <requiredSessionLevel>HIGH_ASSURANCE</requiredSessionLevel>\n`) }, P.oauthPolicy, ID);
  expectNone({ [P.global]: glbl('    <callbackUrl>https://x.example/cb</callbackUrl>\n'), [P.oauthPolicy]: raise('HIGH_ASSURANCE') }, P.oauthPolicy, ID);
  expectNone({ [P.oauthPolicy]: raise('HIGH_ASSURANCE') }, P.oauthPolicy, ID, 'no global settings: JWT unknown, client credentials off in the policies');
});
