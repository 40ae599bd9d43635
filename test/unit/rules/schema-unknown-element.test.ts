import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { header, oauthPolicies, xml } from '../../helpers/fixture';
import { assertAtMark, assertFixedTo, only, P, preferred, withFixture } from '../../helpers/eca';

const ID = 'schema-unknown-element';

test(`${ID}: a case-only miss: warning at the tag name, safe preferred fix renames open and closing tag`, () => {
  const text = header('    <contactEmail>a@b.co</contactEmail>\n    <⟦distributionstate⟧>Packaged</distributionstate>\n    <label>Billing</label>\n');
  withFixture({ [P.header]: text }, (fx) => {
    const f = only(fx.findings(P.header, ID));
    assert.equal(f.severity, 'warning');
    assertAtMark(fx, P.header, f);
    assert.match(f.message, /<distributionstate> is not an element of ExternalClientApplication/);
    assert.match(f.message, /Did you mean <distributionState>\?/);
    const fix = preferred(f);
    assert.equal(fix.kind, 'safe');
    assertFixedTo(fx, P.header, ID, fix, header('    <contactEmail>a@b.co</contactEmail>\n    <distributionState>Packaged</distributionState>\n    <label>Billing</label>\n'));
  });
});

test(`${ID}: plural and edit-distance misses are suggestions`, () => {
  for (const [bad, good] of [['orgScopedExternalApps', 'orgScopedExternalApp'], ['contactEmal', 'contactEmail']] as const) {
    withFixture({ [P.header]: header(`    <⟦${bad}⟧>x</${bad}>\n`) }, (fx) => {
      const f = only(fx.findings(P.header, ID));
      assertAtMark(fx, P.header, f);
      const fix = preferred(f);
      assert.equal(fix.kind, 'suggestion');
      assert.equal(fix.title, `Rename <${bad}> to <${good}>`);
      assertFixedTo(fx, P.header, ID, fix, header(`    <${good}>x</${good}>\n`));
    });
  }
});

test(`${ID}: inside a complex element (ConnectedApp oauthConfig); a self-closing element; no suggestion for a far name`, () => {
  const rel = 'force-app/main/default/connectedApps/Old.connectedApp-meta.xml';
  const body = '    <contactEmail>a@b.co</contactEmail>\n    <label>Old</label>\n    <oauthConfig>\n        <callbackUrl>https://x</callbackUrl>\n        <⟦iscodecredentialenabled⟧/>\n    </oauthConfig>\n';
  withFixture({ [rel]: xml('ConnectedApp', body) }, (fx) => {
    const f = only(fx.findings(rel, ID));
    assertAtMark(fx, rel, f);
    assert.match(f.message, /not an element of <oauthConfig> \(ConnectedAppOauthConfig\)/);
    assertFixedTo(fx, rel, ID, preferred(f), xml('ConnectedApp', body.replace('⟦iscodecredentialenabled⟧', 'isCodeCredentialEnabled')));
  });
  withFixture({ [P.header]: header('    <somethingElse>1</somethingElse>\n') }, (fx) => {
    const f = only(fx.findings(P.header, ID));
    assert.equal(f.fixes.length, 0);
    assert.doesNotMatch(f.message, /Did you mean/);
  });
});

test(`${ID}: CRLF, BOM and comments survive the rename`, () => {
  const text = '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\r\n<ExternalClientApplication xmlns="http://soap.sforce.com/2006/04/metadata">\r\n    <!-- state -->\r\n    <DistributionState>Local</DistributionState> <!-- keep -->\r\n</ExternalClientApplication>\r\n';
  withFixture({ [P.header]: text }, (fx) => {
    const f = only(fx.findings(P.header, ID));
    assertFixedTo(fx, P.header, ID, preferred(f), text.replace(/DistributionState/g, 'distributionState'));
  });
});

test(`${ID}: silent for every known element, overlay (undocumented) elements, and a malformed file`, () => {
  withFixture({
    [P.header]: header('    <contactEmail>a@b.co</contactEmail>\n    <distributionState>Packaged</distributionState>\n    <isProtected>false</isProtected>\n    <label>Billing</label>\n'),
    [P.oauthPolicy]: oauthPolicies('    <externalClientApplication>Billing</externalClientApplication>\n    <isNamedUserJwtEnabled>false</isNamedUserJwtEnabled>\n'),
    [P.oauth]: '<ExtlClntAppOauthSettings><bogus></ExtlClntAppOauthSettings>',
  }, (fx) => {
    assert.equal(fx.findings(P.header, ID).length, 0);
    assert.equal(fx.findings(P.oauthPolicy, ID).length, 0);
    assert.deepEqual(fx.findings(P.oauth).map((f) => f.ruleId).filter((r) => r.startsWith('schema-')), []);
  });
});

test(`${ID}: a root that does not match the suffix is left to schema-root-mismatch`, () => {
  withFixture({ [P.header]: xml('ExtlClntAppOauthSettings', '    <commaSeparatedOauthScopes>Api</commaSeparatedOauthScopes>\n') }, (fx) => {
    assert.equal(fx.findings(P.header, ID).length, 0);
  });
});
