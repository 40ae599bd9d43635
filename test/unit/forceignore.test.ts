/**
 * `.forceignore` as SDR evaluates it (reference §2, "How SDR evaluates .forceignore"), one law per
 * test: ForceIgnoreFile (denies, explain, lines), findForceIgnorePath, decodeForceIgnore, and the
 * engine's choice of the governing file.
 *
 * Expected values follow the reference and gitignore semantics. The less obvious ones (BOM before
 * `!` or `#`, escaped trailing space, `f/` + `!f/x`, `.sf/orgs/<id>/remoteMetadata`, a folder named
 * .forceignore) were checked once by hand against SDR 12.37.2's own `ForceIgnore.findAndCreate(dir)
 * .denies(path)` and `ComponentSet.fromSource` on real folders; the comments say so where it applies.
 * test/sdr/differential.test.ts checks the same code against SDR on thousands of random cases.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore from 'ignore';
import { ForceIgnoreFile, SDR_DEFAULT_PATTERNS, decodeForceIgnore, findForceIgnorePath, FORCEIGNORE } from '../../server/src/project/forceIgnore';
import { TextFile } from '../../server/src/util/text';
import { openProject } from '../../server/src/engine';
import { nodeFsHost } from '../../server/src/project/fsHost';
import { applyFixes } from '../../server/src/edits/applyFixes';
import { fixture, header, globalSettings, oauthPolicies, oauthSettings, PACKAGED_PROJECT } from '../helpers/fixture';

const ROOT = path.resolve('/proj');
const abs = (rel: string) => path.join(ROOT, ...rel.split('/'));

/** A .forceignore at `dir` (default: the project root) with this text. */
function fi(text: string, opts: { dir?: string; bom?: boolean } = {}): ForceIgnoreFile {
  return new ForceIgnoreFile(path.join(opts.dir ?? ROOT, FORCEIGNORE), new TextFile(text, opts.bom ?? false));
}

/** denies() for each path (relative to ROOT), as a map for one deepEqual. */
function verdicts(f: ForceIgnoreFile, rels: string[], isFile = true): Record<string, boolean> {
  return Object.fromEntries(rels.map((r) => [r, f.denies(abs(r), isFile)]));
}

const GLBL = 'force-app/main/default/extlClntAppGlobalOauthSets/App_glbloauth.ecaGlblOauth-meta.xml';
const HEADER = 'force-app/main/default/externalClientApps/App.eca-meta.xml';
const OAUTH = 'force-app/main/default/extlClntAppOauthSettings/App_oauth.ecaOauth-meta.xml';
const PLCY = 'force-app/main/default/extlClntAppOauthPolicies/App_oauthPlcy.ecaOauthPlcy-meta.xml';

// ---------------------------------------------------------------- §2.2 defaults

test('defaults: SDR\'s patterns apply before the user\'s lines (dot-files and dot-folders, *.dup, package2 files)', () => {
  assert.deepEqual(SDR_DEFAULT_PATTERNS.slice(0, 2), ['**/*.dup', '**/.*']);
  const f = fi('');
  assert.deepEqual(verdicts(f, [
    '.hidden/App.eca-meta.xml', 'force-app/.backup/App.eca-meta.xml', 'force-app/x/App.eca-meta.xml.dup', 'package2-descriptor.json',
    'force-app/package2-manifest.json', 'force-app/.sfdx/App.eca-meta.xml', HEADER,
  ]), {
    '.hidden/App.eca-meta.xml': true,
    'force-app/.backup/App.eca-meta.xml': true,
    'force-app/x/App.eca-meta.xml.dup': true,
    'package2-descriptor.json': true,
    'force-app/package2-manifest.json': true,
    'force-app/.sfdx/App.eca-meta.xml': true,
    [HEADER]: false,
  });
  // `!.sf`, `!**/.sf/orgs/*/remoteMetadata/**`: SDR keeps its own remote-metadata cache visible
  // (checked by hand against SDR 12.37.2); anything else under .sf stays ignored.
  assert.deepEqual(verdicts(f, ['force-app/.sf/orgs/00D/remoteMetadata/App.eca-meta.xml', 'force-app/.sf/config.json']), {
    'force-app/.sf/orgs/00D/remoteMetadata/App.eca-meta.xml': false,
    'force-app/.sf/config.json': true,
  });
});

