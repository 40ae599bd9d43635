/**
 * Bad input never crashes the engine or the CLI: each broken file gets its own diagnostic
 * (xml-malformed, file-unreadable, sfdx-project-invalid) and the rest of the project is still
 * checked. Unreadable folders and files that vanish mid-walk are simulated with a fake FsHost
 * (tests run as root, where chmod 000 does not stop reads); the real chmod case runs too and
 * asserts what the OS actually allows.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openProject, inventoryJson, type EcaProject, type Finding } from '../../server/src/engine';
import { nodeFsHost, type DirEntry, type FsHost } from '../../server/src/project/fsHost';
import { fixture, header, globalSettings, oauthSettings, xml, PLAIN_PROJECT, PACKAGED_PROJECT, type Fixture } from '../helpers/fixture';

const H = 'force-app/main/default/externalClientApps/App.eca-meta.xml';
const O = 'force-app/main/default/extlClntAppOauthSettings/App_oauth.ecaOauth-meta.xml';
const G = 'force-app/main/default/extlClntAppGlobalOauthSets/App_glbloauth.ecaGlblOauth-meta.xml';
const CONSUMER_KEY = '3MVG9fake0000000000000000000000000000000000000000000000000000000000000000000000000';

/** A healthy app whose global settings hold a consumer key: secret-in-source proves it was checked. */
const HEALTHY: Record<string, string> = {
  [H]: header('    <contactEmail>a@b.co</contactEmail>\n    <distributionState>Local</distributionState>\n    <label>App</label>\n'),
  [O]: oauthSettings('    <commaSeparatedOauthScopes>Api</commaSeparatedOauthScopes>\n    <externalClientApplication>App</externalClientApplication>\n    <label>App_oauth</label>\n'),
  [G]: globalSettings(`    <consumerKey>${CONSUMER_KEY}</consumerKey>\n    <externalClientApplication>App</externalClientApplication>\n    <label>App_glbloauth</label>\n`),
};

/** (path relative to the root, rule id) of every finding, sorted. */
function findingPairs(project: EcaProject): string[] {
  const out: string[] = [];
  for (const [p, list] of project.checkAll()) for (const f of list) out.push(`${path.relative(project.root, p).split(path.sep).join('/')} ${f.ruleId}`);
  return out.sort();
}

function ruleIds(fx: Fixture | { project: EcaProject; abs(rel: string): string }, rel: string): string[] {
  return fx.project.check(fx.abs(rel)).map((f: Finding) => f.ruleId).sort();
}

/** The healthy app is still indexed and checked. */
function assertRestChecked(project: EcaProject, abs: (rel: string) => string): void {
  assert.deepEqual(project.check(abs(G)).map((f) => f.ruleId), ['global-settings-in-source', 'secret-in-source'], 'the healthy global settings are still checked');
  assert.equal(project.file(abs(H))?.appName, 'App');
  assert.equal(project.app('App')?.headers.length, 1);
}

// ---------------------------------------------------------------- XML

