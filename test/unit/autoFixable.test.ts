/**
 * RawFinding.autoFixable: a rule that says whether its lazy fixes hold the fix `--fix` applies
 * must say what building them shows; the CLI, `--fix` and fix-all then trust the claim without
 * building the fixes.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { unattendedFix, type Fix } from '../../server/src/edits/types';
import { makeFinding } from '../../server/src/engine/finding';
import { fixToApply, isFixable } from '../../server/src/cli/fix';
import { autoFixes } from '../../server/src/lsp/codeActions';
import type { EditEnv } from '../../server/src/lsp/edits';
import type { Finding } from '../../server/src/engine';
import { fixture } from '../helpers/fixture';
import { P, hdr, oauth, glbl } from '../helpers/oauth';

const LAZY_RULES = ['global-settings-in-source', 'non-packageable-in-package', 'refresh-token-rotation-off'];

test('autoFixable: each lazy rule claims it, and the claim is what building the fixes shows (with and without .gitignore and .forceignore)', () => {
  const rotationOff = glbl('    <callbackUrl>https://x.example/cb</callbackUrl>\n', '    <isRefreshTokenRotationEnabled>false</isRefreshTokenRotationEnabled>\n');
  const base = { [P.header]: hdr('Packaged'), [P.oauth]: oauth('Api, RefreshToken'), [P.global]: rotationOff };
  const variants: Record<string, string>[] = [{}, { '.gitignore': 'node_modules/\n' }, { '.forceignore': '# nothing excluded\n' }, { '.gitignore': '.sfdx/', '.forceignore': '**/jsconfig.json' }];
  for (const extra of variants) {
    const fx = fixture({ ...base, ...extra });
    try {
      const claimed = new Map<string, boolean>();
      for (const list of fx.project.checkAll().values()) {
        for (const f of list) {
          if (f.autoFixable === undefined) continue;
          assert.equal(f.autoFixable, !!unattendedFix(f.fixes), `${f.ruleId} with ${JSON.stringify(extra)}`);
          claimed.set(f.ruleId, f.autoFixable);
        }
      }
      // Not vacuous: all three lazy rules reported here, each with its claim.
      assert.deepEqual([...claimed.keys()].sort(), LAZY_RULES, JSON.stringify(extra));
      assert.deepEqual(Object.fromEntries(claimed), { 'global-settings-in-source': true, 'non-packageable-in-package': true, 'refresh-token-rotation-off': false });
    } finally {
      fx.cleanup();
    }
  }
});

const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const safe: Fix = { title: 'safe', kind: 'safe', preferred: true, edits: [] };

function lazy(autoFixable: boolean | undefined): { finding: Finding; built: () => number } {
  let built = 0;
  const finding = makeFinding('r', 'warning', 'm', '/p/x.eca-meta.xml', range, { message: 'm', start: 0, end: 1, fixes: () => (built++, [safe]), hasFixes: true, autoFixable });
  return { finding, built: () => built };
}

test('autoFixable: the CLI counts the finding fixable, and --fix and fix-all pick its fix, without building fixes the claim rules out', () => {
  const never = lazy(false);
  assert.equal(isFixable(never.finding), false);
  assert.equal(fixToApply(never.finding), undefined);
  assert.deepEqual(autoFixes([never.finding], {} as EditEnv, true), []);
  assert.equal(never.built(), 0, 'a claim of none: never built');

  const always = lazy(true);
  assert.equal(isFixable(always.finding), true);
  assert.equal(always.built(), 0, 'a claim of one: counted without building');
  assert.equal(fixToApply(always.finding)?.title, 'safe', '--fix still builds the fix it applies');

  const unknown = lazy(undefined);
  assert.equal(isFixable(unknown.finding), true);
  assert.equal(unknown.built(), 1, 'no claim: built to find out');
});
