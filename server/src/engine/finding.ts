/**
 * Findings as the engine makes them from what a rule returned (engine/project.ts).
 *
 * Lazy fixes (kit/types.ts LazyFixes) are built on each read of `fixes`, from the project as it
 * is then; a builder that throws gives no fixes rather than failing the code action that asked.
 * Such findings are a class with the getter on its prototype: they come by the thousand (three
 * rules), and an object literal with its own getter gave each one a hidden class of its own
 * (every read of a finding's fields then missed V8's inline caches, and each held a map).
 */
import type { Finding, LazyFixes, RawFinding, Related, Severity, Tag } from '../rules/kit/types';
import type { Fix } from '../edits/types';

class LazyFinding implements Finding {
  readonly #build: LazyFixes;
  hasFixes?: boolean;
  autoFixable?: boolean;

  constructor(
    public ruleId: string,
    public severity: Severity,
    public message: string,
    public path: string,
    public range: Finding['range'],
    public related: Related[] | undefined,
    public tags: Tag[] | undefined,
    hasFixes: boolean | undefined,
    autoFixable: boolean | undefined,
    build: LazyFixes,
  ) {
    if (hasFixes) this.hasFixes = true;
    if (autoFixable !== undefined) this.autoFixable = autoFixable;
    this.#build = build;
  }

  get fixes(): Fix[] {
    try {
      return this.#build();
    } catch {
      return [];
    }
  }
}

export function makeFinding(ruleId: string, severity: Severity, message: string, path: string, range: Finding['range'], r: RawFinding): Finding {
  const fixes = r.fixes;
  if (typeof fixes !== 'function') return { ruleId, severity, message, path, range, related: r.related, tags: r.tags, fixes: fixes ?? [] };
  return new LazyFinding(ruleId, severity, message, path, range, r.related, r.tags, r.hasFixes, r.autoFixable, fixes);
}

/** Its fixes are built on each read (from the project as it is then: never stale). */
export function hasLazyFixes(f: Finding): boolean {
  return f instanceof LazyFinding;
}

/** Does a finding edit, create, or point at `p`? */
export function refersTo(f: Finding, p: string): boolean {
  if (f.related?.some((r) => r.path === p)) return true;
  // Lazy fixes are built against the file as it is when asked for: nothing to re-check for them.
  if (hasLazyFixes(f)) return false;
  return f.fixes.some((fx) => fx.edits.some((e) => e.path === p) || !!fx.fileOps?.some((o) => o.path === p || (o.kind === 'rename' && o.newPath === p)));
}
