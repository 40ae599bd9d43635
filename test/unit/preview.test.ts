/**
 * `eca-lens preview` on git repositories made here (git init, commit, tag v1.0.0, change, compare),
 * through the bundled server/out/cli.js; the git tree host and the pure release checks directly.
 */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { header, oauthSettings, globalSettings, PACKAGED_PROJECT } from '../helpers/fixture';
import { GitTreeHost, GitError } from '../../server/src/project/gitTree';
import { openProject } from '../../server/src/engine';
import { nodeFsHost } from '../../server/src/project/fsHost';
import { snapshotOf } from '../../server/src/views/snapshot';
import { orgScopedAppNotDevHub, packagedComponentRemoved, previewPackages, type SnapshotFile } from '../../server/src/views/preview';

const CLI = path.resolve('server/out/cli.js');
const HOME = fs.mkdtempSync(path.join(os.tmpdir(), 'eca-lens-home-'));
const GIT_ENV = {
  GIT_AUTHOR_NAME: 'ECA Lens Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'ECA Lens Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: path.join(HOME, 'gitconfig'),
};
const ENV = { ...process.env, ...GIT_ENV, NO_COLOR: '1', HOME, SF_TARGET_DEV_HUB: '', SFDX_DEFAULTDEVHUBUSERNAME: '' };
const dirs: string[] = [HOME];
after(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const H = 'force-app/main/default/externalClientApps/Acme.eca-meta.xml';
const O = 'force-app/main/default/extlClntAppOauthSettings/Acme_oauth.ecaOauth-meta.xml';
const G = 'force-app/main/default/extlClntAppGlobalOauthSets/Acme_glbloauth.ecaGlblOauth-meta.xml';
const ORG = '00D5g000004abcd';
const headerXml = (state = 'Packaged', org = `${ORG}:Acme`) =>
  header(`    <contactEmail>dev@example.com</contactEmail>\n    <distributionState>${state}</distributionState>\n    <label>Acme</label>\n    <orgScopedExternalApp>${org}</orgScopedExternalApp>\n`);
const oauthXml = (scopes = 'Api, RefreshToken') =>
  oauthSettings(`    <commaSeparatedOauthScopes>${scopes}</commaSeparatedOauthScopes>\n    <externalClientApplication>Acme</externalClientApplication>\n    <label>Acme</label>\n    <oauthLink>${ORG}:888000000000001</oauthLink>\n`);

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: ENV, encoding: 'utf8' });
}

function write(root: string, files: Record<string, string | null>): void {
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(root, rel);
    if (content === null) fs.rmSync(p, { force: true });
    else {
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, content);
    }
  }
}

/** A repository with the released project committed and tagged v1.0.0 (unless tag is false). */
function repo(opts: { tag?: boolean; files?: Record<string, string> } = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'eca-lens-git-'));
  dirs.push(root);
  write(root, opts.files ?? { 'sfdx-project.json': PACKAGED_PROJECT, '.forceignore': '**/extlClntAppGlobalOauthSets/**\n', [H]: headerXml(), [O]: oauthXml(), [G]: globalSettings('    <externalClientApplication>Acme</externalClientApplication>\n    <isClientCredentialsFlowEnabled>true</isClientCredentialsFlowEnabled>\n') });
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'release');
  if (opts.tag !== false) git(root, 'tag', 'v1.0.0');
  return root;
}

function cli(args: string[], cwd = process.cwd()) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: ENV });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface PreviewJson {
  version: number;
  since: string | null;
  packages: { packageDirectory: string; package: string; ships: { path: string; type: string; app: string | null }[]; changes: { path: string; type: string; app: string | null; change: string }[] }[];
  diagnostics: { path: string; code: string; severity: string; message: string; range: { start: { line: number; character: number } } }[];
}
const json = (root: string, ...extra: string[]) => {
  const r = cli(['preview', root, '--format', 'json', ...extra]);
  return { ...r, j: r.stdout ? (JSON.parse(r.stdout) as PreviewJson) : undefined };
};

