/**
 * File operations of fixes (create, delete, rename) → the steps to perform, decided once for both
 * adapters: `applyPlan` (the CLI's `--fix`, the fuzzer) runs the steps on disk through the host; the
 * language server turns the same steps into CreateFile/RenameFile/DeleteFile operations of a
 * WorkspaceEdit (or runs them itself when the client can't).
 *
 * The decisions:
 * - order: as the fixes list them, after the text edits;
 * - never overwrite: a create whose file exists, or a rename onto a file that exists, is skipped;
 *   a delete or rename of a file that does not exist is skipped;
 * - a case-only rename (`X.ecaOAuth-meta.xml` → `X.ecaOauth-meta.xml`): on a case-insensitive file
 *   system the new name "exists" (it is the same file), so it goes in two steps through a temporary
 *   name; on a case-sensitive one it is an ordinary rename (skipped when a file of the new name exists);
 * - later operations see the effect of earlier ones (a file created, deleted or renamed before).
 */
import * as path from 'node:path';
import type { DirEntry } from '../project/fsHost';
import type { FileOp } from './types';

/** One step to perform; the same shapes as FileOp. */
export type FileStep = FileOp;

/** What the planner needs to know of the file system (an FsHost is one). */
export interface FileView {
  exists(p: string): boolean;
  /** Exact names in a folder: tells a case-insensitive match from the file itself. */
  readDir(p: string): DirEntry[] | undefined;
}

export interface FileOpsPlan {
  steps: FileStep[];
  /** Operations performed by the steps, in order. */
  done: FileOp[];
  /** Operations left out (and why), in order. */
  skipped: { op: FileOp; reason: string }[];
}

const TEMP_SUFFIX = '.eca-lens-rename';

/** Is `a` → `b` a rename that changes the case of the name only? */
export function isCaseOnlyRename(a: string, b: string): boolean {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  return ra !== rb && ra.toLowerCase() === rb.toLowerCase();
}

export function planFileOps(ops: readonly FileOp[], fs: FileView): FileOpsPlan {
  const plan: FileOpsPlan = { steps: [], done: [], skipped: [] };
  // Effects of the steps planned so far, by exact path: true = exists now, false = gone.
  const now = new Map<string, boolean>();
  const exists = (p: string): boolean => now.get(path.resolve(p)) ?? fs.exists(p);
  // Is there an entry of exactly this name (not only a case-insensitive match)?
  const existsExactly = (p: string): boolean => {
    const r = path.resolve(p);
    const v = now.get(r);
    if (v !== undefined) return v;
    if (!fs.exists(r)) return false;
    const names = fs.readDir(path.dirname(r));
    return names ? names.some((e) => e.name === path.basename(r)) : true;
  };
  const skip = (op: FileOp, reason: string) => plan.skipped.push({ op, reason });
  for (const op of ops) {
    if (op.kind === 'create') {
      if (exists(op.path)) skip(op, 'the file exists');
      else {
        plan.steps.push(op);
        plan.done.push(op);
        now.set(path.resolve(op.path), true);
      }
    } else if (op.kind === 'delete') {
      if (!existsExactly(op.path)) skip(op, 'no such file');
      else {
        plan.steps.push(op);
        plan.done.push(op);
        now.set(path.resolve(op.path), false);
      }
    } else if (!existsExactly(op.path)) skip(op, 'no such file');
    else if (isCaseOnlyRename(op.path, op.newPath)) {
      if (existsExactly(op.newPath)) skip(op, 'a file of the new name exists');
      else if (exists(op.newPath)) {
        // Case-insensitive file system: the new name is the file itself.
        let temp = `${op.newPath}${TEMP_SUFFIX}`;
        for (let i = 2; exists(temp); i++) temp = `${op.newPath}${TEMP_SUFFIX}${i}`;
        plan.steps.push({ kind: 'rename', path: op.path, newPath: temp }, { kind: 'rename', path: temp, newPath: op.newPath });
        plan.done.push(op);
        now.set(path.resolve(op.path), false);
        now.set(path.resolve(op.newPath), true);
      } else {
        plan.steps.push(op);
        plan.done.push(op);
        now.set(path.resolve(op.path), false);
        now.set(path.resolve(op.newPath), true);
      }
    } else if (exists(op.newPath)) skip(op, 'a file of the new name exists');
    else {
      plan.steps.push(op);
        plan.done.push(op);
      now.set(path.resolve(op.path), false);
      now.set(path.resolve(op.newPath), true);
    }
  }
  return plan;
}

/** What runs the steps: an FsHost. */
export interface FileWriter {
  writeFile(p: string, data: Uint8Array): void;
  deleteFile(p: string): void;
  rename(from: string, to: string): void;
}

/** Perform planned steps in order (the server, for a client that can't, and applyPlan). */
export function runFileSteps(host: FileWriter, steps: readonly FileStep[]): void {
  for (const s of steps) {
    if (s.kind === 'create') host.writeFile(s.path, new TextEncoder().encode(s.text));
    else if (s.kind === 'delete') host.deleteFile(s.path);
    else host.rename(s.path, s.newPath);
  }
}
