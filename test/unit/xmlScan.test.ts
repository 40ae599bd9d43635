/**
 * The fast XML path (metadata/xmlScan.ts) against fast-xml-parser's path (parseXmlSlow): the same
 * tree, offsets and text for the plain files it takes; undefined (the slow path decides) for
 * everything it is not sure of. The fuzzer's `parse` property does the same on generated files.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { scanXml, nameEnd } from '../../server/src/metadata/xmlScan';

/** The expression nameEnd() replaced, as the reference it is tested against. */
const NAME_RE = /[A-Za-z_][A-Za-z0-9_.-]*(?::[A-Za-z_][A-Za-z0-9_.-]*)?/y;
import { parseXml, parseXmlSlow } from '../../server/src/metadata/parse';
import { TextFile } from '../../server/src/util/text';

const NS = ' xmlns="http://soap.sforce.com/2006/04/metadata"';
const DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

const TAKEN: Record<string, string> = {
  'a header with a declaration': `${DECL}<ExternalClientApplication${NS}>\n    <contactEmail>a@b.co</contactEmail>\n    <label>Billing</label>\n</ExternalClientApplication>\n`,
  'no declaration, single quotes, standalone': `<?xml version='1.0' encoding='UTF-8' standalone='yes'?><A${NS} xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'><b>1</b></A>`,
  'nested elements and self-closing ones': `${DECL}<ConnectedApp${NS}>\n  <oauthConfig>\n    <callbackUrl>https://x.example/cb</callbackUrl>\n    <scopes>Api</scopes>\n    <empty/>\n    <spaced />\n  </oauthConfig>\n</ConnectedApp>`,
  'the five entities, trimmed': `<A><b>  Tom &amp; Jerry &lt;3 &gt; &quot;x&quot; &apos;y&apos;  </b></A>`,
  'empty and white-space-only leaves': '<A><b></b><c>   \n  </c><d/></A>',
  'CRLF and tabs between elements': '<?xml version="1.0"?>\r\n<A>\r\n\t<b>x</b>\r\n\t<c>y</c>\r\n</A>\r\n',
  'comments in the prolog, between children and after the root': `${DECL}<!-- generated -->\n<A>\n  <!-- one -->\n  <b>x</b>\n  <!-- two -->\n</A>\n<!-- end -->\n`,
  'characters beyond U+FFFF and other scripts': '<A><label>Minlopro 🔷 Ünïcode 日本</label></A>',
  'closing tags with spaces, attributes with spaces around =': '<A  x = "1"\n  y=\'2\' ><b >v</b  ></A >',
  'mixed content: an element with text and children has no text': '<A>text<b>x</b>more</A>',
  'a > in text and in an attribute': '<A note="a > b"><b>1 > 0</b></A>',
  'names with dots, dashes, underscores and a prefix': '<x:A xmlns:x="urn:x"><b.c-d_e>1</b.c-d_e></x:A>',
  'non-breaking spaces at the edges are trimmed as String.trim does': '<A><b>\u00a0x\u00a0</b></A>',
};

const DECLINED: Record<string, string> = {
  'a DOCTYPE': '<!DOCTYPE x [<!ENTITY e "Packaged">]><A><b>&e;</b></A>',
  'CDATA': '<A><b><![CDATA[x]]></b></A>',
  'a processing instruction': '<A><?pi x?><b>1</b></A>',
  'a character reference': '<A><b>&#38;</b></A>',
  'an unknown entity': '<A><b>&nbsp;</b></A>',
  'a lone &': '<A><b>a & b</b></A>',
  'a comment inside a leaf': '<A><b>x<!-- c -->y</b></A>',
  'a CR inside a leaf': '<A><b>x\r\ny</b></A>',
  'a duplicate attribute': '<A x="1" x="2"/>',
  'a boolean attribute': '<A x/>',
  'an unquoted attribute': '<A x=1/>',
  'no space between attributes': '<A x="1"y="2"/>',
  'a < in an attribute': '<A x="<"/>',
  'a mismatched closing tag': '<A><b>x</c></A>',
  'an unclosed element': '<A><b>x</b>',
  'a second root': '<A/><B/>',
  'text outside the root': 'junk<A/>',
  'white space before the declaration': '  <?xml version="1.0"?><A/>',
  'a declaration with another attribute': '<?xml version="1.0" foo="bar"?><A/>',
  '<! that is no comment': '<A>0<!x</A>',
  'a control character': '<A><b>\u0001</b></A>',
  'a lone surrogate': '<A><b>\ud800</b></A>',
  ']]> in text': '<A><b>]]></b></A>',
  'a comment with --': '<A><!-- a -- b --><b/></A>',
  'no root at all': `${DECL}<!-- nothing -->`,
  'an empty file': '',
};

const file = (text: string) => new TextFile(text);

test('the fast path takes plain metadata XML and gives exactly the slow path\'s tree', () => {
  for (const [name, text] of Object.entries(TAKEN)) {
    const fast = scanXml(text);
    assert.ok(fast, `taken: ${name}`);
    assert.deepEqual({ root: fast }, parseXmlSlow(file(text)), name);
    assert.deepEqual(parseXml(file(text)), parseXmlSlow(file(text)), name);
  }
});

test('the fast path declines what it is not sure of, and parseXml answers as the slow path', () => {
  for (const [name, text] of Object.entries(DECLINED)) {
    assert.equal(scanXml(text), undefined, `declined: ${name}`);
    assert.deepEqual(parseXml(file(text)), parseXmlSlow(file(text)), name);
  }
});

test('fast path offsets: open tag, content and closing tag as the rules use them', () => {
  const text = '<A>\n  <b x="1">val</b>\n  <c/>\n</A>';
  const root = scanXml(text)!;
  const [b, c] = root.children as [NonNullable<typeof root>, NonNullable<typeof root>];
  assert.equal(text.slice(b.start, b.end), '<b x="1">val</b>');
  assert.equal(text.slice(b.contentStart, b.contentEnd), 'val');
  assert.equal(text.slice(c.start, c.end), '<c/>');
  assert.equal(c.contentStart, c.contentEnd);
  assert.equal(text[c.contentStart], '/');
  assert.equal(text.slice(root.contentEnd, root.end), '</A>');
});

test('nameEnd reads names as the expression does (start, middle, one prefix, a colon with nothing after it)', () => {
  const chars = ['a', 'Z', '_', '0', '9', '.', '-', ':', ' ', '>', '/', 'é', '\u0000'];
  let rng = 11;
  const rand = () => (rng = (rng * 1103515245 + 12345) % 2147483648) / 2147483648;
  const cases = ['a', 'a:b', 'a:', 'a:1', ':a', '1a', 'ns:Name.x-y_z', 'a:b:c', '_', '', 'é'];
  for (let k = 0; k < 5000; k++) {
    let t = '';
    for (let j = 0, len = Math.floor(rand() * 8); j < len; j++) t += chars[Math.floor(rand() * chars.length)];
    cases.push(t);
  }
  for (const t of cases) {
    for (let at = 0; at <= Math.min(t.length, 2); at++) {
      NAME_RE.lastIndex = at;
      const m = NAME_RE.exec(t);
      assert.equal(nameEnd(t, at), m ? at + m[0].length : -1, `${JSON.stringify(t)} at ${at}`);
    }
  }
});
