import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { globalSettings, header, oauthSettings, PLAIN_PROJECT } from '../../helpers/fixture';
import { assertAtMark, assertFixedTo, assertParses, fixTitled, markedRoot, only, P, withFixture } from '../../helpers/eca';

const ID = 'orphan-satellite';
const H = header('    <distributionState>Packaged</distributionState>\n    <label>Billing</label>\n');
const settings = (app: string) =>
  oauthSettings(`    <commaSeparatedOauthScopes>Api</commaSeparatedOauthScopes>\n    <externalClientApplication>${app}</externalClientApplication>\n    <label>Billing_oauth</label>\n`);

test(`${ID}: satellite naming an app with no header, in a packaged build: error at the app name`, () => {
  withFixture({ [P.oauth]: settings('⟦Billing⟧') }, (fx) => {
    const f = only(fx.findings(P.oauth, ID));
    assert.equal(f.severity, 'error');
    assertAtMark(fx, P.oauth, f);
    assert.match(f.message, /OAuth settings points at app "Billing", but no Billing\.eca-meta\.xml header is in this project/);
    assert.match(f.message, /package "Billing" can't take it without its app/);
    assert.deepEqual(f.fixes, []);
  });
});

test(`${ID}: outside a packaged build (plain project, or excluded): warning, it deploys only where the app exists`, () => {
  withFixture({ 'sfdx-project.json': PLAIN_PROJECT, [P.oauth]: settings('Billing') }, (fx) => {
    const f = only(fx.findings(P.oauth, ID));
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /deploys only to an org that already has that app/);
  });
  withFixture({ [P.global]: globalSettings('    <externalClientApplication>Billing</externalClientApplication>\n'), '.forceignore': '**/extlClntAppGlobalOauthSets/**\n' }, (fx) => {
    const f = only(fx.findings(P.global, ID));
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /^Global OAuth settings points at app "Billing"/);
  });
});

test(`${ID}: a typo of an existing header: a fix (not preferred) points it at that header`, () => {
  withFixture({ [P.header]: H, [P.oauth]: settings('⟦Biling⟧') }, (fx) => {
    const f = only(fx.findings(P.oauth, ID));
    assertAtMark(fx, P.oauth, f);
    assert.match(f.message, /Did you mean "Billing"\?/);
    const fix = fixTitled(f, /^Change to "Billing"$/);
    assert.ok(!fix.preferred);
    assertFixedTo(fx, P.oauth, ID, fix, settings('Billing'));
  });
});

test(`${ID}: a case slip is offered the header's spelling; far-off names get no fix`, () => {
  withFixture({ [P.header]: H, [P.oauth]: settings('billing') }, (fx) => {
    const f = only(fx.findings(P.oauth, ID));
    fx.apply(fixTitled(f, /^Change to "Billing"$/));
    assert.equal(fx.read(P.oauth), settings('Billing'));
  });
  withFixture({ [P.header]: H, [P.oauth]: settings('Payments') }, (fx) => {
    assert.deepEqual(only(fx.findings(P.oauth, ID)).fixes, []);
  });
});

test(`${ID}: no <externalClientApplication>: finding at the root element; fix inserts the header the file name starts with`, () => {
  const body = '    <commaSeparatedOauthScopes>Api</commaSeparatedOauthScopes>\n    <label>Billing_oauth</label>\n';
  withFixture({ [P.header]: H, [P.oauth]: markedRoot('ExtlClntAppOauthSettings', body) }, (fx) => {
    const f = only(fx.findings(P.oauth, ID));
    assertAtMark(fx, P.oauth, f);
    assert.match(f.message, /OAuth settings file has no <externalClientApplication>; every ExtlClntAppOauthSettings must name its app/);
    const fix = fixTitled(f, /^Set externalClientApplication to "Billing"$/);
    assert.ok(!fix.preferred);
    assertFixedTo(fx, P.oauth, ID, fix, settings('Billing'));
  });
});

test(`${ID}: empty <externalClientApplication/>: finding at the tag name; fix fills it; CRLF and tabs kept`, () => {
  const text = '<?xml version="1.0" encoding="UTF-8"?>\r\n<ExtlClntAppOauthSettings xmlns="http://soap.sforce.com/2006/04/metadata">\r\n\t<⟦externalClientApplication⟧/>\r\n\t<label>Billing_oauth</label>\r\n</ExtlClntAppOauthSettings>\r\n';
  withFixture({ [P.header]: H, [P.oauth]: text }, (fx) => {
    const f = only(fx.findings(P.oauth, ID));
    assertAtMark(fx, P.oauth, f);
    assert.match(f.message, /has an empty <externalClientApplication>/);
    fx.apply(fixTitled(f, /^Set externalClientApplication to "Billing"$/));
    const after = fx.read(P.oauth);
    assert.equal(after, text.replace('⟦externalClientApplication⟧/>', 'externalClientApplication>Billing</externalClientApplication>'));
    assertParses(after);
  });
});

test(`${ID}: missing element and no header matching the file name: no fix`, () => {
  withFixture({ [P.header]: H, 'force-app/main/default/extlClntAppOauthSettings/Other_oauth.ecaOauth-meta.xml': oauthSettings('    <label>x</label>\n') }, (fx) => {
    assert.deepEqual(only(fx.findings('force-app/main/default/extlClntAppOauthSettings/Other_oauth.ecaOauth-meta.xml', ID)).fixes, []);
  });
});

test(`${ID}: silent when the header exists (even excluded by .forceignore), and for headers`, () => {
  withFixture({ [P.header]: H, [P.oauth]: settings('Billing') }, (fx) => {
    assert.equal(fx.findings(P.oauth, ID).length, 0);
    assert.equal(fx.findings(P.header, ID).length, 0);
  });
  withFixture({ [P.header]: H, [P.oauth]: settings('Billing'), '.forceignore': '**/externalClientApps/**\n' }, (fx) => {
    assert.equal(fx.findings(P.oauth, ID).length, 0);
  });
  const elsewhere = 'other/externalClientApps/Billing.eca-meta.xml';
  withFixture({ [elsewhere]: H, [P.oauth]: settings('Billing') }, (fx) => {
    assert.equal(fx.findings(P.oauth, ID).length, 0);
  });
});

test(`${ID}: names that differ in digits only are other apps, not typos`, () => {
  const h2 = 'force-app/main/default/externalClientApps/Billing2.eca-meta.xml';
  withFixture({ [h2]: H.replace('Billing', 'Billing2'), [P.oauth]: settings('Billing3') }, (fx) => {
    const f = only(fx.findings(P.oauth, ID));
    assert.deepEqual(f.fixes, []);
    assert.doesNotMatch(f.message, /Did you mean/);
  });
});
