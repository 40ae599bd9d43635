/** The heap settings the CLI and the server set at start (server/src/util/heapTuning.ts). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { HEAP_FLAGS, tuneHeap } from '../../server/src/util/heapTuning';

test('heap tuning: each profile sets its flags on the known V8 lines, nothing elsewhere', () => {
  const seen: string[] = [];
  const set = (f: string) => seen.push(f);
  assert.deepEqual(tuneHeap('batch', '11.3.244.8-node.33', set), ['--semi-space-growth-factor=1']);
  assert.deepEqual(tuneHeap('server', '13.6.233.10-node.18', set), ['--semi-space-growth-factor=1', '--heap-growing-percent=25']);
  assert.deepEqual(seen, ['--semi-space-growth-factor=1', '--semi-space-growth-factor=1', '--heap-growing-percent=25']);
  seen.length = 0;
  for (const v of ['10.2.154.26-node.26', '14.0.1', 'garbage', '']) assert.deepEqual(tuneHeap('server', v, set), [], v);
  assert.deepEqual(seen, []);
});

/**
 * In a fresh node: keep 60 MB of small objects alive, as an index does, and report the young
 * generation's size and how many scavenges ran. With the flags set at run time the young generation
 * stays at its initial size; without them V8 grows it (what the flags are for), and the process
 * prints nothing on stderr (V8 complains there about a flag it does not know).
 */
function youngGeneration(flags: readonly string[]): { newSpaceMb: number; stderr: string } {
  const code = `
    const v8 = require('node:v8');
    for (const f of ${JSON.stringify(flags)}) v8.setFlagsFromString(f);
    const keep = [];
    for (let i = 0; i < 600000; i++) keep.push({ i, name: 'n' + i, children: [] });
    const ns = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    process.stdout.write(JSON.stringify({ newSpaceMb: ns.space_size / 1048576, kept: keep.length }));
  `;
  const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { newSpaceMb: number; kept: number };
  assert.equal(out.kept, 600000);
  return { newSpaceMb: out.newSpaceMb, stderr: r.stderr };
}

test('heap tuning: the flags keep the young generation at its initial size when set at run time', () => {
  assert.ok(tuneHeap('batch', process.versions.v8, () => undefined).length > 0, `node ${process.version} (V8 ${process.versions.v8}) is outside the lines the flags are known in`);
  const plain = youngGeneration([]);
  for (const profile of ['batch', 'server'] as const) {
    const tuned = youngGeneration(HEAP_FLAGS[profile]);
    assert.equal(tuned.stderr, '', `${profile}: V8 said something on stderr`);
    // Two 1 MB semi-spaces (V8 reports the space's size, not the committed pages: allow up to 3 MB).
    assert.ok(tuned.newSpaceMb <= 3, `${profile}: young generation ${tuned.newSpaceMb} MB`);
    assert.ok(plain.newSpaceMb >= 2 * tuned.newSpaceMb, `default ${plain.newSpaceMb} MB vs ${profile} ${tuned.newSpaceMb} MB`);
  }
});