test('defaults: a user `!` line overrides them, because they come first', () => {
  const f = fi('!.hidden\n!**/*.dup\n!**/package2-descriptor.json\n');
  assert.deepEqual(verdicts(f, ['.hidden/App.eca-meta.xml', 'force-app/x/App.eca-meta.xml.dup', 'package2-descriptor.json', 'force-app/.other/App.eca-meta.xml']), {
    '.hidden/App.eca-meta.xml': false,
    'force-app/x/App.eca-meta.xml.dup': false,
    'package2-descriptor.json': false,
    'force-app/.other/App.eca-meta.xml': true,
  });
  // Re-including the files but not the dot-folder itself does not work (§2.5: the parent stays excluded).
  assert.equal(fi('!**/.hidden/**\n').denies(abs('.hidden/App.eca-meta.xml')), true);
});

test('defaults: with no .forceignore found at all nothing is ignored, not even the defaults (engine)', () => {
  const fx = fixture({ 'force-app/.hidden/externalClientApps/App.eca-meta.xml': header('    <distributionState>Packaged</distributionState>\n') });
  try {
    // fixture roots live in the OS temp folder, which holds no .forceignore above them
    assert.equal(findForceIgnorePath(fx.abs('force-app'), nodeFsHost.exists), undefined);
    const f = fx.project.file(fx.abs('force-app/.hidden/externalClientApps/App.eca-meta.xml'));
    assert.ok(f);
    assert.equal(f.included, true);
    assert.equal(f.exclusion, undefined);
  } finally {
    fx.cleanup();
  }
});

// ---------------------------------------------------------------- §2.3 which file applies

test('findForceIgnorePath: the package directory\'s own file first, then the nearest ancestor\'s, else none', () => {
  const have = (set: string[]) => (p: string) => set.map((x) => path.resolve(x)).includes(p);
  const start = path.resolve('/w/proj/force-app');
  assert.equal(findForceIgnorePath(start, have(['/w/proj/force-app/.forceignore', '/w/proj/.forceignore'])), path.resolve('/w/proj/force-app/.forceignore'));
  assert.equal(findForceIgnorePath(start, have(['/w/proj/.forceignore', '/w/.forceignore'])), path.resolve('/w/proj/.forceignore'));
  assert.equal(findForceIgnorePath(start, have(['/w/.forceignore'])), path.resolve('/w/.forceignore'), 'above the project root too');
  assert.equal(findForceIgnorePath(start, have(['/w/proj/force-app/main/.forceignore'])), undefined, 'a file below the start is never used');
  assert.equal(findForceIgnorePath(start, have([])), undefined);
  // The search asks about each folder from the start up to the filesystem root, in that order.
  const asked: string[] = [];
  findForceIgnorePath(start, (p) => (asked.push(p), false));
  assert.deepEqual(asked, ['/w/proj/force-app', '/w/proj', '/w', '/'].map((d) => path.join(path.resolve(d), FORCEIGNORE)));
});

