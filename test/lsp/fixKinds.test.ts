/**
 * Safe fixes and suggestions over LSP: fix-all (`ecaLens.server.fixAll`, `source.fixAll.ecaLens`)
 * applies only safe fixes; the quick fixes offer suggestions too, never as `isPreferred`.
 *
 * The server runs the real rules with two kinds pinned, so the test does not depend on which kind
 * each rule declares today: distribution-state-not-packaged's fix ("Set distributionState to
 * Packaged") is made a suggestion, every other fix is marked safe.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { CodeAction, Command } from 'vscode-languageserver-protocol';
import { ALL_RULES, type Rule } from '../../server/src/engine';
import type { Fix, FixKind } from '../../server/src/edits/types';
import { inProcess, RICH_CAPS } from './client';
import { F, TEXT, twoApps, rangeOf, wholeFile } from './projects';

const isAction = (a: CodeAction | Command): a is CodeAction => typeof (a as Command).command !== 'string';

function withKind(rule: Rule, kind: FixKind): Rule {
  const check = rule.check.bind(rule) as (ctx: unknown) => ReturnType<Rule['check']>;
  const rekind = (fixes: Fix[]) => fixes.map((x) => ({ ...x, kind }));
  // Lazy fixes (kit/types.ts LazyFixes) stay lazy.
  return { ...rule, check: (ctx: unknown) => check(ctx).map((f) => ({ ...f, fixes: typeof f.fixes === 'function' ? (() => rekind((f.fixes as () => Fix[])())) : f.fixes && rekind(f.fixes) })) } as Rule;
}

const SUGGESTED = 'distribution-state-not-packaged';
const ruleSet = ALL_RULES.map((r) => withKind(r, r.id === SUGGESTED ? 'suggestion' : 'safe'));

async function start() {
  const fx = twoApps();
  const c = inProcess({ ruleSet });
  await c.initialize([fx.root], { capabilities: RICH_CAPS });
  return { fx, c };
}

test('fix kinds: ecaLens.server.fixAll applies the safe fixes and leaves the suggestion alone', async () => {
  const { fx, c } = await start();
  try {
    const r = await c.request<{ applied: number; skipped: number }>('workspace/executeCommand', { command: 'ecaLens.server.fixAll', arguments: [{}] });
    // The three safe fixes of Billing_glbloauth (remove the consumer key, exclude the file from the
    // build, add it to .gitignore); not "Set Packaged", which is counted as skipped: a preferred fix
    // left for the user to choose.
    assert.deepEqual(r, { applied: 3, skipped: 1 });
    await c.settle();
    assert.equal(fs.readFileSync(fx.abs(F.billing), 'utf8'), TEXT.billing, 'the suggestion was not applied');
    assert.equal(fs.readFileSync(fx.abs(F.billingGlobal), 'utf8'), TEXT.billingGlobal.replace('    <consumerKey>3MVG9notArealKey</consumerKey>\n', ''));
    assert.deepEqual(c.codes(fx.abs(F.billing)), [SUGGESTED]);
  } finally {
    c.dispose();
    fx.cleanup();
  }
});

test('fix kinds: source.fixAll.ecaLens is not offered for a file whose only fix is a suggestion', async () => {
  const { fx, c } = await start();
  const p = fx.abs(F.billing);
  try {
    await c.open(p);
    assert.deepEqual(await c.codeActions(p, wholeFile, ['source.fixAll.ecaLens']), []);
    // The file with safe fixes still gets one.
    const g = fx.abs(F.billingGlobal);
    await c.open(g);
    const all = (await c.codeActions(g, wholeFile, ['source.fixAll.ecaLens'])).filter(isAction);
    assert.deepEqual(all.map((a) => a.kind), ['source.fixAll.ecaLens']);
  } finally {
    c.dispose();
    fx.cleanup();
  }
});

test('fix kinds: the quick fix offers the suggestion, not as preferred; a safe preferred fix stays preferred', async () => {
  const { fx, c } = await start();
  const p = fx.abs(F.billing);
  try {
    await c.open(p);
    const actions = (await c.codeActions(p, rangeOf(TEXT.billing, 'Local'))).filter(isAction);
    const set = actions.find((a) => a.title === 'Set distributionState to Packaged');
    assert.ok(set, 'the suggestion is offered');
    assert.equal(set.kind, 'quickfix');
    assert.ok(set.edit, 'with its edit');
    assert.equal(set.isPreferred, undefined);
    const g = fx.abs(F.billingGlobal);
    await c.open(g);
    const safe = (await c.codeActions(g, rangeOf(TEXT.billingGlobal, '3MVG9notArealKey'))).filter(isAction).find((a) => a.title.startsWith('Remove <consumerKey>'));
    assert.equal(safe?.isPreferred, true);
  } finally {
    c.dispose();
    fx.cleanup();
  }
});
