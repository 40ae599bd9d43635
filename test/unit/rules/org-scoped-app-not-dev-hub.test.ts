import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { header, oauthSettings, PLAIN_PROJECT } from '../../helpers/fixture';
import { assertAtMark, fakeHome, noDevHub, only, P, withFixture } from '../../helpers/eca';
import type { EngineOptions } from '../../../server/src/engine';

const ID = 'org-scoped-app-not-dev-hub';
const HUB: EngineOptions = { devHubOrgId: '00DAb0000012345' };
const OAUTH = 'force-app/main/default/extlClntAppOauthSettings/Billing_oauth.ecaOauth-meta.xml';
const packaged = (scoped: string) =>
  header(`    <contactEmail>a@b.co</contactEmail>\n    <distributionState>Packaged</distributionState>\n    <label>Billing</label>\n    <orgScopedExternalApp>${scoped}</orgScopedExternalApp>\n`);
const oauth = (link: string) =>
  oauthSettings(`    <commaSeparatedOauthScopes>Api</commaSeparatedOauthScopes>\n    <externalClientApplication>Billing</externalClientApplication>\n    <label>Billing</label>\n    <oauthLink>${link}</oauthLink>\n`);

test(`${ID}: header owned by another org: warning on the org id, with the quoted build error`, () => {
  withFixture({ [P.header]: packaged('⟦00D7z000000ScRt⟧:Billing') }, (fx) => {
    const f = only(fx.findings(P.header, ID));
    assert.equal(f.severity, 'warning');
    assertAtMark(fx, P.header, f);
    assert.match(f.message, /The org in orgScopedExternalApp \(00D7z000000ScRt\) is not the Dev Hub's \(00DAb0000012345\)/);
    assert.match(f.message, /External client apps that are created in ephemeral orgs can't be packaged\./);
    assert.equal(f.fixes.length, 0);
  }, HUB);
});

test(`${ID}: oauthLink of the OAuth settings: same check, on its org id`, () => {
  withFixture({ [P.header]: packaged('00DAb0000012345:Billing'), [OAUTH]: oauth('⟦00D7z000000ScRt⟧:888000000000001') }, (fx) => {
    assert.equal(fx.findings(P.header, ID).length, 0);
    const f = only(fx.findings(OAUTH, ID));
    assertAtMark(fx, OAUTH, f);
    assert.match(f.message, /The org in oauthLink \(00D7z000000ScRt\)/);
  }, HUB);
});

test(`${ID}: the Dev Hub's own org (18-character id in the setting, 15 in the file): silent`, () => {
  withFixture({ [P.header]: packaged('00DAb0000012345:Billing'), [OAUTH]: oauth('00DAb0000012345:888000000000001') }, (fx) => {
    assert.equal(fx.findings(P.header, ID).length, 0);
    assert.equal(fx.findings(OAUTH, ID).length, 0);
  }, { devHubOrgId: '00DAb0000012345AAA' });
});

test(`${ID}: no Dev Hub known: silent`, () => {
  const nd = noDevHub();
  try {
    withFixture({ [P.header]: packaged('00D7z000000ScRt:Billing') }, (fx) => assert.equal(fx.findings(P.header, ID).length, 0), nd.options);
  } finally {
    nd.cleanup();
  }
});

test(`${ID}: placeholders and unpackaged directories are not this rule's`, () => {
  withFixture({ [P.header]: packaged('00D-XXXXXXXXXXXXXX:Billing') }, (fx) => assert.equal(fx.findings(P.header, ID).length, 0), HUB);
  withFixture({ 'sfdx-project.json': PLAIN_PROJECT, [P.header]: packaged('00D7z000000ScRt:Billing') }, (fx) => assert.equal(fx.findings(P.header, ID).length, 0), HUB);
});

test(`${ID}: the Dev Hub found offline (SF_TARGET_DEV_HUB → ~/.sfdx/<username>.json)`, () => {
  const h = fakeHome({ '.sfdx/hub@acme.dev.json': JSON.stringify({ orgId: '00DHub000000001AAA', username: 'hub@acme.dev', isDevHub: true, accessToken: 'secret-token' }) });
  try {
    const options: EngineOptions = { devHubEnv: { env: { SF_TARGET_DEV_HUB: 'hub@acme.dev' }, home: h.home } };
    withFixture({ [P.header]: packaged('⟦00D7z000000ScRt⟧:Billing') }, (fx) => {
      const f = only(fx.findings(P.header, ID));
      assertAtMark(fx, P.header, f);
      assert.match(f.message, /not the Dev Hub's \(00DHub000000001\)/);
      assert.match(f.message, /target-dev-hub hub@acme\.dev/);
      assert.doesNotMatch(f.message, /secret-token/);
    }, options);
    withFixture({ [P.header]: packaged('00DHub000000001:Billing') }, (fx) => assert.equal(fx.findings(P.header, ID).length, 0), options);
  } finally {
    h.cleanup();
  }
});
