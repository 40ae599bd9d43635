import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { Coalescer, RefreshWhenShown } from '../../../client/src/refresh';

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

test('refresh when shown: notifications while no view is on screen wait, and the first view shown refreshes once', () => {
  let shown = false;
  let runs = 0;
  const r = new RefreshWhenShown(
    () => shown,
    async () => {
      runs++;
    },
  );
  r.request();
  r.request();
  r.request();
  assert.equal(runs, 0, 'nothing is built for hidden views');
  r.visibilityChanged(); // another view hidden, say: still none on screen
  assert.equal(runs, 0);
  shown = true;
  r.visibilityChanged();
  assert.equal(runs, 1, 'one refresh for all that was asked while hidden');
  r.visibilityChanged();
  assert.equal(runs, 1, 'shown again with nothing new: no refresh');
  r.request();
  assert.equal(runs, 2, 'on screen: at once');
  shown = false;
  r.visibilityChanged();
  assert.equal(runs, 2, 'hidden with nothing asked: nothing to do');
});