test('malformed XML: unclosed tags, garbage and truncated files each get xml-malformed; the rest is checked', () => {
  const full = header('    <contactEmail>a@b.co</contactEmail>\n    <label>Broken</label>\n');
  const fx = fixture({
    'sfdx-project.json': PLAIN_PROJECT,
    ...HEALTHY,
    'force-app/main/default/externalClientApps/Unclosed.eca-meta.xml': '<?xml version="1.0" encoding="UTF-8"?>\n<ExternalClientApplication xmlns="http://soap.sforce.com/2006/04/metadata">\n    <label>Unclosed\n</ExternalClientApplication>\n',
    'force-app/main/default/externalClientApps/Garbage.eca-meta.xml': 'this is not xml <<< >>> & at all\n',
    'force-app/main/default/externalClientApps/Truncated.eca-meta.xml': full.slice(0, Math.floor(full.length * 0.6)),
    'force-app/main/default/externalClientApps/Mismatch.eca-meta.xml': '<ExternalClientApplication><label>x</lable></ExternalClientApplication>',
    // fast-xml-parser's validator lets a second, self-closing root through; parse.ts catches it.
    'force-app/main/default/externalClientApps/TwoRoots.eca-meta.xml': '<ExternalClientApplication><label>x</label></ExternalClientApplication>\n<ExternalClientApplication/>\n',
    'force-app/main/default/extlClntAppOauthSettings/Cut_oauth.ecaOauth-meta.xml': '<?xml version="1.0"?>\n<ExtlClntAppOauthSettings xmlns="http://soap.sforce.com/2006/04/metadata">\n    <externalClientApplication>App</externalClient',
  });
  try {
    for (const name of ['Unclosed', 'Garbage', 'Truncated', 'Mismatch', 'TwoRoots']) {
      const rel = `force-app/main/default/externalClientApps/${name}.eca-meta.xml`;
      assert.deepEqual(ruleIds(fx, rel), ['xml-malformed'], name);
      assert.equal(fx.project.file(fx.abs(rel))?.included, true, `${name}: still in the inventory, with its verdict`);
    }
    assert.deepEqual(ruleIds(fx, 'force-app/main/default/extlClntAppOauthSettings/Cut_oauth.ecaOauth-meta.xml'), ['xml-malformed']);
    const [f] = fx.project.check(fx.abs('force-app/main/default/externalClientApps/Unclosed.eca-meta.xml'));
    assert.ok(f && f.range.start.line >= 2, 'reported where the parser stopped, not at the top');
    assertRestChecked(fx.project, fx.abs);
  } finally {
    fx.cleanup();
  }
});

test('empty and whitespace-only ECA files: xml-malformed, no crash', () => {
  const fx = fixture({
    'sfdx-project.json': PLAIN_PROJECT,
    ...HEALTHY,
    'force-app/main/default/externalClientApps/Empty.eca-meta.xml': '',
    'force-app/main/default/extlClntAppOauthSettings/Blank_oauth.ecaOauth-meta.xml': '  \n\t\n',
  });
  try {
    assert.deepEqual(ruleIds(fx, 'force-app/main/default/externalClientApps/Empty.eca-meta.xml'), ['xml-malformed']);
    assert.deepEqual(ruleIds(fx, 'force-app/main/default/extlClntAppOauthSettings/Blank_oauth.ecaOauth-meta.xml'), ['xml-malformed']);
    assertRestChecked(fx.project, fx.abs);
  } finally {
    fx.cleanup();
  }
});

// ---------------------------------------------------------------- bytes

test('binary content, invalid UTF-8 and a 10 MB file: file-unreadable; UTF-16 with a BOM is read', () => {
  const binary = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x10, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21]);
  const invalidUtf8 = Buffer.concat([Buffer.from('<?xml version="1.0"?>\n<ExternalClientApplication><label>caf'), Buffer.from([0xc3, 0x28]), Buffer.from('</label></ExternalClientApplication>\n')]);
  const big = Buffer.from(header(`    <description>${'a'.repeat(10 * 1024 * 1024)}</description>\n`));
  const secretText = globalSettings(`    <consumerKey>${CONSUMER_KEY}</consumerKey>\n    <externalClientApplication>App</externalClientApplication>\n`);
  const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(secretText, 'utf16le')]);
  const utf16be = Buffer.from(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(secretText, 'utf16le')]).swap16());
  const fx = fixture({
    'sfdx-project.json': PLAIN_PROJECT,
    ...HEALTHY,
    'force-app/main/default/externalClientApps/Binary.eca-meta.xml': binary,
    'force-app/main/default/externalClientApps/Latin.eca-meta.xml': invalidUtf8,
    'force-app/main/default/externalClientApps/Big.eca-meta.xml': big,
    'force-app/main/default/extlClntAppGlobalOauthSets/Le.ecaGlblOauth-meta.xml': utf16le,
    'force-app/main/default/extlClntAppGlobalOauthSets/Be.ecaGlblOauth-meta.xml': utf16be,
  });
  try {
    for (const name of ['Binary', 'Latin', 'Big']) {
      const rel = `force-app/main/default/externalClientApps/${name}.eca-meta.xml`;
      assert.deepEqual(ruleIds(fx, rel), ['file-unreadable'], name);
      const f = fx.project.file(fx.abs(rel));
      assert.ok(f?.readProblem, `${name}: the reason is kept`);
      assert.equal(f.doc, undefined);
    }
    assert.match(fx.project.file(fx.abs('force-app/main/default/externalClientApps/Big.eca-meta.xml'))!.readProblem!, /MB/);
    // UTF-16 (LE and BE, with BOM) is decoded: the consumer key inside is found, nothing else is reported.
    assert.deepEqual(ruleIds(fx, 'force-app/main/default/extlClntAppGlobalOauthSets/Le.ecaGlblOauth-meta.xml'), ['global-settings-in-source', 'secret-in-source']);
    assert.deepEqual(ruleIds(fx, 'force-app/main/default/extlClntAppGlobalOauthSets/Be.ecaGlblOauth-meta.xml'), ['global-settings-in-source', 'secret-in-source']);
    assertRestChecked(fx.project, fx.abs);
  } finally {
    fx.cleanup();
  }
});