test('preview: no change since the default tag; ships header + OAuth settings, not the excluded global settings', () => {
  const root = repo();
  const { code, j, stderr } = json(root);
  assert.equal(code, 0, stderr);
  assert.deepEqual(Object.keys(j!).sort(), ['diagnostics', 'packages', 'since', 'version']);
  assert.equal(j!.version, 1);
  assert.equal(j!.since, 'v1.0.0');
  assert.equal(j!.packages.length, 1);
  assert.deepEqual(j!.packages[0], {
    packageDirectory: 'force-app',
    package: 'Billing',
    ships: [
      { path: H, type: 'ExternalClientApplication', app: 'Acme' },
      { path: O, type: 'ExtlClntAppOauthSettings', app: 'Acme' },
    ],
    changes: [],
  });
  assert.deepEqual(j!.diagnostics, []);
});

test('preview --since: a deleted header is removed, an error on sfdx-project.json at the package name, exit 1', () => {
  const root = repo();
  write(root, { [H]: null });
  const { code, j } = json(root, '--since', 'v1.0.0');
  assert.equal(code, 1);
  assert.deepEqual(j!.packages[0]!.changes, [{ path: H, type: 'ExternalClientApplication', app: 'Acme', change: 'removed' }]);
  assert.equal(j!.diagnostics.length, 1);
  const d = j!.diagnostics[0]!;
  assert.equal(d.code, 'packaged-component-removed');
  assert.equal(d.severity, 'error');
  assert.equal(d.path, 'sfdx-project.json');
  const line = PACKAGED_PROJECT.split('\n').findIndex((l) => l.includes('"package"'));
  assert.equal(d.range.start.line, line);
  assert.match(d.message, /deleted/);
  assert.match(d.message, /upgrades/);
});

test('preview: a header newly excluded by .forceignore → error on that .forceignore line', () => {
  const root = repo();
  write(root, { '.forceignore': '**/extlClntAppGlobalOauthSets/**\n**/externalClientApps/**\n' });
  const { code, j } = json(root);
  assert.equal(code, 1);
  assert.deepEqual(j!.packages[0]!.changes.map((c) => [c.path, c.change]), [[H, 'removed']]);
  const d = j!.diagnostics[0]!;
  assert.equal(d.path, '.forceignore');
  assert.equal(d.range.start.line, 1);
  assert.match(d.message, /\.forceignore line now excludes/);
});

test('preview: distributionState changed → a warning on the value, modified, exit 0', () => {
  const root = repo();
  write(root, { [H]: headerXml('Local') });
  const { code, j } = json(root);
  assert.equal(code, 0);
  assert.deepEqual(j!.packages[0]!.changes.map((c) => [c.path, c.change]), [[H, 'modified']]);
  assert.deepEqual(j!.diagnostics.map((d) => [d.path, d.severity, d.range.start.line]), [[H, 'warning', 3]]);
  assert.match(j!.diagnostics[0]!.message, /distributionState.*"Packaged" → "Local"/);
});

test('preview: modified OAuth settings, an added file, a committed change after the tag', () => {
  const root = repo();
  write(root, { [O]: oauthXml('Api') });
  git(root, 'commit', '-qam', 'narrow scopes');
  const other = 'force-app/main/default/externalClientApps/Beta.eca-meta.xml';
  write(root, { [other]: headerXml('Packaged', `${ORG}:Beta`) });
  const { code, j } = json(root);
  assert.equal(code, 0);
  assert.deepEqual(j!.packages[0]!.changes, [
    { path: other, type: 'ExternalClientApplication', app: 'Beta', change: 'added' },
    { path: O, type: 'ExtlClntAppOauthSettings', app: 'Acme', change: 'modified' },
  ]);
  assert.deepEqual(j!.diagnostics, []);
  // Comparing with HEAD: only the uncommitted file differs.
  const h = json(root, '--since', 'HEAD');
  assert.deepEqual(h.j!.packages[0]!.changes.map((c) => c.change), ['added']);
});

test('preview: the .forceignore at REF decides what shipped then', () => {
  const root = repo();
  // At v1.0.0 global settings were excluded; now the exclusion is gone: they are in the build but
  // can't be packaged, so they do not "ship" (check reports them) and are no change.
  write(root, { '.forceignore': '' });
  const { j } = json(root);
  assert.deepEqual(j!.packages[0]!.changes, []);
});

