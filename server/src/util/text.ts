/**
 * Text as the rules and the adapters see it: decoded, BOM stripped (remembered), offsets in UTF-16
 * code units like LSP, positions 0-based.
 */

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be';

export class TextFile {
  private lineStarts: number[] | undefined;

  constructor(
    readonly text: string,
    /** The file on disk starts with a UTF-8 byte order mark (not part of `text`). */
    readonly bom = false,
    /** How the file is encoded on disk; UTF-16 always with its byte order mark (not part of `text`). */
    readonly encoding: TextEncoding = 'utf8',
  ) {}

  /** The file's dominant line ending, for inserted lines. */
  get eol(): '\n' | '\r\n' {
    const crlf = this.text.indexOf('\r\n');
    if (crlf < 0) return '\n';
    const lf = this.text.indexOf('\n');
    return lf === crlf + 1 ? '\r\n' : '\n';
  }

  private starts(): number[] {
    if (!this.lineStarts) {
      const s = [0];
      const t = this.text;
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        if (c === 13 /* \r */) {
          if (t.charCodeAt(i + 1) === 10) i++;
          s.push(i + 1);
        } else if (c === 10) s.push(i + 1);
      }
      this.lineStarts = s;
    }
    return this.lineStarts;
  }

  get lineCount(): number {
    return this.starts().length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const s = this.starts();
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - s[lo]! };
  }

  offsetAt(p: Position): number {
    const s = this.starts();
    if (p.line >= s.length) return this.text.length;
    if (p.line < 0) return 0;
    const lineEnd = p.line + 1 < s.length ? s[p.line + 1]! : this.text.length;
    return Math.min(s[p.line]! + p.character, lineEnd);
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** [start, end) of line `n` without its line break. */
  lineSpan(n: number): { start: number; end: number } {
    const s = this.starts();
    const start = s[n] ?? this.text.length;
    let end = n + 1 < s.length ? s[n + 1]! : this.text.length;
    while (end > start && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return { start, end };
  }

  lines(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.lineCount; i++) {
      const { start, end } = this.lineSpan(i);
      out.push(this.text.slice(start, end));
    }
    return out;
  }
}

export type DecodeResult = { ok: true; file: TextFile } | { ok: false; problem: string };

/** Files larger than this are not parsed; they get a diagnostic instead. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Decode file bytes. UTF-8 (with or without BOM) and UTF-16 with a BOM are accepted; binary content
 * (NUL bytes in UTF-8) and invalid UTF-8 are reported, never thrown.
 */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length > MAX_FILE_BYTES) {
    return { ok: false, problem: `file is ${(bytes.length / 1048576).toFixed(1)} MB, larger than the ${MAX_FILE_BYTES / 1048576} MB ECA Lens reads` };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, file: new TextFile(new TextDecoder('utf-16le').decode(bytes.subarray(2)), false, 'utf16le') };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, file: new TextFile(new TextDecoder('utf-16be').decode(bytes.subarray(2)), false, 'utf16be') };
  }
  let bom = false;
  let body = bytes;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bom = true;
    body = bytes.subarray(3);
  }
  if (body.indexOf(0) >= 0) return { ok: false, problem: 'file holds binary data (NUL bytes), not XML text' };
  try {
    return { ok: true, file: new TextFile(new TextDecoder('utf-8', { fatal: true }).decode(body), bom) };
  } catch {
    return { ok: false, problem: 'file is not valid UTF-8 text' };
  }
}

/** Text from an editor buffer: strip a leading BOM the same way. */
export function textFromString(s: string): TextFile {
  return s.charCodeAt(0) === 0xfeff ? new TextFile(s.slice(1), true) : new TextFile(s, false);
}

/** Bytes to write back in the file's own encoding: UTF-8 (BOM restored when it had one) or UTF-16 with its BOM. */
export function encodeText(file: { text: string; bom: boolean; encoding?: TextEncoding }): Uint8Array {
  if (file.encoding === 'utf16le' || file.encoding === 'utf16be') {
    const out = new Uint8Array(2 + file.text.length * 2);
    const le = file.encoding === 'utf16le';
    out.set(le ? [0xff, 0xfe] : [0xfe, 0xff], 0);
    for (let i = 0; i < file.text.length; i++) {
      const c = file.text.charCodeAt(i);
      out[2 + 2 * i + (le ? 0 : 1)] = c & 0xff;
      out[2 + 2 * i + (le ? 1 : 0)] = c >> 8;
    }
    return out;
  }
  const body = new TextEncoder().encode(file.text);
  if (!file.bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf], 0);
  out.set(body, 3);
  return out;
}
