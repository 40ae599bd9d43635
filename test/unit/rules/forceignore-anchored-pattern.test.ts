import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fixture, globalSettings, header, offsetsOf, pluginPolicies, type Fixture } from '../../helpers/fixture';
import { withFixture, markedSpan as marked } from '../../helpers/eca';

const ID = 'forceignore-anchored-pattern';
const FI = '.forceignore';
const H = 'force-app/main/default/externalClientApps/Billing.eca-meta.xml';
const G = 'force-app/main/default/extlClntAppGlobalOauthSets/Billing_glbloauth.ecaGlblOauth-meta.xml';
const PL = 'force-app/main/default/extlClntAppPolicies/Billing_plcy.ecaPlcy-meta.xml';

const app = {
  [H]: header('    <contactEmail>a@b.co</contactEmail>\n    <distributionState>Packaged</distributionState>\n    <label>Billing</label>\n'),
  [G]: globalSettings('    <externalClientApplication>Billing</externalClientApplication>\n'),
  [PL]: pluginPolicies('    <externalClientApplication>Billing</externalClientApplication>\n    <isEnabled>true</isEnabled>\n'),
};


const with_ = (files: Record<string, string>, body: (fx: Fixture) => void): void => withFixture({ ...app, ...files }, body);

test(`${ID}: "extlClntAppGlobalOauthSets/**" at the root misses force-app/main/default/...; the fix prefixes **/ and the file is excluded`, () => {
  with_({ [FI]: '# Dev Hub only\n⟦extlClntAppGlobalOauthSets/**⟧\n' }, (fx) => {
    assert.equal(fx.project.file(fx.abs(G))!.included, true);
    const [f, ...rest] = fx.findings(FI, ID);
    assert.ok(f);
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'warning');
    assert.deepEqual(offsetsOf(f, fx.read(FI)), marked(fx, FI));
    assert.match(f.message, /anchored/);
    assert.match(f.message, /matches no External Client App file/);
    assert.match(f.message, /force-app\/main\/default\/extlClntAppGlobalOauthSets\/Billing_glbloauth\.ecaGlblOauth-meta\.xml/);
    assert.equal(f.fixes.length, 1);
    assert.equal(f.fixes[0]!.title, 'Change to "**/extlClntAppGlobalOauthSets/**"');
    fx.apply(f.fixes[0]!);
    assert.equal(fx.read(FI), '# Dev Hub only\n**/extlClntAppGlobalOauthSets/**\n');
    assert.equal(fx.findings(FI, ID).length, 0);
    assert.equal(fx.project.file(fx.abs(G))!.included, false);
    assert.equal(fx.project.file(fx.abs(H))!.included, true);
  });
});

test(`${ID}: a leading "/" anchors too; the folder-only "/" at the end is kept`, () => {
  with_({ [FI]: '⟦/extlClntAppPolicies/⟧\n' }, (fx) => {
    const [f] = fx.findings(FI, ID);
    assert.ok(f);
    assert.deepEqual(offsetsOf(f, fx.read(FI)), marked(fx, FI));
    fx.apply(f.fixes[0]!);
    assert.equal(fx.read(FI), '**/extlClntAppPolicies/\n');
    assert.equal(fx.project.file(fx.abs(PL))!.included, false);
  });
});

test(`${ID}: BOM on the pattern line, CRLF, trailing spaces and no final newline survive the fix`, () => {
  with_({ [FI]: '\uFEFF⟦extlClntAppPolicies/*.ecaPlcy-meta.xml⟧  \r\n# end' }, (fx) => {
    assert.equal(fx.project.file(fx.abs(PL))!.included, true);
    const [f] = fx.findings(FI, ID);
    assert.ok(f);
    assert.deepEqual(offsetsOf(f, fx.read(FI)), marked(fx, FI));
    fx.apply(f.fixes[0]!);
    assert.equal(fx.read(FI), '\uFEFF**/extlClntAppPolicies/*.ecaPlcy-meta.xml  \r\n# end');
    assert.equal(fx.findings(FI, ID).length, 0);
    assert.equal(fx.project.file(fx.abs(PL))!.included, false);
  });
});

test(`${ID}: a root-relative pattern in force-app/.forceignore: the fix drops the "force-app/" prefix`, () => {
  const NFI = 'force-app/.forceignore';
  with_({ [NFI]: '⟦force-app/main/default/extlClntAppGlobalOauthSets/**⟧\n' }, (fx) => {
    assert.equal(fx.project.file(fx.abs(G))!.included, true, 'paths are relative to force-app/, so the line misses');
    const [f] = fx.findings(NFI, ID);
    assert.ok(f);
    assert.deepEqual(offsetsOf(f, fx.read(NFI)), marked(fx, NFI));
    assert.match(f.message, /force-app/);
    assert.equal(f.fixes.length, 1);
    assert.equal(f.fixes[0]!.title, 'Change to "main/default/extlClntAppGlobalOauthSets/**"');
    fx.apply(f.fixes[0]!);
    assert.equal(fx.read(NFI), 'main/default/extlClntAppGlobalOauthSets/**\n');
    assert.equal(fx.findings(NFI, ID).length, 0);
    assert.equal(fx.project.file(fx.abs(G))!.included, false);
  });
});

test(`${ID}: an anchored "!" line re-includes nothing; the fix keeps the "!" and the file is re-included`, () => {
  with_({ [FI]: '**/externalClientApps/**\n!⟦externalClientApps/Billing.eca-meta.xml⟧\n' }, (fx) => {
    assert.equal(fx.project.file(fx.abs(H))!.included, false);
    const [f] = fx.findings(FI, ID);
    assert.ok(f);
    assert.deepEqual(offsetsOf(f, fx.read(FI)), marked(fx, FI));
    assert.equal(f.fixes[0]!.title, 'Change to "!**/externalClientApps/Billing.eca-meta.xml"');
    fx.apply(f.fixes[0]!);
    assert.equal(fx.read(FI), '**/externalClientApps/**\n!**/externalClientApps/Billing.eca-meta.xml\n');
    assert.equal(fx.findings(FI, ID).length, 0);
    assert.equal(fx.project.file(fx.abs(H))!.included, true);
  });
});

test(`${ID}: silent when the anchored path is right, unanchored, no ECA folder, or nothing to match`, () => {
  const lines = [
    'force-app/main/default/externalClientApps/**',
    'force-app/main/default/extlClntAppGlobalOauthSets/**',
    'force-app/main/default/extlClntAppPolicies/',
    '/force-app/main/default/extlClntAppPolicies',
    '**/extlClntAppGlobalOauthSets/**',
    'extlClntAppGlobalOauthSets',
    'extlClntAppPolicies/',
    'docs/**',
    'extlClntAppMobileSettings/**',
    '# extlClntAppGlobalOauthSets/**',
  ];
  with_({ [FI]: lines.join('\n') + '\n' }, (fx) => {
    assert.deepEqual(fx.findings(FI, ID), []);
    assert.equal(fx.project.file(fx.abs(G))!.included, false);
    assert.equal(fx.project.file(fx.abs(PL))!.included, false);
    assert.equal(fx.project.file(fx.abs(H))!.included, false, 'the root-anchored header line does match');
  });
});

test(`${ID}: silent in a project with no ECA-family file`, () => {
  const fx = fixture({ [FI]: 'extlClntAppGlobalOauthSets/**\n', 'force-app/main/default/classes/A.cls': 'public class A {}\n' });
  try {
    assert.deepEqual(fx.findings(FI, ID), []);
  } finally {
    fx.cleanup();
  }
});
