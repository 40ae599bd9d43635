import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { findDevHubOrgId } from '../../server/src/project/devHub';
import type { FsHost } from '../../server/src/project/fsHost';

const PROJECT = path.resolve('/work/proj');
const HOME = path.resolve('/home/dev');

/** An in-memory host holding only the given files; every other call answers "nothing". */
function host(files: Record<string, string>): FsHost & { reads: string[] } {
  const m = new Map(Object.entries(files).map(([k, v]) => [path.resolve(k), new TextEncoder().encode(v)]));
  const reads: string[] = [];
  return {
    reads,
    readFile: (p) => {
      reads.push(p);
      return m.get(path.resolve(p));
    },
    readDir: () => undefined,
    isFile: (p) => m.has(path.resolve(p)),
    isDirectory: () => false,
    exists: (p) => m.has(path.resolve(p)),
    realpath: (p) => p,
    writeFile: () => assert.fail('the Dev Hub lookup must not write'),
    deleteFile: () => assert.fail('the Dev Hub lookup must not delete'),
    rename: () => assert.fail('the Dev Hub lookup must not rename'),
  };
}

const TOKENS = ['00D!AQ4AQ.accessTokenValue', '5Aep861refreshTokenValue', 'clientSecretValue123', 'privateKeyPassphrase'];
/** An auth file as the sf CLI writes it: the org id next to token fields that must never leak. */
const auth = (username: string, orgId: string) =>
  JSON.stringify(
    {
      accessToken: TOKENS[0],
      refreshToken: TOKENS[1],
      clientSecret: TOKENS[2],
      instanceUrl: 'https://acme.my.salesforce.com',
      loginUrl: 'https://login.salesforce.com',
      orgId,
      username,
      isDevHub: true,
      privateKey: TOKENS[3],
    },
    null,
    2,
  );

const homeFile = (...p: string[]) => path.join(HOME, ...p);
const projFile = (...p: string[]) => path.join(PROJECT, ...p);
const sfConfig = (hub: string) => JSON.stringify({ 'target-dev-hub': hub });
const legacyConfig = (hub: string) => JSON.stringify({ defaultdevhubusername: hub });
const aliases = (orgs: Record<string, string>) => JSON.stringify({ orgs });

// Three hubs with distinct org ids, so every answer says which one was picked.
const HUBS = {
  'env@acme.dev': '00DEnv000000001AAA',
  'project@acme.dev': '00DPrj000000001AAA',
  'legacy@acme.dev': '00DLeg000000001AAA',
  'home@acme.dev': '00DHom000000001AAA',
  'homelegacy@acme.dev': '00DHlg000000001AAA',
};
const authFiles = Object.fromEntries(Object.entries(HUBS).map(([u, id]) => [homeFile('.sfdx', `${u}.json`), auth(u, id)]));

test('devHub: SF_TARGET_DEV_HUB wins over every config file', () => {
  const h = host({ ...authFiles, [projFile('.sf', 'config.json')]: sfConfig('project@acme.dev'), [homeFile('.sf', 'config.json')]: sfConfig('home@acme.dev') });
  const r = findDevHubOrgId(PROJECT, h, { env: { SF_TARGET_DEV_HUB: 'env@acme.dev' }, home: HOME });
  assert.equal(r.orgId, '00DEnv000000001');
  assert.equal(r.username, 'env@acme.dev');
  assert.match(r.source, /environment/);
});

test('devHub: SFDX_DEFAULTDEVHUBUSERNAME is read when SF_TARGET_DEV_HUB is unset, and loses to it when both are set', () => {
  const h = host(authFiles);
  assert.equal(findDevHubOrgId(PROJECT, h, { env: { SFDX_DEFAULTDEVHUBUSERNAME: 'legacy@acme.dev' }, home: HOME }).orgId, '00DLeg000000001');
  assert.equal(findDevHubOrgId(PROJECT, h, { env: { SF_TARGET_DEV_HUB: 'env@acme.dev', SFDX_DEFAULTDEVHUBUSERNAME: 'legacy@acme.dev' }, home: HOME }).orgId, '00DEnv000000001');
});