// ---------------------------------------------------------------- sfdx-project.json

const BROKEN_PROJECT_FILES: Record<string, string | Buffer> = {
  'bad JSON (truncated)': '{\n  "packageDirectories": [\n    { "path": "force-app", "default": true }\n',
  'bad JSON (trailing comma)': '{ "packageDirectories": [ { "path": "force-app", "default": true }, ] }',
  'empty file': '',
  'a JSON array, not an object': '[ { "path": "force-app" } ]',
  'packageDirectories missing': '{ "sourceApiVersion": "64.0" }',
  'packageDirectories not an array': '{ "packageDirectories": "force-app" }',
  'packageDirectories an object': '{ "packageDirectories": { "path": "force-app" } }',
  'absolute path': JSON.stringify({ packageDirectories: [{ path: path.resolve('/opt/force-app'), default: true }] }),
  'missing path': '{ "packageDirectories": [ { "default": true } ] }',
  'path not a string': '{ "packageDirectories": [ { "path": 42, "default": true } ] }',
  'entry not an object': '{ "packageDirectories": [ "force-app" ] }',
  'two defaults': JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }, { path: 'other', default: true }] }),
  'no default among several': JSON.stringify({ packageDirectories: [{ path: 'force-app' }, { path: 'other' }] }),
  'binary bytes': Buffer.from([0x7b, 0x00, 0x00, 0xff, 0x7d]),
  'invalid UTF-8': Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
};

for (const [name, content] of Object.entries(BROKEN_PROJECT_FILES)) {
  test(`sfdx-project.json ${name}: sfdx-project-invalid, and the ECA files are still checked`, () => {
    const fx = fixture({ 'sfdx-project.json': content, ...HEALTHY });
    try {
      const findings = fx.project.check(fx.abs('sfdx-project.json'));
      assert.ok(findings.length >= 1, 'at least one finding on sfdx-project.json');
      assert.deepEqual([...new Set(findings.map((f) => f.ruleId))], ['sfdx-project-invalid']);
      assert.ok(findings.some((f) => f.severity === 'error'));
      assertRestChecked(fx.project, fx.abs);
      // every path the engine knows can be checked
      assert.doesNotThrow(() => fx.project.checkAll());
      assert.doesNotThrow(() => inventoryJson(fx.project));
    } finally {
      fx.cleanup();
    }
  });
}

test('sfdx-project.json: two defaults still index both package directories', () => {
  const fx = fixture({ 'sfdx-project.json': BROKEN_PROJECT_FILES['two defaults']!, ...HEALTHY, 'other/externalClientApps/Other.eca-meta.xml': header('') });
  try {
    assert.deepEqual(fx.project.config.packageDirectories.map((d) => d.relPath), ['force-app', 'other']);
    assert.equal(fx.project.file(fx.abs('other/externalClientApps/Other.eca-meta.xml'))?.packageDir?.relPath, 'other');
    assert.equal(fx.project.file(fx.abs(H))?.included, true);
  } finally {
    fx.cleanup();
  }
});

// ---------------------------------------------------------------- the disk misbehaving (fake host)

