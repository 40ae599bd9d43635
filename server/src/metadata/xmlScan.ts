/**
 * The fast path of parseXml (metadata/parse.ts): one pass over the text that builds the element
 * tree directly, for the plain XML metadata files are made of. fast-xml-parser validates, parses
 * into its own objects and then ours are built from those: three passes and most of a cold
 * check's garbage (issue 13: the index was twice the raw parse).
 *
 * It answers only when it is sure to answer as the slow path would: a declaration at the very
 * start (version, encoding, standalone), comments, elements with plain attributes, text with the
 * five predefined entities. Anything else (a DOCTYPE, CDATA, a processing instruction, another
 * entity or character reference, a `<` or `&` out of place, a control character, a comment or
 * a CR inside a leaf's text, a duplicate attribute, a mismatched or unclosed tag, a second root,
 * text outside the root) returns undefined and the slow path parses, so error messages and every
 * odd case stay as they were. The fuzzer's `parse` property compares both paths on every XML file
 * it generates; test/unit/xmlScan.test.ts on the corpus shapes and the edge cases.
 */
import type { XmlElement } from './parse';

const DECL = /^<\?xml\s+version\s*=\s*(["'])1\.[0-9]\1(?:\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\3)?\s*\?>/;
/**
 * Where a name that starts at `i` ends (-1: none starts there): `[A-Za-z_][A-Za-z0-9_.-]*`, then
 * optionally `:` and another such part (one prefix). Read by character codes: a regular
 * expression's match array for every tag was a tenth of what a cold index allocated.
 */
export function nameEnd(text: string, i: number): number {
  if (!isNameStart(text.charCodeAt(i))) return -1;
  let j = i + 1;
  while (isNameChar(text.charCodeAt(j))) j++;
  if (text.charCodeAt(j) === 58 /* : */ && isNameStart(text.charCodeAt(j + 1))) {
    j += 2;
    while (isNameChar(text.charCodeAt(j))) j++;
  }
  return j;
}
const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57) || c === 46 || c === 45;
const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ENTITY_RE = /&(lt|gt|amp|quot|apos);/g;

interface Open {
  name: string;
  start: number;
  contentStart: number;
  children: XmlElement[];
  /** A comment sits in the content (only allowed when the element has children). */
  comment: boolean;
}

/**
 * Element names, one string each: a project repeats some forty names in 10,000 files (each slice
 * would be a string of its own). Bounded, since a file may hold any names at all.
 */
const NAMES = new Map<string, string>();
function intern(name: string): string {
  const hit = NAMES.get(name);
  if (hit !== undefined) return hit;
  if (NAMES.size < 4096) NAMES.set(name, name);
  return name;
}

/** Leaves share one empty child list (a cold index makes some 50,000 leaves; the list is never written). */
const NO_CHILDREN: readonly XmlElement[] = [];

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** The root element, or undefined when the slow path must decide. */
export function scanXml(text: string): XmlElement | undefined {
  const n = text.length;
  let i = 0;
  if (text.startsWith('<?')) {
    const m = DECL.exec(text);
    if (!m) return undefined;
    i = m[0].length;
  }
  const stack: Open[] = [];
  let root: XmlElement | undefined;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    // Character data between i and textEnd.
    if (textEnd > i && !plainText(text, i, textEnd, stack.length > 0)) return undefined;
    if (lt < 0) break;
    i = lt;
    const next = text.charCodeAt(i + 1);
    if (next === 33 /* ! */) {
      if (!text.startsWith('<!--', i)) return undefined;
      const close = text.indexOf('-->', i + 4);
      if (close < 0) return undefined;
      const body = text.slice(i + 4, close);
      if (body.includes('--') || body.endsWith('-') || !plainChars(body)) return undefined;
      if (stack.length) stack[stack.length - 1]!.comment = true;
      i = close + 3;
      continue;
    }
    if (next === 63 /* ? */) return undefined;
    if (next === 47 /* / */) {
      const top = stack.pop();
      if (!top) return undefined;
      const e = nameEnd(text, i + 2);
      if (e - (i + 2) !== top.name.length || !text.startsWith(top.name, i + 2)) return undefined;
      let j = e;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 62 /* > */) return undefined;
      const el = finish(text, top, i, j + 1);
      if (!el) return undefined;
      if (stack.length) stack[stack.length - 1]!.children.push(el);
      else root = el;
      i = j + 1;
      continue;
    }
    // An open tag.
    if (root) return undefined; // a second root
    const nameAt = nameEnd(text, i + 1);
    if (nameAt < 0) return undefined;
    const name = intern(text.slice(i + 1, nameAt));
    let j = nameAt;
    const seen: string[] = [];
    for (;;) {
      const ws = j;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      const c = text.charCodeAt(j);
      if (c === 62 /* > */ || (c === 47 /* / */ && text.charCodeAt(j + 1) === 62)) break;
      if (j === ws) return undefined; // attributes need space before them
      const attrEnd = nameEnd(text, j);
      if (attrEnd < 0) return undefined;
      const a = text.slice(j, attrEnd);
      if (seen.includes(a)) return undefined;
      seen.push(a);
      j = attrEnd;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 61 /* = */) return undefined;
      j++;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      const q = text[j];
      if (q !== '"' && q !== "'") return undefined;
      const end = text.indexOf(q, j + 1);
      if (end < 0) return undefined;
      const value = text.slice(j + 1, end);
      if (value.includes('<') || value.includes('&') || !plainChars(value)) return undefined;
      j = end + 1;
    }
    if (text.charCodeAt(j) === 47 /* / */) {
      // Self-closing: as parse.ts, the content span sits at the '/' of '/>'.
      const el: XmlElement = { name, start: i, end: j + 2, contentStart: j, contentEnd: j, text: '', children: NO_CHILDREN };
      if (stack.length) stack[stack.length - 1]!.children.push(el);
      else root = el;
      i = j + 2;
      continue;
    }
    stack.push({ name, start: i, contentStart: j + 1, children: [], comment: false });
    i = j + 1;
  }
  return stack.length === 0 ? root : undefined;
}

