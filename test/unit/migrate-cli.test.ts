/**
 * `eca-lens migrate`: placement, never-overwrite, .gitignore/.forceignore lines, dry-run, JSON
 * shape, exit codes. In process (runMigrate through cli/main's run) plus one run of the bundle.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../server/src/cli/main';
import { FULL_APP, SMALL_APP } from '../helpers/migrate';

const CA = 'force-app/main/default/connectedApps/Orders_Sync.connectedApp-meta.xml';
const PLAIN = JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] });
const PACKAGED = JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true, package: 'Orders', versionNumber: '1.0.0.NEXT' }] });

function project(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'eca-lens-migrate-'));
  for (const [rel, text] of Object.entries({ 'sfdx-project.json': PLAIN, [CA]: SMALL_APP, ...files })) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}
const read = (root: string, rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');
const D = 'force-app/main/default';
const HEADER = `${D}/externalClientApps/Orders_Sync.eca-meta.xml`;
const OAUTH = `${D}/extlClntAppOauthSettings/Orders_Sync_oauth.ecaOauth-meta.xml`;
const GLOBAL = `${D}/extlClntAppGlobalOauthSets/Orders_Sync_glbloauth.ecaGlblOauth-meta.xml`;
const POLICIES = `${D}/extlClntAppOauthPolicies/Orders_Sync_oauthPlcy.ecaOauthPlcy-meta.xml`;
const PLCY = `${D}/extlClntAppPolicies/Orders_Sync_plcy.ecaPlcy-meta.xml`;

test('writes the four files beside connectedApps, the .gitignore line, leaves the Connected App alone', () => {
  const root = project({});
  const r = run(['migrate', CA], root);
  assert.equal(r.code, 0, r.stderr);
  for (const p of [HEADER, OAUTH, GLOBAL, POLICIES]) assert.ok(fs.existsSync(path.join(root, p)), p);
  assert.ok(!fs.existsSync(path.join(root, PLCY)), 'no start URL: no plugin policies');
  assert.equal(read(root, CA), SMALL_APP);
  assert.equal(read(root, '.gitignore'), `/${GLOBAL}\n`);
  assert.ok(!fs.existsSync(path.join(root, '.forceignore')), 'not a 2GP directory: no .forceignore');
  assert.doesNotMatch(read(root, GLOBAL), /consumerKey|SECRETKEYVALUE/);
  assert.match(r.stdout, /can be converted/);
  assert.match(r.stdout, new RegExp(`wrote  ${HEADER}`));
  assert.match(r.stdout, new RegExp(`mapped    oauthConfig/scopes → ${OAUTH}/commaSeparatedOauthScopes`));
  assert.match(r.stdout, /unmapped  oauthConfig\/consumerKey: never written/);
  assert.doesNotMatch(r.stdout, /SECRETKEYVALUE/);
});

test('never overwrites: an existing target is skipped and reported, the rest written, exit 1; no duplicate .gitignore line', () => {
  const root = project({ [HEADER]: 'mine', '.gitignore': 'node_modules' });
  const r = run(['migrate', CA], root);
  assert.equal(r.code, 1);
  assert.equal(read(root, HEADER), 'mine');
  assert.ok(fs.existsSync(path.join(root, OAUTH)));
  assert.match(r.stdout, new RegExp(`skipped   ${HEADER}: it exists`));
  assert.equal(read(root, '.gitignore'), `node_modules\n/${GLOBAL}\n`);
  // Second run: everything exists, nothing changes, .gitignore keeps one line.
  const again = run(['migrate', CA, '--format', 'json'], root);
  assert.equal(again.code, 1);
  const j = JSON.parse(again.stdout);
  assert.deepEqual(j.apps[0].written, []);
  assert.equal(j.apps[0].skipped.length, 4);
  assert.equal(read(root, '.gitignore'), `node_modules\n/${GLOBAL}\n`);
});

test('.gitignore that already ignores the folder gets no line', () => {
  const root = project({ '.gitignore': '**/extlClntAppGlobalOauthSets/\n' });
  assert.equal(run(['migrate', CA], root).code, 0);
  assert.equal(read(root, '.gitignore'), '**/extlClntAppGlobalOauthSets/\n');
});

test('2GP package directory: .forceignore lines for the non-packageable folders, only those not already effective', () => {
  const root = project({ 'sfdx-project.json': PACKAGED, [CA]: FULL_APP, '.forceignore': '# mine\n**/extlClntAppGlobalOauthSets/**' });
  const r = run(['migrate', CA], root);
  assert.equal(r.code, 0, r.stdout);
  assert.equal(read(root, '.forceignore'), '# mine\n**/extlClntAppGlobalOauthSets/**\n**/extlClntAppOauthPolicies/**\n**/extlClntAppPolicies/**\n');
  assert.ok(fs.existsSync(path.join(root, PLCY)));
  assert.match(r.stdout, /to ship it in package "Orders"/);
  // No .forceignore at all: created at the project root with all three.
  const fresh = project({ 'sfdx-project.json': PACKAGED, [CA]: FULL_APP });
  assert.equal(run(['migrate', CA], fresh).code, 0);
  assert.equal(read(fresh, '.forceignore'), '**/extlClntAppGlobalOauthSets/**\n**/extlClntAppOauthPolicies/**\n**/extlClntAppPolicies/**\n');
});