/** nodeFsHost with faults: folders that can't be listed, files that can't be read, files that vanish. */
class FaultyHost implements FsHost {
  readonly failReadDir = new Set<string>();
  readonly failReadFile = new Set<string>();
  /** Listed by readDir, gone for every other call (deleted between listing and reading). */
  readonly vanished = new Set<string>();
  readonly calls: string[] = [];
  readFile(p: string) {
    this.calls.push(`readFile ${p}`);
    if (this.failReadFile.has(p) || this.vanished.has(p)) return undefined;
    return nodeFsHost.readFile(p);
  }
  readDir(p: string): DirEntry[] | undefined {
    if (this.failReadDir.has(p)) return undefined;
    const out = nodeFsHost.readDir(p);
    if (!out) return out;
    for (const v of this.vanished) if (path.dirname(v) === p && !out.some((e) => e.name === path.basename(v))) out.push({ name: path.basename(v), isFile: true, isDirectory: false });
    return out;
  }
  isFile(p: string) {
    return !this.vanished.has(p) && nodeFsHost.isFile(p);
  }
  isDirectory(p: string) {
    return nodeFsHost.isDirectory(p);
  }
  exists(p: string) {
    return !this.vanished.has(p) && nodeFsHost.exists(p);
  }
  realpath(p: string) {
    return nodeFsHost.realpath(p);
  }
  writeFile(p: string, d: Uint8Array) {
    nodeFsHost.writeFile(p, d);
  }
  deleteFile(p: string) {
    nodeFsHost.deleteFile(p);
  }
  rename(a: string, b: string) {
    nodeFsHost.rename(a, b);
  }
}

test('unreadable folder (fake host): its files are skipped, everything else is checked', () => {
  const hidden = 'force-app/main/default/extlClntAppOauthPolicies/App_oauthPlcy.ecaOauthPlcy-meta.xml';
  const fx = fixture({ 'sfdx-project.json': PLAIN_PROJECT, ...HEALTHY, [hidden]: xml('ExtlClntAppOauthConfigurablePolicies', '    <externalClientApplication>App</externalClientApplication>\n') });
  try {
    const host = new FaultyHost();
    host.failReadDir.add(fx.abs('force-app/main/default/extlClntAppOauthPolicies'));
    const p = openProject(fx.root, host);
    assert.equal(p.file(fx.abs(hidden)), undefined);
    assert.deepEqual(inventoryJson(p).map((f) => f.path), [H, G, O].sort());
    assertRestChecked(p, fx.abs);
    // The whole package directory unreadable: nothing indexed, no crash, the project file still checked.
    const host2 = new FaultyHost();
    host2.failReadDir.add(fx.abs('force-app'));
    const p2 = openProject(fx.root, host2);
    assert.deepEqual(inventoryJson(p2), []);
    assert.deepEqual(findingPairs(p2), []);
    // The project root itself unreadable.
    const host3 = new FaultyHost();
    host3.failReadDir.add(fx.root);
    assert.deepEqual(inventoryJson(openProject(fx.root, host3)), []);
  } finally {
    fx.cleanup();
  }
});

test('unreadable files (fake host): an ECA file gets file-unreadable, sfdx-project.json sfdx-project-invalid, .forceignore ignores nothing', () => {
  const fx = fixture({ ...HEALTHY, '.forceignore': '**/extlClntAppGlobalOauthSets/**\n' });
  try {
    const host = new FaultyHost();
    host.failReadFile.add(fx.abs(O));
    host.failReadFile.add(fx.abs('sfdx-project.json'));
    const p = openProject(fx.root, host);
    assert.deepEqual(p.check(fx.abs(O)).map((f) => f.ruleId), ['file-unreadable']);
    assert.deepEqual(p.check(fx.abs('sfdx-project.json')).map((f) => f.ruleId), ['sfdx-project-invalid']);
    assertRestChecked(p, fx.abs);

    // An unreadable .forceignore: SDR's ForceIgnore catches the read error and denies nothing.
    const host2 = new FaultyHost();
    host2.failReadFile.add(fx.abs('.forceignore'));
    const p2 = openProject(fx.root, host2);
    assert.equal(p2.file(fx.abs(G))?.included, true);
    assert.equal(openProject(fx.root, nodeFsHost).file(fx.abs(G))?.included, false, 'readable, it excludes the file');
  } finally {
    fx.cleanup();
  }
});