test('preview: no tag → since null, nothing compared; text output', () => {
  const root = repo({ tag: false });
  const { code, j } = json(root);
  assert.equal(code, 0);
  assert.equal(j!.since, null);
  assert.deepEqual(j!.packages[0]!.changes, []);
  assert.equal(j!.packages[0]!.ships.length, 2);
  const t = cli(['preview', root]);
  assert.equal(t.code, 0);
  assert.match(t.stdout, /No tag reachable/);
  assert.match(t.stdout, /Package "Billing" \(force-app\)/);
  assert.match(t.stdout, /ships 2 ECA file\(s\)/);
});

test('preview: text output names the changes and the diagnostics', () => {
  const root = repo();
  write(root, { [O]: null });
  const t = cli(['preview', root, '--since', 'v1.0.0']);
  assert.equal(t.code, 1);
  assert.match(t.stdout, /Compared with v1\.0\.0/);
  assert.match(t.stdout, /removed\s+force-app\/main\/default\/extlClntAppOauthSettings\/Acme_oauth/);
  assert.match(t.stdout, /^sfdx-project\.json:\d+:\d+ error packaged-component-removed The OAuth settings/m);
});

test('preview: not a git repository, unknown REF, bad format → one-line error, exit 2', () => {
  const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'eca-lens-nogit-'));
  dirs.push(plain);
  write(plain, { 'sfdx-project.json': PACKAGED_PROJECT, [H]: headerXml() });
  const a = cli(['preview', plain], plain);
  assert.equal(a.code, 2);
  assert.match(a.stderr, /^eca-lens: .*not in a git repository\n$/);
  const root = repo();
  const b = cli(['preview', root, '--since', 'v9.9.9']);
  assert.equal(b.code, 2);
  assert.equal(b.stderr, 'eca-lens: unknown git revision "v9.9.9"\n');
  const c = cli(['preview', root, '--format', 'sarif']);
  assert.equal(c.code, 2);
  const d = cli(['preview', root, '--bogus']);
  assert.equal(d.code, 2);
  assert.match(d.stderr, /bogus/);
});

test('gitTree: lists and reads the tree at a revision, no checkout', () => {
  const root = repo();
  write(root, { [H]: null, 'extra.txt': 'x' });
  const host = new GitTreeHost(root, 'v1.0.0', { preload: (p) => p.endsWith('.xml') });
  const top = host.topLevel;
  assert.ok(host.isFile(path.join(top, H)));
  assert.ok(!host.exists(path.join(top, 'extra.txt')));
  assert.ok(host.isDirectory(path.join(top, 'force-app/main')));
  assert.deepEqual(host.readDir(path.join(top, 'force-app/main/default'))!.map((e) => e.name).sort(), ['externalClientApps', 'extlClntAppGlobalOauthSets', 'extlClntAppOauthSettings']);
  assert.equal(new TextDecoder().decode(host.readFile(path.join(top, H))), headerXml());
  assert.equal(new TextDecoder().decode(host.readFile(path.join(top, 'sfdx-project.json'))), PACKAGED_PROJECT);
  assert.equal(host.readFile(path.join(top, 'nope')), undefined);
  assert.throws(() => host.writeFile(path.join(top, 'x'), new Uint8Array()));
  assert.throws(() => new GitTreeHost(root, 'no-such-ref'), GitError);
  // The engine opens the project at the revision through the host.
  const p = openProject(top, host, { ruleSet: [] });
  assert.equal([...p.files()].length, 3);
});

// ---------------------------------------------------------------- pure checks

const file = (over: Partial<SnapshotFile>): SnapshotFile => ({
  path: H,
  type: 'ExternalClientApplication',
  fullName: 'Acme',
  app: 'Acme',
  packageDirectory: 'force-app',
  package: 'Billing',
  ships: true,
  digest: 'a',
  rootSpan: { start: 1, end: 26 },
  fields: {},
  ...over,
});
const snap = (files: SnapshotFile[], packages = [{ packageDirectory: 'force-app', package: 'Billing' }]) => ({ projectFile: 'sfdx-project.json', packages, files });

