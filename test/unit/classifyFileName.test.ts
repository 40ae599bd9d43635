/**
 * TypeRegistry.classifyFileName splits names with string operations (splitName) instead of SDR's
 * regular expressions (`^(.+)\.([^.]+)-meta\.xml$` and the two fallbacks); every name must split
 * exactly as the expressions split it.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TypeRegistry, splitName } from '../../server/src/metadata/types';

const FORMS: [string, RegExp][] = [['-meta.xml', /^(.+)\.([^.]+)-meta\.xml$/], ['.xml', /^(.+)\.([^.]+)\.xml$/], ['', /^(.+)\.([^.]+)$/]];

const NAMES = [
  'App.eca-meta.xml', 'My.App.eca-meta.xml', 'App.ecaOauth-meta.xml', 'App.ECA-meta.xml', 'App.ecaFoo-meta.xml', 'App.eca.xml', 'App.eca',
  '.eca-meta.xml', 'a.-meta.xml', '-meta.xml', '.-meta.xml', 'a..eca-meta.xml', 'a.b.c', 'eca-meta.xml', 'App.eca-meta.xml.bak',
  'App.eca-meta.XML', '.', '..', '', 'a.', '.a', 'a.b', '.xml', 'a.xml', 'a..xml', 'a\n.eca-meta.xml', 'a.\neca-meta.xml',
  'a\u2028b.eca-meta.xml', 'x.y\r.eca-meta.xml', 'Ünïcödé.eca-meta.xml', '\ud83d\ude00.ecaPlcy-meta.xml', '\ud83d.eca', 'Foo.cls-meta.xml',
];

test('splitName: every name splits as the regular expression splits it, in all three forms', () => {
  let rng = 7;
  const rand = () => (rng = (rng * 1103515245 + 12345) % 2147483648) / 2147483648;
  const alphabet = ['a', 'B', '.', '..', '-', 'eca', 'meta', 'xml', '-meta.xml', '.xml', '\n', '\u2028', ' ', 'é'];
  const names = [...NAMES];
  for (let i = 0; i < 5000; i++) {
    let n = '';
    const len = 1 + Math.floor(rand() * 7);
    for (let j = 0; j < len; j++) n += alphabet[Math.floor(rand() * alphabet.length)];
    names.push(n);
  }
  let matched = 0;
  for (const base of names) {
    for (const [end, re] of FORMS) {
      const m = re.exec(base);
      assert.deepEqual(splitName(base, end, re), m ? [m[1], m[2]] : undefined, `${JSON.stringify(base)} with ${re}`);
      if (m) matched++;
    }
  }
  assert.ok(matched > 1000, `only ${matched} names matched a form: the generator is too weak`);
});

test('classifyFileName: hand-checked names', () => {
  const types = new TypeRegistry();
  assert.deepEqual(types.classifyFileName('My.App.eca-meta.xml'), { kind: 'recognized', fullName: 'My.App', type: types.bySuffix('eca'), metadataFormat: false });
  assert.deepEqual(types.classifyFileName('App.ecaGlblOauth'), { kind: 'recognized', fullName: 'App', type: types.bySuffix('ecaGlblOauth'), metadataFormat: true });
  assert.equal(types.classifyFileName('App.ECA-meta.xml')?.kind, 'unrecognized');
  assert.equal(types.classifyFileName('a.-meta.xml'), undefined);
  assert.equal(types.classifyFileName('.eca-meta.xml'), undefined);
  assert.equal(types.classifyFileName('Foo.cls-meta.xml'), undefined);
});
