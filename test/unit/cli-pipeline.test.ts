/**
 * The CLI in a pipeline: usage errors, paths relative to where it runs, --max-warnings,
 * --fix-dry-run, --fix counting and the safe-only filter, markdown, loose metadata (no
 * sfdx-project.json), and the messages that used to be wrong. The bundled CLI in a child process,
 * plus the formatters in-process where a terminal is needed.
 */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixture, header, globalSettings, xml, PACKAGED_PROJECT } from '../helpers/fixture';
import { fixToApply } from '../../server/src/cli/fix';
import { formatMarkdown } from '../../server/src/cli/formats/markdown';
import { formatText } from '../../server/src/cli/formats/text';
import { supportsHyperlinks } from '../../server/src/cli/terminal';
import type { Report } from '../../server/src/cli/report';
import type { Finding, Fix } from '../../server/src/rules/kit';

// ECA_LENS_TEST_CLI: run these against another build (e.g. the one before a change, to see them fail).
const CLI = process.env.ECA_LENS_TEST_CLI ?? path.resolve('server/out/cli.js');
const EXAMPLE = path.resolve('examples/acme-billing');
const HUB = '00D5g000004XyZaEAK';
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

/** Every file below dir → its bytes (as base64), to prove nothing was written. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = fs.readFileSync(p).toString('base64');
    }
  };
  walk(dir);
  return out;
}

const oneLine = (s: string) => s.trimEnd().split('\n');

// ---------------------------------------------------------------- usage

test('cli usage: a usage error is one line, the reason and "see eca-lens --help", exit 2', () => {
  const cases: [string[], RegExp][] = [
    [['rules', 'extra'], /"rules" takes no argument.*extra/],
    [['lint'], /unknown command "lint"/],
    [['check', '--format', 'xml'], /--format must be one of text, json, sarif, markdown/],
    [['check', '--bogus'], /unknown option "--bogus"/],
    [['check', '--format'], /--format needs a value/],
    [['check', 'a', 'b'], /only one DIR/],
    [['check', '--max-warnings', 'many'], /--max-warnings takes a whole number/],
    [['check', '--fix', '--fix-dry-run'], /--fix and --fix-dry-run/],
  ];
  for (const [args, re] of cases) {
    const r = cli(args, EXAMPLE);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.stdout, '', args.join(' '));
    const lines = oneLine(r.stderr);
    assert.equal(lines.length, 1, `one line for ${args.join(' ')}: ${r.stderr}`);
    assert.match(lines[0]!, re);
    assert.match(lines[0]!, /see eca-lens --help$/);
  }
});

test('cli usage: the other commands answer a usage error with one line too, pointing at their help', () => {
  const cases: [string[], RegExp][] = [
    [['preview', '--bogus'], /^eca-lens preview: unknown option "--bogus"; see eca-lens preview --help$/],
    [['preview', '--format', 'xml'], /^eca-lens preview: --format must be text or json, not "xml"; see eca-lens preview --help$/],
    [['guide', 'a', 'b'], /^eca-lens guide: only one DIR may be given .*; see eca-lens guide --help$/],
    [['report', '--bogus'], /^eca-lens report: unknown option "--bogus"; see eca-lens --help$/],
  ];
  for (const [args, re] of cases) {
    const r = cli(args, EXAMPLE);
    assert.equal(r.code, 2, args.join(' '));
    const lines = oneLine(r.stderr);
    assert.equal(lines.length, 1, `one line for ${args.join(' ')}: ${r.stderr}`);
    assert.match(lines[0]!, re);
  }
});

test('cli usage: --help lists every option of the table', () => {
  const help = cli(['--help']).stdout;
  for (const o of ['--format', '--fix', '--fix-dry-run', '--max-warnings', '--rule', '--exclude', '--dev-hub-org-id', '--no-color', '--verbose', '--help', '--version']) {
    assert.match(help, new RegExp(`^\\s+(-\\w, )?${o}\\b`, 'm'), o);
  }
  assert.match(help, /text\|json\|sarif\|markdown/);
});

// ---------------------------------------------------------------- Dev Hub id

test('cli dev hub: a bad --dev-hub-org-id is a usage error naming the option, not the setting', () => {
  const r = cli(['check', EXAMPLE, '--dev-hub-org-id', '123']);
  assert.equal(r.code, 2);
  const lines = oneLine(r.stderr);
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0]!, /--dev-hub-org-id "123" is not an org id/);
  assert.doesNotMatch(r.stderr + r.stdout, /setting/);
});

test('cli dev hub: an id given on the command line is reported as coming from --dev-hub-org-id', () => {
  const dir = copyExample();
  try {
    const r = cli(['check', '.', '--fix', '--dev-hub-org-id', HUB], dir);
    assert.match(r.stdout, /orgScopedExternalApp 00D5g000004XyZa:AcmeReports \(Dev Hub from --dev-hub-org-id\)/);
    assert.doesNotMatch(r.stdout + r.stderr, /ecaLens\.devHubOrgId|the setting/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------- --fix

test('cli --fix: counts only fixes that changed something, change lines before the summary', () => {
  const dir = copyExample();
  try {
    const r = cli(['check', '.', '--fix', '--dev-hub-org-id', HUB], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const lines = oneLine(r.stdout);
    const fixed = lines.filter((l) => l.startsWith('fixed '));
    // The example's .forceignore fix turns line 8 into **/extlClntAppGlobalOauthSets/**, so the
    // non-packageable fix that would append the same line changes nothing: not counted.
    // The consumer key's removal is a suggestion: not applied either. The .gitignore line for the
    // global settings (global-settings-in-source, safe) is.
    assert.equal(fixed.length, 6, r.stdout);
    assert.ok(!fixed.some((l) => /non-packageable-in-package: Add "\*\*\/extlClntAppGlobalOauthSets\/\*\*"/.test(l)), r.stdout);
    const applied = lines.findIndex((l) => /^6 fix\(es\) applied$/.test(l));
    const summary = lines.findIndex((l) => /^0 error\(s\), 0 warning\(s\)/.test(l));
    assert.ok(applied > lines.lastIndexOf(fixed.at(-1)!) && summary > applied, r.stdout);
    assert.equal(summary, lines.length - 1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('cli --fix: with --format json the change lines go to stderr and stdout stays JSON', () => {
  const dir = copyExample();
  try {
    const r = cli(['check', '.', '--fix', '--format', 'json', '--dev-hub-org-id', HUB], dir);
    assert.equal(r.code, 0);
    // The .gitignore line takes the global settings out of git: secret-in-source no longer applies.
    assert.deepEqual(JSON.parse(r.stdout).diagnostics.map((d: { code: string }) => d.code), []);
    assert.match(r.stderr, /^6 fix\(es\) applied$/m);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

const fakeFinding = (fixes: Fix[]): Finding => ({
  ruleId: 'packageable-excluded',
  severity: 'warning',
  message: 'm',
  path: '/x/.forceignore',
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
  fixes,
});

test('cli --fix: applies only a preferred fix of kind safe, never a suggestion or a snippet', () => {
  const edit = { path: '/x/.forceignore', start: 0, end: 1, newText: '', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };
  const suggestion: Fix = { title: 'Remove the line', kind: 'suggestion', preferred: true, edits: [edit] };
  const safe: Fix = { title: 'Add a line', kind: 'safe', preferred: true, edits: [edit] };
  const snippet: Fix = { title: 'Needs input', kind: 'safe', preferred: true, snippet: true, edits: [edit] };
  const notPreferred: Fix = { title: 'Other', kind: 'safe', edits: [edit] };
  assert.equal(fixToApply(fakeFinding([suggestion])), undefined);
  assert.equal(fixToApply(fakeFinding([suggestion, notPreferred])), undefined);
  assert.equal(fixToApply(fakeFinding([safe])), safe);
  assert.equal(fixToApply(fakeFinding([notPreferred, safe])), safe);
  assert.equal(fixToApply(fakeFinding([snippet])), undefined);
});

test('cli --fix: a .forceignore that deliberately excludes a packaged header is left as the user wrote it', () => {
  // Removing a .forceignore line changes what ships: a suggestion, which --fix never applies.
  const fi = '# we ship Billing from another package\n**/externalClientApps/Billing.eca-meta.xml\n';
  const fx = fixture({
    'sfdx-project.json': PACKAGED_PROJECT,
    'force-app/main/default/externalClientApps/Billing.eca-meta.xml': header('    <contactEmail>a@b.co</contactEmail>\n    <distributionState>Packaged</distributionState>\n    <label>Billing</label>\n    <orgScopedExternalApp>00D5g000004XyZa:Billing</orgScopedExternalApp>\n'),
    '.forceignore': fi,
  });
  try {
    const before = cli(['check', '.', '--format', 'json'], fx.root);
    assert.ok(JSON.parse(before.stdout).diagnostics.some((d: { code: string }) => d.code === 'packageable-excluded'), before.stdout);
    cli(['check', '.', '--fix'], fx.root);
    assert.equal(fs.readFileSync(path.join(fx.root, '.forceignore'), 'utf8'), fi);
  } finally {
    fx.cleanup();
  }
});

