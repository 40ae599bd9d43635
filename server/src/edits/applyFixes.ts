/**
 * Combine many fixes into one consistent change set (used by `eca-lens check --fix` and the
 * language server's fix-all), and apply such a set to files on disk. Byte-preserving: BOM and
 * everything outside the edits stay.
 */
import * as path from 'node:path';
import type { FsHost } from '../project/fsHost';
import { decodeBytes, encodeText, type TextFile } from '../util/text';
import { applyOffsetEdits } from './textEdits';
import { FORCEIGNORE, decodeForceIgnore } from '../project/forceIgnore';
import type { FileOp, Fix, TextEdit } from './types';
import { planFileOps, runFileSteps } from './fileOps';

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
 * it up). A line inserted into a `.forceignore` that the file will already hold once the accepted
 * edits are applied is dropped, so two fixes that both add `**\/extlClntAppGlobalOauthSets/**`, or
 * one that adds it while another corrects a line into it, add it once.
 */
export function planFixes(fixes: readonly Fix[], textOf: (p: string) => TextFile | undefined): FixPlan {
  const plan: FixPlan = { edits: new Map(), fileOps: [], applied: [], skipped: [] };
  const touched = new Set<string>();
  // The lines a file will hold once the accepted edits are applied (a replacement that turns a line
  // into the one a later fix appends counts too). Only lines no `!` line follows: a line that a
  // later negation overrides is appended again on purpose (last wins), so it is not "already there".
  const linesAfterPlan = (p: string): Set<string> => {
    const text = applyOffsetEdits(textOf(p)?.text ?? '', plan.edits.get(p) ?? []);
    // Split as `ignore` and SDR split (a lone CR ends no line).
    // `ignore` trims trailing spaces only: a leading tab or space is part of the pattern.
    const lines = text.split(/\r?\n/).map((l) => l.trimEnd());
    let lastNegation = -1;
    lines.forEach((l, i) => {
      if (l.startsWith('!')) lastNegation = i;
    });
    return new Set(lines.slice(lastNegation + 1).filter(Boolean));
  };
  for (const fix of fixes) {
    if (fix.snippet) {
      plan.skipped.push(fix);
      continue;
    }
    const opPaths = (fix.fileOps ?? []).map((o) => o.path);
    const kept = fix.edits.filter((e) => {
      // Line de-duplication is for .forceignore only: in XML an identical line may sit in another
      // element or a comment, and the insert is still needed.
      // Only an insert of whole lines (its text ends a line); `**` put in front of a pattern is no line.
      if (e.start !== e.end || path.basename(e.path) !== FORCEIGNORE || !e.newText.endsWith('\n')) return true;
      const added = e.newText.split(/\r?\n/).map((l) => l.trimEnd()).filter(Boolean);
      if (added.length === 0) return true;
      const present = linesAfterPlan(e.path);
      return !added.every((l) => present.has(l));
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
    // A .forceignore is held as SDR reads it (UTF-8, never failing); when that differs from its real
    // encoding (UTF-16), the edits' offsets do not fit this text: leave the file alone.
    if (path.basename(p) === FORCEIGNORE && decodeForceIgnore(bytes!).text !== dec.file.text) continue;
    const text = applyOffsetEdits(dec.file.text, edits);
    host.writeFile(p, encodeText({ text, bom: dec.file.bom, encoding: dec.file.encoding }));
    changes.push({ path: p, action: 'edited' });
  }
  // File operations: planned once (order, never overwrite, case-only renames) in fileOps.ts, the
  // same plan the language server sends to the client.
  const ops = planFileOps(plan.fileOps, host);
  runFileSteps(host, ops.steps);
  for (const o of ops.done) changes.push(o.kind === 'rename' ? { path: o.path, action: 'renamed', newPath: o.newPath } : { path: o.path, action: o.kind === 'create' ? 'created' : 'deleted' });
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
