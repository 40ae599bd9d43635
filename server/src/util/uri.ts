/**
 * File paths ↔ `file:` URIs, encoded the way VS Code's `vscode-uri` does (every character except
 * the unreserved ones and `/` percent-encoded, drive letters lower-cased), so the URIs the server
 * sends compare equal to the ones editors send. Pure functions: no LSP, no vscode.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const PLAIN = /^[A-Za-z0-9\-._~/]*$/;

/** Percent-encode all but the unreserved characters and `/` (encodeURIComponent leaves `!'()*`). */
function encodePath(p: string): string {
  if (PLAIN.test(p)) return p;
  return p
    .split('/')
    .map((seg) => encodeSegment(seg).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()))
    .join('/');
}

function encodeSegment(seg: string): string {
  try {
    return encodeURIComponent(seg);
  } catch {
    // A lone surrogate (a broken file name): encode what can be encoded.
    return encodeURIComponent(seg.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
  }
}

/** `file:` URI of an absolute path. */
export function pathToUri(p: string): string {
  let s = p;
  if (path.sep === '\\') s = s.replace(/\\/g, '/');
  // Windows drive: `C:/x` → `/c:/x` (the colon is encoded below like vscode-uri does).
  if (/^[A-Za-z]:/.test(s)) s = '/' + s[0]!.toLowerCase() + s.slice(1);
  if (!s.startsWith('/')) s = '/' + s;
  if (s.startsWith('//')) {
    // UNC path: //server/share/x → authority "server".
    const i = s.indexOf('/', 2);
    const auth = i < 0 ? s.slice(2) : s.slice(2, i);
    return `file://${auth.toLowerCase()}${encodePath(i < 0 ? '/' : s.slice(i))}`;
  }
  return 'file://' + encodePath(s);
}

/** Absolute path of a `file:` URI; undefined for any other scheme or a malformed URI. */
export function uriToPath(uri: string): string | undefined {
  if (!/^file:/i.test(uri)) return undefined;
  try {
    return path.normalize(fileURLToPath(uri));
  } catch {
    // Node refuses some spellings editors produce (e.g. an encoded drive colon on POSIX).
    try {
      const u = new URL(uri);
      const p = decodeURIComponent(u.pathname);
      return path.normalize(u.host ? `//${u.host}${p}` : p);
    } catch {
      return undefined;
    }
  }
}
