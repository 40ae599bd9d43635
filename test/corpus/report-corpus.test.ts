/**
 * `eca-lens report` on every project of the shared corpus (../shared/corpus, read in place): the
 * JSON parses, there is one entry per ECA app and per Connected App file, and no secret value
 * reaches the report. Values of two projects are checked by hand against their files.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from '../../server/src/cli/main';
import { findProjectRoots, openProject } from '../../server/src/engine';
import { nodeFsHost } from '../../server/src/project/fsHost';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');

interface AppJson {
  name: string;
  kind: string;
  path: string;
  [k: string]: unknown;
  findings: { code: string; severity: string; path: string }[];
}

function report(dir: string, format = 'json') {
  const r = run(['report', dir, '--format', format]);
  assert.equal(r.code, 0, `${dir}: ${r.stderr}`);
  return r.stdout;
}
function apps(dir: string): AppJson[] {
  const j = JSON.parse(report(dir));
  assert.equal(j.version, 1);
  return j.apps ?? j.projects.flatMap((p: { apps: AppJson[] }) => p.apps);
}

test('report on every corpus project: JSON parses, one entry per app and per Connected App, Markdown too', () => {
  assert.ok(fs.existsSync(path.join(CORPUS, 'SOURCES.md')), `the shared corpus is missing at ${CORPUS}`);
  let total = 0;
  for (const name of fs.readdirSync(CORPUS).filter((n) => fs.statSync(path.join(CORPUS, n)).isDirectory()).sort()) {
    const dir = path.join(CORPUS, name);
    const roots = findProjectRoots(dir, nodeFsHost);
    if (roots.length === 0) continue;
    const got = apps(dir);
    const expected: string[] = [];
    for (const root of roots) {
      const p = openProject(root, nodeFsHost);
      for (const a of p.apps()) expected.push(`eca ${a.name}`);
      for (const f of p.filesOfType('ConnectedApp')) expected.push(`connectedApp ${f.fullName}`);
    }
    assert.deepEqual(got.map((a) => `${a.kind} ${a.name}`).sort(), expected.sort(), name);
    for (const a of got) {
      for (const f of a.findings) assert.ok(typeof f.code === 'string' && typeof f.path === 'string' && !path.isAbsolute(f.path), `${name} ${a.name}`);
    }
    // No consumer secret or private key text in either format.
    const md = report(dir, 'markdown');
    assert.match(md, /^## ECA Lens integration report/, name);
    for (const text of [md, JSON.stringify(got)]) assert.doesNotMatch(text, /BEGIN (RSA |EC )?PRIVATE KEY|<consumerSecret>[^<]/, name);
    total += got.length;
  }
  assert.ok(total >= 20, `${total} apps in the corpus`);
});

test('awesomeandrey__minlopro-dx: the SFDC_JWT_Echo Connected App, by hand', () => {
  const all = apps(path.join(CORPUS, 'awesomeandrey__minlopro-dx'));
  // Three ECA apps; six Connected App files (two apps have two copies each).
  assert.equal(all.filter((a) => a.kind === 'eca').length, 3);
  assert.equal(all.filter((a) => a.kind === 'connectedApp').length, 6);
  const jwt = all.find((a) => a.name === 'SFDC_JWT_Echo')!;
  const { findings, ...values } = jwt;
  // The file: callbackUrl http://localhost:8080, isAdminApproved true, no certificate, scopes
  // Full + RefreshToken, ipRelaxation ENFORCE, refreshTokenPolicy infinite, profileName System
  // Administrator, isPkceRequired false; no sessionPolicy, no oauthClientCredentialUser.
  assert.deepEqual(values, {
    name: 'SFDC_JWT_Echo',
    kind: 'connectedApp',
    path: 'src/minlopro/main/connectedApps/SFDC_JWT_Echo.connectedApp-meta.xml',
    packageDirectory: 'src/minlopro',
    distributionState: null,
    ships: null,
    flows: ['authorizationCode', 'refreshToken'],
    flowsUnknown: [],
    scopes: ['Full', 'RefreshToken'],
    permittedUsers: 'AdminApprovedPreAuthorized',
    preauthorized: { profiles: ['System Administrator'], permissionSets: [] },
    ipRelaxation: 'Enforce',
    refreshToken: { policy: 'Infinite', period: null, unit: null, explicit: true },
    pkceRequired: false,
    rotation: false,
    sessionLevel: null,
    executionUser: null,
    notes: [],
  });
  // The same set test/corpus/corpus.test.ts pins for this file (each checked there by hand).
  assert.deepEqual(findings.map((f) => f.code).sort(), [
    'connected-app-migration',
    'consumer-secret-optional',
    'pkce-not-required',
    'preauthorized-admin-access',
    'refresh-secret-not-required',
    'refresh-token-long-lived',
    'refresh-token-rotation-off',
    'scope-full',
  ]);
});

test('yositwina__NativeForms: the packaged NativForms app, by hand', () => {
  const all = apps(path.join(CORPUS, 'yositwina__NativeForms'));
  // NativForms, and NativeForms_Connected_App (a plugin policies file whose app has no other file).
  assert.deepEqual(all.map((a) => `${a.kind} ${a.name}`), ['eca NativForms', 'eca NativeForms_Connected_App']);
  const app = all.find((a) => a.name === 'NativForms')!;
  const { findings, ...values } = app;
  // Header Packaged; every file excluded by .forceignore (so nothing ships); global settings:
  // callbackUrl, isCodeCredFlowEnabled true, PKCE and rotation false; OAuth settings: Api,
  // RefreshToken; the force-app policies file (read before the copy outside the package directory):
  // AllSelfAuthorized, Enforce, SpecificLifetime 365 Days, STANDARD.
  assert.deepEqual(values, {
    name: 'NativForms',
    kind: 'eca',
    path: 'force-app/main/default/externalClientApps/NativForms.eca-meta.xml',
    packageDirectory: 'force-app',
    distributionState: 'Packaged',
    ships: [],
    flows: ['authorizationCode', 'codeAndCredentials', 'refreshToken'],
    flowsUnknown: [],
    scopes: ['Api', 'RefreshToken'],
    permittedUsers: 'AllSelfAuthorized',
    preauthorized: { profiles: [], permissionSets: [] },
    ipRelaxation: 'Enforce',
    refreshToken: { policy: 'SpecificLifetime', period: 365, unit: 'Days', explicit: true },
    pkceRequired: false,
    rotation: false,
    sessionLevel: 'STANDARD',
    executionUser: null,
    notes: ['2 OAuth policies files: read force-app/main/default/extlClntAppOauthPolicies/NativForms_oauthPlcy.ecaOauthPlcy-meta.xml'],
  });
  const codes = findings.map((f) => `${f.code} ${f.path.split('/').pop()}`);
  for (const c of [
    'packageable-excluded NativForms.eca-meta.xml',
    'packageable-excluded NativForms_oauth.ecaOauth-meta.xml',
    'secret-in-source NativForms_glbloauth.ecaGlblOauth-meta.xml',
    'pkce-not-required NativForms_glbloauth.ecaGlblOauth-meta.xml',
    'refresh-token-rotation-off NativForms_glbloauth.ecaGlblOauth-meta.xml',
    'permitted-users-self-authorize NativForms_oauthPlcy.ecaOauthPlcy-meta.xml',
  ]) assert.ok(codes.includes(c), `${c} in\n${codes.join('\n')}`);
});
