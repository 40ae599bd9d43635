/**
 * postureOf (rules/kit/posture.ts): an ECA file's posture takes the file itself for its own role
 * and, for every other role, the app's first file of that type by path. Checked against postures
 * built by hand from the files each one must use, for an app with two files of one role (so the
 * second takes itself, not the first) and a file of no role (plugin policies).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { postureOf, type EcaFileContext } from '../../server/src/rules/kit';
import { ecaPosture } from '../../server/src/metadata/oauthPosture';
import type { PostureSource } from '../../server/src/metadata/oauthPostureTypes';
import { fixture, header, oauthSettings, globalSettings, oauthPolicies, pluginPolicies } from '../helpers/fixture';
import { P } from '../helpers/eca';

const oauth = (label: string, scopes: string) => oauthSettings(`    <commaSeparatedOauthScopes>${scopes}</commaSeparatedOauthScopes>\n    <externalClientApplication>Billing</externalClientApplication>\n    <label>${label}</label>\n`);
// A second OAuth settings file of the app, after P.oauth by path ("Billing_oauth" < "Billing_z_oauth").
const SECOND = P.oauth.replace('Billing_oauth.', 'Billing_z_oauth.');

test('postureOf: own role from the file itself, the others from the first file by path; a second file of a role takes itself', () => {
  const fx = fixture({
    [P.header]: header('    <distributionState>Local</distributionState>\n    <label>Billing</label>\n'),
    [P.oauth]: oauth('Billing_oauth', 'Api'),
    [SECOND]: oauth('Billing_z_oauth', 'Api, RefreshToken'),
    [P.global]: globalSettings('    <externalClientApplication>Billing</externalClientApplication>\n    <label>Billing_glbloauth</label>\n'),
    [P.oauthPolicy]: oauthPolicies('    <externalClientApplication>Billing</externalClientApplication>\n    <label>Billing_oauthPlcy</label>\n'),
    [P.policy]: pluginPolicies('    <externalClientApplication>Billing</externalClientApplication>\n    <label>Billing_plcy</label>\n'),
  });
  try {
    const p = fx.project;
    const src = (rel: string): PostureSource => {
      const f = p.file(path.join(fx.root, rel))!;
      return { path: f.path, root: f.xml!.root!, text: f.doc!.text };
    };
    const postureFor = (rel: string) => {
      const file = p.file(path.join(fx.root, rel))!;
      return postureOf({ file, app: p.app('Billing'), project: p } as unknown as EcaFileContext);
    };
    const firsts = { header: src(P.header), oauthSettings: src(P.oauth), globalSettings: src(P.global), policies: src(P.oauthPolicy) };
    // Every file but the second OAuth settings: the first one (scopes Api): no refresh token.
    for (const rel of [P.header, P.oauth, P.global, P.oauthPolicy, P.policy]) {
      const got = postureFor(rel);
      assert.deepEqual(got, ecaPosture(firsts), rel);
      assert.equal(got?.flows.refreshToken.enabled, false, rel);
    }
    // The second takes itself for its role (scopes Api, RefreshToken): refresh tokens can be issued.
    const second = postureFor(SECOND);
    assert.deepEqual(second, ecaPosture({ ...firsts, oauthSettings: src(SECOND) }));
    assert.equal(second?.flows.refreshToken.enabled, true);
    // Asked again in another order: the same answers.
    assert.equal(postureFor(P.oauth)?.flows.refreshToken.enabled, false);
    assert.equal(postureFor(SECOND)?.flows.refreshToken.enabled, true);
    assert.equal(postureFor(P.global)?.flows.refreshToken.enabled, false);
  } finally {
    fx.cleanup();
  }
});
