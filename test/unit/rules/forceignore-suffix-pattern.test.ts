import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { header, offsetsOf, type Fixture } from '../../helpers/fixture';
import { applyFixes } from '../../../server/src/edits/applyFixes';
import { nodeFsHost } from '../../../server/src/project/fsHost';
import { P as PATHS, BILLING_APP_FILES, withFixture, markedSpan as marked } from '../../helpers/eca';

const ID = 'forceignore-suffix-pattern';
const FI = '.forceignore';
const { header: H, global: G, oauthPolicy: P, policy: PL } = PATHS;

const app = BILLING_APP_FILES;

const with_ = (files: Record<string, string>, body: (fx: Fixture) => void): void => withFixture({ ...app, ...files }, body);

/** [line as written, line after the fix, the file it must exclude, words the message must hold] */
const CASES: [string, string, string, RegExp][] = [
  ['*.ecaGlblOauth', '*.ecaGlblOauth-meta.xml', G, /matches no Global OAuth settings \(ExtlClntAppGlobalOauthSettings\) file: source files are named "<name>\.ecaGlblOauth-meta\.xml"/],
  ['**/*.ecaOauthPlcy', '**/*.ecaOauthPlcy-meta.xml', P, /matches no OAuth policies/],
  ['*.ecaPlcy/', '*.ecaPlcy-meta.xml', PL, /ends with "\/", so it matches folders only/],
  ['*.ecaGlblOauth-meta', '*.ecaGlblOauth-meta.xml', G, /matches no Global OAuth settings/],
  ['**/*.ecaGlblOauth.xml', '**/*.ecaGlblOauth-meta.xml', G, /matches no Global OAuth settings/],
  ['*.ecaPlcy-meta.xml/', '*.ecaPlcy-meta.xml', PL, /matches folders only/],
  ['**/extlClntAppOauthPolicies/*.ecaoauthplcy', '**/extlClntAppOauthPolicies/*.ecaoauthplcy-meta.xml', P, /matches no OAuth policies/],
];

for (const [line, after, target, words] of CASES) {
  test(`${ID}: "${line}" is flagged; the fix writes "${after}" and the file is excluded`, () => {
    with_({ [FI]: `# not packageable\n⟦${line}⟧\n` }, (fx) => {
      assert.equal(fx.project.file(fx.abs(target))!.included, true, 'the line excludes nothing before the fix');
      const [f, ...rest] = fx.findings(FI, ID);
      assert.ok(f);
      assert.equal(rest.length, 0);
      assert.equal(f.severity, 'warning');
      assert.deepEqual(offsetsOf(f, fx.read(FI)), marked(fx, FI));
      assert.match(f.message, words);
      assert.ok(f.message.includes(`Write "${after}"`), f.message);
      assert.equal(f.fixes.length, 1);
      assert.equal(f.fixes[0]!.preferred, true);
      fx.apply(f.fixes[0]!);
      assert.equal(fx.read(FI), `# not packageable\n${after}\n`);
      assert.equal(fx.findings(FI, ID).length, 0);
      assert.equal(fx.project.file(fx.abs(target))!.included, false, 'the file is excluded after the fix');
      assert.equal(fx.project.file(fx.abs(H))!.included, true);
    });
  });
}

test(`${ID}: "!" kept; BOM, CRLF, trailing spaces and no final newline survive the fix`, () => {
  const text = '\uFEFF# policies\r\n**/extlClntAppOauthPolicies/**\r\n!⟦Billing_oauthPlcy.ecaOauthPlcy⟧ \r\n**/*.dup';
  with_({ [FI]: text }, (fx) => {
    assert.equal(fx.project.file(fx.abs(P))!.included, false, 'the "!" line does not re-include');
    const [f] = fx.findings(FI, ID);
    assert.ok(f);
    assert.deepEqual(offsetsOf(f, fx.read(FI)), marked(fx, FI));
    assert.equal(f.fixes[0]!.title, 'Change to "!Billing_oauthPlcy.ecaOauthPlcy-meta.xml"');
    fx.apply(f.fixes[0]!);
    assert.equal(fx.read(FI), '\uFEFF# policies\r\n**/extlClntAppOauthPolicies/**\r\n!Billing_oauthPlcy.ecaOauthPlcy-meta.xml \r\n**/*.dup');
    assert.equal(fx.findings(FI, ID).length, 0);
    assert.equal(fx.project.file(fx.abs(P))!.included, true, 'the corrected "!" line re-includes the file');
  });
});

test(`${ID}: a U+FEFF at the start of a later line: the fix lands after it, not one character early`, () => {
  // Found by the fuzzer: the fix turned "\uFEFF**/*.ecaOauthPlcy" into "\uFEFF**/*.ecaOauthPlc-meta.xmly".
  for (const neg of ['', '!']) {
    with_({ [FI]: `x\n${neg}\uFEFF⟦**/*.ecaOauthPlcy⟧\n` }, (fx) => {
      const [f] = fx.findings(FI, ID);
      assert.ok(f);
      assert.deepEqual(offsetsOf(f, fx.read(FI)), marked(fx, FI));
      fx.apply(f.fixes[0]!);
      assert.equal(fx.read(FI), `x\n${neg}\uFEFF**/*.ecaOauthPlcy-meta.xml\n`);
      assert.equal(fx.findings(FI, ID).length, 0);
    });
  }
});

test(`${ID}: silent on right patterns, comments, other suffixes, and a line that does match a file`, () => {
  const mdFormat = 'force-app/main/default/externalClientApps/Legacy.eca';
  const lines = [
    '**/*.ecaGlblOauth-meta.xml',
    '*.ECAOAUTHPLCY-META.XML',
    '# *.ecaGlblOauth',
    '*.txt',
    '**/*.eca*',
    '**/jsconfig.json',
    'Legacy.eca',
    '*.ecaUnknown',
    '*.ecaGlblOauth\\ ',
  ];
  with_({ [mdFormat]: header('    <label>Legacy</label>\n'), [FI]: lines.join('\n') + '\n' }, (fx) => {
    assert.deepEqual(fx.findings(FI, ID), []);
    assert.equal(fx.project.file(fx.abs(mdFormat))!.included, false, '"Legacy.eca" does match the metadata-format file');
  });
});

test(`${ID}: its fix and forceignore-unknown-directory's fix on the same line apply together`, () => {
  with_({ [FI]: '# x\n**/extlClntAppGlobalOauthSettings/*.ecaGlblOauth\n' }, (fx) => {
    const suffix = fx.findings(FI, ID);
    const folder = fx.findings(FI, 'forceignore-unknown-directory');
    assert.equal(suffix.length, 1);
    assert.equal(folder.length, 1);
    const r = applyFixes(nodeFsHost, [folder[0]!.fixes[0]!, suffix[0]!.fixes[0]!]);
    assert.equal(r.applied.length, 2, 'the edits do not overlap');
    assert.equal(fx.read(FI), '# x\n**/extlClntAppGlobalOauthSets/*.ecaGlblOauth-meta.xml\n');
    fx.check();
    assert.deepEqual(fx.findings(FI, ID), []);
    assert.deepEqual(fx.findings(FI, 'forceignore-unknown-directory'), []);
    assert.equal(fx.project.file(fx.abs(G))!.included, false);
  });
});
