/**
 * What the speed work (issue 13) remembers must never outlive its inputs: path tests on their
 * fast path answer as `path.relative` does, the listing taken from the cold index's walk equals a
 * walk of its own, and the postures, schema walks and .gitignore sets memoised per object follow
 * every edit of the files they came from.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { childPath, isInside, posixRelative } from '../../server/src/util/paths';
import { OtherFiles } from '../../server/src/model/otherFiles';
import { excluder } from '../../server/src/model/walk';
import { nodeFsHost } from '../../server/src/project/fsHost';
import { fixture, PLAIN_PROJECT } from '../helpers/fixture';
import { P, glbl, hdr } from '../helpers/oauth';
import { BILLING_APP_FILES, noDevHub } from '../helpers/eca';
import { openProject, type EngineOptions } from '../../server/src/engine';
import { ALL_RULES } from '../../server/src/rules/index';
import { defineRule, FILE_START } from '../../server/src/rules/kit';

const slowInside = (dir: string, p: string) => {
  const rel = path.relative(dir, p);
  return !!rel && !rel.startsWith('..') && !path.isAbsolute(rel);
};

test('isInside and posixRelative answer as path.relative does, fast path or not', () => {
  const dirs = ['/', '/a', '/a/b', '/a/.b', '/a/./b', '/a/b/', '/a//b', '/a/b/..', '/ab', '/a/b.c'];
  const paths = ['/', '/a', '/a/b', '/a/b/c', '/a/bc', '/ab/c', '/a/.b/c', '/a/./b/c', '/a/b/../c', '/a//b/c', '/a/b/c/', '/a/b.c/d', '/a/b/.forceignore', '/x/.git/y'];
  for (const d of dirs) {
    for (const p of paths) {
      assert.equal(isInside(d, p), slowInside(d, p), `isInside(${d}, ${p})`);
      assert.equal(posixRelative(d, p), path.relative(d, p), `posixRelative(${d}, ${p})`);
    }
    for (const name of ['x', '.x', 'x.y', '.', '..', '', 'a/b', '..x', 'x..']) assert.equal(childPath(d, name), path.join(d, name), `childPath(${d}, ${name})`);
  }
});

test('the listing taken from the cold index equals a walk of its own (skipped folders, exclude, nested project, a package directory outside the root)', () => {
  const fx = fixture(
    {
      'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }, { path: '../outside-pkg' }] }),
      '.forceignore': '**/jsconfig.json\n',
      '.gitignore': 'x\n',
      'force-app/main/default/classes/A.cls': 'x',
      'force-app/main/default/settings/OauthOidc.settings-meta.xml': '<OauthOidcSettings/>',
      'force-app/.forceignore': 'y\n',
      'force-app/skipped/B.cls': 'x',
      'node_modules/m/package.xml': '<Package/>',
      'nested/sfdx-project.json': PLAIN_PROJECT,
      'nested/force-app/C.cls': 'x',
      '.sf/config.json': '{}',
      'manifest/package.xml': '<Package/>',
    },
    { exclude: ['force-app/skipped/', 'force-app/.forceignore'] },
  );
  const outside = path.join(path.dirname(fx.root), 'outside-pkg');
  try {
    // A package directory outside the root, made after the fixture: re-index to take it in.
    fs.rmSync(outside, { recursive: true, force: true });
    fs.mkdirSync(path.join(outside, 'main'), { recursive: true });
    fs.writeFileSync(path.join(outside, 'main', 'D.cls'), 'x');
    fx.project.load();
    const seeded = fx.project.listFiles(['**']);
    const own = new OtherFiles(fx.root, nodeFsHost, excluder(fx.root, ['force-app/skipped/', 'force-app/.forceignore'])).list(['**'], fx.project.config.packageDirectories);
    assert.deepEqual(seeded, own);
    const rel = seeded.map((p) => posixRelative(fx.root, p));
    assert.ok(rel.includes('force-app/main/default/classes/A.cls') && rel.includes('.forceignore') && rel.includes('manifest/package.xml'));
    assert.ok(!rel.some((r) => r.startsWith('node_modules/') || r.startsWith('nested/') || r.startsWith('.sf/') || r.startsWith('force-app/skipped/')), rel.join(', '));
    assert.ok(!rel.includes('force-app/.forceignore'), 'an excluded .forceignore is not listed');
  } finally {
    fs.rmSync(outside, { recursive: true, force: true });
    fx.cleanup();
  }
});

