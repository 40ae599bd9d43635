/**
 * `--fix` and `--fix-dry-run`: apply the safe preferred fix of each finding, a few passes (a fix can
 * reveal another finding, e.g. Packaged → orgScopedExternalApp needed), and log only fixes that
 * changed bytes or files. A dry run applies the same passes to an in-memory overlay of the disk and
 * returns the before/after texts for a diff.
 */
import * as path from 'node:path';
import type { FsHost, DirEntry } from '../project/fsHost';
import { openProject, type EngineOptions } from '../engine';
import type { Finding, Fix } from '../rules/kit';
import { unattendedFix } from '../edits/types';
import { planFixes, applyPlan } from '../edits/applyFixes';
import { decodeBytes } from '../util/text';

/**
 * The fix `--fix` applies for a finding: the preferred one, if it needs no input (no snippet) and
 * is safe (edits/types.ts unattendedFix, the same choice as the server's fix-all).
 */
export function fixToApply(f: Finding): Fix | undefined {
  // A rule that knows its lazy fixes hold none to apply says so: they are not built for nothing.
  return f.autoFixable === false ? undefined : unattendedFix(f.fixes);
}

/** Would `--fix` fix it (the report's "fixable")? Known without building lazy fixes when the rule says. */
export function isFixable(f: Finding): boolean {
  return f.autoFixable ?? !!fixToApply(f);
}

export interface FixLogEntry {
  finding: Finding;
  fix: Fix;
}

/** Run the fix passes over each project root through `host`; returns the fixes that changed something. */
export function runFixes(roots: { root: string; options: EngineOptions }[], host: FsHost): FixLogEntry[] {
  const log: FixLogEntry[] = [];
  for (const { root, options } of roots) {
    for (let pass = 0; pass < 5; pass++) {
      const project = openProject(root, host, options);
      const todo: FixLogEntry[] = [];
      for (const list of project.checkAll().values()) {
        for (const finding of list) {
          const fix = fixToApply(finding);
          if (fix) todo.push({ finding, fix });
        }
      }
      if (!todo.length) break;
      const textOf = (p: string) => {
        const b = host.readFile(p);
        const d = b ? decodeBytes(b) : undefined;
        return d?.ok ? d.file : undefined;
      };
      const plan = planFixes(todo.map((x) => x.fix), textOf);
      const changes = applyPlan(host, plan);
      // A fix counts when one of its own edits is in the plan and changes text, or one of its file
      // operations happened; a fix whose line another fix already adds is in `applied` with nothing.
      const effective = todo.filter(({ fix }) => {
        if (!plan.applied.includes(fix)) return false;
        const edits = fix.edits.some((e) => plan.edits.get(e.path)?.includes(e) && changes.some((c) => c.path === e.path && c.action === 'edited'));
        const ops = (fix.fileOps ?? []).some((o) => changes.some((c) => c.path === o.path));
        return edits || ops;
      });
      if (!effective.length) break;
      log.push(...effective);
    }
  }
  return log;
}

/** An FsHost that reads through to `base` but keeps every write, delete and rename in memory. */
export class DryRunHost implements FsHost {
  /** path → bytes (null: deleted). */
  readonly changed = new Map<string, Uint8Array | null>();
  constructor(private readonly base: FsHost) {}
  readFile(p: string) {
    const c = this.changed.get(p);
    return c === null ? undefined : (c ?? this.base.readFile(p));
  }
  readDir(p: string): DirEntry[] | undefined {
    const entries = this.base.readDir(p);
    const extra: DirEntry[] = [];
    for (const [q, v] of this.changed) {
      if (v && path.dirname(q) === p && !entries?.some((e) => e.name === path.basename(q))) extra.push({ name: path.basename(q), isFile: true, isDirectory: false });
    }
    if (!entries && !extra.length) return undefined;
    return [...(entries ?? []).filter((e) => this.changed.get(path.join(p, e.name)) !== null), ...extra];
  }
  isFile(p: string) {
    const c = this.changed.get(p);
    return c === null ? false : !!c || this.base.isFile(p);
  }
  isDirectory(p: string) {
    return this.base.isDirectory(p);
  }
  exists(p: string) {
    const c = this.changed.get(p);
    return c === null ? false : !!c || this.base.exists(p);
  }
  realpath(p: string) {
    return this.base.realpath(p) ?? p;
  }
  writeFile(p: string, data: Uint8Array) {
    this.changed.set(p, data);
  }
  deleteFile(p: string) {
    this.changed.set(p, null);
  }
  rename(from: string, to: string) {
    const b = this.readFile(from);
    this.changed.set(from, null);
    if (b) this.changed.set(to, b);
  }
}
