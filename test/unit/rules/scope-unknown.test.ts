import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { oauthSettings, xml } from '../../helpers/fixture';
import { assertAtMark, assertFixedTo, only, P, preferred, withFixture } from '../../helpers/eca';

const ID = 'scope-unknown';
const EXT = '    <externalClientApplication>Billing</externalClientApplication>\n';
const scopes = (s: string) => oauthSettings(`    <commaSeparatedOauthScopes>${s}</commaSeparatedOauthScopes>\n${EXT}`);

test(`${ID}: an OAuth protocol spelling: warning at the token, safe fix`, () => {
  withFixture({ [P.oauth]: scopes('Api, ⟦refresh_token⟧') }, (fx) => {
    const f = only(fx.findings(P.oauth, ID));
    assert.equal(f.severity, 'warning');
    assertAtMark(fx, P.oauth, f);
    assert.match(f.message, /"refresh_token" in commaSeparatedOauthScopes is not an OAuth scope name/);
    assert.match(f.message, /Did you mean RefreshToken\?/);
    const fix = preferred(f);
    assert.equal(fix.kind, 'safe');
    assertFixedTo(fx, P.oauth, ID, fix, scopes('Api, RefreshToken'));
  });
});

test(`${ID}: the mapping table`, () => {
  const cases: [string, string, 'safe' | 'suggestion'][] = [
    ['api', 'Api', 'safe'], ['offline_access', 'OfflineAccess', 'safe'], ['openid', 'OpenID', 'safe'], ['full', 'Full', 'safe'], ['web', 'Web', 'safe'],
    ['chatter_api', 'Chatter', 'safe'], ['SFAP', 'SFApiPlatform', 'safe'], ['id', 'Basic', 'suggestion'], ['visualforce', 'CustomApplications', 'suggestion'], ['RefreshTokn', 'RefreshToken', 'suggestion'],
  ];
  for (const [bad, good, kind] of cases) {
    withFixture({ [P.oauth]: scopes(`Api, ${bad}`) }, (fx) => {
      const fix = preferred(only(fx.findings(P.oauth, ID)));
      assert.equal(fix.title, `Change scope "${bad}" to ${good}`, bad);
      assert.equal(fix.kind, kind, bad);
    });
  }
  withFixture({ [P.oauth]: scopes('Api, Teleport') }, (fx) => assert.equal(only(fx.findings(P.oauth, ID)).fixes.length, 0));
});

test(`${ID}: separators other than ", ": one information finding, fix joins with ", "`, () => {
  for (const list of ['Api,RefreshToken', 'Api RefreshToken', 'Api,\n        RefreshToken']) {
    withFixture({ [P.oauth]: scopes(`⟦${list}⟧`) }, (fx) => {
      const f = only(fx.findings(P.oauth, ID));
      assert.equal(f.severity, 'information');
      assertAtMark(fx, P.oauth, f);
      assert.match(f.message, /separated by ", " in every real file/);
      assertFixedTo(fx, P.oauth, ID, preferred(f), scopes('Api, RefreshToken'));
    });
  }
});

test(`${ID}: ConnectedApp <scopes>: SFApiPlatform is the ECA spelling, SFAP the ConnectedApp one`, () => {
  const rel = 'force-app/main/default/connectedApps/Old.connectedApp-meta.xml';
  const body = (s: string) => `    <contactEmail>a@b.co</contactEmail>\n    <label>Old</label>\n    <oauthConfig>\n        <callbackUrl>https://x</callbackUrl>\n        <scopes>Api</scopes>\n        <scopes>${s}</scopes>\n    </oauthConfig>\n`;
  withFixture({ [rel]: xml('ConnectedApp', body('⟦SFApiPlatform⟧')) }, (fx) => {
    const f = only(fx.findings(rel, ID));
    assertAtMark(fx, rel, f);
    assertFixedTo(fx, rel, ID, preferred(f), xml('ConnectedApp', body('SFAP')));
  });
});

test(`${ID}: silent for known scopes (newest ones too) and in other files`, () => {
  withFixture({ [P.oauth]: scopes('Api, RefreshToken, SFApiPlatform, DataCloudUserClaims, CDP, MCP') }, (fx) => assert.equal(fx.findings(P.oauth, ID).length, 0));
});
