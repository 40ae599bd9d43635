/**
 * packaged-component-removed as a rule of `check`: with a baseline snapshot in EngineOptions
 * (what `check --since REF` passes), and through the CLI on a git repository made here.
 */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { header, fixture, PACKAGED_PROJECT, PLAIN_PROJECT } from '../../helpers/fixture';
import { assertAtMark, only, P, withFixture } from '../../helpers/eca';
import { snapshotOf } from '../../../server/src/views/snapshot';
import { ALL_RULES } from '../../../server/src/engine';
import type { Baseline } from '../../../server/src/project/releaseSnapshot';

const ID = 'packaged-component-removed';
const headerXml = (state = 'Packaged', org = '00D5g000004abcd:Billing') =>
  header(`    <contactEmail>a@b.co</contactEmail>\n    <distributionState>${state}</distributionState>\n    <label>Billing</label>\n    <orgScopedExternalApp>${org}</orgScopedExternalApp>\n`);

/** The released project as a baseline (a fixture of its own, snapshotted, removed). */
function released(files: Record<string, string>, ref = 'v1.0.0'): Baseline {
  const fx = fixture(files, { ruleSet: [] });
  try {
    return { ref, snapshot: snapshotOf(fx.project) };
  } finally {
    fx.cleanup();
  }
}

test(`${ID}: registered; silent without a baseline`, () => {
  assert.ok(ALL_RULES.some((r) => r.id === ID && r.defaultSeverity === 'error' && r.scope === 'project'));
  withFixture({ '.forceignore': '**/*.eca*\n', [P.header]: headerXml() }, (fx) => {
    assert.equal([...fx.check().values()].flat().filter((f) => f.ruleId === ID).length, 0);
  });
});

test(`${ID}: a .forceignore line now excludes the released header: error on that line`, () => {
  const baseline = released({ [P.header]: headerXml() });
  withFixture({ '.forceignore': '# keep secrets out\n⟦**/*.eca*⟧\n', [P.header]: headerXml() }, (fx) => {
    const f = only(fx.findings('.forceignore', ID));
    assert.equal(f.severity, 'error');
    assertAtMark(fx, '.forceignore', f);
    assert.match(f.message, /^The header of app "Billing" \(force-app\/main\/default\/externalClientApps\/Billing\.eca-meta\.xml\) shipped in package "Billing" at v1\.0\.0, but this \.forceignore line now excludes it/);
    assert.equal(f.fixes.length, 0);
  }, { baseline });
});

test(`${ID}: the header was deleted: error on sfdx-project.json at the package name`, () => {
  const baseline = released({ [P.header]: headerXml() });
  const project = PACKAGED_PROJECT.replace('"package": "Billing"', '"package": "⟦Billing⟧"');
  withFixture({ 'sfdx-project.json': project }, (fx) => {
    const f = only(fx.findings('sfdx-project.json', ID));
    assertAtMark(fx, 'sfdx-project.json', f);
    assert.match(f.message, /but the file was deleted\..*git checkout v1\.0\.0 -- force-app\/main\/default\/externalClientApps\/Billing\.eca-meta\.xml/);
  }, { baseline });
});

test(`${ID}: distributionState changed: warning (same id) on the new value; severities configurable`, () => {
  const baseline = released({ [P.header]: headerXml() });
  const now = headerXml('⟦Local⟧');
  withFixture({ [P.header]: now }, (fx) => {
    const f = only(fx.findings(P.header, ID));
    assert.equal(f.severity, 'warning');
    assertAtMark(fx, P.header, f);
    assert.match(f.message, /distributionState of packaged app "Billing" changed since v1\.0\.0 \("Packaged" → "Local"\)/);
  }, { baseline });
  withFixture({ [P.header]: now }, (fx) => assert.equal(fx.findings(P.header, ID).length, 0), { baseline, rules: { [ID]: 'off' } });
});

test(`${ID}: unchanged, or a directory that was never packaged: nothing`, () => {
  withFixture({ [P.header]: headerXml() }, (fx) => assert.equal(fx.findings(P.header, ID).length, 0), { baseline: released({ [P.header]: headerXml() }) });
  const plain = released({ 'sfdx-project.json': PLAIN_PROJECT, [P.header]: headerXml() });
  withFixture({ 'sfdx-project.json': PLAIN_PROJECT }, (fx) => assert.equal([...fx.check().values()].flat().filter((f) => f.ruleId === ID).length, 0), { baseline: plain });
});

// ---------------------------------------------------------------- check --since through the CLI

const CLI = path.resolve('server/out/cli.js');
const HOME = fs.mkdtempSync(path.join(os.tmpdir(), 'eca-lens-home-'));
const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'ECA Lens Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'ECA Lens Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: path.join(HOME, 'gitconfig'),
  NO_COLOR: '1',
  HOME,
  SF_TARGET_DEV_HUB: '',
  SFDX_DEFAULTDEVHUBUSERNAME: '',
};
const dirs: string[] = [HOME];
after(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: ENV, encoding: 'utf8' });
const cli = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: ENV });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

function repo(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'eca-lens-git-'));
  dirs.push(root);
  for (const [rel, text] of Object.entries({ 'sfdx-project.json': PACKAGED_PROJECT, '.forceignore': '**/extlClntAppGlobalOauthSets/**\n', [P.header]: headerXml() })) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'release');
  git(root, 'tag', 'v1.0.0');
  return root;
}

test(`check --since: the rule's findings in text, JSON and SARIF output, with the docs link; exit 1`, () => {
  const root = repo();
  fs.appendFileSync(path.join(root, '.forceignore'), '**/*.eca*\n');
  const t = cli(['check', '--since', 'v1.0.0'], root);
  assert.equal(t.code, 1, t.stderr);
  assert.match(t.stdout, /^\.forceignore:2:1 error packaged-component-removed The header of app "Billing" \(force-app\/main\/default\/externalClientApps\/Billing\.eca-meta\.xml\) shipped in package "Billing" at v1\.0\.0/m);
  const j = JSON.parse(cli(['check', '--since', 'v1.0.0', '--format', 'json'], root).stdout) as { diagnostics: { path: string; code: string; severity: string; range: { start: { line: number } } }[] };
  const d = j.diagnostics.filter((x) => x.code === ID);
  assert.deepEqual(d.map((x) => [x.path, x.severity, x.range.start.line]), [['.forceignore', 'error', 1]]);
  const s = cli(['check', '--since', 'v1.0.0', '--format', 'sarif'], root).stdout;
  assert.match(s, /"ruleId": "packaged-component-removed"/);
  assert.match(s, /docs\/rules\/packaged-component-removed\.md/);
  // Without --since the rule is silent (the other rules still see the excluded header).
  const plain = cli(['check'], root);
  assert.doesNotMatch(plain.stdout, /packaged-component-removed/);
  // Severity through --rule like any rule.
  assert.doesNotMatch(cli(['check', '--since', 'v1.0.0', '--rule', `${ID}=off`], root).stdout, /packaged-component-removed/);
});

test(`check --since: an unknown revision or no repository: exit 2 with one line`, () => {
  const root = repo();
  const r = cli(['check', '--since', 'v9'], root);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, 'eca-lens: --since v9: unknown git revision "v9"\n');
  const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'eca-lens-nogit-'));
  dirs.push(bare);
  fs.writeFileSync(path.join(bare, 'sfdx-project.json'), PACKAGED_PROJECT);
  const n = cli(['check', '--since', 'v1.0.0'], bare);
  assert.equal(n.code, 2);
  assert.match(n.stderr, /^eca-lens: --since v1\.0\.0: .*not in a git repository/);
});
