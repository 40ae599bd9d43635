/**
 * `check --cache` after ECA files were edited re-checks only what the edits affect and takes the
 * other files' findings from the cache (cli/cacheState.ts). Differential: every ECA file of a
 * project with several apps, an orphan satellite, a misspelt app name, a Connected App and
 * project-scope inputs is edited in turn, in several ways; after each edit, and after undoing it,
 * the cached run must print exactly what a cold check prints, and must have taken the partial path.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cacheStats } from '../../server/src/cli/cache';
import { usable, type StoredProject } from '../../server/src/cli/cacheState';
import { decodeProjects, groupByFolder } from '../../server/src/cli/cacheRows';
import { check, write, partialEqualsCold, editEach, EDITS } from '../helpers/cachePartial';
import { openProject } from '../../server/src/engine';
import { nodeFsHost, type FsHost } from '../../server/src/project/fsHost';
import { connectedApp } from '../helpers/oauth';
import { xml } from '../helpers/fixture';

const EXAMPLE = path.resolve('examples/acme-billing');
const D = 'force-app/main/default';
const satellite = (type: string, app: string, body = '') => xml(type, `    <externalClientApplication>${app}</externalClientApplication>\n    <label>${app}</label>\n${body}`);
const EXTRA: Record<string, string> = {
  [`${D}/connectedApps/Legacy.connectedApp-meta.xml`]: connectedApp('        <callbackUrl>https://x.example/cb</callbackUrl>\n        <consumerKey>KEY</consumerKey>\n        <scopes>Full</scopes>\n'),
  [`${D}/extlClntAppOauthSettings/Ghost_oauth.ecaOauth-meta.xml`]: satellite('ExtlClntAppOauthSettings', 'Ghost', '    <commaSeparatedOauthScopes>Api, RefreshToken</commaSeparatedOauthScopes>\n'),
  [`${D}/extlClntAppOauthPolicies/AcmeBiling_oauthPlcy.ecaOauthPlcy-meta.xml`]: satellite('ExtlClntAppOauthConfigurablePolicies', 'AcmeBiling', '    <permittedUsersPolicyType>AllSelfAuthorized</permittedUsersPolicyType>\n'),
  [`${D}/settings/OauthOidc.settings-meta.xml`]: xml('OauthOidcSettings', '    <blockOAuthUserPasswordFlow>false</blockOAuthUserPasswordFlow>\n'),
  'manifest/package.xml': xml('Package', '    <types>\n        <members>*</members>\n        <name>ExternalClientApp</name>\n    </types>\n    <version>64.0</version>\n'),
};

function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eca-lens-partial-'));
  fs.cpSync(EXAMPLE, dir, { recursive: true });
  for (const [rel, text] of Object.entries(EXTRA)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** Run `body` on a fresh copy of the project, removed afterwards. */
