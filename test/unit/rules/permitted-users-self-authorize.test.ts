import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CA, P, connectedApp, expectNone, expectOne, plcy } from '../../helpers/oauth';
import { oauthPolicies } from '../../helpers/fixture';

const ID = 'permitted-users-self-authorize';
const APPL = '    <externalClientApplication>Billing</externalClientApplication>\n';

test(`${ID}: explicit AllSelfAuthorized: warning at the value, fix sets AdminApprovedPreAuthorized`, () => {
  const p = (v: string) => plcy('', `    <permittedUsersPolicyType>${v}</permittedUsersPolicyType>\n`);
  expectOne({ [P.oauthPolicy]: p('⟦AllSelfAuthorized⟧') }, P.oauthPolicy, ID, (f) => {
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /every user may self-authorize .* Then list the permission sets/);
  }, p('AdminApprovedPreAuthorized'));
});

test(`${ID}: absent in a policies file (the platform default): at the root tag, inserted in order`, () => {
  const before = oauthPolicies(`${APPL}    <label>Billing</label>\n    <refreshTokenPolicyType>Zero</refreshTokenPolicyType>\n`);
  const marked = before.replace('<ExtlClntAppOauthConfigurablePolicies xmlns', '<⟦ExtlClntAppOauthConfigurablePolicies⟧ xmlns');
  expectOne({ [P.oauthPolicy]: marked }, P.oauthPolicy, ID, (f) => assert.match(f.message, /not set: the platform default AllSelfAuthorized/),
    before.replace('<label>Billing</label>\n', '<label>Billing</label>\n    <permittedUsersPolicyType>AdminApprovedPreAuthorized</permittedUsersPolicyType>\n'));
});

test(`${ID}: Connected App with isAdminApproved false, or absent (inserted in schema order)`, () => {
  const c = (v: string) => connectedApp(`        <callbackUrl>https://x.example/cb</callbackUrl>\n        <isAdminApproved>${v}</isAdminApproved>\n`, '    <profileName>Integration</profileName>\n');
  expectOne({ [CA]: c('⟦false⟧') }, CA, ID, (f) => assert.doesNotMatch(f.message, /Then list/), c('true'));
  const before = connectedApp('        <callbackUrl>https://x.example/cb</callbackUrl>\n        <isConsumerSecretOptional>false</isConsumerSecretOptional>\n');
  expectOne({ [CA]: before.replace('<oauthConfig>', '<⟦oauthConfig⟧>') }, CA, ID, () => {},
    before.replace('<callbackUrl>https://x.example/cb</callbackUrl>\n', '<callbackUrl>https://x.example/cb</callbackUrl>\n        <isAdminApproved>true</isAdminApproved>\n'));
});

test(`${ID}: silent for AdminApprovedPreAuthorized, a Connected App without oauthConfig, and no policies file`, () => {
  expectNone({ [P.oauthPolicy]: plcy('', '    <permittedUsersPolicyType>AdminApprovedPreAuthorized</permittedUsersPolicyType>\n') }, P.oauthPolicy, ID);
  expectNone({ [CA]: connectedApp('') }, CA, ID);
  expectNone({ [CA]: connectedApp('        <callbackUrl>https://x.example/cb</callbackUrl>\n        <isAdminApproved>true</isAdminApproved>\n') }, CA, ID);
});
