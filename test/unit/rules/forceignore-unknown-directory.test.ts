import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fixture, globalSettings, header, oauthPolicies, offsetsOf, type Fixture } from '../../helpers/fixture';
import { withFixture, markedSpan as marked } from '../../helpers/eca';

const ID = 'forceignore-unknown-directory';
const FI = '.forceignore';
const H = 'force-app/main/default/externalClientApps/Billing.eca-meta.xml';
const G = 'force-app/main/default/extlClntAppGlobalOauthSets/Billing_glbloauth.ecaGlblOauth-meta.xml';
const P = 'force-app/main/default/extlClntAppOauthPolicies/Billing_oauthPlcy.ecaOauthPlcy-meta.xml';

const app = {
  [H]: header('    <contactEmail>a@b.co</contactEmail>\n    <distributionState>Packaged</distributionState>\n    <label>Billing</label>\n'),
  [G]: globalSettings('    <callbackUrl>https://example.com/cb</callbackUrl>\n    <externalClientApplication>Billing</externalClientApplication>\n'),
  [P]: oauthPolicies('    <externalClientApplication>Billing</externalClientApplication>\n    <permittedUsersPolicyType>AdminApprovedPreAuthorized</permittedUsersPolicyType>\n'),
};

/** The marked range in engine offsets (the engine's text has no BOM; the marks were set on text with it). */

const with_ = (files: Record<string, string>, body: (fx: Fixture) => void): void => withFixture({ ...app, ...files }, body);

test(`${ID}: extlClntAppGlobalOauthSettings (real folder: ...Sets) is flagged at the name; the fix renames it and the file is excluded`, () => {
  with_({ [FI]: '# keep Dev Hub settings out of the package\n**/⟦extlClntAppGlobalOauthSettings⟧/**\n' }, (fx) => {
    assert.equal(fx.project.file(fx.abs(G))!.included, true, 'the pattern excludes nothing before the fix');
    const [f, ...rest] = fx.findings(FI, ID);
    assert.ok(f);
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'warning');
    assert.deepEqual(offsetsOf(f, fx.read(FI)), marked(fx, FI));
    assert.match(f.message, /"extlClntAppGlobalOauthSettings" is not a folder/);
    assert.match(f.message, /"extlClntAppGlobalOauthSets"/);
    assert.match(f.message, /excludes nothing/);
    assert.equal(f.fixes.length, 1);
    const fix = f.fixes[0]!;
    assert.equal(fix.preferred, true);
    assert.equal(fix.title, 'Change "extlClntAppGlobalOauthSettings" to "extlClntAppGlobalOauthSets"');
    fx.apply(fix);
    assert.equal(fx.read(FI), '# keep Dev Hub settings out of the package\n**/extlClntAppGlobalOauthSets/**\n');
    assert.equal(fx.findings(FI, ID).length, 0);
    assert.equal(fx.project.file(fx.abs(G))!.included, false, 'the Dev Hub file is now excluded');
    assert.equal(fx.project.file(fx.abs(H))!.included, true, 'the header still ships');
  });
});

test(`${ID}: type name extlClntAppOauthConfigurablePolicies in an anchored path; BOM, CRLF, comments and the missing final newline survive the fix`, () => {
  const text = '\uFEFF# subscriber policies\r\nforce-app/main/default/⟦extlClntAppOauthConfigurablePolicies⟧\r\n# end\r\n**/*.dup';
  with_({ [FI]: text }, (fx) => {
    assert.equal(fx.project.file(fx.abs(P))!.included, true);
    const [f, ...rest] = fx.findings(FI, ID);
    assert.ok(f);
    assert.equal(rest.length, 0);
    assert.deepEqual(offsetsOf(f, fx.read(FI)), marked(fx, FI));
    assert.match(f.message, /"extlClntAppOauthPolicies"/);
    fx.apply(f.fixes[0]!);
    assert.equal(fx.read(FI), '\uFEFF# subscriber policies\r\nforce-app/main/default/extlClntAppOauthPolicies\r\n# end\r\n**/*.dup');
    assert.equal(fx.findings(FI, ID).length, 0);
    assert.equal(fx.project.file(fx.abs(P))!.included, false, 'the policies file is now excluded');
  });
});

