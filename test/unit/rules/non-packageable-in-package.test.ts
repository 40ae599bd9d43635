import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { globalSettings, header, oauthSettings, PLAIN_PROJECT, xml } from '../../helpers/fixture';
import { assertAtMark, fixTitled, markedRoot, only, P, preferred, withFixture } from '../../helpers/eca';
import { findingSummary } from '../../../server/src/views/describe';
import { hasLazyFixes } from '../../../server/src/engine/finding';

const ID = 'non-packageable-in-package';
const GLOBAL_BODY = '    <externalClientApplication>Billing</externalClientApplication>\n    <isClientCredentialsFlowEnabled>false</isClientCredentialsFlowEnabled>\n    <label>Billing</label>\n';
const markedGlobal = markedRoot('ExtlClntAppGlobalOauthSettings', GLOBAL_BODY);
const CREATED_HEAD = "# Keep External Client App files that can't be packaged out of the build\n";

test(`${ID}: global OAuth settings in a packaged directory: error at the root element, message says why`, () => {
  withFixture({ [P.global]: markedGlobal }, (fx) => {
    const f = only(fx.findings(P.global, ID));
    assert.equal(f.severity, 'error');
    assertAtMark(fx, P.global, f);
    assert.match(f.message, /ExtlClntAppGlobalOauthSettings/);
    assert.match(f.message, /can't be packaged/);
    assert.match(f.message, /Dev Hub/);
    assert.match(f.message, /package directory "force-app" \(package "Billing"\)/);
    assert.match(f.message, /sf package version create/);
    assert.doesNotMatch(f.message, /execution user/);
  });
});

test(`${ID}: OAuth policies with a Run As user: the message quotes the execution-user failure`, () => {
  const body = '    <clientCredentialsFlowUser>integration@acme.com</clientCredentialsFlowUser>\n    <externalClientApplication>Billing</externalClientApplication>\n    <isClientCredentialsFlowEnabled>true</isClientCredentialsFlowEnabled>\n';
  withFixture({ [P.oauthPolicy]: xml('ExtlClntAppOauthConfigurablePolicies', body) }, (fx) => {
    const f = only(fx.findings(P.oauthPolicy, ID));
    assert.match(f.message, /ExtlClntAppOauthConfigurablePolicies/);
    assert.match(f.message, /Enter a valid execution user for the OAuth client credentials flow/);
    assert.match(f.message, /subscriber's admin/);
  });
});

test(`${ID}: every non-packageable type of the reference is flagged, in its conventional folder; fixes add one line each`, () => {
  // Reference §1: type, suffix, conventional directory of each type that can't be packaged.
  const rows: [string, string, string][] = [
    ['ExtlClntAppGlobalOauthSettings', 'ecaGlblOauth', 'extlClntAppGlobalOauthSets'],
    ['ExtlClntAppOauthConfigurablePolicies', 'ecaOauthPlcy', 'extlClntAppOauthPolicies'],
    ['ExtlClntAppConfigurablePolicies', 'ecaPlcy', 'extlClntAppPolicies'],
    ['ExtlClntAppOauthSecuritySettings', 'ecaOauthSecurity', 'extlClntAppOauthSecuritySettings'],
    ['ExtlClntAppMobileConfigurablePolicies', 'ecaMobilePlcy', 'extlClntAppMobilePolicies'],
    ['ExtlClntAppPushConfigurablePolicies', 'ecaPushPlcy', 'extlClntAppPushPolicies'],
    ['ExtlClntAppSamlConfigurablePolicies', 'ecaSamlPlcy', 'extlClntAppSamlConfigurablePolicies'],
    ['ExtlClntAppSampleConfigurablePolicies', 'ecaSmplPlcy', 'extlClntAppSamplePolicies'],
    ['ExtlClntAppAttestConfigurablePolicies', 'ecaAttestPlcy', 'extlClntAppAttestPolicies'],
  ];
  const rel = (r: [string, string, string]) => `force-app/main/default/${r[2]}/Billing_x.${r[1]}-meta.xml`;
  const files: Record<string, string> = { '.forceignore': '**/jsconfig.json\n' };
  for (const r of rows) files[rel(r)] = xml(r[0], '    <externalClientApplication>Billing</externalClientApplication>\n');
  withFixture(files, (fx) => {
    for (const r of rows) {
      const f = only(fx.findings(rel(r), ID));
      assert.match(f.message, new RegExp(r[0]));
      fx.apply(preferred(f));
    }
    assert.equal(fx.read('.forceignore'), '**/jsconfig.json\n' + rows.map((r) => `**/${r[2]}/**\n`).join(''));
    for (const r of rows) {
      assert.equal(fx.findings(rel(r), ID).length, 0);
      assert.equal(fx.project.file(fx.abs(rel(r)))!.included, false);
    }
  });
});

test(`${ID}: packageable and unconfirmed types are not flagged`, () => {
  // Reference §1: header and OAuth settings ship; these are "unconfirmed": never a hard error.
  const unconfirmed: [string, string, string][] = [
    ['ExtlClntAppMobileSettings', 'ecaMobile', 'extlClntAppMobileSettings'],
    ['ExtlClntAppNotificationSettings', 'ecaNotifications', 'extlClntAppNotifSettings'],
    ['ExtlClntAppPushSettings', 'ecaPush', 'extlClntAppPushSettings'],
    ['ExtlClntAppCanvasSettings', 'ecaCanvas', 'extlClntAppCanvasSettings'],
    ['ExtlClntAppSampleSettings', 'ecaSmpl', 'extlClntAppSampleSettings'],
    ['ExtlClntAppAttestSettings', 'ecaAttest', 'extlClntAppAttestSettings'],
  ];
  const files: Record<string, string> = {
    [P.header]: header('    <distributionState>Packaged</distributionState>\n'),
    [P.oauth]: oauthSettings('    <externalClientApplication>Billing</externalClientApplication>\n'),
  };
  for (const [type, suffix, dir] of unconfirmed) files[`force-app/main/default/${dir}/Billing_x.${suffix}-meta.xml`] = xml(type, '    <externalClientApplication>Billing</externalClientApplication>\n');
  withFixture(files, (fx) => {
    for (const rel of Object.keys(files)) assert.equal(fx.findings(rel, ID).length, 0, rel);
  });
});

test(`${ID}: silent outside a packaged directory, when excluded, and in a non-packaged directory of a packaged project`, () => {
  const g = globalSettings(GLOBAL_BODY);
  const twoDirs = JSON.stringify({
    packageDirectories: [
      { path: 'force-app', default: true, package: 'Billing', versionNumber: '1.0.0.NEXT' },
      { path: 'unpackaged' },
    ],
  });
  const cases: [string, Record<string, string>][] = [
    [P.global, { 'sfdx-project.json': PLAIN_PROJECT, [P.global]: g }],
    [P.global, { [P.global]: g, '.forceignore': '**/extlClntAppGlobalOauthSets/**\n' }],
    [P.global, { [P.global]: g, '.forceignore': '**/*.ecaGlblOauth-meta.xml\n' }],
    [P.global, { [P.global]: g, 'force-app/.forceignore': '**/extlClntAppGlobalOauthSets/**\n' }],
    ['unpackaged/main/default/extlClntAppGlobalOauthSets/Billing_glbloauth.ecaGlblOauth-meta.xml', { 'sfdx-project.json': twoDirs, 'unpackaged/main/default/extlClntAppGlobalOauthSets/Billing_glbloauth.ecaGlblOauth-meta.xml': g }],
  ];
  for (const [rel, files] of cases) {
    withFixture(files, (fx) => {
      assert.ok(fx.project.file(fx.abs(rel)), `${rel} is indexed`);
      assert.equal(fx.findings(rel, ID).length, 0, JSON.stringify(files['.forceignore'] ?? files['force-app/.forceignore'] ?? files['sfdx-project.json']));
    });
  }
});

test(`${ID}: a line that .forceignore re-includes later does not count; the fix's line goes after it`, () => {
  const fi = '**/extlClntAppGlobalOauthSets/**\n!**/extlClntAppGlobalOauthSets/**\n';
  withFixture({ [P.global]: globalSettings(GLOBAL_BODY), '.forceignore': fi }, (fx) => {
    const f = only(fx.findings(P.global, ID));
    fx.apply(preferred(f));
    assert.equal(fx.read('.forceignore'), fi + '**/extlClntAppGlobalOauthSets/**\n');
    assert.equal(fx.findings(P.global, ID).length, 0);
  });
});

test(`${ID}: no .forceignore at all: the preferred fix creates one at the project root`, () => {
  withFixture({ [P.global]: globalSettings(GLOBAL_BODY) }, (fx) => {
    const fix = preferred(only(fx.findings(P.global, ID)));
    assert.equal(fix.edits.length, 0);
    assert.deepEqual(fix.fileOps, [{ kind: 'create', path: fx.abs('.forceignore'), text: `${CREATED_HEAD}**/extlClntAppGlobalOauthSets/**\n` }]);
    assert.match(fix.title, /Create \.forceignore with "\*\*\/extlClntAppGlobalOauthSets\/\*\*"/);
    fx.apply(fix);
    assert.equal(fx.read('.forceignore'), `${CREATED_HEAD}**/extlClntAppGlobalOauthSets/**\n`);
    assert.equal(fx.findings(P.global, ID).length, 0);
  });
});

test(`${ID}: root .forceignore with no final newline gets one before the new line`, () => {
  withFixture({ [P.global]: globalSettings(GLOBAL_BODY), '.forceignore': '# LWC\n**/jsconfig.json' }, (fx) => {
    const fix = preferred(only(fx.findings(P.global, ID)));
    assert.equal(fix.title, 'Add "**/extlClntAppGlobalOauthSets/**" to .forceignore');
    fx.apply(fix);
    assert.equal(fx.read('.forceignore'), '# LWC\n**/jsconfig.json\n**/extlClntAppGlobalOauthSets/**\n');
    assert.equal(fx.findings(P.global, ID).length, 0);
  });
});

test(`${ID}: CRLF .forceignore gets a CRLF line; a BOM is kept`, () => {
  const body = xml('ExtlClntAppConfigurablePolicies', '    <externalClientApplication>Billing</externalClientApplication>\n    <isEnabled>true</isEnabled>\n');
  withFixture({ [P.policy]: body, '.forceignore': '\uFEFF# tooling\r\n**/jsconfig.json\r\n' }, (fx) => {
    fx.apply(preferred(only(fx.findings(P.policy, ID))));
    assert.equal(fx.read('.forceignore'), '\uFEFF# tooling\r\n**/jsconfig.json\r\n**/extlClntAppPolicies/**\r\n');
    assert.equal(fx.findings(P.policy, ID).length, 0);
  });
  withFixture({ [P.policy]: body, '.forceignore': '**/jsconfig.json\r\n**/.eslintrc.json' }, (fx) => {
    fx.apply(preferred(only(fx.findings(P.policy, ID))));
    assert.equal(fx.read('.forceignore'), '**/jsconfig.json\r\n**/.eslintrc.json\r\n**/extlClntAppPolicies/**\r\n');
  });
});

test(`${ID}: a .forceignore inside the package directory governs it (SDR uses it, not the root one): the fix edits that one`, () => {
  const root = '**/jsconfig.json\n**/extlClntAppGlobalOauthSets/**\n';
  withFixture({ [P.global]: globalSettings(GLOBAL_BODY), '.forceignore': root, 'force-app/.forceignore': '**/lwc/**/__tests__/**\n' }, (fx) => {
    // The root file names the folder, but SDR never reads it for force-app: still flagged.
    const fix = preferred(only(fx.findings(P.global, ID)));
    assert.equal(fix.title, 'Add "**/extlClntAppGlobalOauthSets/**" to force-app/.forceignore');
    fx.apply(fix);
    assert.equal(fx.read('force-app/.forceignore'), '**/lwc/**/__tests__/**\n**/extlClntAppGlobalOauthSets/**\n');
    assert.equal(fx.read('.forceignore'), root);
    assert.equal(fx.findings(P.global, ID).length, 0);
  });
});

test(`${ID}: a file outside its conventional folder gets a suffix pattern`, () => {
  const rel = 'force-app/main/default/oauth/Billing_glbloauth.ecaGlblOauth-meta.xml';
  withFixture({ [rel]: globalSettings(GLOBAL_BODY), '.forceignore': '' }, (fx) => {
    const fix = preferred(only(fx.findings(rel, ID)));
    fx.apply(fix);
    assert.equal(fx.read('.forceignore'), '**/*.ecaGlblOauth-meta.xml\n');
    assert.equal(fx.findings(rel, ID).length, 0);
  });
});

test(`${ID}: a metadata-format file (no -meta.xml) gets a pattern that matches its name`, () => {
  // SDR resolves a metadata-format file only below a folder named like the type's folder; here
  // one level deeper, so the folder pattern does not apply and the suffix one must match "X.ecaGlblOauth".
  const rel = 'force-app/main/default/extlClntAppGlobalOauthSets/old/Billing_glbloauth.ecaGlblOauth';
  withFixture({ [rel]: globalSettings(GLOBAL_BODY), '.forceignore': '**/jsconfig.json\n' }, (fx) => {
    fx.apply(preferred(only(fx.findings(rel, ID))));
    assert.equal(fx.read('.forceignore'), '**/jsconfig.json\n**/*.ecaGlblOauth\n');
    assert.equal(fx.findings(rel, ID).length, 0);
    assert.equal(fx.project.file(fx.abs(rel))!.included, false);
  });
});

test(`${ID}: when the folder also holds a header that ships, the fix uses the suffix so the header keeps shipping`, () => {
  const dir = 'force-app/main/default/extlClntAppGlobalOauthSets';
  const h = `${dir}/Billing.eca-meta.xml`;
  const g = `${dir}/Billing_glbloauth.ecaGlblOauth-meta.xml`;
  withFixture({ [h]: header('    <distributionState>Packaged</distributionState>\n'), [g]: globalSettings(GLOBAL_BODY), '.forceignore': '' }, (fx) => {
    fx.apply(preferred(only(fx.findings(g, ID))));
    assert.equal(fx.read('.forceignore'), '**/*.ecaGlblOauth-meta.xml\n');
    assert.equal(fx.project.file(fx.abs(h))!.included, true);
    assert.equal(fx.findings(g, ID).length, 0);
  });
});

test(`${ID}: delete-file fix removes the file and the finding`, () => {
  withFixture({ [P.global]: globalSettings(GLOBAL_BODY) }, (fx) => {
    const f = only(fx.findings(P.global, ID));
    const del = fixTitled(f, /^Delete /);
    assert.equal(del.title, `Delete ${P.global}`);
    assert.ok(!del.preferred);
    fx.apply(del);
    assert.equal(fs.existsSync(fx.abs(P.global)), false);
    assert.equal(fx.project.file(fx.abs(P.global)), undefined);
    assert.equal(fs.existsSync(fx.abs('.forceignore')), false);
  });
});

test(`${ID}: with a package directory that is not packaged, a fix moves the file there, bytes unchanged`, () => {
  const project = JSON.stringify({
    packageDirectories: [
      { path: 'force-app', default: true, package: 'Billing', versionNumber: '1.0.0.NEXT' },
      { path: 'unpackaged' },
    ],
    packageAliases: { Billing: '0Ho000000000001AAA' },
  });
  const text = '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\r\n<ExtlClntAppGlobalOauthSettings xmlns="http://soap.sforce.com/2006/04/metadata">\r\n\t<externalClientApplication>Billing</externalClientApplication>\r\n</ExtlClntAppGlobalOauthSettings>\r\n';
  const moved = 'unpackaged/main/default/extlClntAppGlobalOauthSets/Billing_glbloauth.ecaGlblOauth-meta.xml';
  withFixture({ 'sfdx-project.json': project, [P.global]: text }, (fx) => {
    const f = only(fx.findings(P.global, ID));
    assert.deepEqual(f.fixes.map((x) => !!x.preferred), [true, false, false]);
    const move = fixTitled(f, /^Move to /);
    assert.equal(move.title, `Move to ${moved} (package directory "unpackaged" is not packaged)`);
    fx.apply(move);
    assert.equal(fs.existsSync(fx.abs(P.global)), false);
    assert.equal(fx.read(moved), text);
    assert.equal(fx.findings(moved, ID).length, 0);
  });
  // No such directory: no move fix.
  withFixture({ [P.global]: text }, (fx) => {
    assert.ok(!only(fx.findings(P.global, ID)).fixes.some((x) => x.title.startsWith('Move')));
  });
});

test(`${ID}: the fixes are built when asked for, against the .forceignore as it is then; an edit that leaves the verdict alone re-checks nothing`, () => {
  withFixture({ [P.global]: globalSettings(GLOBAL_BODY), '.forceignore': '# LWC\n**/jsconfig.json\n' }, (fx) => {
    const finding = only(fx.findings(P.global, ID));
    assert.ok(hasLazyFixes(finding), 'lazy');
    assert.equal(preferred(finding).title, 'Add "**/extlClntAppGlobalOauthSets/**" to .forceignore');
    // A comment appended: no verdict changes, so the finding stays as it was (no re-check) ...
    fs.writeFileSync(fx.abs('.forceignore'), '# LWC\n**/jsconfig.json\n# more\n');
    const r = fx.project.update(fx.abs('.forceignore'));
    assert.ok(!r.affected.has(fx.abs(P.global)), 'not re-checked');
    const same = only(fx.findings(P.global, ID));
    assert.equal(same, finding);
    // ... and its fix, asked for again, adds the line at the file's new end.
    fx.apply(preferred(same));
    assert.equal(fx.read('.forceignore'), '# LWC\n**/jsconfig.json\n# more\n**/extlClntAppGlobalOauthSets/**\n');
    assert.equal(fx.findings(P.global, ID).length, 0);
  });
});

test(`${ID}: the tree shows the finding as fixable without building its fixes (hasFixes), and the fixes are there`, () => {
  withFixture({ [P.global]: globalSettings(GLOBAL_BODY) }, (fx) => {
    const f = only(fx.findings(P.global, ID));
    assert.equal(f.hasFixes, true);
    assert.equal(findingSummary(f).fixable, true);
    assert.ok(f.fixes.length >= 2);
  });
});
