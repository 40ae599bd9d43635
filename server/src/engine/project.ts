/**
 * The engine: the rule registry run over the workspace model. One sfdx project, indexed once,
 * updated per changed file; the CLI and the language server share this code path (a cold check is
 * an index followed by checking every file). Owns severities (settings with wildcards), the
 * findings cache and which files to re-check after a change: the model's answer, plus whoever
 * read a changed file, plus findings whose fixes point into a changed `.forceignore`.
 * Knows nothing of LSP or the terminal.
 */
import * as path from 'node:path';
import type { FsHost } from '../project/fsHost';
import type { EcaFile } from '../model/types';
import { FORCEIGNORE } from '../project/forceIgnore';
import { WorkspaceModel, type ChangeResult, type ModelOptions, type ReadKey } from '../model/workspace';
import type { Finding, Rule, RawFinding, Severity, SeverityOrOff, EditHelpers, RuleHelpers } from '../rules/kit/types';
import type { TextEdit } from '../edits/types';
import type { OffsetEdit } from '../edits/textEdits';
import { ruleHelpers, ruleReads } from '../rules/kit/defineRule';
import { ALL_RULES } from '../rules/index';
import { SeveritySettings } from './severity';

export interface EngineOptions extends ModelOptions {
  /** Rule id (wildcards `*` allowed) → severity or off. */
  rules?: Record<string, SeverityOrOff>;
  /** Rules to run (default: all). For tests. */
  ruleSet?: readonly Rule[];
}

export type { ChangeResult } from '../model/workspace';

export class EcaProject extends WorkspaceModel {
  private readonly findingsCache = new Map<string, Finding[]>();
  private severities: SeveritySettings;
  /** Other files' paths → the checked files whose rules read them; readers of file listings. */
  private readonly readers = new Map<string, Set<string>>();
  private readonly listReaders = new Set<string>();
  private helpersCache: RuleHelpers | undefined;
  /** planFor() per file type (the type object, 'forceignore', or null: unrecognised) and XML root. */
  private readonly plans = new Map<object | string | null, Map<boolean, { rule: Rule; severity: SeverityOrOff }[]>>();
  /**
   * Findings of the project-scope rules, for any file (sfdx-project.json, an ECA file, a
   * package.xml, a script, a settings file): computed once, handed out by check(path), and
   * recomputed after every change (project rules read across the project).
   */
  private projectRun: Finding[] | undefined;

  constructor(root: string, host: FsHost, protected override options: EngineOptions = {}) {
    super(root, host, options);
    this.severities = new SeveritySettings(options.rules);
  }

  override load(): void {
    this.findingsCache.clear();
    this.projectRun = undefined;
    this.readers.clear();
    this.listReaders.clear();
    super.load();
  }

  override setOptions(options: EngineOptions): void {
    super.setOptions(options);
    this.options = options;
    this.severities = new SeveritySettings(options.rules);
    this.plans.clear();
    this.findingsCache.clear();
    this.projectRun = undefined;
  }

  override update(abs: string): ChangeResult & { listingChanged: boolean } {
    const r = super.update(abs);
    for (const reader of this.readers.get(abs) ?? []) r.affected.add(reader);
    this.readers.delete(abs);
    if (r.listingChanged) {
      for (const reader of this.listReaders) r.affected.add(reader);
      this.listReaders.clear();
    }
    if (path.basename(abs) === FORCEIGNORE) {
      // Findings whose fixes or related locations point into this .forceignore were computed from
      // its old text (e.g. "add a line" appends at its old end): re-check them.
      for (const [p, list] of this.findingsCache) if (!r.affected.has(p) && list.some((x) => refersTo(x, abs))) r.affected.add(p);
    }
    // Project-scope rules may report in any file: re-check every path they reported in, before and now.
    const before = this.projectRun;
    if (before) {
      this.projectRun = undefined;
      for (const f of [...before, ...this.projectFindings()]) r.affected.add(f.path);
    }
    for (const p of r.affected) this.findingsCache.delete(p);
    this.findingsCache.delete(abs);
    return r;
  }

  /** Every path that can carry findings: the model's, plus the files project-scope rules report in. */
  override allPaths(): string[] {
    const set = new Set(super.allPaths());
    for (const f of this.projectFindings()) set.add(f.path);
    return [...set];
  }

  /** The severity settings give a rule (exact id first, else the last matching wildcard), or the fallback. */
  severityOf(id: string, fallback: Severity): SeverityOrOff {
    return this.severities.of(id, fallback);
  }

