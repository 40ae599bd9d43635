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

const D = 'force-app/main/default';
const oauth = (label: string, scopes: string) => oauthSettings(`    <commaSeparatedOauthScopes>${scopes}</commaSeparatedOauthScopes>\n    <externalClientApplication>Dup</externalClientApplication>\n    <label>${label}</label>\n`);
const FILES = {
  header: `${D}/externalClientApps/Dup.eca-meta.xml`,
  a: `${D}/extlClntAppOauthSettings/Dup_a_oauth.ecaOauth-meta.xml`,
  b: `${D}/extlClntAppOauthSettings/Dup_b_oauth.ecaOauth-meta.xml`,
  global: `${D}/extlClntAppGlobalOauthSets/Dup_glbloauth.ecaGlblOauth-meta.xml`,
  policies: `${D}/extlClntAppOauthPolicies/Dup_oauthPlcy.ecaOauthPlcy-meta.xml`,
  plugin: `${D}/extlClntAppPolicies/Dup_plcy.ecaPlcy-meta.xml`,
};

test('postureOf: own role from the file itself, the others from the first file by path; a second file of a role takes itself', () => {
  const fx = fixture({
    [FILES.header]: header('    <distributionState>Local</distributionState>\n    <label>Dup</label>\n'),
    [FILES.a]: oauth('Dup_a_oauth', 'Api'),
    [FILES.b]: oauth('Dup_b_oauth', 'Api, RefreshToken'),
    [FILES.global]: globalSettings('    <externalClientApplication>Dup</externalClientApplication>\n    <label>Dup_glbloauth</label>\n'),
    [FILES.policies]: oauthPolicies('    <externalClientApplication>Dup</externalClientApplication>\n    <label>Dup_oauthPlcy</label>\n'),
    [FILES.plugin]: pluginPolicies('    <externalClientApplication>Dup</externalClientApplication>\n    <label>Dup_plcy</label>\n'),
  });
  try {
    const p = fx.project;
    const src = (rel: string): PostureSource => {
      const f = p.file(path.join(fx.root, rel))!;
      return { path: f.path, root: f.xml!.root!, text: f.doc!.text };
    };
    const postureFor = (rel: string) => {
      const file = p.file(path.join(fx.root, rel))!;
      return postureOf({ file, app: p.app('Dup'), project: p } as unknown as EcaFileContext);
    };
    const firsts = { header: src(FILES.header), oauthSettings: src(FILES.a), globalSettings: src(FILES.global), policies: src(FILES.policies) };
    // Every file but B: the first OAuth settings (A, scopes Api): no refresh token.
    for (const rel of [FILES.header, FILES.a, FILES.global, FILES.policies, FILES.plugin]) {
      const got = postureFor(rel);
      assert.deepEqual(got, ecaPosture(firsts), rel);
      assert.equal(got?.flows.refreshToken.enabled, false, rel);
    }
    // B takes itself for its role (scopes Api, RefreshToken): refresh tokens can be issued.
    const b = postureFor(FILES.b);
    assert.deepEqual(b, ecaPosture({ ...firsts, oauthSettings: src(FILES.b) }));
    assert.equal(b?.flows.refreshToken.enabled, true);
    // Asked again in another order: the same answers.
    assert.equal(postureFor(FILES.a)?.flows.refreshToken.enabled, false);
    assert.equal(postureFor(FILES.b)?.flows.refreshToken.enabled, true);
    assert.equal(postureFor(FILES.global)?.flows.refreshToken.enabled, false);
  } finally {
    fx.cleanup();
  }
});