test(`${ID}: when the corrected line is already there, the fix removes the near miss`, () => {
  with_({ [FI]: '**/extlClntAppGlobalOauthSets/**\r\n**/⟦extlClntAppGlobalOauthSettings⟧/**\r\n# end' }, (fx) => {
    const [f] = fx.findings(FI, ID);
    assert.ok(f);
    assert.deepEqual(offsetsOf(f, fx.read(FI)), marked(fx, FI));
    assert.deepEqual(f.tags, ['unnecessary']);
    assert.match(f.message, /Line 1 \("\*\*\/extlClntAppGlobalOauthSets\/\*\*"\) already does the job/);
    assert.equal(f.fixes.length, 1);
    assert.match(f.fixes[0]!.title, /^Remove this line/);
    assert.equal(fx.project.file(fx.abs(G))!.included, false);
    fx.apply(f.fixes[0]!);
    assert.equal(fx.read(FI), '**/extlClntAppGlobalOauthSets/**\r\n# end');
    assert.equal(fx.findings(FI, ID).length, 0);
    assert.equal(fx.project.file(fx.abs(G))!.included, false);
  });
});

test(`${ID}: the corrected line in other case counts as already there (matching ignores case)`, () => {
  with_({ [FI]: '**/⟦extlClntAppGlobalOauthSettings⟧/**\n**/EXTLCLNTAPPGLOBALOAUTHSETS/**\n' }, (fx) => {
    const [f] = fx.findings(FI, ID);
    assert.ok(f);
    assert.match(f.fixes[0]!.title, /^Remove this line/);
    fx.apply(f.fixes[0]!);
    assert.equal(fx.read(FI), '**/EXTLCLNTAPPGLOBALOAUTHSETS/**\n');
    assert.equal(fx.project.file(fx.abs(G))!.included, false);
  });
});

test(`${ID}: other near misses map to the right folder`, () => {
  const cases: [string, string][] = [
    ['ExternalClientApplication', 'externalClientApps'],
    ['externalClientApp', 'externalClientApps'],
    ['extlClntAppOauthSetting', 'extlClntAppOauthSettings'],
    ['extlClntAppNotificationSettings', 'extlClntAppNotifSettings'],
    ['extlClntAppPolicy', 'extlClntAppPolicies'],
  ];
  for (const [wrong, right] of cases) {
    with_({ [FI]: `**/${wrong}/*.xml\n` }, (fx) => {
      const [f, ...rest] = fx.findings(FI, ID);
      assert.ok(f, wrong);
      assert.equal(rest.length, 0, wrong);
      fx.apply(f.fixes[0]!);
      assert.equal(fx.read(FI), `**/${right}/*.xml\n`, wrong);
    });
  }
});

test(`${ID}: a negated near miss re-includes nothing; the fix keeps the "!"`, () => {
  with_({ [FI]: '**/extlClntAppOauthPolicies/**\n!**/⟦extlClntAppOauthPolicy⟧/Billing_oauthPlcy.ecaOauthPlcy-meta.xml\n' }, (fx) => {
    const [f] = fx.findings(FI, ID);
    assert.ok(f);
    assert.deepEqual(offsetsOf(f, fx.read(FI)), marked(fx, FI));
    assert.match(f.message, /re-includes nothing/);
    fx.apply(f.fixes[0]!);
    assert.equal(fx.read(FI), '**/extlClntAppOauthPolicies/**\n!**/extlClntAppOauthPolicies/Billing_oauthPlcy.ecaOauthPlcy-meta.xml\n');
    assert.equal(fx.findings(FI, ID).length, 0);
    assert.equal(fx.project.file(fx.abs(P))!.included, true, 're-included by the corrected line');
  });
});

test(`${ID}: silent for a real folder of that name, correct names, comments, escapes, globs and unrelated folders`, () => {
  const real = 'force-app/main/default/extlClntAppGlobalOauthSettings/Other_glbloauth.ecaGlblOauth-meta.xml';
  const lines = [
    '# extlClntAppGlobalOauthSettings was renamed',
    '**/extlClntAppGlobalOauthSettings/**',
    '**/extlClntAppGlobalOauthSets/**',
    '**/extlClntAppOauthPolicies/**',
    '**/externalClientApps/Billing.eca-meta.xml',
    '\\#extlClntAppGlobalOauthSettings',
    '**/extlClntApp*Settings/**',
    '**/*.ecaGlblOauth-meta.xml',
    '**/jsconfig.json',
    '**/lwc/**/__tests__/**',
    'extlClntAppGlobalOauthSettings.md',
  ];
  with_({ [real]: globalSettings('    <externalClientApplication>Other</externalClientApplication>\n'), [FI]: lines.join('\n') + '\n' }, (fx) => {
    assert.deepEqual(fx.findings(FI, ID), []);
    assert.equal(fx.project.file(fx.abs(real))!.included, false, 'the real folder is excluded by its line');
  });
});

test(`${ID}: "off" in the settings silences it`, () => {
  const fx = fixture({ ...app, [FI]: '**/extlClntAppGlobalOauthSettings/**\n' }, { rules: { [ID]: 'off' } });
  try {
    assert.deepEqual(fx.findings(FI, ID), []);
  } finally {
    fx.cleanup();
  }
});