test('a file that vanishes between listing and reading (fake host): file-unreadable, no crash; update() after a real delete too', () => {
  const fx = fixture({ 'sfdx-project.json': PLAIN_PROJECT, ...HEALTHY });
  try {
    const ghost = fx.abs('force-app/main/default/extlClntAppOauthSettings/Ghost_oauth.ecaOauth-meta.xml');
    const host = new FaultyHost();
    host.vanished.add(ghost);
    const p = openProject(fx.root, host);
    assert.ok(host.calls.includes(`readFile ${ghost}`), 'the walk listed it and tried to read it');
    assert.deepEqual(p.check(ghost).map((f) => f.ruleId), ['file-unreadable']);
    assertRestChecked(p, fx.abs);
    assert.doesNotThrow(() => p.update(ghost));
    assert.equal(p.file(ghost), undefined, 'update() drops it once it is known to be gone');

    // Real disk: index, delete a file and its folder, then update.
    const real = openProject(fx.root, nodeFsHost);
    fs.rmSync(fx.abs('force-app/main/default/extlClntAppOauthSettings'), { recursive: true });
    assert.doesNotThrow(() => real.update(fx.abs(O)));
    assert.doesNotThrow(() => real.update(fx.abs('force-app/main/default/extlClntAppOauthSettings')));
    assert.equal(real.file(fx.abs(O)), undefined);
    assertRestChecked(real, fx.abs);
  } finally {
    fx.cleanup();
  }
});

test('real chmod 000 on a folder and a file: what the OS refuses is skipped or reported, the rest is checked', (t) => {
  const lockedDir = 'force-app/main/default/extlClntAppOauthPolicies';
  const inLocked = `${lockedDir}/App_oauthPlcy.ecaOauthPlcy-meta.xml`;
  const fx = fixture({ 'sfdx-project.json': PLAIN_PROJECT, ...HEALTHY, [inLocked]: xml('ExtlClntAppOauthConfigurablePolicies', '    <externalClientApplication>App</externalClientApplication>\n') });
  try {
    fs.chmodSync(fx.abs(O), 0o000);
    fs.chmodSync(fx.abs(lockedDir), 0o000);
    // Probe what this user may do (root ignores the mode bits).
    let dirReadable = true;
    let fileReadable = true;
    try {
      fs.readdirSync(fx.abs(lockedDir));
    } catch {
      dirReadable = false;
    }
    try {
      fs.readFileSync(fx.abs(O));
    } catch {
      fileReadable = false;
    }
    t.diagnostic(dirReadable && fileReadable ? 'chmod 000 did not stop reads (running as root): both are read normally' : `chmod 000 refused: ${dirReadable ? '' : 'the folder '}${fileReadable ? '' : 'the file'}`);
    const p = openProject(fx.root, nodeFsHost);
    if (dirReadable) assert.ok(p.file(fx.abs(inLocked)), 'a readable folder is walked');
    else assert.equal(p.file(fx.abs(inLocked)), undefined, 'an unreadable folder is skipped');
    assert.deepEqual(p.check(fx.abs(O)).map((f) => f.ruleId), fileReadable ? [] : ['file-unreadable']);
    assertRestChecked(p, fx.abs);
  } finally {
    fs.chmodSync(fx.abs(lockedDir), 0o755);
    fs.chmodSync(fx.abs(O), 0o644);
    fx.cleanup();
  }
});

// ---------------------------------------------------------------- symlinks

function withLinks(fx: Fixture): void {
  // A folder linked to its own parent, one to itself, and links that point nowhere.
  fs.symlinkSync('..', fx.abs('force-app/main/default/loop'));
  fs.symlinkSync('.', fx.abs('force-app/self'));
  fs.symlinkSync('../nowhere/Gone.eca-meta.xml', fx.abs('force-app/main/default/externalClientApps/Gone.eca-meta.xml'));
  fs.symlinkSync('missing-folder', fx.abs('force-app/main/default/dangling-dir'));
}

