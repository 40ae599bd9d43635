import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { planFileOps, runFileSteps } from '../../server/src/edits/fileOps';
import { MemFsHost } from '../fuzz/memHost';

const A = path.resolve('/p/force-app/X.ecaOAuth-meta.xml');
const B = path.resolve('/p/force-app/X.ecaOauth-meta.xml');
const bytes = (s: string) => new TextEncoder().encode(s);

/** A case-insensitive view of a MemFsHost (as macOS and Windows disks are). */
function caseInsensitive(h: MemFsHost) {
  const find = (p: string) => [...h.files.keys()].find((q) => q.toLowerCase() === path.resolve(p).toLowerCase());
  return { exists: (p: string) => find(p) !== undefined || h.isDirectory(p), readDir: (p: string) => h.readDir(p) };
}

test('planFileOps: a case-only rename is one step on a case-sensitive file system', () => {
  const h = new MemFsHost([[A, bytes('x')]]);
  const plan = planFileOps([{ kind: 'rename', path: A, newPath: B }], h);
  assert.deepEqual(plan.steps, [{ kind: 'rename', path: A, newPath: B }]);
  runFileSteps(h, plan.steps);
  assert.deepEqual([...h.files.keys()], [B]);
});

test('planFileOps: a case-only rename goes through a temporary name when the file system is case-insensitive (the new name "exists")', () => {
  const h = new MemFsHost([[A, bytes('x')]]);
  const plan = planFileOps([{ kind: 'rename', path: A, newPath: B }], caseInsensitive(h));
  assert.equal(plan.steps.length, 2);
  assert.deepEqual(plan.steps[0], { kind: 'rename', path: A, newPath: `${B}.eca-lens-rename` });
  assert.deepEqual(plan.steps[1], { kind: 'rename', path: `${B}.eca-lens-rename`, newPath: B });
  assert.deepEqual(plan.done, [{ kind: 'rename', path: A, newPath: B }]);
  runFileSteps(h, plan.steps);
  assert.deepEqual([...h.files.keys()], [B]);
});

test('planFileOps: never overwrite; a missing source is skipped; later operations see earlier ones', () => {
  const C = path.resolve('/p/force-app/C.eca-meta.xml');
  const h = new MemFsHost([[A, bytes('a')], [B, bytes('b')], [C, bytes('c')]]);
  // Case-sensitive, both names exist: two files, the rename would overwrite one.
  assert.deepEqual(planFileOps([{ kind: 'rename', path: A, newPath: B }], h).steps, []);
  assert.deepEqual(planFileOps([{ kind: 'rename', path: A, newPath: C }], h).steps, []);
  assert.deepEqual(planFileOps([{ kind: 'create', path: C, text: 'new' }], h).steps, []);
  const D = path.resolve('/p/force-app/D.eca-meta.xml');
  assert.deepEqual(planFileOps([{ kind: 'delete', path: D }], h).steps, []);
  const seq = planFileOps([{ kind: 'delete', path: C }, { kind: 'create', path: C, text: 'new' }, { kind: 'rename', path: C, newPath: D }, { kind: 'create', path: D, text: 'again' }], h);
  assert.deepEqual(seq.steps.map((s) => s.kind), ['delete', 'create', 'rename']);
  assert.equal(seq.skipped.length, 1);
});
