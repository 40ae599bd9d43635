/**
 * The CLI as CI runs it: the bundled server/out/cli.js in a child process (catches bundling
 * mistakes too). Expected values come from the example project's README table and the issue's
 * JSON shape.
 */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixture, header, globalSettings, PLAIN_PROJECT } from '../helpers/fixture';

const CLI = path.resolve('server/out/cli.js');
const EXAMPLE = path.resolve('examples/acme-billing');

// An empty home, so the offline Dev Hub lookup finds nothing on a developer's machine either.
const HOME = fs.mkdtempSync(path.join(os.tmpdir(), 'eca-lens-home-'));
const ENV = { ...process.env, NO_COLOR: '1', HOME, SF_TARGET_DEV_HUB: '', SFDX_DEFAULTDEVHUBUSERNAME: '' };
after(() => fs.rmSync(HOME, { recursive: true, force: true }));

function cli(args: string[], cwd = process.cwd()) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: ENV });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function copyExample(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eca-lens-cli-'));
  fs.cpSync(EXAMPLE, dir, { recursive: true });
  return dir;
}

const EXPECTED_EXAMPLE = [
  ['.forceignore', 'forceignore-unknown-directory', 'warning', 7],
  ['force-app/main/default/externalClientApps/AcmeBilling.eca-meta.xml', 'distribution-state-not-packaged', 'error', 4],
  ['force-app/main/default/externalClientApps/AcmeReports.eca-meta.xml', 'org-scoped-app-missing', 'error', 1],
  ['force-app/main/default/extlClntAppGlobalOauthSets/AcmeBilling_glbloauth.ecaGlblOauth-meta.xml', 'non-packageable-in-package', 'error', 1],
  ['force-app/main/default/extlClntAppGlobalOauthSets/AcmeBilling_glbloauth.ecaGlblOauth-meta.xml', 'global-settings-in-source', 'warning', 1],
  ['force-app/main/default/extlClntAppGlobalOauthSets/AcmeBilling_glbloauth.ecaGlblOauth-meta.xml', 'secret-in-source', 'warning', 3],
  ['force-app/main/default/extlClntAppPolicies/AcmeReports_plcy.ecaPlcy-meta.xml', 'non-packageable-in-package', 'error', 1],
] as const;

test('cli: json output on the example has the documented shape and exactly the planted hazards', () => {
  const r = cli(['check', '--format', 'json'], EXAMPLE);
  assert.equal(r.code, 1, r.stderr);
  const j = JSON.parse(r.stdout) as {
    version: number;
    projects: { root: string; sfdxProject: boolean }[];
    files: { root: string; path: string; type: string | null; packageDirectory: string | null; app: string | null; included: boolean }[];
    diagnostics: { root: string; path: string; code: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; fixable: boolean }[];
  };
  assert.equal(j.version, 2);
  assert.deepEqual(Object.keys(j).sort(), ['diagnostics', 'files', 'projects', 'version']);
  assert.deepEqual(j.projects, [{ root: '.', sfdxProject: true }]);
  assert.deepEqual(
    j.diagnostics.map((d) => [d.path, d.code, d.severity, d.range.start.line]),
    EXPECTED_EXAMPLE.map((e) => [...e]),
  );
  for (const d of j.diagnostics) assert.deepEqual(Object.keys(d).sort(), ['code', 'fixable', 'message', 'path', 'range', 'root', 'severity']);
  const glbl = j.files.find((f) => f.path.endsWith('AcmeBilling_glbloauth.ecaGlblOauth-meta.xml'));
  assert.deepEqual(glbl, {
    root: '.',
    path: 'force-app/main/default/extlClntAppGlobalOauthSets/AcmeBilling_glbloauth.ecaGlblOauth-meta.xml',
    type: 'ExtlClntAppGlobalOauthSettings',
    packageDirectory: 'force-app',
    app: 'AcmeBilling',
    included: true,
  });
  const plcy = j.files.find((f) => f.path.endsWith('AcmeBilling_oauthPlcy.ecaOauthPlcy-meta.xml'));
  assert.equal(plcy?.included, false, 'excluded by **/extlClntAppOauthPolicies/**');
  assert.equal(j.files.length, 7);
  assert.ok(!r.stdout.includes('3MVG9EXAMPLE'), 'a secret value is never printed');
});

