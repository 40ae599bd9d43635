import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { globalSettings, header, oauthSettings } from '../../helpers/fixture';
import { assertAtMark, markedRoot, only, P, withFixture } from '../../helpers/eca';

const ID = 'oauth-link-missing';
const OAUTH_BODY = '    <commaSeparatedOauthScopes>Api</commaSeparatedOauthScopes>\n    <externalClientApplication>Billing</externalClientApplication>\n    <label>Billing_oauth</label>\n';
const packagedHeader = header('    <distributionState>Packaged</distributionState>\n    <orgScopedExternalApp>00DAb0000012345:Billing</orgScopedExternalApp>\n');

test(`${ID}: OAuth settings of a Packaged app without oauthLink: information at the root element, related at distributionState`, () => {
  withFixture({ [P.header]: packagedHeader, [P.oauth]: markedRoot('ExtlClntAppOauthSettings', OAUTH_BODY) }, (fx) => {
    const f = only(fx.findings(P.oauth, ID));
    assert.equal(f.severity, 'information');
    assertAtMark(fx, P.oauth, f);
    assert.match(f.message, /OAuth settings of Packaged app "Billing" have no oauthLink/);
    assert.match(f.message, /its own consumer key/);
    assert.match(f.message, /Retrieve the OAuth settings from the Dev Hub/);
    assert.deepEqual(f.fixes, []);
    assert.equal(f.related?.length, 1);
    const r = f.related![0]!;
    assert.equal(r.path, fx.abs(P.header));
    // <distributionState> is on line 2 (0-based) of the header, its value after 4 spaces + the open tag.
    const col = '    <distributionState>'.length;
    assert.deepEqual(r.range, { start: { line: 2, character: col }, end: { line: 2, character: col + 'Packaged'.length } });
  });
});

test(`${ID}: silent with an oauthLink, a Local or stateless header, or no header`, () => {
  const cases: Record<string, string>[] = [
    { [P.header]: packagedHeader, [P.oauth]: oauthSettings(OAUTH_BODY + '    <oauthLink>00DAb0000012345:888Ab0000012345</oauthLink>\n') },
    { [P.header]: header('    <distributionState>Local</distributionState>\n'), [P.oauth]: oauthSettings(OAUTH_BODY) },
    { [P.header]: header('    <label>Billing</label>\n'), [P.oauth]: oauthSettings(OAUTH_BODY) },
    { [P.oauth]: oauthSettings(OAUTH_BODY) },
  ];
  for (const files of cases) withFixture(files, (fx) => assert.equal(fx.findings(P.oauth, ID).length, 0));
});

test(`${ID}: only OAuth settings are checked, not other satellites of the Packaged app`, () => {
  const g = P.global;
  withFixture({ [P.header]: packagedHeader, [g]: globalSettings('    <externalClientApplication>Billing</externalClientApplication>\n') }, (fx) => {
    assert.equal(fx.findings(g, ID).length, 0);
    assert.equal(fx.findings(P.header, ID).length, 0);
  });
});
