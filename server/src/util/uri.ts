/**
 * File paths ↔ `file:` URIs, in ONE place, through `vscode-uri` (the library VS Code itself uses),
 * so the URIs the server sends compare equal to the ones editors send. Used by the LSP adapter,
 * the views, SARIF and the tests. Pure functions: no LSP, no vscode.
 */
import * as path from 'node:path';
import { URI } from 'vscode-uri';

/** `file:` URI of an absolute path. */
export function pathToUri(p: string): string {
  // A lone surrogate (a broken file name) can't be percent-encoded: encode what can be.
  const s = /[\uD800-\uDFFF]/.test(p) ? p.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD') : p;
  return URI.file(s).toString();
}

/** Absolute path of a `file:` URI; undefined for any other scheme or a malformed URI. */
export function uriToPath(uri: string): string | undefined {
  if (!/^file:/i.test(uri)) return undefined;
  try {
    const u = URI.parse(uri, true);
    if (u.scheme !== 'file') return undefined;
    return path.normalize(u.fsPath);
  } catch {
    return undefined;
  }
}

/** A URI relative to a base folder's URI, for reports (SARIF `artifactLocation.uri`). */
export function relativeUri(base: string, p: string): string {
  const rel = path.relative(base, p).split(path.sep).join('/');
  return rel.split('/').map((seg) => encodeURIComponent(seg)).join('/');
}