test('cli: text output is compiler-style, 1-based, with a summary', () => {
  const r = cli(['check', '--no-color'], EXAMPLE);
  assert.equal(r.code, 1);
  const lines = r.stdout.trim().split('\n');
  assert.match(lines[0]!, /^\.forceignore:8:4 warning forceignore-unknown-directory "extlClntAppGlobalOauthSettings"/);
  assert.match(r.stdout, /^force-app\/main\/default\/externalClientApps\/AcmeBilling\.eca-meta\.xml:5:24 error distribution-state-not-packaged /m);
  assert.match(lines[lines.length - 1]!, /^4 error\(s\), 3 warning\(s\), 0 info\(s\), \d+ of them fixable with --fix — 7 ECA-family file\(s\), 2 app\(s\)/);
  assert.ok(!r.stdout.includes('\x1b['), 'no colour codes with --no-color');
});

test('cli: sarif output is SARIF 2.1.0 with rules, help links and 1-based regions', () => {
  const r = cli(['check', '--format=sarif'], EXAMPLE);
  assert.equal(r.code, 1);
  const s = JSON.parse(r.stdout);
  assert.equal(s.version, '2.1.0');
  const run = s.runs[0];
  assert.equal(run.tool.driver.name, 'ECA Lens');
  const ruleIds = run.tool.driver.rules.map((x: { id: string }) => x.id);
  assert.ok(ruleIds.includes('non-packageable-in-package'));
  for (const rule of run.tool.driver.rules) assert.match(rule.helpUri, new RegExp(`docs/rules/${rule.id}\\.md$`));
  assert.equal(run.results.length, EXPECTED_EXAMPLE.length);
  const first = run.results.find((x: { ruleId: string }) => x.ruleId === 'distribution-state-not-packaged');
  assert.equal(first.level, 'error');
  assert.equal(run.tool.driver.rules[first.ruleIndex].id, 'distribution-state-not-packaged');
  assert.deepEqual(first.locations[0].physicalLocation.region, { startLine: 5, startColumn: 24, endLine: 5, endColumn: 29 });
  assert.equal(first.locations[0].physicalLocation.artifactLocation.uri, 'force-app/main/default/externalClientApps/AcmeBilling.eca-meta.xml');
  const info = run.results.find((x: { ruleId: string }) => x.ruleId === 'secret-in-source');
  assert.equal(info.level, 'warning');
});