function finish(text: string, o: Open, closeAt: number, end: number): XmlElement | undefined {
  let t = '';
  if (o.children.length === 0) {
    if (o.comment) return undefined;
    const raw = text.slice(o.contentStart, closeAt);
    if (raw.includes('\r')) return undefined;
    t = raw.trim();
    if (t.includes('&')) t = t.replace(ENTITY_RE, (_, e: string) => ENTITY[e]!);
  }
  return { name: o.name, start: o.start, end, contentStart: o.contentStart, contentEnd: closeAt, text: t, children: o.children.length ? o.children.slice() : NO_CHILDREN };
}

/**
 * Text between tags: no `&` but the five entities, no `]]>`, no control characters, no lone
 * surrogates; outside the root only white space.
 */
function plainText(text: string, from: number, to: number, inRoot: boolean): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (!inRoot) {
      if (!isSpace(c)) return false;
      continue;
    }
    if (c < 32 ? c !== 9 && c !== 10 && c !== 13 : c >= 0xd800 && (c <= 0xdfff || c >= 0xfffe)) {
      if (!pairAt(text, k)) return false;
      k++;
      continue;
    }
    if (c === 38 /* & */) {
      const semi = text.indexOf(';', k);
      if (semi < 0 || semi >= to || ENTITY[text.slice(k + 1, semi)] === undefined) return false;
      k = semi;
    } else if (c === 93 /* ] */ && text.startsWith(']]>', k)) return false;
  }
  return true;
}

/** No control characters, lone surrogates or non-characters (the slow path decides those). */
function plainChars(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 32 ? c !== 9 && c !== 10 && c !== 13 : c >= 0xd800 && (c <= 0xdfff || c >= 0xfffe)) {
      if (!pairAt(s, k)) return false;
      k++;
    }
  }
  return true;
}

/** A high surrogate followed by a low one (a character beyond U+FFFF, an emoji). */
function pairAt(s: string, k: number): boolean {
  const hi = s.charCodeAt(k);
  const lo = s.charCodeAt(k + 1);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}
