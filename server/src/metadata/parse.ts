/**
 * XML with element offsets. fast-xml-parser validates (line/column of the first error) and parses
 * with `captureMetaData`, which gives each element's start and end offset; from those we derive the
 * open tag, the content and the closing tag so rules can point at the exact value and fixes can edit
 * only those bytes.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { TextFile } from '../util/text';
import { scanXml } from './xmlScan';

export interface XmlElement {
  readonly name: string;
  /** Offset of `<` of the open tag. */
  readonly start: number;
  /** Offset just after `>` of the closing tag (or of a self-closing tag). */
  readonly end: number;
  /** Content span: between the open tag's `>` and the closing tag's `<`. */
  readonly contentStart: number;
  readonly contentEnd: number;
  /** Decoded text content, trimmed ('' for elements with children). */
  readonly text: string;
  readonly children: readonly XmlElement[];
}

export interface XmlError {
  message: string;
  /** 0-based line and character of the error. */
  line: number;
  character: number;
}

export interface ParsedXml {
  root?: XmlElement;
  error?: XmlError;
}

const parser = new XMLParser({
  captureMetaData: true,
  ignoreAttributes: true,
  alwaysCreateTextNode: true,
  isArray: () => true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
});
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

type Raw = Record<string | symbol, unknown>;

export function parseXml(file: TextFile): ParsedXml {
  const text = file.text;
  // Plain metadata XML: one pass (xmlScan.ts); anything it is unsure of comes here.
  const fast = scanXml(text);
  if (fast) return { root: fast };
  return parseXmlSlow(file);
}

/** fast-xml-parser's validator and parser (exported for the tests that compare both paths). */
export function parseXmlSlow(file: TextFile): ParsedXml {
  const text = file.text;
  const v = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (v !== true) {
    return { error: { message: v.err.msg, line: Math.max(0, v.err.line - 1), character: Math.max(0, v.err.col - 1) } };
  }
  let obj: Raw;
  try {
    obj = parser.parse(text) as Raw;
  } catch (e) {
    return { error: { message: e instanceof Error ? e.message : String(e), line: 0, character: 0 } };
  }
  const roots = build(obj, text);
  if (roots.length === 0) return { error: { message: 'the file has no root element', line: 0, character: 0 } };
  // XMLValidator lets a second, self-closing root through (`<A></A><B/>`); XML allows one root.
  if (roots.length > 1) {
    const at = file.positionAt(roots[1]!.start);
    return { error: { message: `Multiple root elements ("${roots[1]!.name}" after "${roots[0]!.name}"); an XML file has exactly one`, line: at.line, character: at.character } };
  }
  // The validator lets `<!` through in content (`<a>0<!x</a>`); the parser then makes an element
  // named `!x` that swallows the siblings after it. XML allows `<!` only as `<!--`, `<![CDATA[`
  // or a DOCTYPE in the prolog.
  const bang = findBang(roots[0]!);
  if (bang) {
    const at = file.positionAt(bang.start);
    return { error: { message: `'<!' starts neither a comment (<!--) nor a CDATA section (<![CDATA[); write '&lt;!' for a literal "<!"`, line: at.line, character: at.character } };
  }
  return { root: roots[0] };
}

function findBang(el: XmlElement): XmlElement | undefined {
  for (const c of el.children) {
    if (c.name.startsWith('!')) return c;
    const inner = findBang(c);
    if (inner) return inner;
  }
  return undefined;
}

function build(obj: Raw, text: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const key of Object.keys(obj)) {
    if (key === '#text' || key.startsWith('@_') || key.startsWith('?')) continue;
    const arr = obj[key];
    if (!Array.isArray(arr)) continue;
    for (const item of arr as Raw[]) {
      if (typeof item !== 'object' || item === null) continue;
      const meta = item[META] as { startIndex: number; endIndex?: number } | undefined;
      if (!meta) continue;
      out.push(element(key, item, meta.startIndex, text));
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

function element(name: string, item: Raw, start: number, text: string): XmlElement {
  const children = build(item, text);
  // End of the open tag: first '>' outside quotes.
  let i = start + 1 + name.length;
  let quote = '';
  for (; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') break;
  }
  const selfClosing = text[i - 1] === '/';
  const openEnd = i + 1;
  let contentStart = openEnd;
  let contentEnd = openEnd;
  let end = openEnd;
  if (!selfClosing) {
    // Closing tag: `</name` then optional spaces then `>`. Search after the last child.
    const from = children.length ? children[children.length - 1]!.end : openEnd;
    const close = findClose(text, name, from);
    contentEnd = close >= 0 ? close : from;
    end = close >= 0 ? text.indexOf('>', close) + 1 : from;
  } else {
    contentStart = contentEnd = openEnd - 2; // at the '/' of '/>'
  }
  const t = item['#text'];
  return {
    name,
    start,
    end,
    contentStart,
    contentEnd,
    text: typeof t === 'string' && children.length === 0 ? t : '',
    children,
  };
}

function findClose(text: string, name: string, from: number): number {
  // Skip comments and CDATA that may contain '</name'.
  let i = from;
  for (;;) {
    const j = text.indexOf('<', i);
    if (j < 0) return -1;
    if (text.startsWith('<!--', j)) {
      const k = text.indexOf('-->', j + 4);
      if (k < 0) return -1;
      i = k + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', j)) {
      const k = text.indexOf(']]>', j + 9);
      if (k < 0) return -1;
      i = k + 3;
      continue;
    }
    if (text.startsWith('</' + name, j)) {
      const after = text[j + 2 + name.length];
      if (after === '>' || after === ' ' || after === '\t' || after === '\r' || after === '\n') return j;
    }
    i = j + 1;
  }
}

/** First direct child with this name. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}