// ---------------------------------------------------------------- --fix-dry-run

test('cli --fix-dry-run: prints a unified diff of what --fix would change, writes nothing, exits as check', () => {
  const dir = copyExample();
  const other = copyExample();
  try {
    const before = snapshot(dir);
    const r = cli(['check', '.', '--fix-dry-run', '--dev-hub-org-id', HUB], dir);
    assert.equal(r.code, 1, 'the example has errors until it is fixed');
    assert.deepEqual(snapshot(dir), before, 'nothing written');
    assert.match(r.stdout, /^--- a\/\.forceignore\n\+\+\+ b\/\.forceignore\n@@ /m);
    assert.match(r.stdout, /^-\*\*\/extlClntAppGlobalOauthSettings\/\*\*$/m);
    assert.match(r.stdout, /^\+\*\*\/extlClntAppGlobalOauthSets\/\*\*$/m);
    assert.match(r.stdout, /^\+    <distributionState>Packaged<\/distributionState>$/m);
    assert.match(r.stderr, /6 fix\(es\) would be applied/);
    // The diff is the --fix result: applied with git apply it gives the same bytes.
    const patch = path.join(os.tmpdir(), `eca-lens-${process.pid}.patch`);
    fs.writeFileSync(patch, r.stdout);
    const g = spawnSync('git', ['apply', patch], { cwd: dir, encoding: 'utf8' });
    fs.rmSync(patch);
    assert.equal(g.status, 0, g.stderr);
    cli(['check', '.', '--fix', '--dev-hub-org-id', HUB], other);
    assert.deepEqual(snapshot(dir), snapshot(other));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(other, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------- --max-warnings

test('cli --max-warnings: exit 1 with more warnings than N, as ESLint; -1 is unlimited', () => {
  const noErrors = ['--rule', 'non-packageable-in-package=off', '--rule', 'distribution-state-not-packaged=off', '--rule', 'org-scoped-app-missing=off'];
  const base = cli(['check', EXAMPLE, ...noErrors]);
  assert.equal(base.code, 0);
  assert.match(base.stdout, /0 error\(s\), 3 warning\(s\)/);
  const over = cli(['check', EXAMPLE, ...noErrors, '--max-warnings', '2']);
  assert.equal(over.code, 1);
  assert.match(over.stderr, /3 warnings, more than --max-warnings 2/);
  assert.equal(cli(['check', EXAMPLE, ...noErrors, '--max-warnings', '3']).code, 0);
  assert.equal(cli(['check', EXAMPLE, ...noErrors, '--max-warnings=0']).code, 1);
  assert.equal(cli(['check', EXAMPLE, ...noErrors, '--max-warnings', '-1']).code, 0);
});

// ---------------------------------------------------------------- paths

test('cli paths: from a subfolder of the project, text and SARIF paths are relative to the cwd; JSON adds the root', () => {
  const cwd = path.join(EXAMPLE, 'force-app/main/default');
  const t = cli(['check', '--no-color'], cwd);
  assert.match(t.stdout, /^\.\.\/\.\.\/\.\.\/\.forceignore:8:4 warning forceignore-unknown-directory /m);
  assert.match(t.stdout, /^externalClientApps\/AcmeBilling\.eca-meta\.xml:5:24 error distribution-state-not-packaged /m);

  const s = JSON.parse(cli(['check', '--format', 'sarif'], cwd).stdout);
  const run = s.runs[0];
  assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `file://${cwd}/`);
  const loc = (id: string) => run.results.find((x: { ruleId: string }) => x.ruleId === id).locations[0].physicalLocation.artifactLocation;
  assert.deepEqual(loc('distribution-state-not-packaged'), { uri: 'externalClientApps/AcmeBilling.eca-meta.xml', uriBaseId: '%SRCROOT%' });
  // Outside the cwd: an absolute file URI, no base.
  assert.deepEqual(loc('forceignore-unknown-directory'), { uri: `file://${EXAMPLE}/.forceignore` });

  const j = JSON.parse(cli(['check', '--format', 'json'], cwd).stdout);
  assert.deepEqual(j.projects, [{ root: '../../..', sfdxProject: true }]);
  assert.ok(j.diagnostics.some((d: { path: string; root: string }) => d.path === '.forceignore' && d.root === '../../..'));
  assert.ok(j.files.every((f: { path: string; root: string }) => f.path.startsWith('force-app/') && f.root === '../../..'));
});

test('cli paths: from above the project, paths lead into it', () => {
  const cwd = path.dirname(EXAMPLE);
  const t = cli(['check', 'acme-billing', '--no-color'], cwd);
  assert.match(t.stdout, /^acme-billing\/\.forceignore:8:4 warning /m);
  assert.match(t.stdout, /^acme-billing\/force-app\/main\/default\/externalClientApps\/AcmeBilling\.eca-meta\.xml:5:24 error /m);
  const s = JSON.parse(cli(['check', 'acme-billing', '--format', 'sarif'], cwd).stdout);
  const uris = s.runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }) => x.locations[0]!.physicalLocation.artifactLocation);
  assert.ok(uris.every((u: { uri: string; uriBaseId?: string }) => u.uri.startsWith('acme-billing/') && u.uriBaseId === '%SRCROOT%'), JSON.stringify(uris));
  const j = JSON.parse(cli(['check', 'acme-billing', '--format', 'json'], cwd).stdout);
  assert.deepEqual(j.projects, [{ root: 'acme-billing', sfdxProject: true }]);
  assert.ok(j.diagnostics.some((d: { path: string }) => d.path === 'force-app/main/default/externalClientApps/AcmeBilling.eca-meta.xml'));
});

