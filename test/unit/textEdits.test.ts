import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseXml, child, type XmlElement } from '../../server/src/metadata/parse';
import { TextFile } from '../../server/src/util/text';
import {
  appendLine,
  applyOffsetEdits,
  escapeXml,
  indentAt,
  insertChild,
  isSelfClosing,
  removeElement,
  removeLine,
  replaceContent,
  replaceLine,
} from '../../server/src/edits/textEdits';

function parsed(text: string): { file: TextFile; root: XmlElement } {
  const file = new TextFile(text);
  const p = parseXml(file);
  assert.equal(p.error, undefined, `fixture must parse: ${JSON.stringify(text)}`);
  assert.ok(p.root);
  return { file, root: p.root };
}

/** Parse, apply one edit, check the result still parses, return it. */
function edited(text: string, make: (file: TextFile, root: XmlElement) => { start: number; end: number; newText: string }): string {
  const { file, root } = parsed(text);
  const out = applyOffsetEdits(text, [make(file, root)]);
  assert.equal(parseXml(new TextFile(out)).error, undefined, `result must parse: ${JSON.stringify(out)}`);
  return out;
}

const insert = (text: string, name: string, value: string, raw = false) => edited(text, (file, root) => insertChild(file, root, name, value, raw));

// ------------------------------------------------------------------ insertChild

test('insertChild: between siblings in alphabetical order, sibling indentation (4 spaces)', () => {
  assert.equal(insert('<R>\n    <a>1</a>\n    <c>3</c>\n</R>\n', 'b', '2'), '<R>\n    <a>1</a>\n    <b>2</b>\n    <c>3</c>\n</R>\n');
});

test('insertChild: before the first child, tab indentation', () => {
  assert.equal(insert('<R>\n\t<b>2</b>\n\t<c>3</c>\n</R>\n', 'a', '1'), '<R>\n\t<a>1</a>\n\t<b>2</b>\n\t<c>3</c>\n</R>\n');
});

test('insertChild: after the last child, 2-space indentation', () => {
  assert.equal(insert('<R>\n  <a>1</a>\n  <b>2</b>\n</R>\n', 'z', '9'), '<R>\n  <a>1</a>\n  <b>2</b>\n  <z>9</z>\n</R>\n');
});

test('insertChild: ECA header field order (distributionState after contactEmail, orgScopedExternalApp after label)', () => {
  const h = '<ExternalClientApplication xmlns="http://soap.sforce.com/2006/04/metadata">\n    <contactEmail>a@b.co</contactEmail>\n    <isProtected>false</isProtected>\n    <label>Billing</label>\n</ExternalClientApplication>\n';
  assert.equal(
    insert(h, 'distributionState', 'Packaged'),
    h.replace('</contactEmail>\n', '</contactEmail>\n    <distributionState>Packaged</distributionState>\n'),
  );
  assert.equal(
    insert(h, 'orgScopedExternalApp', '00D000000000001:Billing'),
    h.replace('<label>Billing</label>\n', '<label>Billing</label>\n    <orgScopedExternalApp>00D000000000001:Billing</orgScopedExternalApp>\n'),
  );
});

test('insertChild: CRLF line endings are kept and used for the new line', () => {
  assert.equal(insert('<R>\r\n  <a>1</a>\r\n  <c>3</c>\r\n</R>\r\n', 'b', '2'), '<R>\r\n  <a>1</a>\r\n  <b>2</b>\r\n  <c>3</c>\r\n</R>\r\n');
});

test('insertChild: a comment trailing the previous sibling on its line stays with that sibling', () => {
  assert.equal(
    insert('<R>\n    <a>1</a> <!-- about a -->\n    <c>3</c>\n</R>\n', 'b', '2'),
    '<R>\n    <a>1</a> <!-- about a -->\n    <b>2</b>\n    <c>3</c>\n</R>\n',
  );
  assert.equal(
    insert('<R>\n    <a>1</a><!-- x --> <!-- y -->\n</R>\n', 'b', '2'),
    '<R>\n    <a>1</a><!-- x --> <!-- y -->\n    <b>2</b>\n</R>\n',
  );
});

test('insertChild: a comment on its own line before the next sibling stays before that sibling', () => {
  assert.equal(
    insert('<R>\n    <a>1</a>\n    <!-- about c -->\n    <c>3</c>\n</R>\n', 'b', '2'),
    '<R>\n    <a>1</a>\n    <b>2</b>\n    <!-- about c -->\n    <c>3</c>\n</R>\n',
  );
});