test('packagedComponentRemoved: a header moved within the package still ships; moved out of it is an error on the file', () => {
  const then = snap([file({})]);
  assert.deepEqual(packagedComponentRemoved(snap([file({ path: 'force-app/other/Acme.eca-meta.xml' })]), then, 'v1'), []);
  const out = packagedComponentRemoved(snap([file({ path: 'unpackaged/Acme.eca-meta.xml', package: null, packageDirectory: 'unpackaged', ships: false })]), then, 'v1');
  assert.equal(out.length, 1);
  assert.equal(out[0]!.path, 'unpackaged/Acme.eca-meta.xml');
  assert.equal(out[0]!.severity, 'error');
  assert.deepEqual([out[0]!.start, out[0]!.end], [1, 26]);
  // Removing a package directory from sfdx-project.json: every released component is an error.
  const gone = packagedComponentRemoved(snap([], []), then, 'v1');
  assert.deepEqual(gone.map((f) => [f.path, f.start]), [['sfdx-project.json', 0]]);
  // orgScopedExternalApp changed: a warning.
  const f0 = { value: `${ORG}:Acme`, start: 100, end: 120 };
  const w = packagedComponentRemoved(snap([file({ fields: { orgScopedExternalApp: { ...f0, value: '00D000000000001:Acme' } } })]), snap([file({ fields: { orgScopedExternalApp: f0 } })]), 'v1');
  assert.deepEqual(w.map((x) => [x.severity, x.start]), [['warning', 100]]);
});

test('previewPackages: a package only at REF is listed with its removals', () => {
  const pk = previewPackages(snap([], []), snap([file({})]));
  assert.deepEqual(pk, [{ packageDirectory: 'force-app', package: 'Billing', ships: [], changes: [{ path: H, type: 'ExternalClientApplication', app: 'Acme', change: 'removed' }] }]);
});

test('orgScopedAppNotDevHub: header and OAuth settings against the Dev Hub id (first 15 characters)', () => {
  const h = file({ fields: { orgScopedExternalApp: { value: `${ORG}:Acme`, start: 50, end: 70 } } });
  assert.deepEqual(orgScopedAppNotDevHub(h, undefined), [], 'silent without a Dev Hub id');
  assert.deepEqual(orgScopedAppNotDevHub(h, `${ORG}AAA`), [], 'an 18-character Dev Hub id compares on 15');
  const w = orgScopedAppNotDevHub(h, '00D000000000999');
  assert.equal(w.length, 1);
  assert.equal(w[0]!.severity, 'warning');
  assert.deepEqual([w[0]!.start, w[0]!.end], [50, 65]);
  assert.match(w[0]!.message, /External client apps that are created in ephemeral orgs can't be packaged\./);
  const o = file({ path: O, type: 'ExtlClntAppOauthSettings', fullName: 'Acme_oauth', fields: { oauthLink: { value: `${ORG}AAA:888000000000001`, start: 10, end: 40 } } });
  assert.match(orgScopedAppNotDevHub(o, '00D000000000999')[0]!.message, /oauthLink/);
  assert.deepEqual(orgScopedAppNotDevHub(o, ORG), []);
  assert.deepEqual(orgScopedAppNotDevHub(file({ fields: { orgScopedExternalApp: { value: '00D-XXXX:Acme', start: 0, end: 1 } } }), ORG), [], 'placeholders are another rule\'s');
});

test('snapshotOf: field offsets point at the value, exclusion at the .forceignore line', () => {
  const root = repo();
  write(root, { '.forceignore': '# x\n**/externalClientApps/**\n' });
  const s = snapshotOf(openProject(root, nodeFsHost, { ruleSet: [] }));
  const h = s.files.find((f) => f.path === H)!;
  const text = fs.readFileSync(path.join(root, H), 'utf8');
  const f = h.fields.distributionState!;
  assert.equal(text.slice(f.start, f.end), 'Packaged');
  assert.equal(h.ships, false);
  assert.deepEqual(h.exclusion, { path: '.forceignore', line: 1, text: '**/externalClientApps/**', start: 4, end: 28 });
  assert.equal(s.packages[0]!.span && PACKAGED_PROJECT.slice(s.packages[0]!.span.start, s.packages[0]!.span.end), 'Billing');
});