test('nearest file only, never merged: a .forceignore in a package directory replaces the root one for that directory', () => {
  const project = JSON.stringify({
    packageDirectories: [
      { path: 'force-app', default: true, package: 'Billing', versionNumber: '1.0.0.NEXT' },
      { path: 'other', package: 'Other', versionNumber: '1.0.0.NEXT' },
    ],
  });
  const fx = fixture({
    'sfdx-project.json': project,
    '.forceignore': '**/extlClntAppGlobalOauthSets/**\n',
    'force-app/.forceignore': '# nothing but a comment: the root file does NOT apply here\n**/extlClntAppOauthPolicies/**\n',
    [GLBL]: globalSettings('    <externalClientApplication>App</externalClientApplication>\n'),
    [PLCY]: oauthPolicies('    <externalClientApplication>App</externalClientApplication>\n'),
    'other/extlClntAppGlobalOauthSets/Other_glbloauth.ecaGlblOauth-meta.xml': globalSettings('    <externalClientApplication>Other</externalClientApplication>\n'),
    'other/extlClntAppOauthPolicies/Other_oauthPlcy.ecaOauthPlcy-meta.xml': oauthPolicies('    <externalClientApplication>Other</externalClientApplication>\n'),
  });
  try {
    const inc = (rel: string) => fx.project.file(fx.abs(rel))!.included;
    assert.equal(inc(GLBL), true, 'force-app uses force-app/.forceignore only');
    assert.equal(inc(PLCY), false);
    assert.equal(inc('other/extlClntAppGlobalOauthSets/Other_glbloauth.ecaGlblOauth-meta.xml'), false, 'other uses the root file');
    assert.equal(inc('other/extlClntAppOauthPolicies/Other_oauthPlcy.ecaOauthPlcy-meta.xml'), true);
    const dirs = fx.project.config.packageDirectories;
    assert.equal(fx.project.forceIgnoreFor(dirs[0]!)?.path, fx.abs('force-app/.forceignore'));
    assert.equal(fx.project.forceIgnoreFor(dirs[1]!)?.path, fx.abs('.forceignore'));
  } finally {
    fx.cleanup();
  }
});

test('which file applies: one below the package directory governs nothing; one above the project root does', () => {
  const fx = fixture({
    'proj/sfdx-project.json': PACKAGED_PROJECT,
    '.forceignore': '**/extlClntAppOauthPolicies/**\n', // above proj/: SDR searches up past the project root
    'proj/force-app/main/.forceignore': '**/extlClntAppGlobalOauthSets/**\n', // below force-app: never consulted
    [`proj/${GLBL}`]: globalSettings('    <externalClientApplication>App</externalClientApplication>\n'),
    [`proj/${PLCY}`]: oauthPolicies('    <externalClientApplication>App</externalClientApplication>\n'),
  });
  try {
    const p = openProject(fx.abs('proj'), nodeFsHost);
    assert.equal(p.file(fx.abs(`proj/${GLBL}`))!.included, true);
    assert.equal(p.file(fx.abs(`proj/${PLCY}`))!.included, false);
    assert.equal(p.file(fx.abs(`proj/${PLCY}`))!.exclusion?.forceIgnore.path, fx.abs('.forceignore'));
  } finally {
    fx.cleanup();
  }
});

test('which file applies: a folder named .forceignore stops the search and ignores nothing, not even the defaults', () => {
  // SDR's searchUp uses existsSync, so it stops at a folder named .forceignore; reading it fails
  // and that ForceIgnore denies nothing (checked by hand against SDR 12.37.2).
  const fx = fixture({
    '.forceignore': '**/extlClntAppGlobalOauthSets/**\n',
    'force-app/.forceignore/README': 'a folder, not a file',
    [GLBL]: globalSettings('    <externalClientApplication>App</externalClientApplication>\n'),
    'force-app/.hidden/App2.eca-meta.xml': header(''),
  });
  try {
    assert.equal(fx.project.file(fx.abs(GLBL))!.included, true);
    assert.equal(fx.project.file(fx.abs('force-app/.hidden/App2.eca-meta.xml'))!.included, true);
  } finally {
    fx.cleanup();
  }
});

// ---------------------------------------------------------------- §2.4 relative to its folder