test('insertChild: siblings written on one line stay on one line', () => {
  assert.equal(insert('<R><a>1</a><c>3</c></R>', 'b', '2'), '<R><a>1</a><b>2</b><c>3</c></R>');
  assert.equal(insert('<R><b>2</b></R>', 'a', '1'), '<R><a>1</a><b>2</b></R>');
});

test('insertChild: parent with no children on one line', () => {
  assert.equal(insert('<R xmlns="x"></R>\n', 'a', '1'), '<R xmlns="x">\n    <a>1</a>\n</R>\n');
});

test('insertChild: parent with no children, closing tag on its own line', () => {
  assert.equal(insert('<R>\n</R>\n', 'a', '1'), '<R>\n    <a>1</a>\n</R>\n');
  assert.equal(insert('<R>\r\n    <!-- nothing yet -->\r\n</R>\r\n', 'a', '1'), '<R>\r\n    <!-- nothing yet -->\r\n    <a>1</a>\r\n</R>\r\n');
});

test('insertChild: self-closing parent is opened up', () => {
  assert.equal(insert('<R xmlns="x"/>\n', 'a', '1'), '<R xmlns="x">\n    <a>1</a>\n</R>\n');
  assert.equal(insert('<R xmlns="x" />', 'a', '1'), '<R xmlns="x" >\n    <a>1</a>\n</R>');
});

test('insertChild: nested empty parent indented with tabs gets one more tab', () => {
  const text = '<R>\n\t<p>\n\t</p>\n</R>\n';
  const out = edited(text, (file, root) => insertChild(file, child(root, 'p')!, 'a', '1'));
  assert.equal(out, '<R>\n\t<p>\n\t\t<a>1</a>\n\t</p>\n</R>\n');
});

test('insertChild: value is XML-escaped unless raw', () => {
  assert.equal(insert('<R>\n    <a>1</a>\n</R>\n', 'b', 'x & <y>'), '<R>\n    <a>1</a>\n    <b>x &amp; &lt;y&gt;</b>\n</R>\n');
  const { file, root } = parsed('<R>\n    <a>1</a>\n</R>\n');
  assert.equal(insertChild(file, root, 'b', '${1:x}', true).newText, '\n    <b>${1:x}</b>');
});

// ------------------------------------------------------------------ replaceContent

test('replaceContent: replaces only the value', () => {
  assert.equal(edited('<R>\n  <a> Local </a>\n</R>', (_f, r) => replaceContent(child(r, 'a')!, 'Packaged')), '<R>\n  <a>Packaged</a>\n</R>');
  assert.equal(edited('<R><a></a></R>', (_f, r) => replaceContent(child(r, 'a')!, 'a&b')), '<R><a>a&amp;b</a></R>');
});

test('replaceContent: a self-closing element gets open and closing tags', () => {
  const { root } = parsed('<R><a/><b /><c></c></R>');
  assert.equal(isSelfClosing(child(root, 'a')!), true);
  assert.equal(isSelfClosing(child(root, 'b')!), true);
  assert.equal(isSelfClosing(child(root, 'c')!), false);
  assert.equal(edited('<R>\n  <a/>\n</R>', (_f, r) => replaceContent(child(r, 'a')!, 'Packaged')), '<R>\n  <a>Packaged</a>\n</R>');
  assert.equal(edited('<R>\n  <a />\n</R>', (_f, r) => replaceContent(child(r, 'a')!, 'v')), '<R>\n  <a >v</a>\n</R>');
});

// ------------------------------------------------------------------ removeElement

const remove = (text: string, name: string) => edited(text, (file, root) => removeElement(file.text, child(root, name)!));

test('removeElement: alone on its line, the whole line goes (LF)', () => {
  assert.equal(remove('<R>\n    <a>1</a>\n    <b>2</b>\n</R>\n', 'a'), '<R>\n    <b>2</b>\n</R>\n');
  assert.equal(remove('<R>\n\t<a>1</a>\n\t<b>2</b>\n</R>\n', 'b'), '<R>\n\t<a>1</a>\n</R>\n');
});

test('removeElement: alone on its line, the whole line goes (CRLF)', () => {
  assert.equal(remove('<R>\r\n  <a>1</a>\r\n  <b>2</b>\r\n</R>\r\n', 'a'), '<R>\r\n  <b>2</b>\r\n</R>\r\n');
});

