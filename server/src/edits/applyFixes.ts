/**
 * Apply fixes to files through the host (used by `eca-lens check --fix`; the language server hands
 * edits to the editor instead). Byte-preserving: BOM and everything outside the edits stay.
 */
import * as path from 'node:path';
import type { FsHost } from '../project/fsHost';
import { decodeBytes, encodeText } from '../util/text';
import { applyOffsetEdits } from './textEdits';
import type { Fix, TextEdit } from '../rules/types';

export interface AppliedChange {
  path: string;
  action: 'edited' | 'created' | 'deleted' | 'renamed';
  newPath?: string;
}

/**
 * Apply a set of fixes. Fixes are taken in order; a fix whose edits overlap an earlier fix's edits
 * in the same file is skipped (the next run picks it up). Snippet fixes are never applied.
 */
export function applyFixes(host: FsHost, fixes: readonly Fix[]): { applied: Fix[]; skipped: Fix[]; changes: AppliedChange[] } {
  const byFile = new Map<string, TextEdit[]>();
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  const ops: NonNullable<Fix['fileOps']> = [];
  const touched = new Set<string>();
  for (const fix of fixes) {
    if (fix.snippet) {
      skipped.push(fix);
      continue;
    }
    const opPaths = (fix.fileOps ?? []).map((o) => o.path);
    const conflict = fix.edits.some((e) => (byFile.get(e.path) ?? []).some((o) => overlaps(o, e))) || opPaths.some((p) => touched.has(p) || byFile.has(p)) || fix.edits.some((e) => touched.has(e.path));
    if (conflict) {
      skipped.push(fix);
      continue;
    }
    for (const e of fix.edits) {
      const list = byFile.get(e.path) ?? [];
      list.push(e);
      byFile.set(e.path, list);
    }
    for (const o of fix.fileOps ?? []) {
      ops.push(o);
      touched.add(o.path);
    }
    applied.push(fix);
  }
  const changes: AppliedChange[] = [];
  for (const [p, edits] of byFile) {
    const bytes = host.readFile(p);
    const dec = bytes ? decodeBytes(bytes) : undefined;
    if (!dec?.ok) continue;
    const text = applyOffsetEdits(dec.file.text, edits);
    host.writeFile(p, encodeText({ text, bom: dec.file.bom }));
    changes.push({ path: p, action: 'edited' });
  }
  for (const o of ops) {
    if (o.kind === 'create') {
      if (host.exists(o.path)) continue;
      host.writeFile(o.path, new TextEncoder().encode(o.text));
      changes.push({ path: o.path, action: 'created' });
    } else if (o.kind === 'delete') {
      host.deleteFile(o.path);
      changes.push({ path: o.path, action: 'deleted' });
    } else {
      if (host.exists(o.newPath) && path.resolve(o.newPath).toLowerCase() !== path.resolve(o.path).toLowerCase()) continue;
      host.rename(o.path, o.newPath);
      changes.push({ path: o.path, action: 'renamed', newPath: o.newPath });
    }
  }
  return { applied, skipped, changes };
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}