  /** Findings for one file (cached until a change touches it). */
  check(p: string): Finding[] {
    const cached = this.findingsCache.get(p);
    if (cached) return cached;
    const out: Finding[] = [];
    const helpers = this.helpers();
    const f = this.file(p);
    const fi = this.forceIgnoreAt(p);
    // One context per file, shared by every rule (the app is looked up once).
    const fileCtx = f ? { ...helpers, file: f, app: f.appName ? this.app(f.appName) : undefined, project: this, root: f.xml?.root, doc: f.doc } : undefined;
    const fiCtx = fi ? { ...helpers, forceIgnore: fi, project: this } : undefined;
    // Reads of other files made while checking `p` make `p` their reader.
    this.readObserver = (key: ReadKey) => {
      if (key.kind === 'list') this.listReaders.add(p);
      else {
        let s = this.readers.get(key.path);
        if (!s) this.readers.set(key.path, (s = new Set()));
        s.add(p);
      }
    };
    try {
      const plan = f ? this.planFor(f.type, !!f.xml?.root) : fi ? this.planFor('forceignore', false) : [];
      for (const { rule, severity } of plan) {
        let raw: RawFinding[] = [];
        try {
          if (rule.scope === 'eca-file') raw = rule.check(fileCtx!);
          else if (rule.scope === 'forceignore') raw = rule.check(fiCtx!);
        } catch (e) {
          raw = [{ message: `ECA Lens rule ${rule.id} failed on this file: ${e instanceof Error ? e.message : String(e)}`, start: 0, end: 0, severity: 'hint' }];
        }
        for (const r of raw) {
          const sev = r.severity === undefined ? severity : this.severityOf(rule.id, r.severity);
          if (sev === 'off') continue;
          out.push({
            ruleId: rule.id,
            severity: sev,
            message: r.message,
            path: p,
            range: helpers.range(p, r.start, r.end),
            related: r.related,
            tags: r.tags,
            fixes: r.fixes ?? [],
          });
        }
      }
    } finally {
      this.readObserver = undefined;
    }
    for (const x of this.projectFindings()) if (x.path === p) out.push(x);
    out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    this.findingsCache.set(p, out);
    return out;
  }

  /**
   * The rules that read a file of this type (or every `.forceignore`), with their severity, in
   * registry order: worked out once per type rather than per file and rule.
   */
  private planFor(type: EcaFile['type'] | 'forceignore', hasXmlRoot: boolean): readonly { rule: Rule; severity: SeverityOrOff }[] {
    const key = type === 'forceignore' ? type : type ? type : null;
    let byType = this.plans.get(key);
    if (!byType) this.plans.set(key, (byType = new Map()));
    let plan = byType.get(hasXmlRoot);
    if (plan) return plan;
    plan = [];
    for (const rule of this.options.ruleSet ?? ALL_RULES) {
      if (type === 'forceignore' ? rule.scope !== 'forceignore' : rule.scope !== 'eca-file' || !ruleReads(rule, type, hasXmlRoot)) continue;
      const severity = this.severityOf(rule.id, rule.defaultSeverity);
      if (severity !== 'off') plan.push({ rule, severity });
    }
    byType.set(hasXmlRoot, plan);
    return plan;
  }

  /**
   * Run the project-scope rules once. Their findings sit on sfdx-project.json unless the rule gives
   * another path (`RawFinding.path`: an ECA file, a `.forceignore`, a package.xml, a script).
   */
  private projectFindings(): Finding[] {
    if (this.projectRun) return this.projectRun;
    const out: Finding[] = [];
    const helpers = this.helpers();
    const p = this.projectFilePath;
    for (const rule of this.options.ruleSet ?? ALL_RULES) {
      if (rule.scope !== 'project' || this.severityOf(rule.id, rule.defaultSeverity) === 'off') continue;
      let raw: RawFinding[];
      try {
        raw = rule.check({ ...helpers, project: this });
      } catch (e) {
        raw = [{ message: `ECA Lens rule ${rule.id} failed on this project: ${e instanceof Error ? e.message : String(e)}`, start: 0, end: 0, severity: 'hint' }];
      }
      for (const r of raw) {
        const sev = this.severityOf(rule.id, r.severity ?? rule.defaultSeverity);
        if (sev === 'off') continue;
        const at = r.path ?? p;
        out.push({ ruleId: rule.id, severity: sev, message: r.message, path: at, range: helpers.range(at, r.start, r.end), related: r.related, tags: r.tags, fixes: r.fixes ?? [] });
      }
    }
    return (this.projectRun = out);
  }

  /** Findings for every file, in path order. */
  checkAll(): Map<string, Finding[]> {
    // Checked in allPaths() order (an app's files together), handed out in path order.
    const found: [string, Finding[]][] = [];
    for (const p of this.allPaths()) {
      const fs = this.check(p);
      if (fs.length) found.push([p, fs]);
    }
    return new Map(found.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
  }

  /** Edits, ranges, fixes and findings for rules (and for adapters building edits). */
  helpers(): RuleHelpers {
    return (this.helpersCache ??= this.makeHelpers());
  }

  private makeHelpers(): RuleHelpers {
    const range = (p: string, start: number, end: number) => {
      const t = this.textOf(p);
      if (!t) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      return t.range(start, end);
    };
    function edit(p: string, start: number, end: number, newText: string): TextEdit;
    function edit(p: string, e: OffsetEdit): TextEdit;
    function edit(p: string, a: number | OffsetEdit, b?: number, c?: string): TextEdit {
      const [start, end, newText] = typeof a === 'number' ? [a, b!, c!] : [a.start, a.end, a.newText];
      return { path: p, start, end, newText, range: range(p, start, end) };
    }
    const base: EditHelpers = { range, textOf: (p: string) => this.textOf(p), edit };
    return ruleHelpers(base);
  }
}

/** Does a finding edit, create, or point at `p`? */
function refersTo(f: Finding, p: string): boolean {
  if (f.related?.some((r) => r.path === p)) return true;
  return f.fixes.some((fx) => fx.edits.some((e) => e.path === p) || !!fx.fileOps?.some((o) => o.path === p || (o.kind === 'rename' && o.newPath === p)));
}
