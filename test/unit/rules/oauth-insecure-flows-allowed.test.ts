import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { xml } from '../../helpers/fixture';
import { P, preferred, rangeIn, withFixture } from '../../helpers/eca';

const ID = 'oauth-insecure-flows-allowed';
const S = 'force-app/main/default/settings/OauthOidc.settings-meta.xml';

test(`${ID}: reported in the settings file (a project rule), at the element or the root tag; suggestion fixes; re-check clean`, () => {
  const text = xml('OauthOidcSettings', '    <blockOAuthUnPwFlow>false</blockOAuthUnPwFlow>\n    <isPkceRequired>true</isPkceRequired>\n');
  withFixture({ [S]: text, [P.header]: '<x/>' }, (fx) => {
    const all = fx.check();
    const fs2 = (all.get(fx.abs(S)) ?? []).filter((f) => f.ruleId === ID);
    assert.equal(fs2.length, 2);
    const unpw = fs2.find((f) => /UnPw/.test(f.message));
    const agent = fs2.find((f) => /UsrAgt/.test(f.message));
    assert.equal(unpw!.severity, 'information');
    assert.equal(unpw!.path, fx.abs(S));
    assert.deepEqual(rangeIn(fx, S, unpw!), { start: text.indexOf('false'), end: text.indexOf('false') + 5 });
    assert.match(unpw!.message, /username-password flow \(<blockOAuthUnPwFlow> is "false"\)/);
    assert.deepEqual(rangeIn(fx, S, agent!), { start: text.indexOf('OauthOidcSettings'), end: text.indexOf('OauthOidcSettings') + 17 });
    assert.match(agent!.message, /user-agent \(and hybrid\) flow \(<blockOAuthUsrAgtFlow> is absent\)/);
    assert.equal(preferred(unpw!).kind, 'suggestion');
    fx.apply(preferred(unpw!));
    assert.equal(fx.read(S), text.replace('>false<', '>true<'));
    fx.apply(preferred(fx.findings(S, ID)[0]!));
    // Both fixed: the root tag finding's insertion lands in name order.
    assert.equal(fx.read(S), xml('OauthOidcSettings', '    <blockOAuthUnPwFlow>true</blockOAuthUnPwFlow>\n    <blockOAuthUsrAgtFlow>true</blockOAuthUsrAgtFlow>\n    <isPkceRequired>true</isPkceRequired>\n'));
    assert.equal(fx.findings(S, ID).length, 0);
    assert.equal(fx.findings('sfdx-project.json', ID).length, 0);
  });
});

test(`${ID}: nothing without the settings file; re-checked when it changes`, () => {
  withFixture({ [P.header]: '<x/>' }, (fx) => {
    assert.equal([...fx.check().values()].flat().filter((f) => f.ruleId === ID).length, 0);
    fs.mkdirSync(fx.abs('force-app/main/default/settings'), { recursive: true });
    fs.writeFileSync(fx.abs(S), xml('OauthOidcSettings', '    <blockOAuthUnPwFlow>true</blockOAuthUnPwFlow>\n'));
    const r = fx.project.update(fx.abs(S));
    assert.ok(r.affected.has(fx.abs(S)));
    assert.equal(fx.project.check(fx.abs(S)).filter((f) => f.ruleId === ID).length, 1);
    assert.ok(fx.project.allPaths().includes(fx.abs(S)));
  });
});