test('--dry-run writes nothing and prints the report and the files', () => {
  const root = project({ 'sfdx-project.json': PACKAGED });
  const r = run(['migrate', CA, '--dry-run'], root);
  assert.equal(r.code, 0);
  assert.deepEqual(fs.readdirSync(path.join(root, D)), ['connectedApps']);
  assert.ok(!fs.existsSync(path.join(root, '.gitignore')) && !fs.existsSync(path.join(root, '.forceignore')));
  assert.match(r.stdout, new RegExp(`would write  ${HEADER}`));
  assert.match(r.stdout, /\.gitignore: would add \//);
  assert.match(r.stdout, /\.forceignore: would add \*\*\/extlClntAppOauthPolicies\/\*\*/);
  assert.match(r.stdout, new RegExp(`--- ${OAUTH}\\n<\\?xml`));
  assert.match(r.stdout, /<commaSeparatedOauthScopes>Api, RefreshToken<\/commaSeparatedOauthScopes>/);
});

test('JSON shape', () => {
  const root = project({});
  const r = run(['migrate', CA, '--format=json', '--dry-run'], root);
  const j = JSON.parse(r.stdout);
  assert.equal(j.version, 1);
  assert.equal(j.dryRun, true);
  const a = j.apps[0];
  assert.equal(a.source, CA);
  assert.equal(a.convertible, true);
  assert.deepEqual(a.written, [HEADER, OAUTH, GLOBAL, POLICIES]);
  assert.deepEqual(a.mapped.find((m: { from: string }) => m.from === 'oauthConfig/scopes'), { from: 'oauthConfig/scopes', to: `${OAUTH}/commaSeparatedOauthScopes` });
  assert.deepEqual(a.unmapped, [{ from: 'oauthConfig/consumerKey', why: a.unmapped[0].why }]);
  assert.deepEqual(a.blockers, []);
  assert.equal(a.files.length, 4);
  assert.deepEqual(j.ignoreFiles, [{ path: '.gitignore', created: true, added: [`/${GLOBAL}`] }]);
  assert.doesNotMatch(r.stdout, /SECRETKEYVALUE/);
});

test('blockers: nothing written, exit 1, reported with the line', () => {
  const canvas = SMALL_APP.replace('    <label>', '    <canvasConfig>\n        <canvasUrl>https://x</canvasUrl>\n    </canvasConfig>\n    <label>');
  const root = project({ [CA]: canvas });
  const r = run(['migrate', CA], root);
  assert.equal(r.code, 1);
  assert.deepEqual(fs.readdirSync(path.join(root, D)), ['connectedApps']);
  assert.match(r.stdout, /can't be converted \(1 blocker\); nothing written/);
  assert.match(r.stdout, /blocker   canvasConfig \(line 4\): Canvas/);
  const j = JSON.parse(run(['migrate', CA, '--format', 'json'], root).stdout);
  assert.deepEqual(j.apps[0].blockers.map((b: { element: string; line: number }) => [b.element, b.line]), [['canvasConfig', 4]]);
});

test('--out puts the files in PACKAGE_DIR/main/default', () => {
  const root = project({ 'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }, { path: 'eca' }] }) });
  assert.equal(run(['migrate', CA, '--out', 'eca'], root).code, 0);
  assert.ok(fs.existsSync(path.join(root, 'eca/main/default/externalClientApps/Orders_Sync.eca-meta.xml')));
});

test('usage errors and unreadable input exit 2 with one line, writing nothing', () => {
  const root = project({ [`${D}/connectedApps/Bad.connectedApp-meta.xml`]: '<ConnectedApp><label>' });
  const cases: [string[], RegExp][] = [
    [['migrate'], /give at least one/],
    [['migrate', CA, '--format', 'xml'], /--format must be text or json/],
    [['migrate', CA, '--bogus'], /Unknown option/],
    [['migrate', 'nope.connectedApp-meta.xml'], /can't read "nope.connectedApp-meta.xml": ENOENT/],
    [['migrate', 'sfdx-project.json'], /is not a \*\.connectedApp-meta\.xml file/],
    [['migrate', CA, `${D}/connectedApps/Bad.connectedApp-meta.xml`], /Bad\.connectedApp-meta\.xml:1:/],
  ];
  for (const [args, msg] of cases) {
    const r = run(args, root);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, msg);
    assert.equal(r.stderr.trim().split('\n').length, 1, `one line: ${r.stderr}`);
  }
  assert.deepEqual(fs.readdirSync(path.join(root, D)), ['connectedApps']);
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'eca-lens-noproj-'));
  fs.writeFileSync(path.join(outside, 'A.connectedApp-meta.xml'), SMALL_APP);
  assert.match(run(['migrate', 'A.connectedApp-meta.xml'], outside).stderr, /no sfdx-project\.json/);
  assert.equal(run(['migrate', '--help'], root).code, 0);
});

test('the bundled CLI runs migrate', () => {
  const root = project({});
  const r = spawnSync(process.execPath, [path.resolve('server/out/cli.js'), 'migrate', CA, '--dry-run', '--format', 'json'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).apps[0].written.length, 4);
});
