/** The extension's manifest, snippets, grammar and packaging list against the code they describe. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../../../server/src/rules/index';
import { ECA_TYPES } from '../../../server/src/shared/ecaTypes';
import { RULE_INFO as RULES } from '../../../server/src/shared/rules';
import { documentSelector, ecaFilePatterns, watcherGlobs } from '../../../client/src/selector';

const root = path.resolve(__dirname, '../../../..');
const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');
const pkg = JSON.parse(read('package.json'));
const contributes = pkg.contributes;

test('manifest: engines.vscode runs in VS Code 1.100 (code-server 4.100.3), @types/vscode pinned to the same minor', () => {
  assert.equal(pkg.engines.vscode, '^1.100.0');
  assert.match(pkg.devDependencies['@types/vscode'], /^1\.100\.\d+$/);
  assert.deepEqual(pkg.activationEvents, ['workspaceContains:sfdx-project.json', 'workspaceContains:*/sfdx-project.json']);
  assert.equal(pkg.main, './client/out/extension.js');
  assert.ok(pkg.capabilities.untrustedWorkspaces, 'untrusted workspaces declared');
  for (const k of ['icon', 'repository', 'license', 'categories', 'publisher', 'galleryBanner']) assert.ok(pkg[k], k);
});

test('manifest: the icon is a 128x128 PNG', () => {
  const png = fs.readFileSync(path.join(root, pkg.icon));
  assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
  assert.equal(png.readUInt32BE(16), 128);
  assert.equal(png.readUInt32BE(20), 128);
});

test('manifest: every rule has a severity setting, and the client\'s rule list matches the server\'s registry', () => {
  const props = contributes.configuration.properties;
  assert.deepEqual(Object.keys(props).sort(), ['ecaLens.devHubOrgId', 'ecaLens.docsBaseUrl', 'ecaLens.enable', 'ecaLens.exclude', 'ecaLens.rules', 'ecaLens.trace.server']);
  assert.equal(props['ecaLens.enable'].default, true);
  assert.deepEqual(props['ecaLens.exclude'].default, []);
  assert.equal(props['ecaLens.devHubOrgId'].default, '');
  assert.equal(props['ecaLens.trace.server'].default, 'off');
  assert.deepEqual(props['ecaLens.trace.server'].enum, ['off', 'messages', 'verbose']);
  const rules = props['ecaLens.rules'];
  const server = ALL_RULES.map((r) => r.id).sort();
  assert.deepEqual(Object.keys(rules.properties).sort(), server);
  for (const v of [...Object.values(rules.properties), rules.additionalProperties] as { enum: string[] }[]) {
    assert.deepEqual(v.enum, ['off', 'hint', 'information', 'warning', 'error']);
  }
  assert.deepEqual(
    RULES.map((r) => [r.id, r.defaultSeverity, r.title]).sort(),
    ALL_RULES.map((r) => [r.id, r.defaultSeverity, r.title]).sort(),
  );
  const pattern = new RegExp(props['ecaLens.devHubOrgId'].pattern);
  assert.ok(pattern.test('') && pattern.test('00D5g000004XyZa') && pattern.test('00D5g000004XyZaEAK') && !pattern.test('00D-XXXX'));
});

