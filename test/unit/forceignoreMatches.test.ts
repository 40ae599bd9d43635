/** ForceIgnoreFile.forgetMatches (the server calls it after its first index): the answers stay the same. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ForceIgnoreFile, FORCEIGNORE } from '../../server/src/project/forceIgnore';
import { TextFile } from '../../server/src/util/text';

const ROOT = path.resolve('/proj');
const abs = (rel: string) => path.join(ROOT, ...rel.split('/'));
const fi = (text: string) => new ForceIgnoreFile(path.join(ROOT, FORCEIGNORE), new TextFile(text, false));
const GLBL = 'force-app/main/default/extlClntAppGlobalOauthSets/App_glbloauth.ecaGlblOauth-meta.xml';
const HEADER = 'force-app/main/default/externalClientApps/App.eca-meta.xml';
const OAUTH = 'force-app/main/default/extlClntAppOauthSettings/App_oauth.ecaOauth-meta.xml';
const PLCY = 'force-app/main/default/extlClntAppOauthPolicies/App_oauthPlcy.ecaOauthPlcy-meta.xml';
test('ForceIgnoreFile.forgetMatches: the same answers after the matchers forget what they were asked, a line `ignore` throws on still left out', () => {
  const bad = '[a-*\r**/extlClntAppPolicies/**'; // the fuzzer's line (the test above)
  const text = `**/extlClntAppGlobalOauthSets/**\n${bad}\n!**/extlClntAppGlobalOauthSets/App_glbloauth.ecaGlblOauth-meta.xml\n**/extlClntAppOauthPolicies/**\n.hidden-kept\n`;
  const f = fi(text);
  const paths = [GLBL, PLCY, HEADER, OAUTH, '.sf/x', 'a.dup', 'force-app/main/default/extlClntAppGlobalOauthSets/Other.ecaGlblOauth-meta.xml'];
  const answers = () => paths.map((p) => ({ p, denies: f.denies(abs(p)), explain: f.explain(abs(p)), line: f.lines.filter((l) => l.isPattern).map((l) => f.lineMatches(l, p)) }));
  const before = answers();
  assert.deepEqual(before.map((a) => a.denies), [false, true, false, false, true, true, true]);
  f.forgetMatches();
  assert.deepEqual(answers(), before);
  f.forgetMatches();
  f.forgetMatches();
  assert.deepEqual(answers(), before);
  assert.equal(f.problems.length, 1);
});
