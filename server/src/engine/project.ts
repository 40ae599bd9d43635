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
import { FORCEIGNORE, type ForceIgnoreFile } from '../project/forceIgnore';
import { WorkspaceModel, type ChangeResult, type ModelOptions, type ReadKey } from '../model/workspace';
import type { Finding, Rule, RawFinding, Severity, SeverityOrOff, EditHelpers, RuleHelpers } from '../rules/kit/types';
import type { TextEdit } from '../edits/types';
import type { OffsetEdit } from '../edits/textEdits';
import { ruleHelpers, ruleReads } from '../rules/kit/defineRule';
import { ALL_RULES } from '../rules/index';
import { SeveritySettings } from './severity';
import { observeVerdictReads } from '../model/ecaFile';
import { makeFinding, refersTo } from './finding';

export interface EngineOptions extends ModelOptions {
  /** Rule id (wildcards `*` allowed) → severity or off. */
  rules?: Record<string, SeverityOrOff>;
  /** Rules to run (default: all). For tests. */
  ruleSet?: readonly Rule[];
}

export type { ChangeResult } from '../model/workspace';

type Plan = readonly { rule: Rule; severity: SeverityOrOff }[];

/** A file's findings: of its own rules (with the rule's place in the plan), and all of them. */
interface Checked {
  plan: Plan;
  own: readonly { at: number; finding: Finding }[];
  /** Places in the plan of the rules that read a build verdict or a `.forceignore` (model/ecaFile.ts). */
  verdictRules: ReadonlySet<number>;
  all: Finding[];
}

// Most files have no findings: one shared (frozen) empty list each instead of 10,000 of them.
const NO_OWN: Checked['own'] = Object.freeze([]);
const NO_FINDINGS = Object.freeze([]) as unknown as Finding[];
const NO_RULES: ReadonlySet<number> = new Set<number>();

