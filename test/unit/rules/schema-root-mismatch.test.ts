import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { globalSettings, oauthSettings } from '../../helpers/fixture';
import { assertAtMark, assertFixedTo, DECL, only, P, preferred, withFixture } from '../../helpers/eca';

const ID = 'schema-root-mismatch';
const NS = 'http://soap.sforce.com/2006/04/metadata';

test(`${ID}: an .ecaOauth file holding global settings: error at the root name, rename is a suggestion`, () => {
  const body = '    <externalClientApplication>Billing</externalClientApplication>\n';
  withFixture({ [P.oauth]: `${DECL}<⟦ExtlClntAppGlobalOauthSettings⟧ xmlns="${NS}">\n${body}</ExtlClntAppGlobalOauthSettings>\n` }, (fx) => {
    const f = only(fx.findings(P.oauth, ID));
    assert.equal(f.severity, 'error');
    assertAtMark(fx, P.oauth, f);
    assert.match(f.message, /a \.ecaOauth file holds <ExtlClntAppOauthSettings> \(OAuth settings\)\. Either the root or the file name is wrong/);
    const fix = preferred(f);
    assert.equal(fix.kind, 'suggestion');
    assertFixedTo(fx, P.oauth, ID, fix, oauthSettings(body));
  });
});

test(`${ID}: no namespace: safe fix adds it; BOM and CRLF kept`, () => {
  const text = `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\r\n<ExtlClntAppGlobalOauthSettings>\r\n    <externalClientApplication>Billing</externalClientApplication>\r\n</ExtlClntAppGlobalOauthSettings>\r\n`;
  withFixture({ [P.global]: text }, (fx) => {
    const f = only(fx.findings(P.global, ID));
    assert.match(f.message, /has no namespace/);
    const fix = preferred(f);
    assert.equal(fix.kind, 'safe');
    assertFixedTo(fx, P.global, ID, fix, text.replace('<ExtlClntAppGlobalOauthSettings>', `<ExtlClntAppGlobalOauthSettings xmlns="${NS}">`));
  });
});

test(`${ID}: a wrong namespace is corrected in place`, () => {
  const text = `${DECL}<ExtlClntAppGlobalOauthSettings xmlns='http://soap.sforce.com/2006/04/metadata/'>\n</ExtlClntAppGlobalOauthSettings>\n`;
  withFixture({ [P.global]: text }, (fx) => {
    const f = only(fx.findings(P.global, ID));
    assert.match(f.message, /has namespace "http:\/\/soap.sforce.com\/2006\/04\/metadata\/"/);
    assertFixedTo(fx, P.global, ID, preferred(f), text.replace(`${NS}/`, NS));
  });
});

test(`${ID}: silent for a matching root with the namespace; a malformed file is xml-malformed's`, () => {
  withFixture({ [P.global]: globalSettings('    <externalClientApplication>Billing</externalClientApplication>\n'), [P.oauth]: '<ExtlClntAppGlobalOauthSettings>' }, (fx) => {
    assert.equal(fx.findings(P.global, ID).length, 0);
    assert.equal(fx.findings(P.oauth, ID).length, 0);
    assert.ok(fx.findings(P.oauth).some((f) => f.ruleId === 'xml-malformed'));
  });
});