test('removeElement: inline, only the element goes', () => {
  assert.equal(remove('<R><a>1</a><b>2</b></R>', 'a'), '<R><b>2</b></R>');
  assert.equal(remove('<R>\n    <a>1</a> <!-- keep -->\n</R>\n', 'a'), '<R>\n     <!-- keep -->\n</R>\n');
});

test('removeElement: a comment line next to the element is kept', () => {
  assert.equal(remove('<R>\n    <!-- keep -->\n    <a>1</a>\n    <b/>\n</R>\n', 'a'), '<R>\n    <!-- keep -->\n    <b/>\n</R>\n');
});

test('removeElement: an element spanning several lines goes with its line break', () => {
  assert.equal(remove('<R>\n    <k>-----BEGIN\nabc\n-----END</k>\n    <b/>\n</R>\n', 'k'), '<R>\n    <b/>\n</R>\n');
});

// ------------------------------------------------------------------ appendLine

const append = (text: string, line: string) => applyOffsetEdits(text, [appendLine(new TextFile(text), line)]);

test('appendLine: with and without a final newline, LF', () => {
  assert.equal(append('a\n', 'b'), 'a\nb\n');
  assert.equal(append('a', 'b'), 'a\nb\n');
  assert.equal(append('', 'b'), 'b\n');
});

test('appendLine: CRLF, with and without a final newline', () => {
  assert.equal(append('a\r\nb\r\n', 'c'), 'a\r\nb\r\nc\r\n');
  assert.equal(append('a\r\nb', 'c'), 'a\r\nb\r\nc\r\n');
});

test('appendLine: lone CRs end no line for ignore/SDR, so the new line starts after a \\n and ends with one', () => {
  // Found by the fuzzer: in "\r" the appended line joined the old one for `ignore`.
  assert.equal(append('\r', 'b'), '\r\nb\n');
  assert.equal(append('a\rx', 'b'), 'a\rx\nb\n');
  assert.equal(append('a\rx\r', 'b'), 'a\rx\r\nb\n');
  assert.equal(append('a\r\nx\r', 'b'), 'a\r\nx\r\nb\r\n');
  for (const t of ['\r', 'a\rx', 'a\rx\r', 'a\r\nx\r']) assert.deepEqual(append(t, 'b').split(/\r?\n/).slice(-2), ['b', ''], JSON.stringify(t));
});

// ------------------------------------------------------------------ lines, indent, escape

test('removeLine and replaceLine keep the other lines and their breaks', () => {
  const f = new TextFile('a\r\nb\r\nc');
  assert.equal(applyOffsetEdits(f.text, [removeLine(f, 1)]), 'a\r\nc');
  assert.equal(applyOffsetEdits(f.text, [removeLine(f, 2)]), 'a\r\nb\r\n');
  assert.equal(applyOffsetEdits(f.text, [replaceLine(f, 0, 'x')]), 'x\r\nb\r\nc');
});

test('indentAt and escapeXml', () => {
  assert.equal(indentAt('<R>\n\t  <a/>\n</R>', 7), '\t  ');
  assert.equal(indentAt('<R>', 1), '');
  assert.equal(escapeXml('a & <b> "c"'), 'a &amp; &lt;b&gt; "c"');
});

// ------------------------------------------------------------------ applyOffsetEdits

test('applyOffsetEdits: edits in any order, adjacent edits allowed', () => {
  assert.equal(
    applyOffsetEdits('abcdef', [
      { start: 4, end: 6, newText: 'X' },
      { start: 0, end: 1, newText: 'Y' },
      { start: 1, end: 4, newText: '' },
    ]),
    'YX',
  );
});

test('applyOffsetEdits: two inserts at one offset keep their given order', () => {
  assert.equal(applyOffsetEdits('ab', [{ start: 1, end: 1, newText: '1' }, { start: 1, end: 1, newText: '2' }]), 'a12b');
});

test('applyOffsetEdits: overlapping edits throw', () => {
  assert.throws(() => applyOffsetEdits('abcdef', [{ start: 0, end: 3, newText: '' }, { start: 2, end: 4, newText: '' }]), /overlapping edits at offset 2/);
  assert.throws(() => applyOffsetEdits('abcdef', [{ start: 1, end: 5, newText: '' }, { start: 2, end: 2, newText: 'x' }]), /overlapping/);
});
