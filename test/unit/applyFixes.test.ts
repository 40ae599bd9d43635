import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { applyFixes, planFixes } from '../../server/src/edits/applyFixes';
import { MemFsHost } from '../fuzz/memHost';
import { applyOffsetEdits } from '../../server/src/edits/textEdits';
import { TextFile } from '../../server/src/util/text';
import type { Fix, TextEdit } from '../../server/src/edits/types';

const FI = path.resolve('/p/.forceignore');
const XML = path.resolve('/p/force-app/X.eca-meta.xml');
const edit = (p: string, start: number, end: number, newText: string): TextEdit => ({ path: p, start, end, newText, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
const append = (p: string, text: string, line: string): Fix => ({ title: `add ${line}`, kind: 'safe', preferred: true, edits: [edit(p, text.length, text.length, `${line}\n`)] });

/** Plan, then apply the planned edits to the given texts. */
function run(texts: Record<string, string>, fixes: Fix[]) {
  const plan = planFixes(fixes, (p) => (p in texts ? new TextFile(texts[p]!) : undefined));
  const out: Record<string, string> = {};
  for (const [p, t] of Object.entries(texts)) out[p] = applyOffsetEdits(t, plan.edits.get(p) ?? []);
  return { plan, out };
}

test('planFixes: two fixes appending the same .forceignore line add it once, both count as applied', () => {
  const t = '**/jsconfig.json\n';
  const a = append(FI, t, '**/extlClntAppGlobalOauthSets/**');
  const b = append(FI, t, '**/extlClntAppGlobalOauthSets/**');
  const { plan, out } = run({ [FI]: t }, [a, b]);
  assert.equal(out[FI], '**/jsconfig.json\n**/extlClntAppGlobalOauthSets/**\n');
  assert.deepEqual(plan.applied, [a, b]);
});

test('planFixes: a line the file already has, with no negation after it, is not added again', () => {
  const t = '**/extlClntAppGlobalOauthSets/**\n**/jsconfig.json\n';
  const { out } = run({ [FI]: t }, [append(FI, t, '**/extlClntAppGlobalOauthSets/**')]);
  assert.equal(out[FI], t);
});

test('planFixes: a line that a later ! line overrides is appended again (last line wins)', () => {
  const t = '**/extlClntAppGlobalOauthSets/**\n!**/extlClntAppGlobalOauthSets/**\n';
  const { out } = run({ [FI]: t }, [append(FI, t, '**/extlClntAppGlobalOauthSets/**')]);
  assert.equal(out[FI], t + '**/extlClntAppGlobalOauthSets/**\n');
});

test('planFixes: a replacement that turns a line into the appended one makes the append redundant', () => {
  const t = '**/extlClntAppGlobalOauthSettings/**\n';
  const at = t.indexOf('Settings');
  const rename: Fix = { title: 'rename', kind: 'safe', preferred: true, edits: [edit(FI, at, at + 'Settings'.length, 'Sets')] };
  const { out } = run({ [FI]: t }, [rename, append(FI, t, '**/extlClntAppGlobalOauthSets/**')]);
  assert.equal(out[FI], '**/extlClntAppGlobalOauthSets/**\n');
});

test('planFixes: in XML an insert is kept even when an identical line exists (say, in a comment)', () => {
  const t = '<R>\n<!--\n    <distributionState>Packaged</distributionState>\n-->\n    <label>x</label>\n</R>\n';
  const at = t.indexOf('    <label>');
  const fix: Fix = { title: 'insert', kind: 'safe', preferred: true, edits: [edit(XML, at, at, '    <distributionState>Packaged</distributionState>\n')] };
  const { out } = run({ [XML]: t }, [fix]);
  assert.equal(out[XML], t.slice(0, at) + '    <distributionState>Packaged</distributionState>\n' + t.slice(at));
});

test('planFixes: overlapping fixes: the later one is skipped; snippets are never planned', () => {
  const t = 'abcdef';
  const a: Fix = { title: 'a', kind: 'safe', edits: [edit(XML, 0, 3, 'X')] };
  const b: Fix = { title: 'b', kind: 'safe', edits: [edit(XML, 2, 4, 'Y')] };
  const s: Fix = { title: 's', kind: 'safe', snippet: true, edits: [edit(XML, 5, 5, '${1:x}')] };
  const { plan, out } = run({ [XML]: t }, [a, b, s]);
  assert.deepEqual(plan.applied, [a]);
  assert.deepEqual(plan.skipped, [b, s]);
  assert.equal(out[XML], 'Xdef');
});

test('applyFixes: a UTF-16 file (LE or BE, with its BOM) is written back in UTF-16, only the edit changed', () => {
  // Found by the fuzzer: applyPlan wrote every edited file as UTF-8.
  const text = '<R>\n    <label>Ünï 😀</label>\n</R>\n';
  for (const [bom, enc] of [[[0xff, 0xfe], 'utf16le'], [[0xfe, 0xff], 'utf16be']] as const) {
    const le = Buffer.from(text, 'utf16le');
    const body = enc === 'utf16le' ? le : Buffer.from(le).swap16();
    const h = new MemFsHost([[XML, new Uint8Array([...bom, ...body])]]);
    const at = text.indexOf('</R>');
    const r = applyFixes(h, [{ title: 'add', kind: 'safe', edits: [edit(XML, at, at, '    <a>1</a>\n')] }]);
    assert.equal(r.changes.length, 1);
    const want = text.slice(0, at) + '    <a>1</a>\n' + text.slice(at);
    const wantLe = Buffer.from(want, 'utf16le');
    const wantBytes = new Uint8Array([...bom, ...(enc === 'utf16le' ? wantLe : Buffer.from(wantLe).swap16())]);
    assert.deepEqual(h.readFile(XML), wantBytes, enc);
  }
});

test('planFixes: de-duplication compares lines as `ignore` does (leading whitespace counts) and only for inserted whole lines', () => {
  // Found by the fuzzer: "\t**/extlClntAppPolicies/**" (a pattern that matches nothing) made the
  // appended "**/extlClntAppPolicies/**" count as present; and an insert of "**" in front of
  // "/extlClntAppGlobalOauthSets/" was dropped because the file has a line "**".
  const t = '\t**/extlClntAppPolicies/**\n/extlClntAppGlobalOauthSets/\n**\n';
  const a = append(FI, t, '**/extlClntAppPolicies/**');
  const b: Fix = { title: 'prefix', kind: 'safe', edits: [edit(FI, t.indexOf('\n/extl') + 1, t.indexOf('\n/extl') + 1, '**')] };
  const { plan, out } = run({ [FI]: t }, [a, b]);
  assert.equal(out[FI], '\t**/extlClntAppPolicies/**\n**/extlClntAppGlobalOauthSets/\n**\n**/extlClntAppPolicies/**\n');
  assert.deepEqual(plan.applied, [a, b]);
});
