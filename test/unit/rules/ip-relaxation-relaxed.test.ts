import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CA, P, PLAIN_PROJECT, connectedApp, expectNone, expectOne, plcy, withFixture } from '../../helpers/oauth';

const ID = 'ip-relaxation-relaxed';
const p = (v: string, comment = '') => plcy('', `    <ipRelaxationPolicyType>${v}</ipRelaxationPolicyType>${comment}\n`);

test(`${ID}: Bypass, Bypass_2factor, Enforce_RelaxRefresh: warning at the value, fix sets Enforce`, () => {
  for (const v of ['Bypass', 'Bypass_2factor', 'Enforce_RelaxRefresh']) {
    expectOne({ [P.oauthPolicy]: p(`⟦${v}⟧`) }, P.oauthPolicy, ID, (f) => {
      assert.equal(f.severity, 'warning');
      assert.match(f.message, new RegExp(`ipRelaxationPolicyType is ${v}: .* Use Enforce`));
    }, p('Enforce'));
  }
});

test(`${ID}: Connected App BYPASS_2FACTOR, ENFORCE_RELAXREFRESH; fix sets ENFORCE`, () => {
  const c = (v: string) => connectedApp('        <callbackUrl>https://x.example/cb</callbackUrl>\n', `    <oauthPolicy>\n        <ipRelaxation>${v}</ipRelaxation>\n        <refreshTokenPolicy>zero</refreshTokenPolicy>\n    </oauthPolicy>\n`);
  expectOne({ [CA]: c('⟦BYPASS_2FACTOR⟧') }, CA, ID, () => {}, c('ENFORCE'));
  expectOne({ [CA]: c('⟦ENFORCE_RELAXREFRESH⟧') }, CA, ID);
  expectNone({ [CA]: c('ENFORCE') }, CA, ID);
});

test(`${ID}: a comment next to the element does not silence it; the rule setting does`, () => {
  const files = { 'sfdx-project.json': PLAIN_PROJECT, [P.oauthPolicy]: p('Bypass', ' <!-- eca-lens-disable ip-relaxation-relaxed: partner VPN -->') };
  withFixture(files, (fx) => assert.equal(fx.findings(P.oauthPolicy, ID).length, 1));
  withFixture(files, (fx) => assert.equal(fx.findings(P.oauthPolicy, ID).length, 0), { rules: { [ID]: 'off' } });
  withFixture(files, (fx) => assert.equal(fx.findings(P.oauthPolicy, ID)[0]?.severity, 'information'), { rules: { 'ip-*': 'information' } });
});

test(`${ID}: silent for Enforce and when absent (Enforce is the default)`, () => {
  expectNone({ [P.oauthPolicy]: p('Enforce') }, P.oauthPolicy, ID);
  expectNone({ [P.oauthPolicy]: plcy('') }, P.oauthPolicy, ID);
});