// ---------------------------------------------------------------- loose metadata

test('cli loose: ECA files without any sfdx-project.json are checked with the file-level rules, and it says so', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eca-lens-loose-'));
  try {
    const g = path.join(dir, 'retrieved/extlClntAppGlobalOauthSets/Billing_glbloauth.ecaGlblOauth-meta.xml');
    fs.mkdirSync(path.dirname(g), { recursive: true });
    fs.writeFileSync(g, globalSettings('    <consumerSecret>s3cr3tvalue</consumerSecret>\n    <externalClientApplication>Billing</externalClientApplication>\n'));
    const h = path.join(dir, 'retrieved/externalClientApps/Billing.eca-meta.xml');
    fs.mkdirSync(path.dirname(h), { recursive: true });
    fs.writeFileSync(h, '<?xml version="1.0"?>\n<ExternalClientApplication><label>x</label>\n');
    const r = cli(['check', '.', '--format', 'json'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(oneLine(r.stderr).length, 1, r.stderr);
    assert.match(r.stderr, /^no sfdx-project\.json found: checked 2 files as loose metadata \(file-level rules only\)$/m);
    const j = JSON.parse(r.stdout);
    assert.deepEqual(j.diagnostics.map((d: { path: string; code: string }) => `${d.path} ${d.code}`).sort(), [
      'retrieved/externalClientApps/Billing.eca-meta.xml xml-malformed',
      'retrieved/extlClntAppGlobalOauthSets/Billing_glbloauth.ecaGlblOauth-meta.xml global-settings-in-source',
      'retrieved/extlClntAppGlobalOauthSets/Billing_glbloauth.ecaGlblOauth-meta.xml secret-in-source',
    ]);
    assert.deepEqual(j.projects, [{ root: '.', sfdxProject: false }]);
    assert.ok(!r.stdout.includes('s3cr3tvalue'));
    const t = cli(['check', '--no-color'], dir);
    assert.match(t.stdout, /^retrieved\/extlClntAppGlobalOauthSets\/Billing_glbloauth\.ecaGlblOauth-meta\.xml:3:\d+ error secret-in-source /m);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------- messages

test('cli messages: a broken sfdx-project.json says what is wrong in words, with line:column', () => {
  const fx = fixture({ 'sfdx-project.json': '{\n  "packageDirectories": [\n    { "path": "force-app" }\n    { "path": "other" }\n  ]\n}\n' });
  try {
    const r = cli(['check', '.', '--no-color'], fx.root);
    assert.equal(r.code, 1);
    assert.doesNotMatch(r.stdout, /CommaExpected/);
    assert.match(r.stdout, /^sfdx-project\.json:4:5 error sfdx-project-invalid sfdx-project\.json is not valid JSON: expected a comma at 4:5/m);
  } finally {
    fx.cleanup();
  }
});

test('cli summary: ECA-family and Connected App files are counted apart', () => {
  const fx = fixture({
    'force-app/main/default/externalClientApps/Billing.eca-meta.xml': header('    <contactEmail>a@b.co</contactEmail>\n    <distributionState>Packaged</distributionState>\n    <label>Billing</label>\n    <orgScopedExternalApp>00D5g000004XyZa:Billing</orgScopedExternalApp>\n'),
    'force-app/main/default/connectedApps/Legacy.connectedApp-meta.xml': xml('ConnectedApp', '    <contactEmail>a@b.co</contactEmail>\n    <label>Legacy</label>\n'),
  });
  try {
    const r = cli(['check', '.', '--no-color'], fx.root);
    assert.match(r.stdout, / — 1 ECA-family file\(s\), 1 Connected App file\(s\), 1 app\(s\), /);
  } finally {
    fx.cleanup();
  }
});

test('cli text: says how many findings --fix could fix; JSON marks each diagnostic fixable', () => {
  const j = JSON.parse(cli(['check', EXAMPLE, '--format', 'json']).stdout);
  const fixable = j.diagnostics.filter((d: { fixable: boolean }) => d.fixable).length;
  assert.equal(j.diagnostics.find((d: { code: string }) => d.code === 'distribution-state-not-packaged').fixable, true);
  assert.equal(j.diagnostics.find((d: { code: string }) => d.code === 'org-scoped-app-missing').fixable, false, 'needs a Dev Hub id');
  assert.ok(fixable >= 4);
  const t = cli(['check', EXAMPLE, '--no-color']);
  assert.match(oneLine(t.stdout).at(-1)!, new RegExp(`^4 error\\(s\\), 3 warning\\(s\\), 0 info\\(s\\), ${fixable} of them fixable with --fix — `));
});

test('cli text: --verbose shows each rule\'s docs link; hyperlinks only on a capable terminal', () => {
  const v = cli(['check', '--verbose'], EXAMPLE);
  assert.match(v.stdout, /^\.forceignore:8:4 warning forceignore-unknown-directory .* https:\/\/github\.com\/eca-lens\/eca-lens\/blob\/main\/docs\/rules\/forceignore-unknown-directory\.md$/m);
  assert.doesNotMatch(cli(['check', EXAMPLE]).stdout, /https:/);
  assert.equal(supportsHyperlinks({ isTTY: false, env: {} }), false);
  assert.equal(supportsHyperlinks({ isTTY: true, env: { NO_COLOR: '1', TERM_PROGRAM: 'vscode' } }), false);
  assert.equal(supportsHyperlinks({ isTTY: true, env: { CI: 'true', TERM_PROGRAM: 'vscode' } }), false);
  assert.equal(supportsHyperlinks({ isTTY: true, env: { TERM: 'dumb', TERM_PROGRAM: 'iTerm.app' } }), false);
  assert.equal(supportsHyperlinks({ isTTY: true, env: { TERM: 'xterm-256color' } }), false, 'unknown terminal: no');
  assert.equal(supportsHyperlinks({ isTTY: true, env: { TERM_PROGRAM: 'vscode', TERM: 'xterm-256color' } }), true);
  assert.equal(supportsHyperlinks({ isTTY: true, env: { WT_SESSION: 'x' } }), true);
  const out = formatText(REPORT, { color: false, hyperlinks: true, verbose: false });
  assert.match(out, /\x1b\]8;;https:\/\/github\.com\/eca-lens\/eca-lens\/blob\/main\/docs\/rules\/secret-in-source\.md\x1b\\secret-in-source\x1b\]8;;\x1b\\/);
});

// ---------------------------------------------------------------- markdown

const REPORT: Report = {
  cwd: '/p',
  projects: [{ root: '/p', sfdxProject: true }],
  files: [{ root: '/p', path: 'a.ecaGlblOauth-meta.xml', type: 'ExtlClntAppGlobalOauthSettings', packageDirectory: 'force-app', app: 'A', included: true }],
  findings: [
    {
      root: '/p',
      fixable: false,
      finding: {
        ruleId: 'secret-in-source',
        severity: 'error',
        message: 'a | pipe\nand a newline',
        path: '/p/a.ecaGlblOauth-meta.xml',
        range: { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } },
        fixes: [],
      },
    },
  ],
};

test('cli markdown: escapes | and newlines in table cells', () => {
  const md = formatMarkdown(REPORT);
  assert.match(md, /^\| error \| 3 \| \[secret-in-source\]\(https:\/\/github\.com\/eca-lens\/eca-lens\/blob\/main\/docs\/rules\/secret-in-source\.md\) \| a \\\| pipe<br>and a newline \|$/m);
});

test('cli markdown: a summary line and a table of findings per file', () => {
  const r = cli(['check', '--format', 'markdown'], EXAMPLE);
  assert.equal(r.code, 1);
  const lines = r.stdout.split('\n');
  assert.match(lines[0]!, /^\*\*ECA Lens:\*\* 4 error\(s\), 3 warning\(s\), 0 info\(s\)/);
  assert.match(r.stdout, /^### `force-app\/main\/default\/externalClientApps\/AcmeBilling\.eca-meta\.xml`\n\n\| Severity \| Line \| Rule \| Message \|\n\|---\|---:\|---\|---\|\n\| error \| 5 \| \[distribution-state-not-packaged\]\(https:\/\/[^)]+\/distribution-state-not-packaged\.md\) \| /m);
  assert.equal((r.stdout.match(/^### /gm) ?? []).length, 5, 'one table per file with findings');
  const clean = fixture({});
  try {
    const c = cli(['check', '.', '--format', 'markdown'], clean.root);
    assert.equal(c.code, 0);
    assert.match(c.stdout, /^\*\*ECA Lens:\*\* no problems found/);
  } finally {
    clean.cleanup();
  }
});