function inProject(body: (dir: string) => void): void {
  const dir = project();
  try {
    body(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The project's ECA files and app names, as a cold index sees them. */
function ecaFilesAndApps(dir: string): { files: string[]; apps: string[] } {
  const p = openProject(dir, nodeFsHost);
  return { files: [...p.files()].map((f) => f.path).sort(), apps: [...p.apps()].map((a) => a.name).sort() };
}

test('--cache after ECA files are edited: re-checks part of the project, prints what a cold check prints', () =>
  inProject((dir) => {
    const { files: ecaFiles, apps } = ecaFilesAndApps(dir);
    assert.ok(ecaFiles.length >= 10 && apps.includes('Ghost') && apps.includes('AcmeBilling'), 'the fixture has the apps it means to');
    check(dir, ['--cache']);
    const edits = editEach(dir, ecaFiles, apps);
    assert.ok(edits >= ecaFiles.length * 4, `${edits} edits`);
    // Two files of different apps at once.
    write(ecaFiles[0]!, '');
    write(ecaFiles[ecaFiles.length - 1]!, '<x/>');
    partialEqualsCold(dir, 'two files at once');
  }));

test('--cache after ECA files are edited, in every format (text with --verbose, SARIF, Markdown), with --max-warnings and with --cache-strategy content', () =>
  inProject((dir) => {
    const { files, apps } = ecaFilesAndApps(dir);
    for (const extra of [['--format', 'text', '--verbose'], ['--format', 'sarif'], ['--format', 'markdown'], ['--max-warnings', '0'], ['--cache-strategy', 'content']]) {
      check(dir, ['--cache', ...extra]);
      const n = editEach(dir, files, apps, EDITS.slice(0, 3), extra);
      assert.ok(n >= files.length, `${extra.join(' ')}: ${n} edits`);
    }
    // What the formats print differs (the test would pass with any one format for all).
    assert.notEqual(check(dir, ['--format', 'sarif']).stdout, check(dir, ['--format', 'markdown']).stdout);
  }));

test('--cache: what the rules read survives a partial run; an input that is not an ECA file gives a full check, the same findings', () =>
  inProject((dir) => {
    const app = path.join(dir, D, 'externalClientApps/AcmeBilling.eca-meta.xml');
    check(dir, ['--cache']);
    write(app, fs.readFileSync(app, 'utf8').replace('<distributionState>Local</distributionState>', '<distributionState>Packaged</distributionState>'));
    partialEqualsCold(dir, 'header edited');
    // What the rules of files not checked again read is still known after a partial run.
    const readsNow = () => (JSON.parse(fs.readFileSync(path.join(dir, '.eca-lens-cache'), 'utf8').split('\n')[2]!) as StoredProject[])[0]!.reads;
    const pset = path.join(dir, D, 'permissionsets/Acme_Billing_Integration.permissionset-meta.xml');
    assert.ok(readsNow().includes(pset), 'a rule of AcmeBilling reads the permission set');
    const reports = path.join(dir, D, 'extlClntAppPolicies/AcmeReports_plcy.ecaPlcy-meta.xml');
    write(reports, fs.readFileSync(reports, 'utf8') + '\n');
    partialEqualsCold(dir, 'a file of the other app edited');
    assert.ok(readsNow().includes(pset), 'kept from the run before');
    // The permission set a rule read, the settings a project rule read: not the partial path.
    for (const rel of [`${D}/permissionsets/Acme_Billing_Integration.permissionset-meta.xml`, `${D}/settings/OauthOidc.settings-meta.xml`, '.forceignore']) {
      const abs = path.join(dir, rel);
      write(abs, fs.readFileSync(abs, 'utf8') + '\n');
      const partial = cacheStats.partial;
      const warm = check(dir, ['--cache']);
      assert.equal(cacheStats.partial, partial, `${rel}: a full check`);
      assert.equal(warm.stdout, check(dir).stdout, rel);
    }
    // The state a full run wrote serves the next partial run.
    write(app, fs.readFileSync(app, 'utf8').replace('<distributionState>Packaged</distributionState>', '<distributionState>Local</distributionState>'));
    partialEqualsCold(dir, 'header edited back');
  }));

test('a file known unchanged (ModelOptions.known) is read, and its excluding line worked out, only when asked for', () =>
  inProject((dir) => {
    const reads: string[] = [];
    const host: FsHost = { ...nodeFsHost, readFileWithStat: undefined, readFile: (p) => (reads.push(p), nodeFsHost.readFile(p)) };
    const cold = openProject(dir, nodeFsHost);
    const known = new Map([...cold.files()].map((f) => [f.path, { app: f.appName ?? null, included: f.included }]));
    const ghost = path.join(dir, D, 'extlClntAppOauthSettings/Ghost_oauth.ecaOauth-meta.xml');
    // What the last run found is trusted, not worked out again (a content edit never comes this way).
    known.set(ghost, { app: 'Told', included: true });
    const lazy = openProject(dir, host, { known });
    assert.ok(!reads.some((p) => known.has(p)), 'no ECA file read while indexing');
    assert.equal(lazy.file(ghost)!.appName, 'Told');
    assert.equal(lazy.file(ghost)!.included, true);
    assert.ok(lazy.app('Told'));
    let excluded = 0;
    for (const f of cold.files()) {
      if (f.path === ghost) continue;
      const g = lazy.file(f.path)!;
      assert.equal(g.appName, f.appName);
      assert.equal(g.included, f.included);
      assert.equal(g.exclusion?.info.line?.text, f.exclusion?.info.line?.text, f.path);
      assert.equal(g.exclusion?.forceIgnore.path, f.exclusion?.forceIgnore.path);
      if (f.exclusion) excluded++;
    }
    assert.ok(excluded >= 2, 'some files are excluded by a .forceignore line');
    assert.ok(!reads.includes(ghost));
    assert.equal(lazy.file(ghost)!.doc?.text, cold.file(ghost)!.doc?.text);
    assert.equal(reads.filter((p) => p === ghost).length, 1, 'read once, when asked');
    assert.equal(lazy.file(ghost)!.xml?.root?.name, 'ExtlClntAppOauthSettings');
    assert.equal(reads.filter((p) => p === ghost).length, 1, 'and not again');
    // Only the index: an update reads the file at once and works its app out, as before.
    lazy.update(ghost);
    assert.equal(reads.filter((p) => p === ghost).length, 2);
    assert.equal(lazy.file(ghost)!.appName, 'Ghost');
  }));

test('a prior run is used only when every changed file is an ECA file of an index that no project reads as another file', () => {
  const state = (root: string, apps: [string, string | 0][], reads: string[] = []): StoredProject => ({ root, apps: [[`${root}/`, ...apps.flatMap((x) => [...x, 1])]], strings: [], checked: [], projectPaths: [], reads });
  const a = state('/a', [['X.eca-meta.xml', 'X'], ['X_oauth.ecaOauth-meta.xml', 'X']]);
  const b = state('/b', [['Y.eca-meta.xml', 'Y']]);
  assert.equal(usable({ projects: [a, b], changed: ['/a/X.eca-meta.xml', '/b/Y.eca-meta.xml'] }), true);
  assert.equal(usable({ projects: [a, b], changed: [] }), true);
  assert.equal(usable({ projects: [a, b], changed: ['/a/X.eca-meta.xml', '/a/sfdx-project.json'] }), false, 'not an ECA file');
  assert.equal(usable({ projects: [a, state('/b', [['Y.eca-meta.xml', 'Y']], ['/a/X.eca-meta.xml'])], changed: ['/a/X.eca-meta.xml'] }), false, "read by b's rules");
  assert.equal(usable({ projects: [a, b], changed: ['/a/Y.eca-meta.xml'] }), false, "not in a's index");
  // The state is read from a file: anything but its shape is refused.
  assert.deepEqual(decodeProjects(JSON.parse(JSON.stringify([a, b]))), [a, b]);
  for (const bad of [{}, [{ ...a, reads: undefined }], [{ ...a, apps: [['/a/', 'X.eca-meta.xml', 'X']] }], [{ ...a, apps: [['/a/', 'X.eca-meta.xml', 'X', 2]] }], [{ ...a, checked: [['/a/X.eca-meta.xml', 0, 0, 0, 0, 0, 0, 0, 0]] }], [{ ...a, strings: [1] }]]) {
    assert.equal(decodeProjects(bad), undefined, JSON.stringify(bad));
  }
});

test('groupByFolder: rows grouped by their folder, in the order each folder first comes, values after each name', () => {
  const rows: [string, ...(string | number)[]][] = [
    ['/p/a/X.eca-meta.xml', 1, 'A'],
    ['/p/a/Y.eca-meta.xml', 2, 'B'],
    ['/p/b/Z.eca-meta.xml', 3],
    ['/p/a/W.eca-meta.xml', 4, 'C'],
    ['/p/ab/V.eca-meta.xml'],
    ['C:\\p\\a\\U.eca-meta.xml', 5],
    ['plain.xml', 6],
    ['/p/a/T.eca-meta.xml', 7, 'D'],
  ];
  assert.deepEqual(groupByFolder(rows), [
    ['/p/a/', 'X.eca-meta.xml', 1, 'A', 'Y.eca-meta.xml', 2, 'B', 'W.eca-meta.xml', 4, 'C', 'T.eca-meta.xml', 7, 'D'],
    ['/p/b/', 'Z.eca-meta.xml', 3],
    ['/p/ab/', 'V.eca-meta.xml'],
    ['C:\\p\\a\\', 'U.eca-meta.xml', 5],
    ['', 'plain.xml', 6],
  ]);
  // Each group's folder + name is the path as given.
  const back = groupByFolder(rows).flatMap((g) => g.filter((x, i) => i > 0 && typeof x === 'string' && !/^[A-D]$/.test(x)).map((n) => (g[0] as string) + (n as string)));
  assert.deepEqual(back.sort(), rows.map((r) => r[0]).sort());
});
