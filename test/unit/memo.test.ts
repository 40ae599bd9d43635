/** util/memo.ts InputsMemo: a value is made again exactly when one of its inputs is another object or value. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { InputsMemo } from '../../server/src/util/memo';

test('InputsMemo: the same inputs give the same value; another object, another length or another key make it again', () => {
  const memo = new InputsMemo<object, { n: number }>();
  let made = 0;
  const make = () => ({ n: ++made });
  const key = {};
  const a = [1];
  const first = memo.get(key, [a, 'x', undefined], make);
  assert.equal(memo.get(key, [a, 'x', undefined], make), first, 'same objects and primitives');
  assert.equal(made, 1);
  const second = memo.get(key, [[1], 'x', undefined], make);
  assert.notEqual(second, first, 'an equal array that is another object');
  assert.equal(memo.get(key, [[1], 'x'], make).n, 3, 'fewer inputs');
  assert.equal(memo.get({}, [a, 'x', undefined], make).n, 4, 'another key');
  assert.equal(made, 4);
});
