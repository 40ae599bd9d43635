import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { oauthPolicies, xml } from '../../helpers/fixture';
import { assertAtMark, only, P, withFixture } from '../../helpers/eca';

const ID = 'integration-user-standard';
const pol = (body: string) => oauthPolicies(`${body}    <externalClientApplication>Billing</externalClientApplication>\n`);
const PROF = 'force-app/main/default/profiles/Billing Integration.profile-meta.xml';
const api = '    <userPermissions>\n        <enabled>true</enabled>\n        <name>ApiUserOnly</name>\n    </userPermissions>\n';
const ips = '    <loginIpRanges>\n        <endAddress>10.0.0.255</endAddress>\n        <startAddress>10.0.0.0</startAddress>\n    </loginIpRanges>\n';

test(`${ID}: lists what is missing, at the profile token; a compliant profile is fine; unresolved names are not this rule's`, () => {
  withFixture({ [P.oauthPolicy]: pol('    <commaSeparatedProfile>Nobody, ⟦Billing Integration⟧</commaSeparatedProfile>\n'), [PROF]: xml('Profile', '    <userLicense>Salesforce</userLicense>\n') }, (fx) => {
    const f = only(fx.findings(P.oauthPolicy, ID));
    assertAtMark(fx, P.oauthPolicy, f);
    assert.equal(f.severity, 'information');
    assert.match(f.message, /userLicense is "Salesforce", not "Salesforce Integration"; no ApiUserOnly user permission enabled; no loginIpRanges/);
    assert.equal(f.related![0]!.path, fx.abs(PROF));
  });
  withFixture({ [P.oauthPolicy]: pol('    <commaSeparatedProfile>Billing Integration</commaSeparatedProfile>\n'), [PROF]: xml('Profile', `${ips}${api}    <userLicense>Salesforce Integration</userLicense>\n`) }, (fx) => {
    assert.equal(fx.findings(P.oauthPolicy, ID).length, 0);
  });
  withFixture({ [P.oauthPolicy]: pol('    <commaSeparatedProfile>Billing Integration</commaSeparatedProfile>\n'), [PROF]: xml('Profile', `${api}    <userLicense>Salesforce Integration</userLicense>\n`) }, (fx) => {
    assert.match(only(fx.findings(P.oauthPolicy, ID)).message, /: no loginIpRanges\./);
  });
});