test('devHub: the project .sf/config.json wins over the home one', () => {
  const h = host({ ...authFiles, [projFile('.sf', 'config.json')]: sfConfig('project@acme.dev'), [homeFile('.sf', 'config.json')]: sfConfig('home@acme.dev') });
  const r = findDevHubOrgId(PROJECT, h, { env: {}, home: HOME });
  assert.equal(r.orgId, '00DPrj000000001');
  assert.ok(r.source.includes(projFile('.sf', 'config.json')), r.source);
});

test('devHub: the home .sf/config.json is used when the project sets none', () => {
  const h = host({ ...authFiles, [homeFile('.sf', 'config.json')]: sfConfig('home@acme.dev') });
  assert.equal(findDevHubOrgId(PROJECT, h, { env: {}, home: HOME }).orgId, '00DHom000000001');
});

test('devHub: legacy defaultdevhubusername in the project .sfdx/sfdx-config.json (local beats global)', () => {
  const h = host({ ...authFiles, [projFile('.sfdx', 'sfdx-config.json')]: legacyConfig('legacy@acme.dev'), [homeFile('.sf', 'config.json')]: sfConfig('home@acme.dev') });
  assert.equal(findDevHubOrgId(PROJECT, h, { env: {}, home: HOME }).orgId, '00DLeg000000001');
  // ...but the project's own .sf/config.json comes first.
  const h2 = host({ ...authFiles, [projFile('.sf', 'config.json')]: sfConfig('project@acme.dev'), [projFile('.sfdx', 'sfdx-config.json')]: legacyConfig('legacy@acme.dev') });
  assert.equal(findDevHubOrgId(PROJECT, h2, { env: {}, home: HOME }).orgId, '00DPrj000000001');
});

test('devHub: legacy home .sfdx/sfdx-config.json is the last resort', () => {
  const h = host({ ...authFiles, [homeFile('.sfdx', 'sfdx-config.json')]: legacyConfig('homelegacy@acme.dev') });
  assert.equal(findDevHubOrgId(PROJECT, h, { env: {}, home: HOME }).orgId, '00DHlg000000001');
  // the legacy key only counts in the legacy file, the new key only in the new one
  const h2 = host({ ...authFiles, [homeFile('.sf', 'config.json')]: legacyConfig('home@acme.dev'), [homeFile('.sfdx', 'sfdx-config.json')]: sfConfig('homelegacy@acme.dev') });
  assert.equal(findDevHubOrgId(PROJECT, h2, { env: {}, home: HOME }).orgId, undefined);
});

test('devHub: an alias maps to its username through ~/.sfdx/alias.json', () => {
  const h = host({ ...authFiles, [homeFile('.sf', 'config.json')]: sfConfig('hub'), [homeFile('.sfdx', 'alias.json')]: aliases({ scratch: 'other@acme.dev', hub: 'home@acme.dev' }) });
  const r = findDevHubOrgId(PROJECT, h, { env: {}, home: HOME });
  assert.equal(r.username, 'home@acme.dev');
  assert.equal(r.orgId, '00DHom000000001');
  assert.match(r.source, /target-dev-hub hub/);
  // an alias from the environment maps the same way
  assert.equal(findDevHubOrgId(PROJECT, h, { env: { SF_TARGET_DEV_HUB: 'hub' }, home: HOME }).orgId, '00DHom000000001');
});

test('devHub: a username with no alias entry is used as it is', () => {
  const h = host({ ...authFiles, [homeFile('.sf', 'config.json')]: sfConfig('home@acme.dev'), [homeFile('.sfdx', 'alias.json')]: aliases({ hub: 'project@acme.dev' }) });
  assert.equal(findDevHubOrgId(PROJECT, h, { env: {}, home: HOME }).orgId, '00DHom000000001');
});

