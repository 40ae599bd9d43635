import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { offsetsOf, type Fixture } from '../../helpers/fixture';
import { P as PATHS, BILLING_APP_FILES, withFixture, markedSpan as marked } from '../../helpers/eca';

const ID = 'forceignore-backslash';
const FI = '.forceignore';
const { header: H, global: G, oauthPolicy: P, policy: PL } = PATHS;

const app = BILLING_APP_FILES;

const with_ = (files: Record<string, string>, body: (fx: Fixture) => void): void => withFixture({ ...app, ...files }, body);

/** [line as written, line after the fix, the file it must exclude] — backslashes as they are in the file. */
const CASES: [string, string, string][] = [
  ['force-app\\main\\default\\extlClntAppGlobalOauthSets', 'force-app/main/default/extlClntAppGlobalOauthSets', G],
  ['**\\extlClntAppOauthPolicies\\**', '**/extlClntAppOauthPolicies/**', P],
  ['**\\*.ecaPlcy-meta.xml', '**/*.ecaPlcy-meta.xml', PL],
  ['force-app\\\\main\\\\default\\\\extlClntAppGlobalOauthSets\\\\', 'force-app/main/default/extlClntAppGlobalOauthSets/', G],
  ['force-app\\main\\default\\extlClntAppPolicies\\*', 'force-app/main/default/extlClntAppPolicies/*', PL],
];

for (const [line, after, target] of CASES) {
  test(`${ID}: ${JSON.stringify(line)} is flagged; the fix writes "${after}" and the file is excluded`, () => {
    with_({ [FI]: `# Windows paths\n⟦${line}⟧\n` }, (fx) => {
      assert.equal(fx.project.file(fx.abs(target))!.included, true, 'the backslash line matches nothing');
      const [f, ...rest] = fx.findings(FI, ID);
      assert.ok(f);
      assert.equal(rest.length, 0);
      assert.equal(f.severity, 'warning');
      assert.deepEqual(offsetsOf(f, fx.read(FI)), marked(fx, FI));
      assert.match(f.message, /uses "\\" as a folder separator/);
      assert.ok(f.message.includes('Your .forceignore file incorrectly uses the backslash ("\\") as a folder separator'), f.message);
      assert.ok(f.message.includes(`Write "${after}"`), f.message);
      assert.equal(f.fixes.length, 1);
      assert.equal(f.fixes[0]!.preferred, true);
      fx.apply(f.fixes[0]!);
      assert.equal(fx.read(FI), `# Windows paths\n${after}\n`);
      assert.equal(fx.findings(FI, ID).length, 0);
      assert.equal(fx.project.file(fx.abs(target))!.included, false);
      assert.equal(fx.project.file(fx.abs(H))!.included, true);
    });
  });
}

test(`${ID}: "!" and escapes on the line kept; BOM, CRLF, trailing spaces and no final newline survive the fix`, () => {
  const text = '\uFEFF# x\r\n**/externalClientApps/**\r\n!⟦**\\externalClientApps\\Billing.eca-meta.xml⟧  \r\n\\#notes';
  with_({ [FI]: text }, (fx) => {
    assert.equal(fx.project.file(fx.abs(H))!.included, false);
    const findings = fx.findings(FI, ID);
    assert.equal(findings.length, 1, 'the escaped "\\#" line is not flagged');
    const f = findings[0]!;
    assert.deepEqual(offsetsOf(f, fx.read(FI)), marked(fx, FI));
    assert.equal(f.fixes[0]!.title, 'Change to "!**/externalClientApps/Billing.eca-meta.xml"');
    fx.apply(f.fixes[0]!);
    assert.equal(fx.read(FI), '\uFEFF# x\r\n**/externalClientApps/**\r\n!**/externalClientApps/Billing.eca-meta.xml  \r\n\\#notes');
    assert.equal(fx.findings(FI, ID).length, 0);
    assert.equal(fx.project.file(fx.abs(H))!.included, true, 're-included by the corrected line');
  });
});

test(`${ID}: gitignore escapes and comments are not separators`, () => {
  const lines = [
    '\\#file-starting-with-hash',
    '\\!file-starting-with-bang',
    'name-with-trailing-space\\ ',
    'file\\*name',
    'what\\?',
    '\\*literal-star',
    '\\[abc\\]',
    '# force-app\\main\\default',
    '**/extlClntAppGlobalOauthSets/**',
  ];
  with_({ [FI]: lines.join('\n') + '\n' }, (fx) => {
    assert.deepEqual(fx.findings(FI, ID), []);
  });
});