export class EcaProject extends WorkspaceModel {
  private readonly findingsCache = new Map<string, Checked>();
  /** Cached files whose verdict-reading rules must run again (a `.forceignore` edit changed only verdicts). */
  private readonly verdictStale = new Set<string>();
  private severities: SeveritySettings;
  /** Other files' paths → the checked files whose rules read them; readers of file listings. */
  private readonly readers = new Map<string, Set<string>>();
  private readonly listReaders = new Set<string>();
  private helpersCache: RuleHelpers | undefined;
  /** planFor() per file type (the type object, 'forceignore', or null: unrecognised) and XML root. */
  private readonly plans = new Map<object | string | null, Map<boolean, Plan>>();
  /** sameMessage(): each rule's last message. */
  private readonly lastMessage = new Map<string, string>();
  /** sharedRules(): per plan, the distinct sets of its verdict-reading rules by their places. */
  private readonly ruleSets = new WeakMap<Plan, Map<string, ReadonlySet<number>>>();
  private readonly lastRuleSet = new WeakMap<Plan, ReadonlySet<number>>();
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
    this.verdictStale.clear();
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
    this.verdictStale.clear();
    this.projectRun = undefined;
  }

  override update(abs: string): ChangeResult & { listingChanged: boolean } {
    const r = super.update(abs);
    // Paths whose inputs changed in other ways too are checked in full.
    const partial = new Set(r.verdictOnly ?? []);
    const full = (p: string) => {
      r.affected.add(p);
      partial.delete(p);
    };
    for (const reader of this.readers.get(abs) ?? []) full(reader);
    this.readers.delete(abs);
    if (r.listingChanged) {
      for (const reader of this.listReaders) full(reader);
      this.listReaders.clear();
    }
    if (path.basename(abs) === FORCEIGNORE) {
      // Findings whose fixes or related locations point into this .forceignore were computed from
      // its old text (e.g. "add a line" appends at its old end): re-check them. A rule that read the
      // file to point into it read a verdict input, so re-running the verdict rules is enough, unless
      // a finding of another rule points there (then the whole file).
      // forEach, not for-of: no entry array and iterator result per cached file (10,000 per edit).
      this.findingsCache.forEach((c, p) => {
        if (c.own === NO_OWN || (r.affected.has(p) && !partial.has(p))) return;
        let refers: 'none' | 'verdict' | 'other' = 'none';
        for (const x of c.own) {
          if (!refersTo(x.finding, abs)) continue;
          refers = c.verdictRules.has(x.at) ? 'verdict' : 'other';
          if (refers === 'other') break;
        }
        if (refers === 'other') full(p);
        else if (refers === 'verdict') {
          r.affected.add(p);
          partial.add(p);
        }
      });
    }
    // Project-scope rules may report in any file: re-check every path they reported in, before and now.
    const before = this.projectRun;
    if (before) {
      this.projectRun = undefined;
      for (const f of [...before, ...this.projectFindings()]) full(f.path);
    }
    partial.delete(abs);
    for (const p of r.affected) {
      if (partial.has(p) && this.findingsCache.has(p)) this.verdictStale.add(p);
      else {
        this.findingsCache.delete(p);
        this.verdictStale.delete(p);
      }
    }
    this.findingsCache.delete(abs);
    this.verdictStale.delete(abs);
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
    const stale = this.verdictStale.has(p);
    if (cached && !stale) return cached.all;
    this.verdictStale.delete(p);
    const f = this.file(p);
    const fi = f ? undefined : this.forceIgnoreAt(p);
    const plan = f ? this.planFor(f.type, !!f.xml?.root) : fi ? this.planFor('forceignore', false) : [];
    let own: Checked['own'];
    let verdictRules: ReadonlySet<number>;
    if (cached && cached.plan === plan) {
      // Only verdicts changed: the rules that read none would find what they found.
      const res = this.runRules(p, f, fi, plan, cached.verdictRules);
      own = [...cached.own.filter((x) => !cached.verdictRules.has(x.at)), ...res.own].sort((a, b) => a.at - b.at);
      verdictRules = res.verdictRules;
    } else ({ own, verdictRules } = this.runRules(p, f, fi, plan));
    let all = own.map((x) => x.finding);
    for (const x of this.projectFindings()) if (x.path === p) all.push(x);
    all.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    if (all.length === 0) all = NO_FINDINGS;
    this.findingsCache.set(p, { plan, own: own.length ? own : NO_OWN, verdictRules: this.sharedRules(plan, verdictRules), all });
    return all;
  }

  /** Run the plan's rules on `p` (its ECA file or `.forceignore`; only those at the places in `only`, when given). */
  private runRules(p: string, f: EcaFile | undefined, fi: ForceIgnoreFile | undefined, plan: Plan, only?: ReadonlySet<number>): { own: { at: number; finding: Finding }[]; verdictRules: ReadonlySet<number> } {
    const own: { at: number; finding: Finding }[] = [];
    if (plan.length === 0 || only?.size === 0) return { own, verdictRules: NO_RULES };
    const helpers = this.helpers();
    // One context per file, shared by every rule (the app looked up once); helpers written out, as a spread made rules'
    // reads of it slow (bench tree: a cold check's rules 575 → 470 ms, a folder-wide .forceignore flip's 31 → 14 ms).
    const { edit, range, textOf, fix, finding } = helpers;
    const fileCtx = f ? { edit, range, textOf, fix, finding, file: f, app: f.appName ? this.app(f.appName) : undefined, project: this, root: f.xml?.root, doc: f.doc } : undefined;
    const fiCtx = fi ? { edit, range, textOf, fix, finding, forceIgnore: fi, project: this } : undefined;
    // Reads of other files made while checking `p` make `p` their reader; a verdict read marks
    // the rule running (one observer of each kind per project, not two closures per file).
    const run = (this.running = { path: p, at: 0, verdictRules: undefined });
    this.readObserver = this.noteRead;
    observeVerdictReads(this.noteVerdictRead);
    try {
      for (let at = 0; at < plan.length; at++) {
        if (only && !only.has(at)) continue;
        run.at = at;
        const { rule, severity } = plan[at]!;
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
          const finding = makeFinding(rule.id, sev, this.sameMessage(rule.id, r.message), p, helpers.range(p, r.start, r.end), r);
          own.push({ at, finding });
        }
      }
    } finally {
      this.readObserver = undefined;
      this.running = undefined;
      observeVerdictReads(undefined);
    }
    return { own, verdictRules: run.verdictRules ?? NO_RULES };
  }

  /** The file whose rules are running: its path, the rule's place in the plan, the places that read a verdict. */
  private running: { path: string; at: number; verdictRules: Set<number> | undefined } | undefined;
  private readonly noteRead = (key: ReadKey): void => {
    const p = this.running?.path;
    if (p === undefined) return;
    if (key.kind === 'list') this.listReaders.add(p);
    else {
      let s = this.readers.get(key.path);
      if (!s) this.readers.set(key.path, (s = new Set()));
      s.add(p);
    }
  };
  private readonly noteVerdictRead = (): void => {
    const r = this.running;
    if (r) (r.verdictRules ??= new Set()).add(r.at);
  };

  /**
   * A rule's message, as the same string object as its last finding's when the text is the same:
   * most governance messages do not name the app, and 2,000 copies of three of them held 1.7 MB
   * on the bench tree. (checkAll goes file by file, so equal messages of a rule come in a row.)
   */
  private sameMessage(ruleId: string, message: string): string {
    const last = this.lastMessage.get(ruleId);
    if (last === message) return last;
    this.lastMessage.set(ruleId, message);
    return message;
  }

  /**
   * One set object per distinct set of verdict-reading rules of a plan: files of a type mostly
   * have the same ones, and a set each held 2 MB for the bench tree's 10,000 files.
   */
  private sharedRules(plan: Plan, rules: ReadonlySet<number>): ReadonlySet<number> {
    if (rules.size === 0) return NO_RULES;
    // Files come type by type: most often the same set as the last file of this plan's.
    const last = this.lastRuleSet.get(plan);
    if (last && last.size === rules.size && sameMembers(last, rules)) return last;
    let byKey = this.ruleSets.get(plan);
    if (!byKey) this.ruleSets.set(plan, (byKey = new Map()));
    const key = [...rules].sort((a, b) => a - b).join();
    let shared = byKey.get(key);
    if (!shared) byKey.set(key, (shared = rules));
    this.lastRuleSet.set(plan, shared);
    return shared;
  }

  /**
   * The rules that read a file of this type (or every `.forceignore`), with their severity, in
   * registry order: worked out once per type rather than per file and rule.
   */
  private planFor(type: EcaFile['type'] | 'forceignore', hasXmlRoot: boolean): Plan {
    const key = type === 'forceignore' ? type : type ? type : null;
    let byType = this.plans.get(key);
    if (!byType) this.plans.set(key, (byType = new Map()));
    const plan = byType.get(hasXmlRoot);
    if (plan) return plan;
    const list: { rule: Rule; severity: SeverityOrOff }[] = [];
    for (const rule of this.options.ruleSet ?? ALL_RULES) {
      if (type === 'forceignore' ? rule.scope !== 'forceignore' : rule.scope !== 'eca-file' || !ruleReads(rule, type, hasXmlRoot)) continue;
      const severity = this.severityOf(rule.id, rule.defaultSeverity);
      if (severity !== 'off') list.push({ rule, severity });
    }
    byType.set(hasXmlRoot, list);
    return list;
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
        raw = rule.check({ ...helpers, project: this }); // once per rule and run: the spread costs nothing here
      } catch (e) {
        raw = [{ message: `ECA Lens rule ${rule.id} failed on this project: ${e instanceof Error ? e.message : String(e)}`, start: 0, end: 0, severity: 'hint' }];
      }
      for (const r of raw) {
        const sev = this.severityOf(rule.id, r.severity ?? rule.defaultSeverity);
        if (sev === 'off') continue;
        const at = r.path ?? p;
        out.push(makeFinding(rule.id, sev, r.message, at, helpers.range(at, r.start, r.end), r));
      }
    }
    return (this.projectRun = out);
  }

  /** Did a rule of this project read `p` (a file outside it, such as the repository's `.gitignore` above it)? */
  hasReaders(p: string): boolean {
    return this.readers.has(p);
  }

  /** Files outside the index that rules read (`textOf`): `check --cache` never re-checks in part after one of them changed. */
  otherReads(): string[] {
    return [...this.readers.keys()];
  }

  /** The paths the project-scope rules report in (`check --cache` re-checks them after any change, as update does). */
  projectFindingPaths(): string[] {
    return [...new Set(this.projectFindings().map((f) => f.path))];
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

/** Both sets hold the same members (their sizes are equal). */
function sameMembers(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  for (const x of b) if (!a.has(x)) return false;
  return true;
}