test('paths are tested relative to the folder of the .forceignore', () => {
  const inPkg = fi('force-app/main/**\nmain/default/extlClntAppOauthPolicies/**\n', { dir: abs('force-app') });
  assert.equal(inPkg.relative(abs(GLBL)), 'main/default/extlClntAppGlobalOauthSets/App_glbloauth.ecaGlblOauth-meta.xml');
  assert.deepEqual(verdicts(inPkg, [GLBL, PLCY]), { [GLBL]: false, [PLCY]: true });
});

test('a path outside the folder of the .forceignore is never ignored', () => {
  const f = fi('*\n', { dir: abs('force-app') });
  assert.equal(f.relative(abs('other/App.eca-meta.xml')), undefined);
  assert.equal(f.denies(abs('other/App.eca-meta.xml')), false);
  assert.equal(f.denies(path.resolve('/elsewhere/App.eca-meta.xml')), false);
  assert.equal(f.denies(abs('force-app')), false, 'its own folder is not inside it either');
  assert.equal(f.explain(abs('other/App.eca-meta.xml')), undefined);
  assert.equal(f.denies(abs('force-app/App.eca-meta.xml')), true);
});

// ---------------------------------------------------------------- §2.1 case

test('matching is case-insensitive (the ignore package\'s default)', () => {
  assert.deepEqual(verdicts(fi('**/EXTLCLNTAPPGLOBALOAUTHSETS/**\nForce-App/Main/Default/ExternalClientApps/\n**/*.ECAOAUTH-META.XML\n'), [GLBL, HEADER, OAUTH, PLCY]), {
    [GLBL]: true,
    [HEADER]: true,
    [OAUTH]: true,
    [PLCY]: false,
  });
});

// ---------------------------------------------------------------- §2.5 folders

test('a path that is not a regular file is tested again with a trailing "/", so "dir/" patterns work', () => {
  const f = fi('externalClientApps/\nbuild/\n');
  assert.equal(f.denies(abs('force-app/main/default/externalClientApps'), false), true, 'a folder');
  assert.equal(f.denies(abs('force-app/main/default/externalClientApps'), true), false, 'the same path as a file: no retry');
  assert.equal(f.denies(abs(HEADER)), true, 'a file inside: its parent folder matches');
  // A file named like a folder pattern is not matched (SDR skips the retry for files on disk).
  assert.equal(f.denies(abs('force-app/build'), true), false);
  assert.equal(f.denies(abs('force-app/build'), false), true);
});

test('"dir/**" then "!dir/file" re-includes the file; "dir" then "!dir/file" does not (a parent stays excluded)', () => {
  const keep = 'force-app/extlClntAppPolicies/Keep.ecaPlcy-meta.xml';
  const drop = 'force-app/extlClntAppPolicies/Drop.ecaPlcy-meta.xml';
  assert.deepEqual(verdicts(fi('force-app/extlClntAppPolicies/**\n!force-app/extlClntAppPolicies/Keep.ecaPlcy-meta.xml\n'), [keep, drop]), { [keep]: false, [drop]: true });
  assert.deepEqual(verdicts(fi('force-app/extlClntAppPolicies\n!force-app/extlClntAppPolicies/Keep.ecaPlcy-meta.xml\n'), [keep, drop]), { [keep]: true, [drop]: true });
  // "dir/" behaves like "dir" (checked by hand against SDR 12.37.2); "dir/*" like "dir/**".
  assert.equal(fi('force-app/extlClntAppPolicies/\n!force-app/extlClntAppPolicies/Keep.ecaPlcy-meta.xml\n').denies(abs(keep)), true);
  assert.equal(fi('force-app/extlClntAppPolicies/*\n!force-app/extlClntAppPolicies/Keep.ecaPlcy-meta.xml\n').denies(abs(keep)), false);
});

// ---------------------------------------------------------------- §2.6 anchoring

