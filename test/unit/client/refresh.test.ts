import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { Coalescer } from '../../../client/src/refresh';

test('refresh: a burst of notifications runs one request in flight and one more after it', async () => {
  let runs = 0;
  let release: () => void = () => {};
  const c = new Coalescer(async () => {
    runs++;
    await new Promise<void>((r) => (release = r));
  });
  const first = c.trigger();
  void c.trigger();
  void c.trigger();
  const last = c.trigger();
  assert.equal(runs, 1);
  release();
  await new Promise((r) => setImmediate(r));
  assert.equal(runs, 2, 'the notifications during the first run cause exactly one more');
  release();
  await Promise.all([first, last]);
  assert.equal(runs, 2);
  // A failing run does not wedge it.
  const failing = new Coalescer(async () => {
    throw new Error('server gone');
  });
  await failing.trigger();
  await failing.trigger();
});
