import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { header } from '../../helpers/fixture';
import { withFixture } from '../../helpers/eca';

const ID = 'file-unreadable';
const H = 'force-app/main/default/externalClientApps/Billing.eca-meta.xml';
const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const MB5 = 5 * 1024 * 1024;

const with_ = withFixture;

const bytes = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** A well-formed header padded with a comment to exactly `size` bytes. */
function paddedHeader(size: number): Uint8Array {
  const head = '<?xml version="1.0" encoding="UTF-8"?>\n<ExternalClientApplication xmlns="http://soap.sforce.com/2006/04/metadata">\n    <label>Billing</label>\n    <!-- ';
  const tail = ' -->\n</ExternalClientApplication>\n';
  const pad = size - bytes(head).length - bytes(tail).length;
  return bytes(head + 'x'.repeat(pad) + tail);
}

function flagged(content: Uint8Array, words: RegExp): void {
  with_({ [H]: content }, (fx) => {
    const [f, ...rest] = fx.findings(H, ID);
    assert.ok(f);
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.range, ZERO);
    assert.match(f.message, /^ECA Lens can't read this file: /);
    assert.match(f.message, words);
    assert.deepEqual(f.fixes, []);
    assert.deepEqual(fx.findings(H, 'xml-malformed'), [], 'no second finding about its XML');
    const file = fx.project.file(fx.abs(H));
    assert.ok(file, 'the file stays in the inventory');
    assert.equal(file.doc, undefined);
  });
}

test(`${ID}: binary content (NUL bytes)`, () => {
  flagged(concat(bytes('<?xml version="1.0"?>\n<ExternalClientApplication>'), new Uint8Array([0, 0, 1, 2]), bytes('</ExternalClientApplication>\n')), /binary data \(NUL bytes\)/);
});

test(`${ID}: invalid UTF-8 (a Latin-1 "é")`, () => {
  flagged(concat(bytes(header('    <label>Caf')), new Uint8Array([0xe9]), bytes('</label>\n')), /not valid UTF-8/);
});

test(`${ID}: larger than 5 MB`, () => {
  const big = paddedHeader(MB5 + 1);
  assert.equal(big.length, MB5 + 1);
  flagged(big, /5\.0 MB, larger than the 5 MB/);
});

test(`${ID}: silent at exactly 5 MB, on UTF-8 with a BOM, and on UTF-16 with a BOM`, () => {
  const exact = paddedHeader(MB5);
  assert.equal(exact.length, MB5);
  const text = header('    <label>Café</label>\n');
  const utf16 = new Uint8Array(2 + text.length * 2);
  utf16.set([0xff, 0xfe], 0);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    utf16[2 + 2 * i] = c & 0xff;
    utf16[3 + 2 * i] = c >> 8;
  }
  const files = {
    [H]: exact,
    'force-app/main/default/externalClientApps/Bom.eca-meta.xml': '\uFEFF' + text,
    'force-app/main/default/externalClientApps/Wide.eca-meta.xml': utf16,
  };
  with_(files, (fx) => {
    for (const rel of Object.keys(files)) {
      assert.deepEqual(fx.findings(rel, ID), [], rel);
      assert.ok(fx.project.file(fx.abs(rel))?.xml?.root, `${rel} is parsed`);
    }
  });
});