test('anchoring: a "/" at the start or in the middle anchors the pattern to the .forceignore folder', () => {
  const deep = 'force-app/main/default/externalClientApps/X.eca-meta.xml';
  const top = 'externalClientApps/Y.eca-meta.xml';
  assert.deepEqual(verdicts(fi('externalClientApps/**\n'), [deep, top]), { [deep]: false, [top]: true });
  for (const p of ['**/externalClientApps/**', 'externalClientApps/', 'externalClientApps']) {
    assert.equal(fi(`${p}\n`).denies(abs(deep)), true, p);
  }
  const nested = 'sub/force-app/main/default/externalClientApps/X.eca-meta.xml';
  assert.deepEqual(verdicts(fi('/force-app/main/default/externalClientApps\n'), [deep, nested]), { [deep]: true, [nested]: false });
  assert.deepEqual(verdicts(fi('force-app/main/default/externalClientApps\n'), [deep, nested]), { [deep]: true, [nested]: false });
});

// ---------------------------------------------------------------- §2.7 suffix traps

test('suffix traps: "*.ecaGlblOauth" misses X.ecaGlblOauth-meta.xml; "*.ecaGlblOauth-meta.xml" hits; "**/*.eca*" hides every ECA file', () => {
  assert.equal(fi('*.ecaGlblOauth\n').denies(abs(GLBL)), false);
  assert.equal(fi('**/*.ecaGlblOauth\n').denies(abs(GLBL)), false);
  assert.equal(fi('*.ecaGlblOauth-meta.xml\n').denies(abs(GLBL)), true);
  assert.equal(fi('**/*.ecaGlblOauth-meta.xml\n').denies(abs(GLBL)), true);
  assert.deepEqual(verdicts(fi('**/*.eca*\n'), [GLBL, HEADER, OAUTH, PLCY]), { [GLBL]: true, [HEADER]: true, [OAUTH]: true, [PLCY]: true });
  // "*.eca" hits only the metadata-format file X.eca.
  assert.deepEqual(verdicts(fi('*.eca\n'), [HEADER, 'force-app/externalClientApps/App.eca']), { [HEADER]: false, 'force-app/externalClientApps/App.eca': true });
});

// ---------------------------------------------------------------- §2.8 backslashes

test('backslashes: on Linux and macOS a pattern using "\\" as a separator matches nothing', () => {
  const f = fi('force-app\\main\\default\\extlClntAppGlobalOauthSets\n**\\*.ecaOauthPlcy-meta.xml\nforce-app\\main\\default\\externalClientApps\\**\n');
  assert.deepEqual(verdicts(f, [GLBL, PLCY, HEADER]), { [GLBL]: false, [PLCY]: false, [HEADER]: false });
  assert.equal(f.lines.filter((l) => l.isPattern).length, 3, 'they are still patterns (the backslash rule points at them)');
});

// ---------------------------------------------------------------- the file's text

test('comments, blank lines, trailing spaces, CRLF: gitignore rules', () => {
  const text = '# **/extlClntAppGlobalOauthSets/**\r\n\r\n   \r\n**/extlClntAppOauthPolicies/**   \r\n\\#odd.eca-meta.xml\r\n';
  const f = fi(text);
  assert.deepEqual(verdicts(f, [GLBL, PLCY, '#odd.eca-meta.xml']), { [GLBL]: false, [PLCY]: true, '#odd.eca-meta.xml': true });
  assert.deepEqual(f.lines.map((l) => [l.isPattern, l.pattern]), [
    [false, '# **/extlClntAppGlobalOauthSets/**'],
    [false, ''],
    [false, ''],
    [true, '**/extlClntAppOauthPolicies/**'],
    [true, '\\#odd.eca-meta.xml'],
    [false, ''],
  ]);
  assert.equal(f.lines[3]!.text, '**/extlClntAppOauthPolicies/**   ', 'text is the line as written, without its line break');
  assert.equal(text.slice(f.lines[3]!.start, f.lines[3]!.end), f.lines[3]!.text);
  // A leading space is part of the pattern; an escaped trailing space too (checked by hand against SDR 12.37.2).
  assert.equal(fi(' **/extlClntAppOauthPolicies/**\n').denies(abs(PLCY)), false);
  assert.equal(fi('**/*.ecaOauthPlcy-meta.xml\\ \n').denies(abs(PLCY)), false);
});

