import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fixture, offsetsOf } from '../../helpers/fixture';

const ID = 'forceignore-unpackaged-pattern';
const FI = '.forceignore';
const SDR_WARNING = 'Your .forceignore file contains the "**/unpackaged/**" rule. This will cause all files to be ignored during a retrieve.';

test(`${ID}: a "**/unpackaged/**" line is a warning quoting the sf CLI, with no fix`, () => {
  const fx = fixture({ [FI]: '# build output\r\n⟦**/unpackaged/**⟧\r\n**/jsconfig.json' });
  try {
    const [f, ...rest] = fx.findings(FI, ID);
    assert.ok(f);
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'warning');
    assert.deepEqual(offsetsOf(f, fx.read(FI)), fx.marks[FI]);
    assert.ok(f.message.includes(SDR_WARNING), f.message);
    assert.deepEqual(f.fixes, []);
  } finally {
    fx.cleanup();
  }
});

test(`${ID}: the text inside a longer pattern is found at its place`, () => {
  const fx = fixture({ [FI]: 'docs/\nsrc/⟦**/unpackaged/**⟧/*.xml\n' });
  try {
    const [f] = fx.findings(FI, ID);
    assert.ok(f);
    assert.equal(f.severity, 'warning');
    assert.deepEqual(offsetsOf(f, fx.read(FI)), fx.marks[FI]);
  } finally {
    fx.cleanup();
  }
});

test(`${ID}: in a comment or a "!" line the CLI still warns: information`, () => {
  for (const text of ['# never write ⟦**/unpackaged/**⟧ here\n', '!⟦**/unpackaged/**⟧\n']) {
    const fx = fixture({ [FI]: text });
    try {
      const [f, ...rest] = fx.findings(FI, ID);
      assert.ok(f, text);
      assert.equal(rest.length, 0);
      assert.equal(f.severity, 'information', text);
      assert.deepEqual(offsetsOf(f, fx.read(FI)), fx.marks[FI], text);
      assert.match(f.message, /excludes nothing/);
    } finally {
      fx.cleanup();
    }
  }
});

test(`${ID}: silent on other patterns that name unpackaged`, () => {
  const fx = fixture({ [FI]: 'unpackaged/\n/unpackaged/**\n**/unpackaged-docs/**\n**/unpackaged\n' });
  try {
    assert.deepEqual(fx.findings(FI, ID), []);
  } finally {
    fx.cleanup();
  }
});