test('manifest: commands are in the "ECA Lens" category, registered by the client, and menus name only them', () => {
  const ids = new Set<string>(contributes.commands.map((c: { command: string }) => c.command));
  for (const c of contributes.commands) assert.equal(c.category, 'ECA Lens', c.command);
  for (const id of ['ecaLens.fixAll', 'ecaLens.newApp', 'ecaLens.insertDevHubOrgId', 'ecaLens.copyRetrieveCommand', 'ecaLens.showRuleDocs', 'ecaLens.refresh']) assert.ok(ids.has(id), id);
  // The registrations live in client/src/commands/register/ (one file per area).
  const regDir = 'client/src/commands/register';
  const ext = fs.readdirSync(path.join(root, regDir)).map((f) => read(`${regDir}/${f}`)).join('\n');
  const registered = new Set([...ext.matchAll(/cmd\('([^']+)'/g)].map((m) => m[1]));
  if (/cmd\(ClientCommands\.insertDevHubOrgId/.test(ext)) registered.add('ecaLens.insertDevHubOrgId');
  if (/cmd\(ClientCommands\.disableRule/.test(ext)) registered.add('ecaLens.disableRule');
  if (/cmd\(ClientCommands\.showRuleDocs/.test(ext)) registered.add('ecaLens.showRuleDocs');
  assert.deepEqual([...ids].sort(), [...registered].sort());
  for (const [where, items] of Object.entries(contributes.menus) as [string, { command: string; when?: string }[]][]) {
    for (const m of items) assert.ok(ids.has(m.command), `${where}: ${m.command}`);
  }
  // Views and palette entries are gated by the project context key.
  for (const v of contributes.views.ecaLens) assert.equal(v.when, 'ecaLens.projectOpened');
  for (const m of contributes.menus.commandPalette) assert.ok(m.when === 'ecaLens.projectOpened' || m.when === 'false' || m.when.startsWith('ecaLens.projectOpened && '), m.command);
  // The Connected App migration: palette, editor title and explorer only for a *.connectedApp-meta.xml.
  for (const where of ['commandPalette', 'editor/title', 'explorer/context']) {
    const m = contributes.menus[where].find((x: { command: string }) => x.command === 'ecaLens.migrateConnectedApp');
    assert.match(m?.when ?? '', /resourceFilename =~ \/\\\.connectedApp-meta\\\.xml\$\//, where);
  }
});

test('manifest: .forceignore stays the ignore language; the grammar injects into it', () => {
  assert.deepEqual(contributes.languages, [{ id: 'ignore', filenames: ['.forceignore'] }]);
  assert.deepEqual(contributes.grammars.map((g: { injectTo?: string[]; language?: string }) => [g.injectTo, g.language]), [[['source.ignore'], undefined]]);
});

test('grammar: comments, negation, globs, every ECA directory name and suffix from the type table', () => {
  const g = JSON.parse(read(contributes.grammars[0].path));
  assert.equal(g.scopeName, contributes.grammars[0].scopeName);
  const dirRe = new RegExp(g.repository['eca-directory'].match.replace('(?i)', ''), 'i');
  for (const t of ECA_TYPES) {
    for (const d of [t.directory, ...(t.oldDirectories ?? [])]) {
      assert.ok(dirRe.test(`**/${d}/**`), d);
      assert.equal(dirRe.exec(`**/${d}/**`)![0], d);
    }
    const sufRe = new RegExp(g.repository['eca-suffix'].match);
    assert.equal(sufRe.exec(`**/*.${t.suffix}-meta.xml`)?.[0], `.${t.suffix}-meta.xml`, t.suffix);
  }
  assert.ok(!dirRe.test('**/extlClntAppGlobalOauthSettings/**'), 'a near miss is not highlighted as an ECA folder');
  assert.ok(new RegExp(g.repository.comment.match).test('# note'));
  assert.ok(new RegExp(g.repository.negation.match).test('!keep/me'));
  const globs = g.repository.glob.patterns.map((p: { match: string }) => new RegExp(p.match));
  assert.ok(globs[0].test('**') && globs[1].test('*') && globs[2].test('[abc]'));
});

test('snippets: one per ECA file type with tab stops, plus the .forceignore block', () => {
  const xml = JSON.parse(read('snippets/eca.code-snippets')) as Record<string, { prefix: string[]; body: string[] }>;
  const roots = Object.values(xml).map((s) => /^<([A-Za-z]+) xmlns=/.exec(s.body[1]!)?.[1]);
  assert.deepEqual(roots, ['ExternalClientApplication', 'ExtlClntAppOauthSettings', 'ExtlClntAppGlobalOauthSettings', 'ExtlClntAppOauthConfigurablePolicies', 'ExtlClntAppConfigurablePolicies']);
  for (const [name, s] of Object.entries(xml)) {
    const body = s.body.join('\n');
    assert.match(body, /\$\{1[:|]/, `${name} has tab stops`);
    assert.ok(body.includes(`</${/^<([A-Za-z]+)/.exec(s.body[1]!)![1]}>`), `${name} closes its root`);
    assert.doesNotMatch(body, /consumerKey|consumerSecret/, `${name} holds no secret`);
    // Elements in alphabetical order, as sf writes them.
    const els = [...body.matchAll(/^ {4}<([a-zA-Z]+)>/gm)].map((m) => m[1]!);
    assert.deepEqual(els, [...els].sort(), name);
  }
  const fi = JSON.parse(read('snippets/forceignore.code-snippets')) as Record<string, { body: string[] }>;
  const lines = Object.values(fi)[0]!.body.filter((l) => l.startsWith('**/'));
  const noDirs = ECA_TYPES.filter((t) => t.packageable === 'no').map((t) => `**/${t.directory}/**`);
  assert.deepEqual(lines, noDirs);
  assert.deepEqual(contributes.snippets.map((s: { language: string }) => s.language), ['xml', 'ignore']);
});

test('client: the document selector and file watchers cover every suffix of the type table', () => {
  const [meta, mdapi] = ecaFilePatterns();
  for (const t of ECA_TYPES) {
    assert.ok(meta!.includes(`,${t.suffix},`) || meta!.includes(`{${t.suffix},`) || meta!.includes(`,${t.suffix}}`), t.suffix);
    assert.ok(mdapi!.includes(t.suffix));
  }
  const sel = documentSelector();
  assert.ok(sel.every((s) => s.scheme === 'file' && s.language === undefined));
  assert.ok(sel.some((s) => s.pattern === '**/.forceignore'));
  assert.ok(sel.some((s) => s.pattern === '**/sfdx-project.json'));
  // VS Code globs take no nested braces.
  for (const g of watcherGlobs()) assert.doesNotMatch(g, /\{[^}]*\{/);
});

test('packaging: .vscodeignore lets in only the bundles, manifest, grammar, snippets, icons and docs', () => {
  const allowed = read('.vscodeignore')
    .split('\n')
    .filter((l) => l.startsWith('!'))
    .map((l) => l.slice(1));
  assert.deepEqual(allowed, [
    'package.json',
    'client/out/extension.js',
    'server/out/server.js',
    'syntaxes/*.tmLanguage.json',
    'snippets/*.code-snippets',
    'images/icon.png',
    'images/activitybar.svg',
    'README.md',
    'CHANGELOG.md',
    'LICENSE',
    // The rule pages, opened offline in the Markdown preview.
    'docs/rules/*.md',
  ]);
  assert.ok(read('.vscodeignore').split('\n').includes('**'));
  assert.ok(fs.existsSync(path.join(root, contributes.viewsContainers.activitybar[0].icon)));
});

test('client: the views refresh on diagnostics of ECA files, .forceignore and sfdx-project.json only', async () => {
  const { isEcaLensPath } = await import('../../../client/src/selector');
  for (const p of ['/p/force-app/main/default/externalClientApps/A.eca-meta.xml', '/p/x/A_oauth.ecaOauth-meta.xml', '/p/.forceignore', '/p/sfdx-project.json', '/p/x/A.ecaGlblOauth', '/p/x/A.eca.xml', '/p/x/A.connectedApp-meta.xml']) {
    assert.ok(isEcaLensPath(p), p);
  }
  for (const p of ['/p/force-app/main/default/classes/A.cls', '/p/README.md', '/p/package.json', '/p/x/decal.xml']) assert.ok(!isEcaLensPath(p), p);
});