test('BOM: SDR reads it as U+FEFF at the start of the first line; the pattern still works, but "!" or "#" after it lose their meaning', () => {
  // `ignore` strips a leading U+FEFF from a pattern, but only after it decided whether the line is
  // a comment or a negation (checked by hand against SDR 12.37.2).
  const f = fi('**/extlClntAppGlobalOauthSets/**\n**/extlClntAppOauthPolicies/**\n', { bom: true });
  assert.deepEqual(verdicts(f, [GLBL, PLCY]), { [GLBL]: true, [PLCY]: true });
  assert.equal(f.explain(abs(GLBL))?.line?.line, 0);
  assert.equal(f.lines[0]!.text, '**/extlClntAppGlobalOauthSets/**', 'text: the BOM is not part of the line as an editor shows it');

  const neg = fi('!**/package2-descriptor.json\n', { bom: true });
  assert.equal(neg.lines[0]!.negated, false);
  assert.equal(neg.denies(abs('package2-descriptor.json')), true, 'the default stays in force');
  assert.equal(fi('!**/package2-descriptor.json\n').denies(abs('package2-descriptor.json')), false, 'without the BOM the negation works');

  const comment = fi('# comment\n', { bom: true });
  assert.equal(comment.lines[0]!.isPattern, true, 'a "#" after a BOM starts a pattern, not a comment');
  assert.equal(comment.denies(abs('# comment')), true);
  assert.equal(comment.denies(abs(HEADER)), false);
});

test('decodeForceIgnore: the text SDR reads (UTF-8, never failing), so one odd byte does not void the file', () => {
  const latin1 = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\n**/extlClntAppOauthPolicies/**\n')]);
  const t = decodeForceIgnore(latin1);
  assert.equal(t.text, '# caf\uFFFD\n**/extlClntAppOauthPolicies/**\n');
  assert.equal(new ForceIgnoreFile(abs('.forceignore'), t).denies(abs(PLCY)), true);

  const withBom = decodeForceIgnore(Buffer.from('\uFEFF**/extlClntAppOauthPolicies/**\n', 'utf8'));
  assert.equal(withBom.bom, true);
  assert.equal(withBom.text, '**/extlClntAppOauthPolicies/**\n');

  // UTF-16 (PowerShell's `>`): SDR reads it as UTF-8, so no user line matches anything; the defaults still apply.
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('**/extlClntAppOauthPolicies/**\r\n', 'utf16le')]);
  const f16 = new ForceIgnoreFile(abs('.forceignore'), decodeForceIgnore(utf16));
  assert.equal(f16.denies(abs(PLCY)), false);
  assert.equal(f16.denies(abs('.hidden/App.eca-meta.xml')), true);
});

test('engine: a .forceignore with a Latin-1 comment still excludes; a UTF-16 one excludes only what the defaults do', () => {
  const files = {
    [PLCY]: oauthPolicies('    <externalClientApplication>App</externalClientApplication>\n'),
    'force-app/.hidden/App2.eca-meta.xml': header(''),
  };
  const latin1 = fixture({ ...files, '.forceignore': Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\n**/extlClntAppOauthPolicies/**\n')]) });
  const utf16 = fixture({ ...files, '.forceignore': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('**/extlClntAppOauthPolicies/**\r\n', 'utf16le')]) });
  try {
    assert.equal(latin1.project.file(latin1.abs(PLCY))!.included, false);
    assert.equal(latin1.project.file(latin1.abs(PLCY))!.exclusion?.info.line?.line, 1);
    assert.equal(utf16.project.file(utf16.abs(PLCY))!.included, true);
    assert.equal(utf16.project.file(utf16.abs('force-app/.hidden/App2.eca-meta.xml'))!.included, false);
  } finally {
    latin1.cleanup();
    utf16.cleanup();
  }
});

test('fixes never rewrite a UTF-16 .forceignore with offsets computed on SDR\'s reading of it', () => {
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# written by PowerShell\r\n**/jsconfig.json\r\n', 'utf16le')]);
  const fx = fixture({ '.forceignore': utf16, [GLBL]: globalSettings('    <externalClientApplication>App</externalClientApplication>\n') });
  try {
    // SDR sees no working line: the global settings ship, and the rule offers to add a line.
    const [f] = fx.findings(GLBL, 'non-packageable-in-package');
    assert.ok(f, 'the file is in the build');
    const add = f.fixes.find((x) => x.preferred);
    assert.ok(add && add.edits.some((e) => e.path === fx.abs('.forceignore')));
    applyFixes(nodeFsHost, [add]);
    assert.deepEqual(fs.readFileSync(fx.abs('.forceignore')), utf16, 'left byte for byte as it was');
    // Every rule copes with such a file (NULs and U+FFFD in its lines).
    for (const list of fx.check().values()) for (const x of list) assert.doesNotMatch(x.message, /ECA Lens rule .* failed/);
  } finally {
    fx.cleanup();
  }
});