test('devHub: an 18-character org id is cut to the 15 that ECA files use; a 15-character one is kept', () => {
  const h18 = host({ [homeFile('.sfdx', 'a@b.c.json')]: auth('a@b.c', '00D5g000004XyZaEAK') });
  assert.equal(findDevHubOrgId(PROJECT, h18, { env: { SF_TARGET_DEV_HUB: 'a@b.c' }, home: HOME }).orgId, '00D5g000004XyZa');
  const h15 = host({ [homeFile('.sfdx', 'a@b.c.json')]: auth('a@b.c', '00D5g000004XyZa') });
  assert.equal(findDevHubOrgId(PROJECT, h15, { env: { SF_TARGET_DEV_HUB: 'a@b.c' }, home: HOME }).orgId, '00D5g000004XyZa');
});

test('devHub: nothing configured says so', () => {
  const r = findDevHubOrgId(PROJECT, host({}), { env: {}, home: HOME });
  assert.equal(r.orgId, undefined);
  assert.equal(r.username, undefined);
  assert.match(r.source, /no target-dev-hub is set/);
});

test('devHub: a missing auth file gives the username but no org id', () => {
  const h = host({ [homeFile('.sf', 'config.json')]: sfConfig('gone@acme.dev') });
  const r = findDevHubOrgId(PROJECT, h, { env: {}, home: HOME });
  assert.equal(r.orgId, undefined);
  assert.equal(r.username, 'gone@acme.dev');
  assert.match(r.source, /no auth file with an org id for gone@acme\.dev/);
});

test('devHub: an auth file whose orgId is no org id gives none', () => {
  const h = host({ [homeFile('.sfdx', 'a@b.c.json')]: auth('a@b.c', '001000000000001AAA') });
  assert.equal(findDevHubOrgId(PROJECT, h, { env: { SF_TARGET_DEV_HUB: 'a@b.c' }, home: HOME }).orgId, undefined);
});

test('devHub: malformed config files are skipped, not thrown', () => {
  const h = host({ ...authFiles, [projFile('.sf', 'config.json')]: '{ "target-dev-hub": ', [homeFile('.sf', 'config.json')]: sfConfig('home@acme.dev'), [homeFile('.sfdx', 'alias.json')]: 'not json' });
  assert.equal(findDevHubOrgId(PROJECT, h, { env: {}, home: HOME }).orgId, '00DHom000000001');
});

test('devHub: a target that is not a plain file name is refused (no path walking)', () => {
  const h = host({ [path.join(HOME, 'evil.json')]: auth('x', '00DEvl000000001AAA') });
  const r = findDevHubOrgId(PROJECT, h, { env: { SF_TARGET_DEV_HUB: '../evil' }, home: HOME });
  assert.equal(r.orgId, undefined);
  assert.match(r.source, /not a plain username/);
});

test('devHub: no token value ever appears in the answer', () => {
  const h = host({ ...authFiles, [homeFile('.sf', 'config.json')]: sfConfig('hub'), [homeFile('.sfdx', 'alias.json')]: aliases({ hub: 'home@acme.dev' }) });
  const r = findDevHubOrgId(PROJECT, h, { env: {}, home: HOME });
  assert.equal(r.orgId, '00DHom000000001');
  assert.deepEqual(Object.keys(r).sort(), ['orgId', 'source', 'username']);
  const json = JSON.stringify(r);
  for (const t of TOKENS) assert.ok(!json.includes(t), `token leaked: ${t}`);
  assert.ok(!/accessToken|refreshToken|clientSecret|privateKey/.test(json));
  // Only config, alias and the one auth file are read.
  for (const p of h.reads) assert.ok(p.endsWith('config.json') || p.endsWith('alias.json') || p.endsWith('home@acme.dev.json'), p);
});
