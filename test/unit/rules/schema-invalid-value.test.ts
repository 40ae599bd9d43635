import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { header, oauthPolicies, xml } from '../../helpers/fixture';
import { assertAtMark, assertFixedTo, only, P, preferred, withFixture } from '../../helpers/eca';

const ID = 'schema-invalid-value';
const EXT = '    <externalClientApplication>Billing</externalClientApplication>\n';

test(`${ID}: enum value in the wrong case: error at the value, safe fix`, () => {
  withFixture({ [P.header]: header('    <distributionState>⟦local⟧</distributionState>\n') }, (fx) => {
    const f = only(fx.findings(P.header, ID));
    assert.equal(f.severity, 'error');
    assertAtMark(fx, P.header, f);
    assert.match(f.message, /<distributionState> "local" is not one of its values: Local, Packaged/);
    const fix = preferred(f);
    assert.equal(fix.kind, 'safe');
    assertFixedTo(fx, P.header, ID, fix, header('    <distributionState>local</distributionState>\n'.replace('local', 'Local')));
  });
});

test(`${ID}: a prefix of one value, and a near miss: suggestions; surrounding whitespace kept`, () => {
  withFixture({ [P.oauthPolicy]: oauthPolicies(`${EXT}    <permittedUsersPolicyType> ⟦AdminApproved⟧ </permittedUsersPolicyType>\n`) }, (fx) => {
    const f = only(fx.findings(P.oauthPolicy, ID));
    assertAtMark(fx, P.oauthPolicy, f);
    const fix = preferred(f);
    assert.equal(fix.kind, 'suggestion');
    assertFixedTo(fx, P.oauthPolicy, ID, fix, oauthPolicies(`${EXT}    <permittedUsersPolicyType> AdminApprovedPreAuthorized </permittedUsersPolicyType>\n`));
  });
  // Documented values of an untyped string (overlay): ipRelaxationPolicyType.
  withFixture({ [P.oauthPolicy]: oauthPolicies(`${EXT}    <ipRelaxationPolicyType>Enforse</ipRelaxationPolicyType>\n`) }, (fx) => {
    const f = only(fx.findings(P.oauthPolicy, ID));
    assert.equal(preferred(f).title, 'Change to Enforce');
  });
});

test(`${ID}: booleans and numbers`, () => {
  withFixture({ [P.header]: header('    <isProtected>⟦True⟧</isProtected>\n') }, (fx) => {
    const f = only(fx.findings(P.header, ID));
    assertAtMark(fx, P.header, f);
    assert.match(f.message, /is not a boolean; write true or false/);
    assertFixedTo(fx, P.header, ID, preferred(f), header('    <isProtected>true</isProtected>\n'));
  });
  withFixture({ [P.header]: header('    <isProtected>yes</isProtected>\n') }, (fx) => assert.equal(only(fx.findings(P.header, ID)).fixes.length, 0));
  withFixture({ [P.oauthPolicy]: oauthPolicies(`${EXT}    <refreshTokenValidityPeriod>⟦30 days⟧</refreshTokenValidityPeriod>\n    <sessionTimeoutInMinutes>15</sessionTimeoutInMinutes>\n`) }, (fx) => {
    const f = only(fx.findings(P.oauthPolicy, ID));
    assertAtMark(fx, P.oauthPolicy, f);
    assert.match(f.message, /is not a whole number/);
  });
});

test(`${ID}: ConnectedApp refreshTokenPolicy must match its pattern; CRLF file`, () => {
  const rel = 'force-app/main/default/connectedApps/Old.connectedApp-meta.xml';
  const body = (v: string) => `    <contactEmail>a@b.co</contactEmail>\r\n    <label>Old</label>\r\n    <oauthPolicy>\r\n        <ipRelaxation>ENFORCE</ipRelaxation>\r\n        <refreshTokenPolicy>${v}</refreshTokenPolicy>\r\n    </oauthPolicy>\r\n`;
  withFixture({ [rel]: xml('ConnectedApp', body('⟦specific_lifetime:1:WEEKS⟧')) }, (fx) => {
    const f = only(fx.findings(rel, ID));
    assertAtMark(fx, rel, f);
    assert.match(f.message, /not a valid value: zero, infinite or the documented form/);
  });
  withFixture({ [rel]: xml('ConnectedApp', body('specific_inactivity:30:DAYS')) }, (fx) => assert.equal(fx.findings(rel, ID).length, 0));
  withFixture({ [rel]: xml('ConnectedApp', body('Infinite')) }, (fx) => {
    assertFixedTo(fx, rel, ID, preferred(only(fx.findings(rel, ID))), xml('ConnectedApp', body('infinite')));
  });
});

test(`${ID}: silent for valid and empty values, free strings, and scopes (scope-unknown's)`, () => {
  withFixture({
    [P.header]: header('    <contactEmail>anything at all</contactEmail>\n    <distributionState>Packaged</distributionState>\n    <isProtected>false</isProtected>\n    <label></label>\n'),
    [P.oauthPolicy]: oauthPolicies(`${EXT}    <ipRelaxationPolicyType>Bypass_2factor</ipRelaxationPolicyType>\n    <refreshTokenValidityPeriod>365</refreshTokenValidityPeriod>\n    <refreshTokenValidityUnit>Days</refreshTokenValidityUnit>\n    <requiredSessionLevel></requiredSessionLevel>\n`),
  }, (fx) => {
    assert.equal(fx.findings(P.header, ID).length, 0);
    assert.equal(fx.findings(P.oauthPolicy, ID).length, 0);
  });
});