test('a posture shared by the files of an app follows an edit of another file of the app', () => {
  const packaged = JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] });
  const CB = '    <callbackUrl>https://x.example/cb</callbackUrl>\n';
  const fx = fixture({ 'sfdx-project.json': packaged, [P.header]: hdr('Local'), [P.global]: glbl(CB, '    <isPkceRequired>false</isPkceRequired>\n') });
  try {
    const pkce = () => fx.project.check(fx.abs(P.global)).filter((f) => f.ruleId === 'pkce-not-required');
    assert.equal(pkce().length, 1);
    assert.doesNotMatch(pkce()[0]!.message, /This app is Packaged/);
    // The header (another file) turns Packaged: the global settings file's posture must see it.
    fs.writeFileSync(fx.abs(P.header), hdr('Packaged'));
    assert.ok(fx.project.update(fx.abs(P.header)).affected.has(fx.abs(P.global)));
    assert.match(pkce()[0]!.message, /This app is Packaged/);
    // And back.
    fs.writeFileSync(fx.abs(P.header), hdr('Local'));
    fx.project.update(fx.abs(P.header));
    assert.doesNotMatch(pkce()[0]!.message, /This app is Packaged/);
  } finally {
    fx.cleanup();
  }
});

test('schema findings follow an edit of the file (the schema walk is remembered per parse)', () => {
  const fx = fixture({ [P.header]: hdr('Local') });
  try {
    const ids = () => fx.project.check(fx.abs(P.header)).map((f) => f.ruleId).filter((id) => id.startsWith('schema-')).sort();
    assert.deepEqual(ids(), []);
    fs.writeFileSync(fx.abs(P.header), hdr('Locl').replace('<label>', '<labl>x</labl>\n    <label>'));
    fx.project.update(fx.abs(P.header));
    assert.deepEqual(ids(), ['schema-invalid-value', 'schema-unknown-element']);
  } finally {
    fx.cleanup();
  }
});

test('secret and global-settings findings follow a .gitignore edit (the compiled .gitignore set is remembered per text)', () => {
  const fx = fixture({ '.gitignore': 'node_modules/\n', [P.global]: glbl('    <callbackUrl>https://x.example/cb</callbackUrl>\n') });
  try {
    const has = () => fx.project.check(fx.abs(P.global)).some((f) => f.ruleId === 'global-settings-in-source');
    assert.ok(has());
    fs.writeFileSync(fx.abs('.gitignore'), 'node_modules/\n**/extlClntAppGlobalOauthSets/\n');
    fx.project.update(fx.abs('.gitignore'));
    assert.ok(!has(), 'ignored by git now');
    fs.writeFileSync(fx.abs('.gitignore'), 'node_modules/\n');
    fx.project.update(fx.abs('.gitignore'));
    assert.ok(has(), 'and reported again');
  } finally {
    fx.cleanup();
  }
});

/** Every path's findings of an updated project equal a freshly opened one's. */
function assertSameAsCold(fx: ReturnType<typeof fixture>, options: EngineOptions, step: string): void {
  const cold = openProject(fx.root, nodeFsHost, options);
  const paths = new Set([...fx.project.allPaths(), ...cold.allPaths()]);
  for (const p of paths) assert.deepEqual(fx.project.check(p), cold.check(p), `${step}: ${posixRelative(fx.root, p)}`);
}

