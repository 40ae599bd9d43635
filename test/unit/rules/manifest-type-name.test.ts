import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { PLAIN_PROJECT } from '../../helpers/fixture';
import { assertAtMark, assertFixedTo, only, preferred, withFixture } from '../../helpers/eca';

const ID = 'manifest-type-name';
const M = 'manifest/package.xml';
const manifest = (...names: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Package xmlns="http://soap.sforce.com/2006/04/metadata">\n${names
    .map((n) => `    <types>\n        <members>*</members>\n        <name>${n}</name>\n    </types>\n`)
    .join('')}    <version>64.0</version>\n</Package>\n`;

for (const [written, right, why] of [
  ['ExternalClientApp', 'ExternalClientApplication', /is cut short/],
  ['extlClntAppGlobalOauthSets', 'ExtlClntAppGlobalOauthSettings', /is the folder name, not the type name/],
  ['ExtlClntAppGlobalOauthSets', 'ExtlClntAppGlobalOauthSettings', /is the folder name/],
  ['ExtlClntAppOauthSetting', 'ExtlClntAppOauthSettings', /is cut short/],
  ['ExtlClntAppOuathSettings', 'ExtlClntAppOauthSettings', /is misspelled/],
  ['ExtlClntAppOauthPolicies', 'ExtlClntAppOauthConfigurablePolicies', /is the folder name/],
  ['ExternalClientApps', 'ExternalClientApplication', /is the folder name/],
] as const) {
  test(`${ID}: "${written}" → ${right}: warning on the name, safe fix, re-check clean`, () => {
    // An unpackaged project: the fixed name may be a type that can't be packaged (the information finding).
    withFixture({ 'sfdx-project.json': PLAIN_PROJECT, [M]: manifest(`⟦${written}⟧`) }, (fx) => {
      const f = only(fx.findings(M, ID));
      assert.equal(f.severity, 'warning');
      assertAtMark(fx, M, f);
      assert.match(f.message, why);
      assert.match(f.message, new RegExp(`the metadata type is ${right}\\. SDR resolves no type "${written}"`));
      const fix = preferred(f);
      assert.equal(fix.kind, 'safe');
      assertFixedTo(fx, M, ID, fix, manifest(right));
    });
  });
}

test(`${ID}: an old type name: suggestion, not applied unattended`, () => {
  withFixture({ [M]: manifest('⟦ExtlClntAppOauthPlcyCnfg⟧') }, (fx) => {
    const f = only(fx.findings(M, ID));
    assertAtMark(fx, M, f);
    assert.match(f.message, /is an old type name: the metadata type is ExtlClntAppOauthConfigurablePolicies/);
    assert.equal(f.fixes.length, 1);
    assert.equal(f.fixes[0]!.kind, 'suggestion');
    assert.ok(!f.fixes[0]!.preferred);
  }, { rules: { [ID]: 'warning' } });
});

test(`${ID}: pure case differences and other types are not reported (SDR lower-cases type names)`, () => {
  withFixture({ [M]: manifest('externalclientapplication', 'EXTLCLNTAPPOAUTHSETTINGS', 'ApexClass', 'ConnectedApp', 'CustomObject', 'ExternalCredential') }, (fx) => {
    assert.deepEqual(fx.findings(M, ID), []);
  }, { rules: {} });
});

test(`${ID}: global settings and policy types retrieved into a packaged project: information on the name`, () => {
  withFixture({ 'package.xml': manifest('ExternalClientApplication', '⟦ExtlClntAppGlobalOauthSettings⟧') }, (fx) => {
    const f = only(fx.findings('package.xml', ID));
    assert.equal(f.severity, 'information');
    assertAtMark(fx, 'package.xml', f);
    assert.match(f.message, /retrieves ExtlClntAppGlobalOauthSettings \(Global OAuth settings\), which can't be packaged, into a project with a packaged directory/);
    assert.match(f.message, /out of git/);
    assert.equal(f.fixes.length, 0);
  });
  withFixture({ [M]: manifest('⟦extlclntappoauthconfigurablepolicies⟧') }, (fx) => {
    const f = only(fx.findings(M, ID));
    assertAtMark(fx, M, f);
    assert.match(f.message, /set by each subscriber's admin/);
  });
});

test(`${ID}: no packaged directory: retrieving policies is fine`, () => {
  withFixture({ 'sfdx-project.json': PLAIN_PROJECT, [M]: manifest('ExtlClntAppGlobalOauthSettings', 'ExtlClntAppOauthConfigurablePolicies') }, (fx) => {
    assert.deepEqual(fx.findings(M, ID), []);
  });
});

test(`${ID}: not a <Package> manifest, node_modules, other xml files: not read`, () => {
  const other = manifest('ExternalClientApp').replace(/Package/g, 'Other');
  withFixture({ [M]: other, 'node_modules/x/package.xml': manifest('ExternalClientApp'), 'config/package-extra.xml': manifest('ExternalClientApp') }, (fx) => {
    const all = [...fx.check().values()].flat().filter((f) => f.ruleId === ID);
    assert.deepEqual(all, []);
  });
});

test(`${ID}: the finding is listed by checkAll under the manifest's path`, () => {
  withFixture({ [M]: manifest('ExternalClientApp') }, (fx) => {
    const m = fx.check();
    const list = m.get(fx.abs(M)) ?? [];
    assert.equal(list.filter((f) => f.ruleId === ID).length, 1);
    assert.equal(list[0]!.path, fx.abs(M));
    assert.equal((m.get(fx.abs('sfdx-project.json')) ?? []).filter((f) => f.ruleId === ID).length, 0);
  });
});
