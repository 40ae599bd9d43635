/**
 * Byte-preserving edit helpers. Each returns offsets into the file text; nothing outside the edited
 * span changes, so line endings, BOM, comments and indentation survive.
 */
import type { XmlElement } from '../metadata/parse';
import type { TextFile } from '../util/text';

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** Apply non-overlapping edits to a text. Throws on overlap (a bug, never user input). */
export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) throw new Error(`overlapping edits at offset ${e.start}`);
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Leading whitespace of the line that holds `offset`. */
export function indentAt(text: string, offset: number): string {
  let s = offset;
  while (s > 0 && text[s - 1] !== '\n' && text[s - 1] !== '\r') s--;
  let e = s;
  while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
  return text.slice(s, e);
}

/** A self-closing element (`<a/>`, `<a />`): its content span sits at the `/` of `/>`. */
export function isSelfClosing(el: XmlElement): boolean {
  return el.contentStart === el.contentEnd && el.end - el.contentEnd === 2;
}

/** Replace an element's text content (a self-closing element gets an open and a closing tag). */
export function replaceContent(el: XmlElement, value: string, raw = false): OffsetEdit {
  const content = raw ? value : escapeXml(value);
  if (isSelfClosing(el)) return { start: el.contentStart, end: el.end, newText: `>${content}</${el.name}>` };
  return { start: el.contentStart, end: el.contentEnd, newText: content };
}

/**
 * End of the line part that trails an element: spaces, tabs and comments that close on the same
 * line (a trailing comment belongs to the element before it). Returns `from` when anything else
 * follows on that line.
 */
function trailingCommentEnd(text: string, from: number): number {
  let i = from;
  let last = from;
  for (;;) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close < 0 || /[\r\n]/.test(text.slice(i, close))) return from;
      i = close + 3;
      last = i;
      continue;
    }
    return i === text.length || text[i] === '\n' || text[i] === '\r' ? last : from;
  }
}

/**
 * Insert `<name>value</name>` as a child of `parent`, in schema order: Metadata API source files
 * keep child elements in alphabetical order, so it goes after the last child whose name sorts before.
 * Indentation is copied from a sibling (or the parent's plus one step); the file's own line ending.
 * `order` (the schema's field sequence) replaces the alphabetical comparison when given; names
 * not in it sort last.
 */
export function insertChild(file: TextFile, parent: XmlElement, name: string, value: string, raw = false, order?: readonly string[]): OffsetEdit {
  const text = file.text;
  const eol = file.eol;
  const content = raw ? value : escapeXml(value);
  const kids = parent.children;
  const el = `<${name}>${content}</${name}>`;
  let prev: XmlElement | undefined;
  const rank = (n: string) => {
    const i = order!.indexOf(n);
    return i < 0 ? order!.length : i;
  };
  const before = order ? (n: string) => rank(n) < rank(name) : (n: string) => n.localeCompare(name, 'en') < 0;
  for (const k of kids) if (before(k.name) && k.name !== name) prev = k;
  if (kids.length > 0) {
    const sibling = prev ?? kids[0]!;
    const indent = indentAt(text, sibling.start);
    const lineStart = sibling.start - indent.length;
    // Siblings written on one line (`<a>1</a><c>2</c>`): stay on that line.
    const onOwnLine = lineStart === 0 || text[lineStart - 1] === '\n' || text[lineStart - 1] === '\r';
    if (prev) {
      if (!onOwnLine) return { start: prev.end, end: prev.end, newText: el };
      // After the sibling and any comment that trails it on its line.
      const at = trailingCommentEnd(text, prev.end);
      return { start: at, end: at, newText: `${eol}${indent}${el}` };
    }
    // Before the first child, on its own line.
    return onOwnLine
      ? { start: lineStart, end: lineStart, newText: `${indent}${el}${eol}` }
      : { start: sibling.start, end: sibling.start, newText: `${el}` };
  }
  // No children: put it before the closing tag.
  const parentIndent = indentAt(text, parent.start);
  const step = /\t/.test(parentIndent) ? '\t' : '    ';
  if (isSelfClosing(parent)) {
    // `<Root/>`: open it up.
    return { start: parent.contentStart, end: parent.end, newText: `>${eol}${parentIndent}${step}${el}${eol}${parentIndent}</${parent.name}>` };
  }
  const closeLineIndent = indentAt(text, parent.contentEnd);
  const closeOnOwnLine = text.slice(parent.contentEnd - closeLineIndent.length, parent.contentEnd).trim() === '' &&
    /[\r\n]/.test(text.slice(parent.contentStart, parent.contentEnd));
  if (closeOnOwnLine) {
    const at = parent.contentEnd - closeLineIndent.length;
    return { start: at, end: at, newText: `${parentIndent}${step}${el}${eol}` };
  }
  return { start: parent.contentEnd, end: parent.contentEnd, newText: `${eol}${parentIndent}${step}${el}${eol}${parentIndent}` };
}

/** Remove an element; when it stands alone on its line, the whole line (and its line break) goes. */
export function removeElement(text: string, el: XmlElement): OffsetEdit {
  let s = el.start;
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  let e = el.end;
  while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
  const atLineStart = s === 0 || text[s - 1] === '\n' || text[s - 1] === '\r';
  const atLineEnd = e === text.length || text[e] === '\n' || text[e] === '\r';
  if (atLineStart && atLineEnd) {
    if (text[e] === '\r' && text[e + 1] === '\n') e += 2;
    else if (text[e] === '\n' || text[e] === '\r') e += 1;
    return { start: s, end: e, newText: '' };
  }
  return { start: el.start, end: el.end, newText: '' };
}

/**
 * Append a line at the end of a file, adding a line break first when the file lacks a final one.
 * Lines end at `\n` (with an optional `\r` before it), as `ignore` and SDR split a `.forceignore`: a
 * lone `\r` ends no line for them, so after a final lone `\r` a `\n` goes in first (the old last
 * line then ends in CRLF), and the new line ends with the file's own line ending (`\n` when it has
 * only lone CRs).
 */
export function appendLine(file: TextFile, line: string): OffsetEdit {
  const t = file.text;
  const eol = file.eol;
  const lead = t.length === 0 || t.endsWith('\n') ? '' : t.endsWith('\r') ? '\n' : eol;
  return { start: t.length, end: t.length, newText: `${lead}${line}${eol}` };
}

/** Replace a whole line's text (its line break kept). */
export function replaceLine(file: TextFile, line: number, newText: string): OffsetEdit {
  const { start, end } = file.lineSpan(line);
  return { start, end, newText };
}

/** Remove a whole line and its line break. */
export function removeLine(file: TextFile, line: number): OffsetEdit {
  const { start } = file.lineSpan(line);
  const next = line + 1 < file.lineCount ? file.lineSpan(line + 1).start : file.text.length;
  return { start, end: next, newText: '' };
}
