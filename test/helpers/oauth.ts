/** Fixture pieces for the OAuth governance rules: an ECA "Billing" and a Connected App "Legacy". */
import * as assert from 'node:assert/strict';
import { header, oauthSettings, globalSettings, oauthPolicies, xml, PLAIN_PROJECT } from './fixture';
import { P, withFixture, only, assertAtMark, assertFixedTo } from './eca';
import type { Fixture } from './fixture';
import type { Finding } from '../../server/src/engine';

export { P, PLAIN_PROJECT, withFixture, only, assertAtMark, assertFixedTo };
export const CA = 'force-app/main/default/connectedApps/Legacy.connectedApp-meta.xml';
export const APP = '    <externalClientApplication>Billing</externalClientApplication>\n';

export const hdr = (state = 'Local') => header(`    <contactEmail>a@b.co</contactEmail>\n    <distributionState>${state}</distributionState>\n    <label>Billing</label>\n`);
export const oauth = (scopes: string) => oauthSettings(`    <commaSeparatedOauthScopes>${scopes}</commaSeparatedOauthScopes>\n${APP}    <label>Billing</label>\n`);
/** Global settings: `body` goes after externalClientApplication (keep it alphabetical: is*, label). */
export const glbl = (before: string, after = '') => globalSettings(`${before}${APP}${after}`);
export const plcy = (before: string, after = '') => oauthPolicies(`${before}${APP}${after}`);
export const connectedApp = (oauthConfig: string, rest = '') =>
  xml('ConnectedApp', `    <contactEmail>a@b.co</contactEmail>\n    <label>Legacy</label>\n${oauthConfig === '' ? '' : `    <oauthConfig>\n${oauthConfig}    </oauthConfig>\n`}${rest}`);

/** Findings of `id` in `rel`, in a plain (not packaged) project unless files say otherwise. */
export function findings(files: Record<string, string>, rel: string, id: string): Finding[] {
  let out: Finding[] = [];
  withFixture({ 'sfdx-project.json': PLAIN_PROJECT, ...files }, (fx) => {
    out = fx.findings(rel, id);
  });
  return out;
}

/** Exactly one finding at the ⟦⟧ mark; its preferred fix yields `expected` (when given), which re-checks clean. */
export function expectOne(files: Record<string, string>, rel: string, id: string, check: (f: Finding, fx: Fixture) => void = () => {}, expected?: string): void {
  withFixture({ 'sfdx-project.json': PLAIN_PROJECT, ...files }, (fx) => {
    const f = only(fx.findings(rel, id));
    assertAtMark(fx, rel, f);
    check(f, fx);
    if (expected !== undefined) {
      const fix = f.fixes.find((x) => x.preferred) ?? f.fixes[0];
      assert.ok(fix, 'no fix');
      assert.equal(fix.kind, 'suggestion');
      assertFixedTo(fx, rel, id, fix, expected);
    }
  });
}

export function expectNone(files: Record<string, string>, rel: string, id: string, msg?: string): void {
  assert.equal(findings(files, rel, id).length, 0, msg);
}

export { hdr as header };
export { oauthSettings, globalSettings, oauthPolicies };
