/** model/forceIgnoreDiff.ts: the literal pre-test never skips a path a changed line matches. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ForceIgnoreFile, FORCEIGNORE } from '../../server/src/project/forceIgnore';
import { TextFile } from '../../server/src/util/text';
import { lineDiff, literalTest } from '../../server/src/model/forceIgnoreDiff';

const ROOT = path.resolve('/proj');
const fi = (text: string) => new ForceIgnoreFile(path.join(ROOT, FORCEIGNORE), new TextFile(text, false));

// Characters whose lower-case form differs from their case-insensitive match: the Kelvin sign
// lower-cases to "k", the dotted capital I to "i" + a combining dot, the long s upper-cases to "S".
const ODD = ['\u212a', '\u0130', '\u017f', 'ß', 'é', 'É', '-', '.', '_'];
const PATTERNS = ['**/extlClntAppPolicies/**', '*.ecaPlcy-meta.xml', '**/Kelvin/**', 'force-app/**/Side*.eca-meta.xml', 'iso/**', 'isk*/x', '!**/extlClntAppPolicies/Keep_plcy.ecaPlcy-meta.xml'];

function* paths(seed: number): Generator<string> {
  let s = seed;
  const rnd = (n: number) => ((s = (s * 1103515245 + 12345) >>> 0) >>> 8) % n;
  const words = ['force-app', 'main', 'default', 'extlClntAppPolicies', 'Kelvin', 'iso', 'isk', 'x', 'Side', 'Keep_plcy.ecaPlcy-meta.xml', 'App.eca-meta.xml', 'A_plcy.ecaPlcy-meta.xml'];
  for (let i = 0; i < 4000; i++) {
    const parts: string[] = [];
    for (let k = 1 + rnd(5); k > 0; k--) {
      let w = words[rnd(words.length)]!;
      // Flip the case of some letters, or put an odd character in place of one.
      w = [...w].map((c) => (rnd(6) === 0 ? (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) : rnd(30) === 0 ? ODD[rnd(ODD.length)]! : c)).join('');
      parts.push(w);
    }
    yield parts.join('/');
  }
}

test('literalTest: every path a pattern matches (the ignore library, case-insensitive) passes the pattern’s literal test', () => {
  let matched = 0;
  for (const pattern of PATTERNS) {
    const file = fi(`${pattern}\n`);
    const line = file.lines.find((l) => l.isPattern)!;
    const lit = literalTest(line.pattern);
    assert.ok(lit, `${pattern} has a literal of 3 characters or more`);
    for (const rel of paths(PATTERNS.indexOf(pattern) + 1)) {
      if (!file.lineMatches(line, rel)) continue;
      matched++;
      assert.ok(lit.test(rel), `${pattern} matches ${JSON.stringify(rel)} but its literal test says no`);
    }
  }
  assert.ok(matched > 200, `the generated paths hit the patterns (${matched})`);
  // Hand-checked: case folds, a literal made of fewer than 3 characters gives no test.
  assert.equal(literalTest('**/EXTLclntAPPpolicies/**')!.test('/p/force-app/extlClntAppPolicies/a'), true);
  assert.equal(literalTest('**/extlClntAppPolicies/**')!.test('/p/force-app/extlClntAppPolicie/a'), false);
  assert.equal(literalTest('a*/b?'), undefined);
  assert.equal(literalTest('**/a.b+c/**')!.test('/p/aXbbc/'), false, 'the literal is escaped, not an expression');
});

test('lineDiff.touches: a folder line removed touches exactly the files below that folder', () => {
  const before = fi('**/extlClntAppGlobalOauthSets/**\n**/extlClntAppPolicies/**\n');
  const after = fi('**/extlClntAppGlobalOauthSets/**\n');
  const diff = lineDiff(before, after)!;
  const abs = (rel: string) => path.join(ROOT, ...rel.split('/'));
  assert.equal(diff.touches(abs('force-app/main/default/extlClntAppPolicies/A_plcy.ecaPlcy-meta.xml')), true);
  assert.equal(diff.touches(abs('force-app/main/default/EXTLCLNTAPPPOLICIES/A_plcy.ecaPlcy-meta.xml')), true, 'case-insensitive, as SDR');
  assert.equal(diff.touches(abs('force-app/main/default/extlClntAppGlobalOauthSets/A_glbloauth.ecaGlblOauth-meta.xml')), false);
  assert.equal(diff.touches(abs('force-app/main/default/externalClientApps/A.eca-meta.xml')), false);
  assert.equal(diff.touches(path.resolve('/elsewhere/extlClntAppPolicies/A_plcy.ecaPlcy-meta.xml')), false, 'outside the file’s folder');
});
