import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CA, P, connectedApp, expectNone, expectOne, findings, oauth, plcy } from '../../helpers/oauth';
import { oauthPolicies } from '../../helpers/fixture';

const ID = 'refresh-token-long-lived';
const APPL = '    <externalClientApplication>Billing</externalClientApplication>\n';
const timed = (policy: string, period: string, unit: string) =>
  plcy('', `    <refreshTokenPolicyType>${policy}</refreshTokenPolicyType>\n    <refreshTokenValidityPeriod>${period}</refreshTokenValidityPeriod>\n    <refreshTokenValidityUnit>${unit}</refreshTokenValidityUnit>\n`);

test(`${ID}: Infinite: warning at the policy`, () => {
  expectOne({ [P.oauth]: oauth('RefreshToken'), [P.oauthPolicy]: plcy('', '    <refreshTokenPolicyType>⟦Infinite⟧</refreshTokenPolicyType>\n') }, P.oauthPolicy, ID, (f) => {
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /never expire .* 30-day idle limit/);
    assert.equal(f.fixes.length, 0);
  });
});

test(`${ID}: over 30 days: information at the period; 30 Days, 1 Month and any Hours are fine`, () => {
  expectOne({ [P.oauthPolicy]: timed('SpecificLifetime', '⟦365⟧', 'Days') }, P.oauthPolicy, ID, (f) => {
    assert.equal(f.severity, 'information');
    assert.match(f.message, /lifetime of 365 Days, over 30 days/);
  });
  expectOne({ [P.oauthPolicy]: timed('SpecificInactivity', '⟦2⟧', 'Months') }, P.oauthPolicy, ID, (f) => assert.match(f.message, /idle limit of 2 Months/));
  expectOne({ [P.oauthPolicy]: timed('SpecificInactivity', '⟦31⟧', 'Days') }, P.oauthPolicy, ID);
  for (const [period, unit] of [['30', 'Days'], ['1', 'Months'], ['9000', 'Hours']] as const) {
    expectNone({ [P.oauthPolicy]: timed('SpecificInactivity', period, unit) }, P.oauthPolicy, ID, `${period} ${unit}`);
  }
  expectNone({ [P.oauthPolicy]: plcy('', '    <refreshTokenPolicyType>Zero</refreshTokenPolicyType>\n') }, P.oauthPolicy, ID);
});

test(`${ID}: no refreshTokenPolicyType in a policies file: information at the root tag, the generated default`, () => {
  const marked = oauthPolicies(`${APPL}    <label>Billing</label>\n`).replace('<ExtlClntAppOauthConfigurablePolicies xmlns', '<⟦ExtlClntAppOauthConfigurablePolicies⟧ xmlns');
  expectOne({ [P.oauthPolicy]: marked }, P.oauthPolicy, ID, (f) => {
    assert.equal(f.severity, 'information');
    assert.match(f.message, /No refreshTokenPolicyType: the generated default applies, refresh tokens that live 365 Days/);
  });
});

test(`${ID}: Connected App infinite (warning) and specific_lifetime:N:UNIT (information over 30 days)`, () => {
  const c = (v: string) => connectedApp('        <callbackUrl>https://x.example/cb</callbackUrl>\n        <scopes>RefreshToken</scopes>\n', `    <oauthPolicy>\n        <ipRelaxation>ENFORCE</ipRelaxation>\n        <refreshTokenPolicy>${v}</refreshTokenPolicy>\n    </oauthPolicy>\n`);
  expectOne({ [CA]: c('⟦infinite⟧') }, CA, ID, (f) => assert.equal(f.severity, 'warning'));
  expectOne({ [CA]: c('⟦specific_lifetime:3:MONTHS⟧') }, CA, ID, (f) => assert.equal(f.severity, 'information'));
  expectNone({ [CA]: c('specific_lifetime:1:HOURS') }, CA, ID);
  expectNone({ [CA]: c('specific_inactivity:30:DAYS') }, CA, ID);
});

test(`${ID}: silent when the app's scopes issue no refresh token`, () => {
  assert.equal(findings({ [P.oauth]: oauth('Api'), [P.oauthPolicy]: plcy('', '    <refreshTokenPolicyType>Infinite</refreshTokenPolicyType>\n') }, P.oauthPolicy, ID).length, 0);
});
