/**
 * `eca-lens check --cache`: after every kind of change the cached run prints exactly what a cold
 * check prints (JSON compared), the cache is really used when nothing changed, and a corrupt or
 * foreign cache file is ignored and rewritten.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs, type CheckArgs } from '../../server/src/cli/args';
import { checkCommand } from '../../server/src/cli/check';
import { cacheStats, RecordingHost } from '../../server/src/cli/cache';
import { nodeFsHost } from '../../server/src/project/fsHost';

const EXAMPLE = path.resolve('examples/acme-billing');
const APP = 'force-app/main/default/externalClientApps/AcmeBilling.eca-meta.xml';
const PERMSET = 'force-app/main/default/permissionsets/Acme_Billing_Integration.permissionset-meta.xml';
const GLOBAL = 'force-app/main/default/extlClntAppGlobalOauthSets/AcmeBilling_glbloauth.ecaGlblOauth-meta.xml';

function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eca-lens-cache-'));
  fs.cpSync(EXAMPLE, dir, { recursive: true });
  return dir;
}

function check(dir: string, extra: string[] = [], version = '1.0.0'): { stdout: string; stderr: string; code: number } {
  const args = parseArgs(['check', '.', '--format', 'json', ...extra], {}, false) as CheckArgs;
  const r = checkCommand(args, { cwd: dir, env: {}, isTTY: false, version });
  return { stdout: r.stdout, stderr: r.stderr, code: r.code };
}

/** A cached run after `change` prints what a cold run prints; returns whether the cache was used. */
function cachedEqualsCold(dir: string, extra: string[] = [], version?: string): boolean {
  const hits = cacheStats.hits;
  const warm = check(dir, ['--cache', ...extra], version);
  const hit = cacheStats.hits > hits;
  const cold = check(dir, extra, version);
  assert.equal(warm.stdout, cold.stdout);
  assert.equal(warm.stderr, cold.stderr);
  assert.equal(warm.code, cold.code);
  return hit;
}

const edit = (dir: string, rel: string, f: (t: string) => string) => fs.writeFileSync(path.join(dir, rel), f(fs.readFileSync(path.join(dir, rel), 'utf8')));