// ---------------------------------------------------------------- explain()

test('explain: the last non-negated line that matches is the one that excludes', () => {
  const f = fi('# keep global settings out\n**/extlClntAppGlobalOauthSets/**\n**/*.ecaGlblOauth-meta.xml\n**/extlClntAppOauthPolicies/**\n!**/extlClntAppOauthPolicies/Keep*\n');
  const e = f.explain(abs(GLBL));
  assert.ok(e?.line);
  assert.equal(e.line.line, 2);
  assert.equal(e.line.text, '**/*.ecaGlblOauth-meta.xml');
  assert.equal(e.defaultPattern, undefined);
  assert.equal(f.explain(abs(PLCY))?.line?.line, 3);
  // Re-included by the `!` line: not excluded, nothing to explain.
  const keep = 'force-app/main/default/extlClntAppOauthPolicies/Keep.ecaOauthPlcy-meta.xml';
  assert.equal(f.denies(abs(keep)), false);
  assert.equal(f.explain(abs(keep)), undefined);
  assert.equal(f.explain(abs(HEADER)), undefined);
});

test('explain: a file kept out because its folder is excluded points at the folder\'s line, even past a "!" line', () => {
  const f = fi('force-app/extlClntAppPolicies\n!force-app/extlClntAppPolicies/Keep.ecaPlcy-meta.xml\n');
  const e = f.explain(abs('force-app/extlClntAppPolicies/Keep.ecaPlcy-meta.xml'));
  assert.equal(e?.line?.line, 0);
  assert.equal(e?.line?.negated, false);
  // A folder itself, as SDR tests a non-file (trailing "/" retry).
  const dirs = fi('\nexternalClientApps/\n');
  assert.equal(dirs.explain(abs('force-app/externalClientApps'), false)?.line?.line, 1);
  assert.equal(dirs.explain(abs('force-app/externalClientApps'), true), undefined);
});

test('explain: an exclusion by SDR\'s defaults names the default pattern, not a user line', () => {
  const f = fi('**/extlClntAppOauthPolicies/**\n');
  assert.deepEqual(f.explain(abs('force-app/.hidden/App.eca-meta.xml')), { defaultPattern: '**/.*' });
  assert.deepEqual(f.explain(abs('force-app/App.eca-meta.xml.dup')), { defaultPattern: '**/*.dup' });
  assert.deepEqual(f.explain(abs('package2-descriptor.json')), { defaultPattern: '**/package2-descriptor.json' });
  // The user's `!` cannot bring back a file inside an excluded dot-folder: still the default.
  assert.deepEqual(fi('!**/.hidden/**\n').explain(abs('.hidden/App.eca-meta.xml')), { defaultPattern: '**/.*' });
  // A user line that also matches wins the attribution.
  assert.equal(fi('**/.hidden/\n').explain(abs('.hidden/App.eca-meta.xml'))?.line?.line, 0);
});

