/**
 * fastIgnores (project/fastIgnore.ts) answers exactly as `ignore`'s own `ignores()`: a
 * differential over patterns of every form the library reads and paths built to meet them, both
 * case modes; the literal each expression needs, worked out by hand; the fallbacks.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import ignore from 'ignore';
import { fastIgnores, requiredLiteral } from '../../server/src/project/fastIgnore';
import { SDR_DEFAULT_PATTERNS } from '../../server/src/project/forceIgnore';

const PATTERNS = [
  'package.xml', '**/jsconfig.json', '**/extlClntAppGlobalOauthSets/**', '**/extlClntAppPolicies/**', '!**/extlClntAppPolicies/Keep_plcy.ecaPlcy-meta.xml',
  '/force-app/main/default/externalClientApps/Drop.eca-meta.xml', 'force-app/**/unpackaged', 'unpackaged/', '*.ecaGlblOauth-meta.xml', '!Keep*',
  'src/**/post-deploy/**', '**/__tests__/**', 'a?c/', 'x[0-9]y', '[!a]b', 'caf\u00e9/**', 'STRASSE', '**/.sf/**', '\\#hash', '\\!bang', 'trail\\ ', 'sp ace',
  'deep/**/leaf', '**', '*', '.*', '!.keep', 'Dir/', '!dir/keep/', '**/*.dup', 'ab*c', 'name.{a,b}', 'odd+plus', 'x|y', '(paren)', 'dollar$', 'caret^', '%20',
];
const SEGMENTS = ['force-app', 'main', 'default', 'externalClientApps', 'extlClntAppPolicies', 'EXTLCLNTAPPPOLICIES', 'extlClntAppGlobalOauthSets', 'unpackaged', 'src',
  'post-deploy', '__tests__', 'abc', 'aXc', 'x5y', 'xay', 'bb', 'ab', 'caf\u00e9', 'CAF\u00c9', 'stra\u00dfe', 'STRASSE', '.sf', 'orgs', 'remoteMetadata', '#hash', '!bang',
  'trail ', 'sp ace', 'deep', 'mid', 'leaf', '.keep', '.hidden', 'Dir', 'dir', 'keep', 'x.dup', 'abbbc', 'name.{a,b}', 'odd+plus', 'x|y', '(paren)', 'dollar$', 'caret^', '%20', '\u017ftrasse'];
const FILES = ['package.xml', 'jsconfig.json', 'Billing.eca-meta.xml', 'Billing_glbloauth.ecaGlblOauth-meta.xml', 'Keep_plcy.ecaPlcy-meta.xml', 'Drop.eca-meta.xml', 'Keep.txt', 'leaf', 'x.dup', 'abc', '.keep'];

/** Every path of 1 to 4 segments drawn in a fixed pseudo-random order, files and folders. */
function paths(): string[] {
  let seed = 7;
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const out = new Set<string>();
  for (let i = 0; i < 3000; i++) {
    const depth = next(4);
    const parts: string[] = [];
    for (let d = 0; d < depth; d++) parts.push(SEGMENTS[next(SEGMENTS.length)]!);
    parts.push(next(3) === 0 ? SEGMENTS[next(SEGMENTS.length)]! : FILES[next(FILES.length)]!);
    const p = parts.join('/');
    out.add(next(4) === 0 ? p + '/' : p);
  }
  for (const f of FILES) out.add(f);
  return [...out];
}

for (const ignorecase of [true, false]) {
  test(`the same answers as ignore's own ignores() (ignorecase ${ignorecase})`, () => {
    const all = paths();
    let compared = 0;
    let ignoredSeen = 0;
    // One pattern at a time, and all of them together (SDR's defaults first, as .forceignore has them).
    const sets = [...PATTERNS.map((p) => [p]), [...SDR_DEFAULT_PATTERNS, ...PATTERNS], PATTERNS.slice().reverse()];
    for (const set of sets) {
      const ig = ignore({ ignorecase }).add(set);
      const fast = fastIgnores(ignore({ ignorecase }).add(set));
      for (const p of all) {
        assert.equal(fast(p), ig.ignores(p), `${JSON.stringify(set.length > 1 ? 'all' : set[0])} on ${JSON.stringify(p)}`);
        compared++;
        if (ig.ignores(p)) ignoredSeen++;
      }
    }
    // The paths meet the patterns: a good share is ignored, and not all.
    assert.ok(ignoredSeen > compared / 20 && ignoredSeen < compared / 2, `${ignoredSeen} of ${compared} ignored`);
  });
}

test('a path ignore refuses (empty, ./, ../, absolute, dots) is not ignored, where ignore throws', () => {
  const fast = fastIgnores(ignore().add('**'));
  for (const p of ['', './a', '../a', '/a', '.', '..', '...']) {
    assert.throws(() => ignore().add('**').ignores(p));
    assert.equal(fast(p), false, p);
  }
});

test('the literal each expression needs, as read by hand', () => {
  const cases: [source: string, literal: string][] = [
    // The expressions ignore 5 makes of .forceignore lines.
    ['^(?:.*\\/)?extlClntAppPolicies\\/.+(?=$|\\/$)', 'extlClntAppPolicies/'],
    ['(?:^|\\/)package\\.xml(?=$|\\/$)', 'package.xml'],
    ['^(?:.*\\/)?\\.[^/]*(?=$|\\/$)', '.'],
    ['^(?:.*\\/)?[^\\/]*\\.dup(?=$|\\/$)', '.dup'],
    // A quantified character is not needed; the longest run wins; classes and groups hold none.
    ['ab*cde', 'cde'],
    ['abc?d', 'ab'],
    ['[xyz]long(?:inside)q', 'long'],
    ['[]a]bc', 'bc'],
    // Forms not read: no literal (the rule is always tested).
    ['abc|def', ''],
    ['\\dabc', ''],
    ['ab{2}', ''],
    ['[abc', ''],
    // Non-ASCII ends a run (case folding beyond ASCII is left to the expression).
    ['caf\u00e9s', 'caf'],
  ];
  for (const [source, literal] of cases) assert.equal(requiredLiteral(source), literal, source);
});

test('without the compiled rules in the shape known, or on Windows, the instance itself answers', () => {
  const ig = ignore().add(['**/drop/**', '!**/drop/keep']);
  const calls: string[] = [];
  const foreign = { ignores: (p: string) => (calls.push(p), ig.ignores(p)) } as unknown as ReturnType<typeof ignore>;
  assert.equal(fastIgnores(foreign)('a/drop/x'), true);
  assert.deepEqual(calls, ['a/drop/x']);
  const win = ignore().add('**/drop/**');
  const spy: string[] = [];
  const orig = win.ignores.bind(win);
  win.ignores = (p: string) => (spy.push(p), orig(p));
  assert.equal(fastIgnores(win, 'win32')('a/drop/x'), true);
  assert.deepEqual(spy, ['a/drop/x']);
  // On Linux the compiled rules answer (the instance is not asked).
  spy.length = 0;
  assert.equal(fastIgnores(win, 'linux')('a/drop/x'), true);
  assert.deepEqual(spy, []);
});