test('a .forceignore edit that changes only verdicts re-runs only the rules that read them, and gives the findings of a cold check', () => {
  const BILLING2 = Object.fromEntries(Object.entries(BILLING_APP_FILES).map(([k, v]) => [k.replace(/Billing/g, 'Ledger').replace('force-app', 'pkg-two'), v.replace(/Billing/g, 'Ledger')]));
  const project = JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true, package: 'Billing', versionNumber: '1.0.0.NEXT' }, { path: 'pkg-two', package: 'Two', versionNumber: '1.0.0.NEXT' }], namespace: 'bill' });
  const start = '**/extlClntAppGlobalOauthSets/**\n**/extlClntAppOauthPolicies/**\n**/extlClntAppPolicies/**\n';
  // A rule that reads no verdict, counting its runs: it must not run again after a verdict-only change.
  let runs = 0;
  const counted: { project?: unknown } = {};
  const counting = defineRule({ id: 'test-counting', severity: 'hint', title: 't', appliesTo: ['ExtlClntAppConfigurablePolicies'], check: (ctx) => {
    if (ctx.project === counted.project) runs++;
    return [ctx.finding(FILE_START, `has ${ctx.file.xml?.root?.children.length ?? 0} elements`)];
  } });
  const dh = noDevHub();
  const options: EngineOptions = { ...dh.options, ruleSet: [...ALL_RULES, counting] };
  const fx = fixture({ 'sfdx-project.json': project, '.forceignore': start, ...BILLING_APP_FILES, ...BILLING2 }, options);
  counted.project = fx.project;
  try {
    fx.project.checkAll();
    const edits: [string, string][] = [
      ['the policy folders ship', '**/extlClntAppGlobalOauthSets/**\n'],
      ['a header is excluded', start + '**/externalClientApps/Billing.eca-meta.xml\n'],
      ['lines added above the line that excludes the header (same verdicts, other line numbers)', '# moved\n\n' + start + '**/externalClientApps/Billing.eca-meta.xml\n'],
      ['a comment edited above it (same verdicts, same lines)', '# moved again\n\n' + start + '**/externalClientApps/Billing.eca-meta.xml\n'],
      ['one policy file back in', start + '!**/extlClntAppPolicies/Ledger_plcy.ecaPlcy-meta.xml\n'],
      ['lines moved (same verdicts, other line numbers)', '# moved\n\n' + start],
      ['back to the start', start],
    ];
    for (const [step, text] of edits) {
      const before = runs;
      fs.writeFileSync(fx.abs('.forceignore'), text);
      fx.project.update(fx.abs('.forceignore'));
      assertSameAsCold(fx, options, step);
      assert.equal(runs, before, `${step}: a rule that reads no verdict is not run again`);
    }
    // An edit of the policy file itself is a full re-check of it.
    fs.writeFileSync(fx.abs(P.policy), BILLING_APP_FILES[P.policy]!.replace('<isEnabled>true</isEnabled>\n', ''));
    fx.project.update(fx.abs(P.policy));
    assertSameAsCold(fx, options, 'policy file edited');
    assert.ok(runs > 0);
  } finally {
    fx.cleanup();
    dh.cleanup();
  }
});

test('the file listing follows files and folders that appear and vanish, and a content edit leaves it alone', () => {
  const fx = fixture({ 'force-app/main/default/classes/A.cls': 'x', 'force-app/main/default/settings/S.settings-meta.xml': '<S/>' });
  try {
    const other = new OtherFiles(fx.root, nodeFsHost, () => false);
    const list = () => other.list(['**/*.cls', '**/*.settings-meta.xml'], fx.project.config.packageDirectories).map((p) => posixRelative(fx.root, p));
    assert.deepEqual(list(), ['force-app/main/default/classes/A.cls', 'force-app/main/default/settings/S.settings-meta.xml']);
    fs.writeFileSync(fx.abs('force-app/main/default/classes/A.cls'), 'changed');
    assert.equal(other.update(fx.abs('force-app/main/default/classes/A.cls')), false, 'a content edit');
    fs.writeFileSync(fx.abs('force-app/main/default/classes/B.cls'), 'new');
    assert.equal(other.update(fx.abs('force-app/main/default/classes/B.cls')), true, 'a new file');
    assert.deepEqual(list(), ['force-app/main/default/classes/A.cls', 'force-app/main/default/classes/B.cls', 'force-app/main/default/settings/S.settings-meta.xml']);
    fs.rmSync(fx.abs('force-app/main/default/classes/A.cls'));
    assert.equal(other.update(fx.abs('force-app/main/default/classes/A.cls')), true, 'a deleted file');
    list();
    fs.rmSync(fx.abs('force-app/main/default/settings'), { recursive: true });
    assert.equal(other.update(fx.abs('force-app/main/default/settings')), true, 'a deleted folder that held listed files');
    assert.deepEqual(list(), ['force-app/main/default/classes/B.cls']);
    fs.mkdirSync(fx.abs('force-app/main/default/more'));
    fs.writeFileSync(fx.abs('force-app/main/default/more/C.cls'), 'x');
    assert.equal(other.update(fx.abs('force-app/main/default/more')), true, 'a new folder');
    assert.deepEqual(list(), ['force-app/main/default/classes/B.cls', 'force-app/main/default/more/C.cls']);
    assert.equal(other.update(fx.abs('force-app/main/default/nothing-here')), false, 'a path that is neither, and held nothing');
  } finally {
    fx.cleanup();
  }
});
