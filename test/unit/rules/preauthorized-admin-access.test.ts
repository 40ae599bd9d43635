import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { oauthPolicies, xml } from '../../helpers/fixture';
import { assertAtMark, only, P, rangeIn, withFixture } from '../../helpers/eca';

const ID = 'preauthorized-admin-access';
const pol = (body: string) => oauthPolicies(`${body}    <externalClientApplication>Billing</externalClientApplication>\n    <permittedUsersPolicyType>AdminApprovedPreAuthorized</permittedUsersPolicyType>\n`);
const perm = (name: string, enabled: string) => `    <userPermissions>\n        <enabled>${enabled}</enabled>\n        <name>${name}</name>\n    </userPermissions>\n`;
const PS = 'force-app/main/default/permissionsets/Billing_Integration.permissionset-meta.xml';
const CA = 'force-app/main/default/connectedApps/Legacy.connectedApp-meta.xml';

test(`${ID}: System Administrator / Admin in commaSeparatedProfile, at the exact token`, () => {
  withFixture({ [P.oauthPolicy]: pol('    <commaSeparatedProfile>Billing Integration, ⟦System Administrator⟧ ,Standard User</commaSeparatedProfile>\n') }, (fx) => {
    const f = only(fx.findings(P.oauthPolicy, ID));
    assertAtMark(fx, P.oauthPolicy, f);
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /"System Administrator" is the System Administrator profile/);
    assert.equal(f.fixes.length, 0);
  });
  withFixture({ [P.oauthPolicy]: pol('    <commaSeparatedProfile>⟦Admin⟧</commaSeparatedProfile>\n') }, (fx) => assertAtMark(fx, P.oauthPolicy, only(fx.findings(P.oauthPolicy, ID))));
});

test(`${ID}: a project permission set granting ModifyAllData and AuthorApex; related points at each element; disabled is fine`, () => {
  const ps = xml('PermissionSet', `    <label>Billing Integration</label>\n${perm('ApiEnabled', 'true')}${perm('AuthorApex', 'true')}${perm('ModifyAllData', 'true')}${perm('ViewAllData', 'false')}`);
  withFixture({ [P.oauthPolicy]: pol('    <commaSeparatedPermissionSet>Other,⟦Billing_Integration⟧</commaSeparatedPermissionSet>\n'), [PS]: ps }, (fx) => {
    const f = only(fx.findings(P.oauthPolicy, ID));
    assertAtMark(fx, P.oauthPolicy, f);
    assert.match(f.message, /the permission set "Billing_Integration" grants ModifyAllData, AuthorApex/);
    assert.equal(f.related!.length, 2);
    assert.equal(f.related![0]!.path, fx.abs(PS));
    const t = ps;
    const start = t.indexOf('<userPermissions>', t.indexOf('ModifyAllData') - 80);
    assert.equal(f.related![0]!.range.start.line, t.slice(0, start).split('\n').length - 1);
    // Re-checked when the permission set changes (model update).
    fs.writeFileSync(fx.abs(PS), ps.replace(/<enabled>true<\/enabled>\n        <name>(AuthorApex|ModifyAllData)/g, '<enabled>false</enabled>\n        <name>$1'));
    assert.ok(fx.project.update(fx.abs(PS)).affected.has(fx.abs(P.oauthPolicy)));
    assert.equal(fx.project.check(fx.abs(P.oauthPolicy)).filter((x) => x.ruleId === ID).length, 0);
  });
  withFixture({ [P.oauthPolicy]: pol('    <commaSeparatedPermissionSet>Billing_Integration</commaSeparatedPermissionSet>\n'), [PS]: xml('PermissionSet', perm('ApiEnabled', 'true')) }, (fx) => {
    assert.equal(fx.findings(P.oauthPolicy, ID).length, 0);
  });
});

test(`${ID}: ConnectedApp names a permission set by label and a project profile granting ManageUsers`, () => {
  const ca = xml('ConnectedApp', '    <contactEmail>a@b.co</contactEmail>\n    <label>Legacy</label>\n    <permissionSetName>⟦Billing Integration⟧</permissionSetName>\n    <profileName>Ops</profileName>\n');
  const ps = xml('PermissionSet', `    <label>Billing Integration</label>\n${perm('ViewAllData', 'true')}`);
  const prof = xml('Profile', `    <custom>true</custom>\n${perm('ManageUsers', 'true')}`);
  withFixture({ [CA]: ca, [PS]: ps, 'force-app/main/default/profiles/Ops.profile-meta.xml': prof }, (fx) => {
    const fs2 = fx.findings(CA, ID);
    assert.equal(fs2.length, 2);
    assertAtMark(fx, CA, fs2[0]!);
    assert.match(fs2[0]!.message, /grants ViewAllData/);
    assert.match(fs2[1]!.message, /the profile "Ops" grants ManageUsers/);
    const text = fx.read(CA);
    assert.deepEqual(rangeIn(fx, CA, fs2[1]!), { start: text.indexOf('Ops'), end: text.indexOf('Ops') + 3 });
  });
});

test(`${ID}: nothing named, or plain names: no finding`, () => {
  withFixture({ [P.oauthPolicy]: pol('') }, (fx) => assert.equal(fx.findings(P.oauthPolicy, ID).length, 0));
  withFixture({ [P.oauthPolicy]: pol('    <commaSeparatedProfile>Standard User</commaSeparatedProfile>\n') }, (fx) => assert.equal(fx.findings(P.oauthPolicy, ID).length, 0));
});
