import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { oauthPolicies, xml } from '../../helpers/fixture';
import { assertAtMark, P, withFixture } from '../../helpers/eca';

const ID = 'preauthorized-name-unresolved';
const pol = (body: string) => oauthPolicies(`${body}    <externalClientApplication>Billing</externalClientApplication>\n`);

test(`${ID}: one finding per unresolved name, at its token; standard profiles say so; System Administrator left to the admin rule`, () => {
  withFixture({
    [P.oauthPolicy]: pol('    <commaSeparatedPermissionSet>⟦Missing_PS⟧, Found_PS, Missing_PS</commaSeparatedPermissionSet>\n    <commaSeparatedProfile>Standard User,System Administrator,Custom Ops</commaSeparatedProfile>\n'),
    'force-app/main/default/permissionsets/Found_PS.permissionset-meta.xml': xml('PermissionSet', '    <label>Found</label>\n'),
  }, (fx) => {
    const fs = fx.findings(P.oauthPolicy, ID);
    assert.deepEqual(fs.map((f) => f.message.match(/"([^"]+)"/)![1]), ['Missing_PS', 'Standard User', 'Custom Ops']);
    assertAtMark(fx, P.oauthPolicy, fs[0]!);
    assert.equal(fs[0]!.severity, 'information');
    assert.match(fs[0]!.message, /No permission set "Missing_PS" in the project/);
    assert.match(fs[1]!.message, /"Standard User" is a standard profile, usually not in source/);
    assert.match(fs[2]!.message, /No profile "Custom Ops" in the project/);
  });
});

test(`${ID}: a profile resolves by file name (URL-encoded), a ConnectedApp permission set by label`, () => {
  const ca = 'force-app/main/default/connectedApps/Legacy.connectedApp-meta.xml';
  withFixture({
    [ca]: xml('ConnectedApp', '    <label>Legacy</label>\n    <permissionSetName>Billing &amp; Ops</permissionSetName>\n    <profileName>Custom: Ops</profileName>\n'),
    'force-app/main/default/permissionsets/Billing_Ops.permissionset-meta.xml': xml('PermissionSet', '    <label>Billing &amp; Ops</label>\n'),
    'force-app/main/default/profiles/Custom%3A Ops.profile-meta.xml': xml('Profile', '    <custom>true</custom>\n'),
  }, (fx) => assert.equal(fx.findings(ca, ID).length, 0));
});