test('explain in the inventory: an excluded file carries the .forceignore and the line', () => {
  const fx = fixture({
    '.forceignore': '**/jsconfig.json\nforce-app/main/default/externalClientApps/**\n',
    [HEADER]: header('    <distributionState>Packaged</distributionState>\n'),
    [OAUTH]: oauthSettings('    <externalClientApplication>App</externalClientApplication>\n'),
  });
  try {
    const h = fx.project.file(fx.abs(HEADER))!;
    assert.equal(h.included, false);
    assert.equal(h.exclusion?.forceIgnore.path, fx.abs('.forceignore'));
    assert.equal(h.exclusion?.info.line?.line, 1);
    assert.equal(h.exclusion?.info.line?.text, 'force-app/main/default/externalClientApps/**');
    const o = fx.project.file(fx.abs(OAUTH))!;
    assert.equal(o.included, true);
    assert.equal(o.exclusion, undefined);
  } finally {
    fx.cleanup();
  }
});

test('ForceIgnoreFile: a line `ignore` throws on (SDR and the sf CLI fail) is left out and reported; the other lines match as before', () => {
  // Found by the fuzzer: `new ForceIgnoreFile` threw SyntaxError "Range out of order in character class".
  const bad = '[a-*\r**/extlClntAppPolicies/**';
  const text = `**/extlClntAppGlobalOauthSets/**\n${bad}\r\n!**/extlClntAppGlobalOauthSets/App_glbloauth.ecaGlblOauth-meta.xml\n**/extlClntAppOauthPolicies/**\n`;
  const f = fi(text);
  assert.equal(f.problems.length, 1);
  assert.equal(f.problems[0]!.kind, 'invalid');
  assert.match(f.problems[0]!.error!, /Range out of order/);
  const start = text.indexOf(bad);
  assert.deepEqual([f.problems[0]!.start, f.problems[0]!.end], [start, start + bad.length]);
  // Matching of the remaining lines: as `ignore` reads the same text without the bad line.
  const without = text.replace(`${bad}\r\n`, '');
  assert.deepEqual(verdicts(f, [GLBL, PLCY, HEADER, OAUTH]), verdicts(fi(without), [GLBL, PLCY, HEADER, OAUTH]));
  assert.deepEqual(verdicts(f, [GLBL, PLCY]), { [GLBL]: false, [PLCY]: true });
  // Adding valid lines one by one matches adding them together (what SDR does).
  const ok = fi(without);
  const together = ignore().add(`${SDR_DEFAULT_PATTERNS.join('\n')}\n${without}`);
  for (const r of [GLBL, PLCY, HEADER, OAUTH, '.sf/x', 'a.dup']) assert.equal(ok.denies(abs(r)), together.ignores(r), r);
});

test('ForceIgnoreFile: a line over MAX_PATTERN_CHARS is not evaluated (the `ignore` library is super-linear on long patterns) and is reported', () => {
  const long = '**/'.repeat(400) + 'x';
  const t0 = performance.now();
  const f = fi(`${long}\n**/extlClntAppOauthPolicies/**\n`);
  assert.deepEqual(verdicts(f, [PLCY, HEADER]), { [PLCY]: true, [HEADER]: false });
  assert.ok(performance.now() - t0 < 200, 'no long regular expression evaluated');
  assert.deepEqual(f.problems, [{ start: 0, end: long.length, kind: 'too-long' }]);
});
