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
import { parseXml } from '../../server/src/metadata/parse';
import { textFromString } from '../../server/src/util/text';
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

test('ecaPosture: list items split at commas and at line breaks, trimmed of white space as /\\s/ knows it, with offsets', () => {
  const source = (xml: string): PostureSource => ({ path: '/p/x.xml', root: parseXml(textFromString(xml)).root!, text: xml });
  // No-break space, em space, BOM, tab and a line break around the scopes; an empty item between commas.
  const scopes = '\u00a0Api ,\u2003RefreshToken\ufeff,\t,\nOfflineAccess\n';
  const o = oauthSettings(`    <commaSeparatedOauthScopes>${scopes}</commaSeparatedOauthScopes>\n`);
  const urls = 'https://a.example/cb\r\n  https://b.example/cb \rhttps://c.example/cb\n';
  const g = globalSettings(`    <callbackUrl>${urls}</callbackUrl>\n`);
  const p = ecaPosture({ oauthSettings: source(o), globalSettings: source(g) });
  if (p.kind !== 'eca') throw new Error('an ECA posture');
  const at = (text: string, item: string) => [text.indexOf(item), text.indexOf(item) + item.length];
  assert.deepEqual(p.scopes.items!.map((s) => [s.name, s.start, s.end]), ['Api', 'RefreshToken', 'OfflineAccess'].map((n) => [n, ...at(o, n)]));
  assert.deepEqual(p.callbackUrls.items!.map((u) => [u.url, u.start, u.end]), ['https://a.example/cb', 'https://b.example/cb', 'https://c.example/cb'].map((u) => [u, ...at(g, u)]));
  assert.equal(p.flows.refreshToken.enabled, true);
});