test('cli: --fix with a Dev Hub org id applies every safe fix of the example and reports what changed', () => {
  const dir = copyExample();
  try {
    const r = cli(['check', dir, '--fix', '--dev-hub-org-id', '00D5g000004XyZaEAK']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^6 fix\(es\) applied$/m);
    // Removing the committed consumer key is a suggestion (it removes an element): --fix leaves the
    // element. The safe .gitignore line of global-settings-in-source takes the file out of git, so
    // secret-in-source no longer reports it (a key already committed still needs rotating).
    assert.doesNotMatch(r.stdout, /^fixed .*secret-in-source/m);
    assert.match(r.stdout, /^0 error\(s\), 0 warning\(s\), 0 info\(s\)/m);
    assert.equal(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8').split('\n').filter((l) => l === '**/extlClntAppGlobalOauthSets/').length, 1);
    const fi = fs.readFileSync(path.join(dir, '.forceignore'), 'utf8');
    assert.equal(fi.match(/^\*\*\/extlClntAppGlobalOauthSets\/\*\*$/gm)?.length, 1, 'the same line is not added twice');
    assert.match(fi, /^\*\*\/extlClntAppPolicies\/\*\*$/m);
    const h = fs.readFileSync(path.join(dir, 'force-app/main/default/externalClientApps/AcmeReports.eca-meta.xml'), 'utf8');
    assert.match(h, /\n    <label>Acme Reports<\/label>\n    <orgScopedExternalApp>00D5g000004XyZa:AcmeReports<\/orgScopedExternalApp>\n<\/ExternalClientApplication>/);
    // Run again: nothing left to fix, files unchanged.
    const again = cli(['check', dir, '--fix', '--dev-hub-org-id', '00D5g000004XyZaEAK']);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /no fixable findings/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('cli: --fix without an org id leaves the orgScopedExternalApp finding (a snippet fix needs input)', () => {
  const dir = copyExample();
  try {
    const r = cli(['check', dir, '--fix', '--format', 'json'], dir);
    const j = JSON.parse(r.stdout);
    // The safe fix of global-settings-in-source adds the global settings folder to .gitignore: the
    // file is then not in git, so secret-in-source (whose own fix is a suggestion) no longer reports it.
    assert.deepEqual(j.diagnostics.map((d: { code: string }) => d.code).sort(), ['org-scoped-app-missing', 'org-scoped-app-missing']);
    assert.equal(r.code, 1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('cli: DIR defaults to the current folder and searches upward for sfdx-project.json', () => {
  const r = cli(['check', '--format', 'json'], path.join(EXAMPLE, 'force-app/main/default/classes'));
  assert.equal(r.code, 1);
  assert.equal(JSON.parse(r.stdout).diagnostics.length, EXPECTED_EXAMPLE.length);
});

test('cli: --rule changes severities (wildcards too), off removes findings, exit follows errors', () => {
  const r = cli(['check', EXAMPLE, '--format', 'json', '--rule', 'non-packageable-in-package=warning', '--rule', 'distribution-state-*=off', '--rule', 'org-scoped-app-missing=info']);
  const j = JSON.parse(r.stdout);
  assert.equal(r.code, 0, 'no error left');
  assert.ok(!j.diagnostics.some((d: { code: string }) => d.code === 'distribution-state-not-packaged'));
  assert.deepEqual(
    j.diagnostics.filter((d: { code: string }) => d.code === 'non-packageable-in-package').map((d: { severity: string }) => d.severity),
    ['warning', 'warning'],
  );
  assert.equal(j.diagnostics.find((d: { code: string }) => d.code === 'org-scoped-app-missing').severity, 'information');
});

test('cli: several projects below DIR are all checked, paths relative to DIR', () => {
  const fx = fixture({
    'a/sfdx-project.json': PLAIN_PROJECT,
    'a/force-app/main/default/externalClientApps/A.eca-meta.xml': header('    <distributionState>Local</distributionState>\n'),
    'a/force-app/main/default/extlClntAppGlobalOauthSets/A_g.ecaGlblOauth-meta.xml': globalSettings('    <consumerSecret>s3cr3t</consumerSecret>\n    <externalClientApplication>A</externalClientApplication>\n'),
    'b/sfdx-project.json': PLAIN_PROJECT,
    'b/force-app/main/default/externalClientApps/B.eca-meta.xml': header('    <distributionState>Local</distributionState>\n'),
  });
  try {
    fs.rmSync(path.join(fx.root, 'sfdx-project.json'));
    const r = cli(['check', '--format', 'json'], fx.root);
    const j = JSON.parse(r.stdout);
    assert.deepEqual(j.projects, [{ root: 'a', sfdxProject: true }, { root: 'b', sfdxProject: true }]);
    assert.deepEqual(j.files.map((f: { root: string; path: string }) => `${f.root} ${f.path}`), [
      'a force-app/main/default/externalClientApps/A.eca-meta.xml',
      'a force-app/main/default/extlClntAppGlobalOauthSets/A_g.ecaGlblOauth-meta.xml',
      'b force-app/main/default/externalClientApps/B.eca-meta.xml',
    ]);
    assert.deepEqual(j.diagnostics.map((d: { root: string; path: string; code: string }) => `${d.root} ${d.path} ${d.code}`), [
      'a force-app/main/default/extlClntAppGlobalOauthSets/A_g.ecaGlblOauth-meta.xml global-settings-in-source',
      'a force-app/main/default/extlClntAppGlobalOauthSets/A_g.ecaGlblOauth-meta.xml secret-in-source',
    ]);
    // Text: relative to the cwd, so into each project.
    assert.match(cli(['check', '--no-color'], fx.root).stdout, /^a\/force-app\/main\/default\/extlClntAppGlobalOauthSets\/A_g\.ecaGlblOauth-meta\.xml:\d+:\d+ error secret-in-source /m);
    assert.ok(!r.stdout.includes('s3cr3t'));
    assert.equal(r.code, 1);
  } finally {
    fx.cleanup();
  }
});

test('cli: usage problems exit 2 with a one-line reason', () => {
  const cases: [string[], RegExp][] = [
    [['lint'], /unknown command "lint"/],
    [['check', '--format', 'xml'], /--format must be one of text, json, sarif, markdown/],
    [['check', '--rule', 'nope=error'], /no rule "nope"/],
    [['check', '--rule', 'secret-in-source'], /--rule takes ID=SEVERITY/],
    [['check', '--bogus'], /unknown option "--bogus"/],
    [['check', 'a', 'b'], /only one DIR/],
    [['check', '/definitely/not/here'], /is not a folder/],
  ];
  for (const [args, re] of cases) {
    const r = cli(args, EXAMPLE);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, re);
    assert.equal(r.stdout, '');
  }
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'eca-lens-empty-'));
  try {
    const r = cli(['check', empty]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no sfdx-project\.json .* and no ECA files/);
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
});

test('cli: help, version and the rules list', () => {
  assert.match(cli(['--help']).stdout, /Usage: eca-lens check \[DIR\]/);
  assert.match(cli(['--version']).stdout.trim(), /^\d+\.\d+\.\d+/);
  const rules = cli(['rules']);
  assert.equal(rules.code, 0);
  for (const id of ['non-packageable-in-package', 'packageable-excluded', 'forceignore-backslash', 'secret-in-source']) assert.match(rules.stdout, new RegExp(`^${id} `, 'm'));
});

test('cli: a plain (unpackaged) project with a clean app exits 0', () => {
  const fx = fixture({
    'sfdx-project.json': PLAIN_PROJECT,
    'force-app/main/default/externalClientApps/A.eca-meta.xml': header('    <contactEmail>a@b.co</contactEmail>\n    <distributionState>Local</distributionState>\n'),
  });
  try {
    const r = cli(['check', fx.root]);
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /^0 error\(s\), 0 warning\(s\), 0 info\(s\) — 1 ECA-family file\(s\), 1 app\(s\), 1 file\(s\) in a build, in 1 project\(s\)$/m);
  } finally {
    fx.cleanup();
  }
});
test('cli --format json: files in absolute path order across a project and the project nested in it', () => {
  const two = JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }, { path: 'zz' }], sourceApiVersion: '64.0' });
  const fx = fixture({
    'sfdx-project.json': two,
    'force-app/main/default/externalClientApps/A.eca-meta.xml': header('    <label>A</label>\n'),
    'zz/main/default/externalClientApps/Z.eca-meta.xml': header('    <label>Z</label>\n'),
    'inner/sfdx-project.json': PLAIN_PROJECT,
    'inner/force-app/main/default/externalClientApps/B.eca-meta.xml': header('    <label>B</label>\n'),
  });
  try {
    const j = JSON.parse(cli(['check', '.', '--format', 'json'], fx.root).stdout) as { files: { root: string; path: string }[] };
    // By the absolute path: the inner project's file sits between the outer project's two.
    assert.deepEqual(j.files.map((f) => `${f.root}|${f.path}`), [
      '.|force-app/main/default/externalClientApps/A.eca-meta.xml',
      'inner|force-app/main/default/externalClientApps/B.eca-meta.xml',
      '.|zz/main/default/externalClientApps/Z.eca-meta.xml',
    ]);
  } finally {
    fx.cleanup();
  }
});

test('cli: a project holding a nested sfdx project: both projects\' findings are reported (the server\'s discovery)', () => {
  const fx = fixture({
    'sfdx-project.json': PLAIN_PROJECT,
    'force-app/main/default/extlClntAppGlobalOauthSets/A_g.ecaGlblOauth-meta.xml': globalSettings('    <consumerSecret>outer</consumerSecret>\n    <externalClientApplication>A</externalClientApplication>\n'),
    'inner/sfdx-project.json': PLAIN_PROJECT,
    'inner/force-app/main/default/extlClntAppGlobalOauthSets/B_g.ecaGlblOauth-meta.xml': globalSettings('    <consumerSecret>inner</consumerSecret>\n    <externalClientApplication>B</externalClientApplication>\n'),
  });
  try {
    const r = cli(['check', '.', '--format', 'json'], fx.root);
    const j = JSON.parse(r.stdout);
    assert.deepEqual(j.diagnostics.filter((d: { code: string }) => d.code === 'secret-in-source').map((d: { root: string; path: string }) => path.posix.join(d.root, d.path)), [
      'force-app/main/default/extlClntAppGlobalOauthSets/A_g.ecaGlblOauth-meta.xml',
      'inner/force-app/main/default/extlClntAppGlobalOauthSets/B_g.ecaGlblOauth-meta.xml',
    ]);
    assert.equal(r.code, 1);
  } finally {
    fx.cleanup();
  }
});
