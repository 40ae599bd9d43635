/**
 * Combine many fixes into one consistent change set (used by `eca-lens check --fix` and the
 * language server's fix-all), and apply such a set to files on disk. Byte-preserving: BOM and
 * everything outside the edits stay.
 */
import * as path from 'node:path';
import type { FsHost } from '../project/fsHost';
import { decodeBytes, encodeText, type TextFile } from '../util/text';
import { applyOffsetEdits } from './textEdits';
import type { FileOp, Fix, TextEdit } from '../rules/types';

export interface FixPlan {
  /** Edits per file, non-overlapping. */
  edits: Map<string, TextEdit[]>;
  fileOps: FileOp[];
  /** Fixes whose effect the plan carries (possibly through another fix's identical line). */
  applied: Fix[];
  /** Fixes left out: snippets (need input) and fixes that overlap an accepted one. */
  skipped: Fix[];
}

/**
 * Accept fixes in order; a fix that overlaps an accepted fix's edits is skipped (a second run picks
 * it up). An inserted line that the file or an accepted edit already has is dropped, so two fixes
 * that both add `**\/extlClntAppGlobalOauthSets/**` to a `.forceignore` add it once.
 */
export function planFixes(fixes: readonly Fix[], textOf: (p: string) => TextFile | undefined): FixPlan {
  const plan: FixPlan = { edits: new Map(), fileOps: [], applied: [], skipped: [] };
  const touched = new Set<string>();
  const linesOf = new Map<string, Set<string>>();
  const knownLines = (p: string): Set<string> => {
    let s = linesOf.get(p);
    if (!s) {
      s = new Set((textOf(p)?.text ?? '').split(/\r?\n|\r/).map((l) => l.trim()).filter(Boolean));
      linesOf.set(p, s);
    }
    return s;
  };
  for (const fix of fixes) {
    if (fix.snippet) {
      plan.skipped.push(fix);
      continue;
    }
    const opPaths = (fix.fileOps ?? []).map((o) => o.path);
    const kept = fix.edits.filter((e) => {
      if (e.start !== e.end) return true;
      const added = e.newText.split(/\r?\n|\r/).map((l) => l.trim()).filter(Boolean);
      return added.length === 0 || !added.every((l) => knownLines(e.path).has(l));
    });
    const conflict =
      kept.some((e) => (plan.edits.get(e.path) ?? []).some((o) => overlaps(o, e)) || touched.has(e.path)) ||
      opPaths.some((p) => touched.has(p) || plan.edits.has(p));
    if (conflict) {
      plan.skipped.push(fix);
      continue;
    }
    for (const e of kept) {
      const list = plan.edits.get(e.path) ?? [];
      list.push(e);
      plan.edits.set(e.path, list);
      for (const l of e.newText.split(/\r?\n|\r/)) if (l.trim()) knownLines(e.path).add(l.trim());
    }
    for (const o of fix.fileOps ?? []) {
      plan.fileOps.push(o);
      touched.add(o.path);
    }
    plan.applied.push(fix);
  }
  return plan;
}

export interface AppliedChange {
  path: string;
  action: 'edited' | 'created' | 'deleted' | 'renamed';
  newPath?: string;
}

/** Write a plan to disk through the host. */
export function applyPlan(host: FsHost, plan: FixPlan): AppliedChange[] {
  const changes: AppliedChange[] = [];
  for (const [p, edits] of plan.edits) {
    const bytes = host.readFile(p);
    const dec = bytes ? decodeBytes(bytes) : undefined;
    if (!dec?.ok) continue;
    const text = applyOffsetEdits(dec.file.text, edits);
    host.writeFile(p, encodeText({ text, bom: dec.file.bom }));
    changes.push({ path: p, action: 'edited' });
  }
  for (const o of plan.fileOps) {
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
  return changes;
}

/** Plan and apply in one go, reading current file text through the host. */
export function applyFixes(host: FsHost, fixes: readonly Fix[]): { applied: Fix[]; skipped: Fix[]; changes: AppliedChange[] } {
  const plan = planFixes(fixes, (p) => {
    const b = host.readFile(p);
    const d = b ? decodeBytes(b) : undefined;
    return d?.ok ? d.file : undefined;
  });
  return { applied: plan.applied, skipped: plan.skipped, changes: applyPlan(host, plan) };
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}
