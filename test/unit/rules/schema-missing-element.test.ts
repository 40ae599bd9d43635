import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { header, oauthSettings, pluginPolicies, xml } from '../../helpers/fixture';
import { assertAtMark, assertFixedTo, markedRoot, only, P, preferred, withFixture } from '../../helpers/eca';

const ID = 'schema-missing-element';

test(`${ID}: a satellite without externalClientApplication: error at the root, safe fix with the app from the file name, in schema order`, () => {
  const text = markedRoot('ExtlClntAppOauthSettings', '    <commaSeparatedOauthScopes>Api</commaSeparatedOauthScopes>\n    <label>Billing</label>\n');
  withFixture({ [P.oauth]: text }, (fx) => {
    const f = only(fx.findings(P.oauth, ID));
    assert.equal(f.severity, 'error');
    assertAtMark(fx, P.oauth, f);
    assert.match(f.message, /lacks the required element <externalClientApplication>/);
    const fix = preferred(f);
    assert.equal(fix.kind, 'safe');
    assert.equal(fix.title, 'Add <externalClientApplication>Billing</externalClientApplication>');
    assertFixedTo(fx, P.oauth, ID, fix, oauthSettings('    <commaSeparatedOauthScopes>Api</commaSeparatedOauthScopes>\n    <externalClientApplication>Billing</externalClientApplication>\n    <label>Billing</label>\n'));
  });
});

test(`${ID}: the only app of the project names an oddly named satellite; tabs and CRLF kept`, () => {
  const rel = 'force-app/main/default/extlClntAppOauthSettings/Settings1.ecaOauth-meta.xml';
  const text = '<?xml version="1.0" encoding="UTF-8"?>\r\n<ExtlClntAppOauthSettings xmlns="http://soap.sforce.com/2006/04/metadata">\r\n\t<!-- scopes -->\r\n\t<commaSeparatedOauthScopes>Api</commaSeparatedOauthScopes>\r\n</ExtlClntAppOauthSettings>\r\n';
  withFixture({ [P.header]: header('    <label>Billing</label>\n'), [rel]: text }, (fx) => {
    const f = only(fx.findings(rel, ID));
    assertFixedTo(fx, rel, ID, preferred(f), text.replace('</commaSeparatedOauthScopes>\r\n', '</commaSeparatedOauthScopes>\r\n\t<externalClientApplication>Billing</externalClientApplication>\r\n'));
  });
});

test(`${ID}: unknown value: a snippet suggestion (never unattended); plugin policies isEnabled gets a true/false choice`, () => {
  withFixture({ [P.policy]: pluginPolicies('    <externalClientApplication>Billing</externalClientApplication>\n    <isOauthPluginEnabled>true</isOauthPluginEnabled>\n') }, (fx) => {
    const f = only(fx.findings(P.policy, ID));
    assert.match(f.message, /<isEnabled>/);
    const fix = f.fixes[0]!;
    assert.equal(fix.kind, 'suggestion');
    assert.equal(fix.snippet, true);
    assert.ok(!fix.preferred);
    // Schema order: after externalClientApplication, before isOauthPluginEnabled (isCanvas.., isEnabled, isMobile.., isOauth..).
    assert.equal(fix.edits[0]!.newText, '\n    <isEnabled>${1|true,false|}</isEnabled>');
    assert.equal(fix.edits[0]!.range.start.line, 2);
  });
});

test(`${ID}: ConnectedApp: contactEmail, label and oauthConfig.callbackUrl`, () => {
  const rel = 'force-app/main/default/connectedApps/Old.connectedApp-meta.xml';
  withFixture({ [rel]: xml('ConnectedApp', '    <oauthConfig>\n        <consumerKey>k</consumerKey>\n    </oauthConfig>\n') }, (fx) => {
    const fs = fx.findings(rel, ID);
    assert.deepEqual(fs.map((f) => /<(\w+)>;/.exec(f.message)![1]).sort(), ['callbackUrl', 'contactEmail', 'label']);
    const cb = fs.find((f) => /callbackUrl/.test(f.message))!;
    assert.equal(cb.fixes[0]!.edits[0]!.newText, '        <callbackUrl>${1:value}</callbackUrl>\n');
  });
});

test(`${ID}: silent for a complete file; fullName (inherited) is never required; lists are not required`, () => {
  withFixture({
    [P.header]: header('    <label>Billing</label>\n'),
    [P.oauth]: oauthSettings('    <externalClientApplication>Billing</externalClientApplication>\n'),
    [P.policy]: pluginPolicies('    <externalClientApplication>Billing</externalClientApplication>\n    <isEnabled>true</isEnabled>\n'),
  }, (fx) => {
    for (const p of [P.header, P.oauth, P.policy]) assert.equal(fx.findings(p, ID).length, 0, p);
  });
});