test('symlink loops (folder → its parent, folder → itself) and dangling links: each real file indexed once, no crash', () => {
  const fx = fixture({ 'sfdx-project.json': PLAIN_PROJECT, ...HEALTHY });
  try {
    withLinks(fx);
    const p = openProject(fx.root, nodeFsHost);
    assert.deepEqual(inventoryJson(p).map((f) => f.path), [H, G, O].sort());
    assert.deepEqual(findingPairs(p), [`${G} global-settings-in-source`, `${G} secret-in-source`]);
    assertRestChecked(p, fx.abs);
    assert.doesNotThrow(() => p.update(fx.abs('force-app/main/default/externalClientApps/Gone.eca-meta.xml')));
    assert.doesNotThrow(() => p.update(fx.abs('force-app/main/default/loop')));
  } finally {
    fx.cleanup();
  }
});

// ---------------------------------------------------------------- the bundled CLI

const CLI = path.resolve('server/out/cli.js');
const STACK = /^\s+at\s|\bTypeError\b|\bRangeError\b|internal error|ERR_/m;

function cli(args: string[]) {
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: run "node scripts/build.mjs" first`);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'eca-lens-home-'));
  try {
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', HOME: home, SF_TARGET_DEV_HUB: '', SFDX_DEFAULTDEVHUBUSERNAME: '' }, timeout: 60_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

test('CLI on broken input: exit 1 with the diagnostics, never 2, no stack trace', () => {
  const fx = fixture({
    'sfdx-project.json': '{ "packageDirectories": [ { "path": "force-app", "default": true }, ] ',
    ...HEALTHY,
    'force-app/main/default/externalClientApps/Garbage.eca-meta.xml': '<<< not xml',
    'force-app/main/default/externalClientApps/Binary.eca-meta.xml': Buffer.from([0x00, 0x01, 0x02, 0xff]),
    'force-app/main/default/externalClientApps/Empty.eca-meta.xml': '',
  });
  try {
    withLinks(fx);
    const r = cli(['check', fx.root, '--format', 'json']);
    assert.equal(r.code, 1, r.stderr);
    assert.doesNotMatch(r.stderr, STACK);
    const out = JSON.parse(r.stdout) as { diagnostics: { path: string; code: string }[] };
    const pairs = out.diagnostics.map((f) => `${f.path} ${f.code}`).sort();
    assert.deepEqual(pairs, [
      `${G} global-settings-in-source`,
      `${G} secret-in-source`,
      'force-app/main/default/externalClientApps/Binary.eca-meta.xml file-unreadable',
      'force-app/main/default/externalClientApps/Empty.eca-meta.xml xml-malformed',
      'force-app/main/default/externalClientApps/Garbage.eca-meta.xml xml-malformed',
      'sfdx-project.json sfdx-project-invalid',
    ].sort());
    const text = cli(['check', fx.root]);
    assert.equal(text.code, 1);
    assert.doesNotMatch(text.stderr, STACK);
  } finally {
    fx.cleanup();
  }
});

test('CLI on a clean project with symlink loops, UTF-16 and dangling links: exit 0, no stack trace', () => {
  const fx = fixture({
    'sfdx-project.json': PACKAGED_PROJECT,
    'force-app/main/default/externalClientApps/App.eca-meta.xml': Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(header('    <contactEmail>a@b.co</contactEmail>\n    <distributionState>Packaged</distributionState>\n    <label>App</label>\n    <orgScopedExternalApp>00D000000000001:App</orgScopedExternalApp>\n'), 'utf16le'),
    ]),
  });
  try {
    withLinks(fx);
    // A workspace folder above the project: the CLI searches below it, through the loops.
    const r = cli(['check', fx.root, '--format', 'json']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.doesNotMatch(r.stderr, STACK);
    const out = JSON.parse(r.stdout) as { diagnostics: unknown[]; files: { path: string; included: boolean }[] };
    assert.deepEqual(out.diagnostics, []);
    assert.deepEqual(out.files.map((f) => [f.path, f.included]), [['force-app/main/default/externalClientApps/App.eca-meta.xml', true]]);
  } finally {
    fx.cleanup();
  }
});