/** Fill the cache, check that an unchanged re-run is a hit, change, check it is a miss equal to cold. */
function scenario(name: string, change: (dir: string) => void, opts: { extra?: string[]; version?: string; findingsChange?: boolean } = {}) {
  test(`--cache: ${name} gives the findings of a cold check`, () => {
    const dir = project();
    try {
      check(dir, ['--cache']);
      assert.equal(cachedEqualsCold(dir), true, 'an unchanged project is answered from the cache');
      const before = check(dir).stdout;
      change(dir);
      assert.equal(cachedEqualsCold(dir, opts.extra, opts.version), false, 'a change is never answered from the old cache');
      if (opts.findingsChange !== false && !opts.extra && !opts.version) assert.notEqual(check(dir).stdout, before, 'the change changes the findings');
      assert.equal(cachedEqualsCold(dir, opts.extra, opts.version), true, 'the rewritten cache is used next time');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

scenario('an edited ECA file', (d) => edit(d, APP, (t) => t.replace('<distributionState>Local</distributionState>', '<distributionState>Packaged</distributionState>')));
scenario('a new ECA file', (d) =>
  fs.writeFileSync(path.join(d, 'force-app/main/default/externalClientApps/AcmeNew.eca-meta.xml'), fs.readFileSync(path.join(d, APP), 'utf8').replace(/AcmeBilling/g, 'AcmeNew')),
);
scenario('a deleted ECA file', (d) => fs.rmSync(path.join(d, GLOBAL)));
scenario('a .forceignore edit', (d) => edit(d, '.forceignore', (t) => t + '**/extlClntAppPolicies/**\n'));
scenario('a sfdx-project.json edit', (d) => edit(d, 'sfdx-project.json', (t) => t.replace('"force-app"', '"force-app/main"')));
scenario('a permission set a rule reads', (d) =>
  edit(d, PERMSET, (t) => t.replace('</PermissionSet>', '    <userPermissions>\n        <enabled>true</enabled>\n        <name>ModifyAllData</name>\n    </userPermissions>\n</PermissionSet>')),
);
scenario('a new .gitignore a rule reads', (d) => fs.writeFileSync(path.join(d, '.gitignore'), '**/extlClntAppGlobalOauthSets/\n'));
scenario('a second project in a new folder (finding the projects is an input)', (d) => {
  const sub = path.join(d, 'tools/second');
  fs.mkdirSync(path.join(sub, 'force-app/main/default/externalClientApps'), { recursive: true });
  fs.writeFileSync(path.join(sub, 'sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] }));
  fs.copyFileSync(path.join(d, APP), path.join(sub, 'force-app/main/default/externalClientApps/AcmeBilling.eca-meta.xml'));
});
scenario('another --max-warnings and its message (the exit status is cached with the output)', () => {}, { extra: ['--max-warnings', '0'] });
scenario('other settings (--rule)', () => {}, { extra: ['--rule', 'secret-in-source=off'] });
scenario('verbose output (the printed text is what is cached)', () => {}, { extra: ['--verbose'] });
scenario('another ECA Lens version', () => {}, { version: '9.9.9' });

test('--cache: a corrupt or foreign cache file is ignored and rewritten', () => {
  const dir = project();
  try {
    const file = path.join(dir, '.eca-lens-cache');
    const cold = check(dir).stdout;
    for (const junk of ['{"format":"eca-lens-cache",', '{"eslint":"cache","files":{}}', '[]', '', JSON.stringify({ format: 'eca-lens-cache', formatVersion: 1, sha256: '0'.repeat(64), body: '{}' }), '{"format":"eca-lens-cache","formatVersion":2,"sha256":"' + '0'.repeat(64) + '"}\n{}\n', '{"format":"eca-lens-cache","formatVersion":5,"sha1":"' + '0'.repeat(40) + '"}\n{}\n']) {
      fs.writeFileSync(file, junk);
      const hits = cacheStats.hits;
      assert.equal(check(dir, ['--cache']).stdout, cold);
      assert.equal(cacheStats.hits, hits, `not trusted: ${junk}`);
      assert.notEqual(fs.readFileSync(file, 'utf8'), junk, 'rewritten');
      assert.equal(check(dir, ['--cache']).stdout, cold);
      assert.equal(cacheStats.hits, hits + 1, 'the rewritten file is used');
    }
    // A tampered output with the old checksum: ignored. So is an older layout, and a cut-short file.
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(text.includes('distribution-state-not-packaged'));
    assert.ok(text.startsWith('{"format":"eca-lens-cache","formatVersion":5,"sha1":"'), text.slice(0, 80));
    for (const bad of [text.replace('distribution-state-not-packaged', 'distribution-state-not-packagex'), text.replace('"formatVersion":5', '"formatVersion":3'), text.slice(0, -10)]) {
      fs.writeFileSync(file, bad);
      const hits = cacheStats.hits;
      assert.equal(check(dir, ['--cache']).stdout, cold);
      assert.equal(cacheStats.hits, hits, 'not trusted');
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('--cache: loose metadata (no sfdx-project.json) is answered with its note on stderr', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eca-lens-cache-loose-'));
  try {
    fs.cpSync(path.join(EXAMPLE, 'force-app'), path.join(dir, 'force-app'), { recursive: true });
    const cold = check(dir);
    assert.match(cold.stderr, /no sfdx-project\.json found: checked \d+ files as loose metadata/);
    check(dir, ['--cache']);
    assert.equal(cachedEqualsCold(dir), true, 'answered from the cache');
    // A sfdx-project.json appears: the folder it lands in was listed, so the cache is not used.
    fs.writeFileSync(path.join(dir, 'sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] }));
    assert.equal(cachedEqualsCold(dir), false);
    assert.doesNotMatch(check(dir).stderr, /loose metadata/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('--cache with --fix: the fixes invalidate, the report is the cold one after fixing', () => {
  const a = project();
  const b = project();
  try {
    check(a, ['--cache']);
    const warm = check(a, ['--cache', '--fix']);
    const cold = check(b, ['--fix']);
    assert.equal(warm.stdout, cold.stdout.split(b).join(a));
    assert.equal(check(a, ['--cache']).stdout, check(a).stdout);
  } finally {
    fs.rmSync(a, { recursive: true, force: true });
    fs.rmSync(b, { recursive: true, force: true });
  }
});

test('--cache-location: the cache goes where it is told, in folders made for it; alone it is a usage error', () => {
  const dir = project();
  try {
    const file = path.join(dir, 'tmp', 'lens.cache');
    check(dir, ['--cache', '--cache-location', 'tmp/lens.cache']);
    assert.ok(fs.existsSync(file));
    assert.ok(!fs.existsSync(path.join(dir, '.eca-lens-cache')));
    // The folders made for the cache file, in a folder the check listed, do not invalidate it.
    for (const [location, extra] of [['tmp/lens.cache', []], ['made/for/it/lens.cache', ['--cache-strategy', 'content']]] as const) {
      if (location.startsWith('made')) check(dir, ['--cache', '--cache-location', location, ...extra]);
      const hits = cacheStats.hits;
      check(dir, ['--cache', '--cache-location', location, ...extra]);
      assert.equal(cacheStats.hits, hits + 1, `${location}: a hit`);
    }
    assert.throws(() => parseArgs(['check', '.', '--cache-location', 'x'], {}, false), /needs --cache/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('--cache: a file is signed from the opened file (same bytes, size and mtime as reading and stat-ing it apart)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eca-lens-cache-sig-'));
  try {
    const files = { small: 'abc', empty: '', big: 'é'.repeat(100_000) };
    for (const [n, t] of Object.entries(files)) fs.writeFileSync(path.join(dir, n), t);
    const rec = new RecordingHost(nodeFsHost);
    for (const n of Object.keys(files)) {
      const p = path.join(dir, n);
      const got = rec.readFile(p);
      assert.ok(got);
      assert.deepEqual(Buffer.from(got), fs.readFileSync(p), n);
    }
    // A file whose size says 0 but has content (Linux /proc): read to the end all the same.
    if (fs.existsSync('/proc/self/status')) assert.match(Buffer.from(nodeFsHost.readFileWithStat!('/proc/self/status')!.data).toString(), /^Name:/);
    assert.equal(rec.readFile(path.join(dir, 'missing')), undefined);
    assert.equal(rec.readFile(dir), undefined, 'a folder is not a file');
    const st = (n: string) => fs.statSync(path.join(dir, n));
    const signed = new Map(rec.inputs().files.map(([p, size, mtime]) => [path.basename(p), [size, mtime]]));
    for (const n of Object.keys(files)) assert.deepEqual(signed.get(n), [st(n).size, st(n).mtimeMs], n);
    assert.deepEqual(signed.get('missing'), [-1, -1]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('--cache-strategy content: a fresh checkout (every mtime new) is answered from the cache; an edit of the same size is seen', () => {
  const dir = project();
  try {
    const content = ['--cache-strategy', 'content'];
    /** A content-strategy cached run equals a cold one; whether it was a hit. */
    const contentEqualsCold = () => {
      const hits = cacheStats.hits;
      const warm = check(dir, ['--cache', ...content]);
      const hit = cacheStats.hits > hits;
      assert.equal(warm.stdout, check(dir).stdout);
      return hit;
    };
    const touchAll = (d: string, when: number) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true, recursive: true })) fs.utimesSync(path.join(e.parentPath ?? e.path, e.name), when, when);
      fs.utimesSync(d, when, when);
    };
    check(dir, ['--cache', ...content]);
    touchAll(dir, Date.now() / 1000 + 1000);
    assert.equal(contentEqualsCold(), true, 'every mtime changed, no content: a hit');
    // The same touch defeats the metadata strategy (its own cache, another key).
    check(dir, ['--cache']);
    touchAll(dir, Date.now() / 1000 + 2000);
    assert.equal(cachedEqualsCold(dir), false, 'metadata: a miss');
    // Same size, same mtime, other bytes: only the content strategy sees it.
    const app = path.join(dir, APP);
    const st = fs.statSync(app);
    const before = check(dir).stdout;
    fs.writeFileSync(app, fs.readFileSync(app, 'utf8').replace('<distributionState>Local</distributionState>', '<distributionState>Lokal</distributionState>'));
    fs.utimesSync(app, st.atime, st.mtime);
    assert.equal(fs.statSync(app).size, st.size);
    assert.notEqual(check(dir).stdout, before, 'the edit changes the findings');
    assert.equal(contentEqualsCold(), false, 'content: the edit is seen');
    assert.equal(contentEqualsCold(), true);
    // A new file in a listed folder, with old mtimes everywhere: the listing's signature changes.
    fs.writeFileSync(path.join(dir, 'force-app/main/default/externalClientApps/AcmeNew.eca-meta.xml'), fs.readFileSync(app, 'utf8').replace(/AcmeBilling/g, 'AcmeNew'));
    touchAll(dir, st.mtimeMs / 1000);
    assert.equal(contentEqualsCold(), false, 'a new file is seen');
    assert.throws(() => parseArgs(['check', '--cache-strategy', 'content'], {}, false), /needs --cache/);
    assert.throws(() => parseArgs(['check', '--cache', '--cache-strategy', 'mtime'], {}, false), /metadata or content/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
